"""Parsed YAML record files kept on disk, so that a repeated ``citeform cite KEY`` reads its
records without loading a YAML parser.

An entry holds the file's whole text beside what was read from it (data and positions); it
is used only when the text is the same character for character, and only by the citeform,
Python and record parser that wrote it. It is written like Python's own bytecode cache
(``marshal``, to a temporary file then renamed) and read under the same trust: the cache
folder is the user's own. A cache that cannot be read or written is ignored; errors are
never cached, so a broken file is reported the same way every time.

The cache is for the everyday case, a command that reads a few record files: a process
uses it for its first :data:`PER_PROCESS` YAML files only, so that a batch over thousands
of files does not pay a look-up and a write per file. Entries not used for
:data:`MAX_AGE_DAYS` days are removed (at most once a day, by a process that writes one).

Folder: ``$CITEFORM_CACHE_DIR``, else ``$XDG_CACHE_HOME/citeform``, else
``~/.cache/citeform``; ``CITEFORM_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import functools
import marshal
import os
import sys
import time
import zlib
from typing import Any

FORMAT = 1  # raise when the shape of an entry changes
PER_PROCESS = 64  # YAML files a process reads through the cache
MAX_AGE_DAYS = 30  # an entry not used for this long is removed
_DAY = 86_400.0
_SUFFIX = ".marshal"

_left = PER_PROCESS
_made: set[str] = set()  # folders this process made or found


def directory() -> str | None:
    """Where entries live, or None when the cache is off."""
    if os.environ.get("CITEFORM_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("CITEFORM_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "citeform")
    return os.path.join(base, "records")


def take() -> bool:
    """Whether the next YAML file goes through the cache (the first PER_PROCESS do, when
    the cache is on)."""
    global _left
    if _left <= 0 or directory() is None:
        return False
    _left -= 1
    return True


@functools.cache
def _stamp() -> tuple:
    """What must not have changed since an entry was written: formats, versions, the parser."""
    from ..version import __version__

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
    return where, os.path.join(folder, f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}{_SUFFIX}")


def get(path: str, text: str) -> Any | None:
    """What :func:`put` stored for ``path`` with this very ``text``, else None."""
    folder = directory()
    if folder is None:
        return None
    where, entry = _entry(folder, path)
    try:
        with open(entry, "rb") as f:
            stored = marshal.load(f)
            used = os.fstat(f.fileno()).st_mtime
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 4):
        return None
    stamp, stored_path, stored_text, payload = stored
    if stored_path != where or stored_text != text or stamp != _stamp():
        return None
    if time.time() - used > _DAY:  # the entry's time is when it was last used, to the day
        try:
            os.utime(entry)
        except OSError:
            pass
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
        if folder not in _made:
            os.makedirs(folder, exist_ok=True)
            _made.add(folder)
            prune(folder)
        with open(temporary, "wb") as f:
            f.write(blob)
        os.replace(temporary, entry)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def prune(folder: str, now: float | None = None) -> int:
    """Remove the entries of ``folder`` unused for MAX_AGE_DAYS days (once a day at most, told
    by a marker file); returns how many were removed."""
    now = time.time() if now is None else now
    marker = os.path.join(folder, "last-pruned")
    try:
        if now - os.stat(marker).st_mtime < _DAY:
            return 0
    except OSError:
        pass
    removed = 0
    try:
        with open(marker, "w", encoding="ascii"):
            pass
        os.utime(marker, (now, now))
        with os.scandir(folder) as found:
            for item in found:
                if not item.name.endswith((_SUFFIX, ".tmp")):
                    continue
                try:
                    if now - item.stat().st_mtime > MAX_AGE_DAYS * _DAY:
                        os.unlink(item.path)
                        removed += 1
                except OSError:
                    pass
    except OSError:
        pass
    return removed
