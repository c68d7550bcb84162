"""Where a document is written: standard output, a file, or a special file written into.

- ``None``, ``-`` and ``/dev/stdout`` (``/dev/fd/1``, ``/proc/self/fd/1``) are standard output.
- A target that exists and is not a regular file (a character device such as ``/dev/null``,
  a FIFO, a terminal) is opened and written into, never replaced.
- Anything else is a regular file, written to a temporary file in its folder and moved into
  place at the end (a symbolic link to a file: into the linked file's place, keeping the link), so a failed or interrupted run leaves any previous file intact. With
  ``replace=False`` an existing file is never replaced, also when another run creates it
  meanwhile: the finished file is linked into place, which fails if the name is taken.
- A folder, or a file in a folder that does not exist, is a usage error naming it; a write
  that fails (full disk, read-only folder, closed standard output) is one :class:`DataError`
  naming the file.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from typing import IO

from .errors import DataError, UsageError
from .safe_text import shown

STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
STDOUT = "standard output"


def is_stdout(path: str | None) -> bool:
    return path is None or path in STDOUT_NAMES


def check(path: str | None) -> None:
    """Usage errors for a target that can never be written (before any work is done)."""
    if is_stdout(path):
        return
    assert path is not None
    if not path:
        raise UsageError("-o needs a file name (or - for standard output)")
    if os.path.isdir(path):
        raise UsageError(f"{shown(path)} is a folder; give a file name")
    folder = os.path.abspath(path) if path.endswith(("/", os.sep)) else \
        os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder) or path.endswith(("/", os.sep)):
        raise UsageError(f"cannot write {shown(path)}: no such folder {shown(folder)}")


class WriteError(DataError):
    """A target that could not be written (full disk, read-only folder, closed output)."""


def _failed(path: str, e: OSError) -> WriteError:
    name = STDOUT if is_stdout(path) else shown(path)
    return WriteError(f"cannot write {name}: {e.strerror or e}")


class Sink:
    """One document being written; :meth:`commit` makes it final, :meth:`abandon` drops it."""

    name = STDOUT

    def write(self, text: str) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Finish; raises :class:`DataError` when the text could not be written in full."""

    def abandon(self) -> None:
        """Drop what was written (where that is possible)."""


class StdoutSink(Sink):
    """Standard output, written as the document is made (a reader that goes away ends the
    run quietly, as ``| head`` expects)."""

    def __init__(self) -> None:
        self.stream: IO[str] | None = sys.stdout
        if self.stream is None or getattr(self.stream, "closed", False):
            raise WriteError(f"cannot write {STDOUT}: it is closed")
        try:
            fd = self.stream.fileno()
        except (OSError, ValueError, AttributeError):
            fd = None  # a stream without a descriptor (a test runner's)
        if fd is not None:
            try:
                os.fstat(fd)
            except OSError as e:
                raise _failed("-", e) from None

    def write(self, text: str) -> None:
        try:
            assert self.stream is not None
            self.stream.write(text)
        except BrokenPipeError:
            self._quiet_exit()
        except OSError as e:
            self._drop()
            raise _failed("-", e) from None

    def commit(self) -> None:
        try:
            assert self.stream is not None
            self.stream.flush()
        except BrokenPipeError:
            self._quiet_exit()
        except OSError as e:
            self._drop()
            raise _failed("-", e) from None

    @staticmethod
    def _drop() -> None:
        """Standard output to /dev/null, so that the exit does not try the failed write again."""
        try:
            fd = sys.stdout.fileno()
        except (OSError, ValueError, AttributeError):
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)

    def _quiet_exit(self) -> None:
        self._drop()
        sys.exit(0)


class IntoSink(Sink):
    """An existing special file (device, FIFO, terminal): written into at the end."""

    def __init__(self, path: str) -> None:
        self.name = path
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def commit(self) -> None:
        data = "".join(self.parts).encode("utf-8", "surrogateescape")
        try:
            fd = os.open(self.name, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0))
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
        except OSError as e:
            raise _failed(self.name, e) from None


