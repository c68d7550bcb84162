"""Rendering a large bibliography in worker processes, with the same output as one process.

The global steps of a bibliography (sorting, citation numbers, disambiguation, year
suffixes) need every item and run once, in the calling process. What is left, turning
each item into its entry, is independent from one item to the next: :func:`bibliography`
splits the sorted items into contiguous chunks; the calling process renders the first
share of them while ``jobs - 1`` forked workers, which inherit the prepared bibliography,
render the rest; the entries are joined in order. The per-item parts of the global steps
(sort keys, first-pass citation texts) are shared out the same way by :func:`map_items`.
Each chunk also
renders the entries before it that a style comparing an entry with the previous one
(``subsequent-author-substitute``) looks back to, so it sees the same neighbour as in one
process.

How many processes: :func:`options` sets it for the code inside (the command line's
``--jobs``); ``None`` means automatic: one per core for inputs of at least
:data:`AUTO_MIN_ENTRIES` entries, else one. Workers need the ``fork`` start method
(Linux); elsewhere rendering stays in one process. A progress bar is drawn on standard
error when asked for and the run is long (see :mod:`citeform.progress`).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from ..errors import CiteformError

AUTO_MIN_ENTRIES = 400  # automatic mode renders smaller bibliographies in one process
MIN_CHUNK = 50  # entries per chunk, at least
CHUNKS_PER_JOB = 4  # smaller chunks balance the workers and move the progress bar


class Options:
    """How bibliographies are rendered (read-only; a plain class, cheap to define at start-up)."""

    __slots__ = ("jobs", "progress")

    def __init__(self, jobs: int | None = 1, progress: bool = False) -> None:
        object.__setattr__(self, "jobs", jobs)  # None: automatic
        object.__setattr__(self, "progress", progress)  # a bar if stderr is a terminal, long runs

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Options are read-only: cannot set {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Options):
            return NotImplemented
        return (self.jobs, self.progress) == (other.jobs, other.progress)

    def __hash__(self) -> int:
        return hash((self.jobs, self.progress))

    def __repr__(self) -> str:
        return f"Options(jobs={self.jobs!r}, progress={self.progress!r})"


_OPTIONS: ContextVar[Options | None] = ContextVar("citeform_batch_options", default=None)
_JOB: Any = None  # the prepared bibliography, inherited by forked workers


@contextmanager
def options(jobs: int | None = 1, progress: bool = False) -> Iterator[Options]:
    """Render the bibliographies made inside with ``jobs`` workers (``None``: automatic)."""
    if jobs is not None and jobs < 1:
        raise ValueError("jobs must be at least 1")
    token = _OPTIONS.set(Options(jobs, progress))
    try:
        yield current()
    finally:
        _OPTIONS.reset(token)


def current() -> Options:
    """The options in force (one process, no bar, unless :func:`options` says otherwise)."""
    return _OPTIONS.get() or Options()


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def worker_count(requested: int | None, total: int) -> int:
    """How many processes render ``total`` entries."""
    if requested is None:
        requested = cores() if total >= AUTO_MIN_ENTRIES else 1
    most = max(1, total // MIN_CHUNK)
    return max(1, min(requested, most))


def chunks(total: int, jobs: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, stop)`` ranges covering ``range(total)`` in order."""
    if total <= 0:
        return []
    count = max(1, min(jobs * CHUNKS_PER_JOB, total // MIN_CHUNK or 1))
    size, extra = divmod(total, count)
    out, start = [], 0
    for i in range(count):
        stop = start + size + (1 if i < extra else 0)
        out.append((start, stop))
        start = stop
    return out


def render_range(style: Any, items: Sequence[Any], start: int, stop: int) -> list[Any]:
    """Entries ``start:stop`` of ``items``, as one run over all of them renders them."""
    return list(style.render_bibliography_range(items, start, stop))


def _finished(entries: list[Any], finish: Callable[[Any], str]) -> list[str | None]:
    return [None if entry is None else finish(entry) for entry in entries]


def _work(bounds: tuple[int, int]) -> list[str | None]:
    bib, finish = _JOB
    return _finished(render_range(bib.style, bib.items, *bounds), finish)


def _map_chunk(bounds: tuple[int, int]) -> list[Any]:
    function, items = _JOB
    return [function(item) for item in items[bounds[0] : bounds[1]]]


def map_items(function: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """``[function(item) for item in items]``, shared among workers for large inputs.

    For the per-item parts of the global steps (sort keys, first-pass citation texts):
    ``function`` must depend only on its item and on state prepared before the call,
    and return something picklable; its side effects in workers are lost.
    """
    total = len(items)
    jobs = worker_count(current().jobs, total)
    if jobs == 1 or not can_fork():
        return [function(item) for item in items]
    out: list[Any] = []
    for part in _in_workers(_map_chunk, (function, items), chunks(total, jobs), jobs):
        out.extend(part)
    return out


def _in_workers(work: Callable[[tuple[int, int]], Any], job: Any,
                parts: list[tuple[int, int]], jobs: int) -> Iterator[Any]:
    """``work(part)`` for each part, in order: the first share in this process, the rest in
    ``jobs - 1`` forked workers that inherit ``job`` (``jobs`` at least 2).

    Each worker renders a fixed, interleaved set of parts and sends each result through its
    own pipe, so a worker that dies (killed, out of memory) is seen as an early end of its
    pipe: the run stops at once with :class:`WorkerDied` instead of waiting for ever.
    """
    global _JOB
    _JOB = job
    # Workers then share the prepared objects instead of copying them. No collection first:
    # it took 20 ms a pool on a large heap, and what little cyclic garbage is frozen with
    # the rest is collected after unfreeze.
    gc.freeze()
    # The calling process does the first share itself while jobs - 1 forked workers do the
    # rest: one fork fewer, and its share runs on warm caches with no copy-on-write faults.
    own = max(1, len(parts) // jobs)
    rest = parts[own:]
    count = min(jobs - 1, len(rest))
    workers: list[tuple[int, Any]] = []
    try:
        for w in range(count):
            workers.append(_fork(work, rest[w::count]))
        for part in parts[:own]:
            yield work(part)
        for i in range(len(rest)):
            pid, pipe = workers[i % count]
            yield _receive(pid, pipe)
    finally:
        for pid, pipe in workers:  # at once if the caller stopped early or an error came back
            pipe.close()
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        _JOB = None
        gc.unfreeze()


class WorkerDied(CiteformError):
    """A worker process ended before sending all its results."""


def _fork(work: Callable[[tuple[int, int]], Any], parts: list[tuple[int, int]]) -> tuple[int, Any]:
    """A worker that sends ``work(part)`` for each of ``parts`` through a pipe, in order."""
    import pickle
    import signal

    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the worker (coverage does not follow it)
        status = 0
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: the parent reports it
            # Every part is done before anything is written: the parent reads only after
            # its own share, and a result larger than the pipe's buffer (64 KiB, about 250
            # entries) would otherwise keep this worker waiting, idle, until then.
            done: list[bytes] = []
            for part in parts:
                try:
                    message = (True, work(part))
                except BaseException as e:  # sent to the parent, raised there
                    message = (False, e)
                try:
                    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
                except Exception as e:
                    data = pickle.dumps((False, RuntimeError(f"{type(e).__name__}: {e}")))
                done.append(len(data).to_bytes(8, "little") + data)
                if not message[0]:
                    break
            with os.fdopen(write_end, "wb") as out:
                out.write(b"".join(done))
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, os.fdopen(read_end, "rb")


def _receive(pid: int, pipe: Any) -> Any:
    """The next result a worker sent; :class:`WorkerDied` when its pipe ended first."""
    import pickle

    head = pipe.read(8)
    data = pipe.read(int.from_bytes(head, "little")) if len(head) == 8 else b""
    if len(head) != 8 or len(data) != int.from_bytes(head, "little"):
        raise WorkerDied(f"a rendering worker (process {pid}) {_ended(pid)}; nothing was written")
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    return value


def _ended(pid: int) -> str:
    """How a worker ended, in words (it is reaped here)."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return "stopped"
    if os.WIFSIGNALED(status):
        import signal

        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        hint = " (out of memory?)" if number == signal.SIGKILL else ""
        return f"was killed by {name}{hint}"
    return f"stopped with exit status {os.WEXITSTATUS(status)}"


def bibliography(bib: Any, finish: Callable[[Any], str]) -> list[str | None]:
    """``finish(entry)`` for each entry of ``bib.bibliography()`` (None stays None), in order.

    For large inputs the entries are rendered and finished in workers; ``finish`` (the
    output passes of one entry) runs where the entry was rendered.
    """
    from .. import progress

    opts = current()
    items = bib.items
    total = len(items)
    jobs = worker_count(opts.jobs, total)
    if jobs > 1 and not can_fork():
        jobs = 1
    show = opts.progress and progress.wanted(total)
    if jobs == 1 and not show:
        return _finished(bib.bibliography(), finish)
    parts = chunks(total, jobs if jobs > 1 else max(1, total // (MIN_CHUNK * CHUNKS_PER_JOB)))
    out: list[Any] = []
    with progress.Progress(total, enabled=show) as bar:
        if jobs == 1:
            for start, stop in parts:
                out.extend(_finished(render_range(bib.style, items, start, stop), finish))
                bar.update(stop - start)
            return out
        work = _in_workers(_work, (bib, finish), parts, jobs)
        for (start, stop), entries in zip(parts, work, strict=True):
            out.extend(entries)
            bar.update(stop - start)
    return out
