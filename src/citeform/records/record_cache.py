"""Parsed YAML record files kept on disk, so that a repeated ``citeform cite KEY`` reads its
records without loading a YAML parser. (A file in plain YAML never comes here: it is read
without the parser, faster than a look-up, by :mod:`citeform.records.yaml_fast`.)

An entry holds a digest of the file's text beside what was read from it (data and
positions); it is used only when the text has the same digest, and only by the citeform,
Python and record parser that wrote it. It is kept as safe as Python's own bytecode cache,
and then some:

- the folder is the user's own: created ``0700``; a folder owned by someone else, writable
  by group or others, or reached through a symbolic link is not used;
- every path inside it is opened relative to that folder, never following a symbolic link,
  without blocking (a FIFO), and used only when it is a regular file of a sane size;
- an entry is written to a temporary file created exclusively under an unpredictable name,
  then renamed; pruning removes only files named the way this module names them;
- an entry carries a BLAKE2b digest of its payload; any mismatch, any shape or value the
  YAML parser could not have produced (the same size, depth and count limits), is a miss:
  the file is parsed again, never a wrong record or an error blamed on the user's file.

Errors are never cached, so a broken file is reported the same way every time. A process
uses the cache for its first :data:`PER_PROCESS` YAML files only, so that a batch over
thousands of files does not pay a look-up and a write per file. Entries not used for
:data:`MAX_AGE_DAYS` days are removed (at most once a day, by a process that writes one).

Folder: ``$CITEFORM_CACHE_DIR/parsed-records``, else ``$XDG_CACHE_HOME/citeform/parsed-records``,
else ``~/.cache/citeform/parsed-records``; ``CITEFORM_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import functools
import marshal
import os
import re
import stat
import sys
import time
from typing import Any

FORMAT = 2  # raise when the shape of an entry changes
PER_PROCESS = 64  # YAML files a process reads through the cache
MAX_AGE_DAYS = 30  # an entry not used for this long is removed
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # an entry larger than this is not read
FOLDER = "parsed-records"
_DAY = 86_400.0
_MAGIC = b"citeform-records\x00"
_DIGEST = 32  # bytes of BLAKE2b
_SUFFIX = ".entry"
_MARKER = "last-pruned"
_OWN_NAME = re.compile(r"(?:[0-9a-f]{32}\.entry|\.[0-9a-f]{32}\.tmp)")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_SAFE = bool(_NOFOLLOW) and os.open in os.supports_dir_fd and hasattr(os, "geteuid")

try:  # the BLAKE2 module alone: ``hashlib`` also loads OpenSSL (some 10 ms at start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

_left = PER_PROCESS
_made: set[str] = set()  # folders this process made or found


def directory() -> str | None:
    """Where entries live, or None when the cache is off (also where the platform cannot
    open files safely)."""
    if not _SAFE or os.environ.get("CITEFORM_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("CITEFORM_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "citeform")
    return os.path.join(base, FOLDER)


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

    here = os.path.dirname(os.path.abspath(__file__))
    fingerprint: list = []
    for name in ("yaml_positions.py", "record_cache.py"):
        try:
            info = os.stat(os.path.join(here, name))
            fingerprint.append((info.st_size, info.st_mtime_ns))
        except OSError:
            fingerprint.append(())
    return (FORMAT, __version__, tuple(sys.version_info[:2]), tuple(fingerprint))


def _digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=_DIGEST).digest()


def _text_digest(text: str) -> bytes:
    return _digest(text.encode("utf-8", "surrogatepass"))


def _entry(path: str) -> tuple[str, str]:
    """The absolute path and the entry's name (in the cache folder) for a record file."""
    where = os.path.abspath(path)
    name = blake2b(os.fsencode(where), digest_size=16).hexdigest()
    return where, name + _SUFFIX


def _open_folder(folder: str, create: bool) -> int | None:
    """A descriptor of the cache folder when it is safe to use, else None."""
    if create and folder not in _made:
        parent = os.path.dirname(folder)
        try:
            os.makedirs(parent, mode=0o700, exist_ok=True)
            os.mkdir(folder, 0o700)
        except OSError:
            pass
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW)
    except OSError:
        return None
    info = os.fstat(fd)
    if (not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid()
            or info.st_mode & 0o022):
        os.close(fd)
        return None
    if create and folder not in _made:
        _made.add(folder)
        prune(folder, folder_fd=fd)
    return fd


def _open_regular(name: str, folder_fd: int, flags: int = os.O_RDONLY) -> int | None:
    """``name`` in the folder opened without following a link or blocking, if it is a
    regular file of the user's, else None."""
    try:
        fd = os.open(name, flags | _NOFOLLOW | _NONBLOCK, 0o600, dir_fd=folder_fd)
    except OSError:
        return None
    info = os.fstat(fd)
    if (not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid()
            or info.st_size > MAX_ENTRY_BYTES):
        os.close(fd)
        return None
    return fd