def _temporary_file(folder: str) -> tuple[int, str]:
    """A new file ``.citeform-XXXX.tmp`` in ``folder`` only this process can read, opened as
    :func:`tempfile.mkstemp` opens one (exclusively, links not followed), without importing
    :mod:`tempfile` (with the ``random`` and ``shutil`` it brings, 3 ms of a short run)."""
    flags = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    for _attempt in range(100):
        path = os.path.join(folder, f".citeform-{os.urandom(8).hex()}.tmp")
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue  # taken: another name
    raise FileExistsError(errno.EEXIST, "no free temporary file name", folder)


class FileSink(Sink):
    """A regular file, written through a temporary file in its folder."""

    def __init__(self, path: str, replace: bool = True, dest: str | None = None) -> None:
        self.name = path  # as given, for messages
        self.dest = dest or path  # where the file goes (a symlink's target)
        self.replace = replace
        folder = os.path.dirname(os.path.abspath(self.dest))
        try:
            fd, self.tmp = _temporary_file(folder)
        except OSError as e:
            raise _failed(path, e) from None
        self.file: IO[str] | None = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        assert self.file is not None
        try:
            self.file.write(text)
        except OSError as e:
            self.abandon()
            raise _failed(self.name, e) from None

    def commit(self) -> None:
        assert self.file is not None
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            self.file = None
            self._chmod()
            if self.replace:
                os.replace(self.tmp, self.dest)
            else:
                self._create()
        except FileExistsError:
            self.abandon()
            raise DataError(f"{shown(self.name)} exists; use --force to overwrite it") from None
        except OSError as e:
            self.abandon()
            raise _failed(self.name, e) from None
        except BaseException:
            self.abandon()
            raise

    def _chmod(self) -> None:
        try:
            mode = os.stat(self.dest).st_mode & 0o7777 if self.replace else None
        except OSError:
            mode = None
        if mode is None:  # a new file gets what the umask allows
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(self.tmp, mode)

    def _create(self) -> None:
        """The finished file under its name only if nothing has that name (even if another
        run made it a moment ago): a hard link fails on a taken name."""
        try:
            os.link(self.tmp, self.name)
        except OSError as e:
            if e.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV,
                               errno.EMLINK):
                raise
            self._create_by_copy()
        os.unlink(self.tmp)

    def _create_by_copy(self) -> None:
        """Where hard links are not allowed: create the name exclusively, then fill it."""
        import shutil

        fd = os.open(self.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with open(self.tmp, "rb") as src, os.fdopen(fd, "wb") as dst:
                fd = -1
                shutil.copyfileobj(src, dst)
        except BaseException:
            if fd >= 0:
                os.close(fd)
            os.unlink(self.name)
            raise

    def abandon(self) -> None:
        if self.file is not None:
            try:
                self.file.close()
            except OSError:
                pass
            self.file = None
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def open_target(path: str | None, replace: bool = True) -> Sink:
    """A sink for ``path`` (see the module's rules); ``replace=False``: never replace a file."""
    if is_stdout(path):
        return StdoutSink()
    assert path is not None
    check(path)
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        return IntoSink(path)
    if info is not None and not replace:
        raise DataError(f"{shown(path)} exists; use --force to overwrite it")
    if info is not None and os.path.islink(path):
        # a link to a file kept elsewhere: that file is updated (as '>' would), the link kept
        return FileSink(path, replace, dest=os.path.realpath(path))
    return FileSink(path, replace)


def write_document(path: str | None, text: str, replace: bool = True) -> None:
    """Write a whole document to ``path`` (see :func:`open_target`)."""
    sink = open_target(path, replace)
    try:
        sink.write(text)
        sink.commit()
    except BaseException:
        sink.abandon()
        raise
