"""Parsed YAML record files kept on disk, so that a repeated ``citeform cite KEY`` reads its
records without loading a YAML parser.

An entry holds the file's whole text beside what was read from it (data and positions); it
is used only when the text is the same character for character, and only by the citeform,
Python and record parser that wrote it. It is written like Python's own bytecode cache
(``marshal``, to a temporary file then renamed) and read under the same trust: the cache
folder is the user's own. A cache that cannot be read or written is ignored; errors are
never cached, so a broken file is reported the same way every time.

Folder: ``$CITEFORM_CACHE_DIR``, else ``$XDG_CACHE_HOME/citeform``, else
``~/.cache/citeform``; ``CITEFORM_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from typing import Any

FORMAT = 1  # raise when the shape of an entry changes


def directory() -> str | None:
    """Where entries live, or None when the cache is off."""
    if os.environ.get("CITEFORM_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("CITEFORM_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "citeform")
    return os.path.join(base, "records")


def _stamp() -> tuple:
    """What must not have changed since an entry was written: formats, versions, the parser."""
    from . import __version__

    parser = os.path.join(os.path.dirname(os.path.abspath(__file__)), "yaml_positions.py")
    try:
        info = os.stat(parser)
        fingerprint: tuple = (info.st_size, info.st_mtime_ns)
    except OSError:
        fingerprint = ()
    return (FORMAT, __version__, tuple(sys.version_info[:2]), fingerprint)


def _entry(folder: str, path: str) -> tuple[str, str]:
    where = os.path.abspath(path)
    raw = os.fsencode(where)
    return where, os.path.join(folder, f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}.marshal")


def get(path: str, text: str) -> Any | None:
    """What :func:`put` stored for ``path`` with this very ``text``, else None."""
    folder = directory()
    if folder is None:
        return None
    where, entry = _entry(folder, path)
    try:
        with open(entry, "rb") as f:
            stored = marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 4):
        return None
    stamp, stored_path, stored_text, payload = stored
    if stored_path != where or stored_text != text or stamp != _stamp():
        return None
    return payload


def put(path: str, text: str, payload: Any) -> None:
    """Keep ``payload`` (plain data: what ``marshal`` holds) as what ``path``'s ``text`` reads as."""
    folder = directory()
    if folder is None:
        return
    where, entry = _entry(folder, path)
    try:
        blob = marshal.dumps((_stamp(), where, text, payload))
    except ValueError:  # something marshal cannot hold: not cached
        return
    temporary = f"{entry}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, exist_ok=True)
        with open(temporary, "wb") as f:
            f.write(blob)
        os.replace(temporary, entry)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