def get(path: str, text: str) -> Any | None:
    """What :func:`put` stored for ``path`` with this very ``text``, else None."""
    folder = directory()
    if folder is None:
        return None
    folder_fd = _open_folder(folder, create=False)
    if folder_fd is None:
        return None
    where, name = _entry(path)
    try:
        fd = _open_regular(name, folder_fd)
        if fd is None:
            return None
        try:
            blob = _read_all(fd)
            used = os.fstat(fd).st_mtime
            if time.time() - used > _DAY:  # the entry's time is when it was last used
                try:
                    os.utime(fd)
                except OSError:
                    pass
        finally:
            os.close(fd)
    except OSError:
        return None
    finally:
        os.close(folder_fd)
    return _decode(blob, where, text)


def _read_all(fd: int) -> bytes:
    chunks, size = [], 0
    while size <= MAX_ENTRY_BYTES:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _decode(blob: bytes, where: str, text: str) -> Any | None:
    head = len(_MAGIC) + _DIGEST
    if len(blob) < head or not blob.startswith(_MAGIC):
        return None
    body = blob[head:]
    if _digest(body) != blob[len(_MAGIC):head]:
        return None
    try:
        stored = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 4):
        return None
    stamp, stored_path, text_digest, payload = stored
    if stamp != _stamp() or stored_path != where or text_digest != _text_digest(text):
        return None
    return payload if _plausible(payload) else None


def _plausible(payload: Any) -> bool:
    """Whether ``payload`` has the shape and stays within the limits of what the YAML parser
    gives (a list of ``(data, line, column, positions, csl_input)``)."""
    from .record_limits import MAX_DEPTH, MAX_INT_DIGITS, MAX_NODES, MAX_SCALAR

    if not isinstance(payload, list):
        return False
    budget = [MAX_NODES]  # visits, shared values counted each time they are reached
    largest = 10 ** MAX_INT_DIGITS

    def fits(value: Any, depth: int) -> bool:
        budget[0] -= 1
        if budget[0] < 0 or depth > MAX_DEPTH + 4:
            return False
        kind = type(value)
        if kind is str:
            return len(value) <= MAX_SCALAR
        if kind is int:
            return -largest < value < largest
        if kind in (bool, float) or value is None:
            return True
        if kind in (list, tuple):
            return all(fits(v, depth + 1) for v in value)
        if kind is dict:
            return all(type(k) in (str, int, bool, float) and fits(k, depth + 1)
                       and fits(v, depth + 1) for k, v in value.items())
        return False

    for item in payload:
        if not (isinstance(item, tuple) and len(item) == 5):
            return False
        _data, line, column, positions, csl_input = item
        if not (type(line) in (int, type(None)) and type(column) in (int, type(None))
                and isinstance(positions, dict) and type(csl_input) in (bool, type(None))):
            return False
        if not all(type(k) is str and isinstance(v, tuple) and len(v) == 2
                   and all(type(n) is int for n in v) for k, v in positions.items()):
            return False
        if not fits(item, 0):
            return False
    return True


def put(path: str, text: str, payload: Any) -> None:
    """Keep ``payload`` (plain data: what ``marshal`` holds) as what ``path``'s ``text`` reads as."""
    folder = directory()
    if folder is None:
        return
    where, name = _entry(path)
    try:
        body = marshal.dumps((_stamp(), where, _text_digest(text), payload))
    except ValueError:  # something marshal cannot hold: not cached
        return
    blob = _MAGIC + _digest(body) + body
    folder_fd = _open_folder(folder, create=True)
    if folder_fd is None:
        return
    temporary = f".{os.urandom(16).hex()}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600,
                     dir_fd=folder_fd)
        try:
            view = memoryview(blob)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(temporary, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
    except OSError:
        try:
            os.unlink(temporary, dir_fd=folder_fd)
        except OSError:
            pass
    finally:
        os.close(folder_fd)


def prune(folder: str, now: float | None = None, folder_fd: int | None = None) -> int:
    """Remove this cache's own files in ``folder`` unused for MAX_AGE_DAYS days (once a day
    at most, told by a marker file); returns how many were removed."""
    now = time.time() if now is None else now
    own_fd = folder_fd is None
    if folder_fd is None:
        folder_fd = _open_folder(folder, create=False)
        if folder_fd is None:
            return 0
    removed = 0
    try:
        marker = _open_regular(_MARKER, folder_fd)
        if marker is not None:
            try:
                if now - os.fstat(marker).st_mtime < _DAY:
                    return 0
            finally:
                os.close(marker)
        marker = _open_regular(_MARKER, folder_fd, os.O_WRONLY | os.O_CREAT)
        if marker is None:  # something else sits under the marker's name: leave it all be
            return 0
        try:
            os.utime(marker, (now, now))
        finally:
            os.close(marker)
        for item in os.scandir(folder_fd):
            if not _OWN_NAME.fullmatch(item.name):
                continue
            try:
                info = os.stat(item.name, dir_fd=folder_fd, follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > MAX_AGE_DAYS * _DAY:
                    os.unlink(item.name, dir_fd=folder_fd)
                    removed += 1
            except OSError:
                pass
    except OSError:
        pass
    finally:
        if own_fd:
            os.close(folder_fd)
    return removed
