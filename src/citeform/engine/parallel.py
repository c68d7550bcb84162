"""Rendering a large bibliography in worker processes, with the same output as one process.

The global steps of a bibliography (sorting, citation numbers, disambiguation, year
suffixes) need every item and run once, in the calling process. What is left, turning
each item into its entry, is independent from one item to the next: :func:`bibliography`
splits the sorted items into contiguous chunks, which the calling process and ``jobs - 1``
forked workers (inheriting the prepared bibliography) take one at a time as each is free;
the entries are joined in order. The per-item parts of the global steps (sort keys,
first-pass citation texts) are shared out the same way by :func:`map_items`. Each chunk
also renders the entries before it that a style comparing an entry with the previous one
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
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from ..errors import CiteformError

AUTO_MIN_ENTRIES = 400  # automatic mode renders smaller bibliographies in one process
MIN_CHUNK = 50  # entries per chunk, at least
MIN_MAP_CHUNK = 200  # items per chunk of map_items, at least (a sort key costs far less than an entry)
MIN_MAP_PART = 50  # items per part of map_items in workers, at least
LEAD_ITEMS = 10  # items map_items maps before it decides whether to fork
MIN_FORK_SECONDS = 0.05  # work left (processor time) for which map_items forks, at least
CHUNKS_PER_JOB = 4  # smaller chunks balance the workers and move the progress bar
MAX_PARTS = 1000  # chunks of one run, at most (their numbers fill one small write to a pipe)


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


def worker_count(requested: int | None, total: int, min_chunk: int | None = None) -> int:
    """How many processes render ``total`` entries (``min_chunk``: at least that many each,
    :data:`MIN_CHUNK` by default)."""
    if requested is None:
        requested = cores() if total >= AUTO_MIN_ENTRIES else 1
    most = max(1, total // (MIN_CHUNK if min_chunk is None else min_chunk))
    return max(1, min(requested, most))


def chunks(total: int, jobs: int, min_chunk: int | None = None) -> list[tuple[int, int]]:
    """Contiguous ``(start, stop)`` ranges covering ``range(total)`` in order, of at least
    ``min_chunk`` (:data:`MIN_CHUNK` by default) where there are enough."""
    if total <= 0:
        return []
    smallest = MIN_CHUNK if min_chunk is None else min_chunk
    count = max(1, min(jobs * CHUNKS_PER_JOB, total // smallest or 1, MAX_PARTS))
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

    A round of workers costs some 10 to 20 ms of processor time (the fork, the pages
    copied on write in both processes): it is worth it for at least ``2 * MIN_MAP_CHUNK``
    items and :data:`MIN_FORK_SECONDS` of work. The first :data:`LEAD_ITEMS` are mapped
    here to tell: the first builds what later ones share (a layout's compiled functions,
    the collation table), which the workers then inherit; the others tell what an item
    costs.
    """
    total = len(items)
    jobs = worker_count(current().jobs, total, MIN_MAP_CHUNK)
    if jobs == 1 or not can_fork():
        return [function(item) for item in items]
    out = [function(items[0])]
    lead = min(LEAD_ITEMS, total)
    started = time.process_time()  # not the wall clock: other processes may run meanwhile
    out.extend(function(items[i]) for i in range(1, lead))
    left = (time.process_time() - started) / (lead - 1) * (total - lead)
    if left < MIN_FORK_SECONDS:
        out.extend(function(items[i]) for i in range(lead, total))
        return out
    parts = [(start + lead, stop + lead) for start, stop in shrinking(total - lead, jobs, MIN_MAP_PART)]
    results: list[Any] = [None] * len(parts)
    for i, values in _done(_map_chunk, (function, items), parts, jobs):
        results[i] = values
    out.extend(value for values in results for value in values)
    return out


def _in_workers(work: Callable[[tuple[int, int]], Any], job: Any,
                parts: list[tuple[int, int]], jobs: int) -> Iterator[Any]:
    """``work(part)`` for each part, in the order of ``parts`` (see :func:`_done`)."""
    results: dict[int, Any] = {}
    following = 0
    for i, value in _done(work, job, parts, jobs):
        results[i] = value
        while following in results:
            yield results.pop(following)
            following += 1


def _done(work: Callable[[tuple[int, int]], Any], job: Any, parts: list[tuple[int, int]],
          jobs: int, lead: bool = False) -> Iterator[tuple[int, Any]]:
    """``(i, work(parts[i]))`` for each part, as they are done: by this process and
    ``jobs - 1`` forked workers that inherit ``job`` (``jobs`` at least 2). With ``lead``
    the first part is done here before the workers are forked, so that what the first
    render builds for every later one (a layout's compiled functions, the collation
    table) is built once and inherited rather than built again in each worker and lost:
    callers make that part small (see :func:`_with_lead`).

    The parts wait in a queue (a pipe of their numbers, read four bytes at a time: each read
    is atomic) from which every process takes the next one whenever it is free, so that a
    process slowed down (by a busy machine, by copy-on-write faults after the fork) does
    fewer parts instead of keeping the others waiting. Each worker sends its results
    through its own pipe, and an end mark when the queue is empty; a worker that dies
    (killed, out of memory) is seen as an early end of its pipe, and the run stops at once
    with :class:`WorkerDied` instead of waiting for ever. An error in a part is raised once
    every part before it is done, so that it is the one a single process would raise.
    """
    global _JOB
    _JOB = job
    first = 0
    if lead:
        try:
            value = work(parts[0])
            first = 1
            yield 0, value
        except BaseException:  # (the caller stopped, or an error in the first part)
            _JOB = None
            raise
    # Workers then share the prepared objects instead of copying them. No collection first:
    # it took 20 ms a pool on a large heap, and what little cyclic garbage is frozen with
    # the rest is collected after unfreeze.
    gc.freeze()
    # at most MAX_PARTS + 1 numbers of 4 bytes: one write of at most PIPE_BUF (4 KiB),
    # which even a pipe cut down to one page (a user over pipe-user-pages-soft) holds
    queue, fill = os.pipe()
    workers: list[_Worker] = []
    try:
        try:
            os.write(fill, b"".join(i.to_bytes(4, "little") for i in range(first, len(parts))))
        finally:
            os.close(fill)
        for _ in range(min(jobs - 1, len(parts) - first - 1)):
            workers.append(_fork(work, parts, queue))
        failed: dict[int, BaseException] = {}
        while not failed:
            i = _claim(queue)
            if i is None:
                break
            try:
                value = work(parts[i])
            except Exception as e:  # raised below, once the parts before it are done
                failed[i] = e
                break
            yield i, value
            for worker in workers:
                for j, ok, value in worker.receive(block=False):
                    if ok:
                        yield j, value
                    else:
                        failed[j] = value
        if failed:
            while _claim(queue) is not None:  # the workers stop after the part they are on
                pass
        for worker in workers:
            for j, ok, value in worker.receive(block=True):
                if ok and not failed:
                    yield j, value
                elif not ok:
                    failed[j] = value
        if failed:
            raise failed[min(failed)]
    finally:
        os.close(queue)
        for worker in workers:  # at once if the caller stopped early or an error came up
            worker.stop()
        _JOB = None
        gc.unfreeze()


def shrinking(total: int, jobs: int, smallest: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, stop)`` ranges covering ``range(total)`` in order, for processes
    that take the next one as each is free: large first, then each ``1 / (2 * jobs)`` of
    what is left, at least ``smallest`` (and few enough for :data:`MAX_PARTS`), so that
    the processes run out of work close together."""
    smallest = max(1, smallest, -(-total // MAX_PARTS))
    out: list[tuple[int, int]] = []
    start = 0
    while start < total:
        stop = min(total, start + max(smallest, -(-(total - start) // (2 * jobs))))
        out.append((start, stop))
        start = stop
    return out


def _with_lead(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``parts`` with one item split off the front, for :func:`_done`'s ``lead``."""
    start, stop = parts[0]
    return [(start, start + 1), (start + 1, stop), *parts[1:]] if stop - start > 1 else parts


def _claim(queue: int) -> int | None:
    """The number of the next part in ``queue``; None when it is empty."""
    data = os.read(queue, 4)
    return int.from_bytes(data, "little") if data else None


class WorkerDied(CiteformError):
    """A worker process ended before sending all its results."""


_HEAD = 8  # bytes of the length in front of each message; a length of 0 marks the end


def _message(value: Any) -> bytes:
    import pickle

    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if not value[1]:  # an error whose class pickle cannot rebuild (its __init__ wants
            pickle.loads(data)  # other arguments) would reach the caller as a TypeError
    except Exception as e:
        error = value[2] if not value[1] else e
        data = pickle.dumps((value[0], False, RuntimeError(f"{type(error).__name__}: {error}")))
    return len(data).to_bytes(_HEAD, "little") + data


class _Worker:
    """The calling process's end of a worker: its process id and the pipe of its results."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self.fd = fd
        self.buffer = bytearray()
        self.ended = False  # the end mark came
        os.set_blocking(fd, False)

    def receive(self, block: bool) -> Iterator[tuple[int, bool, Any]]:
        """The ``(part, ok, result or error)`` messages that came; with ``block``, every
        message up to the end mark. :class:`WorkerDied` when the pipe ends before it."""
        import pickle

        if self.ended:
            return
        if block:
            os.set_blocking(self.fd, True)
        while True:
            try:
                data = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                data = None
            if data:
                self.buffer += data
            while len(self.buffer) >= _HEAD:
                size = int.from_bytes(self.buffer[:_HEAD], "little")
                if size == 0:
                    self.ended = True
                    return
                if len(self.buffer) < _HEAD + size:
                    break
                message = pickle.loads(self.buffer[_HEAD:_HEAD + size])
                del self.buffer[:_HEAD + size]
                yield message
            if data == b"":
                raise WorkerDied(f"a rendering worker (process {self.pid}) {_ended(self.pid)}; "
                                 "nothing was written")
            if data is None:
                return

    def stop(self) -> None:
        os.close(self.fd)
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _fork(work: Callable[[tuple[int, int]], Any], parts: list[tuple[int, int]], queue: int) -> _Worker:
    """A worker that does the parts it takes from ``queue`` and sends their results."""
    import signal

    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the worker (coverage does not follow it)
        status = 0
        try:
            os.close(read_end)
            # Ctrl-C: the parent reports it; ignored (``cmd &`` in a script) stays ignored
            if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
                signal.signal(signal.SIGINT, signal.SIG_DFL)
            # Results are sent as far as the pipe takes them without waiting: the parent
            # reads between its own parts, and a worker waiting on a full pipe would be idle.
            os.set_blocking(write_end, False)
            pending = bytearray()
            while (i := _claim(queue)) is not None:
                try:
                    message = (i, True, work(parts[i]))
                except BaseException as e:  # sent to the parent, raised there
                    message = (i, False, e)
                pending += _message(message)
                _send(write_end, pending)
                if not message[1]:
                    break
            pending += bytes(_HEAD)
            os.set_blocking(write_end, True)
            _send(write_end, pending)
            os.close(write_end)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    return _Worker(pid, read_end)


def _send(fd: int, pending: bytearray) -> None:
    """Write what ``fd`` takes of ``pending`` (all of it if ``fd`` blocks), and drop it."""
    while pending:
        try:
            written = os.write(fd, pending)
        except BlockingIOError:
            return
        del pending[:written]


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
        parts = _with_lead(shrinking(total, jobs, MIN_CHUNK))
        done: list[Any] = [None] * len(parts)
        for i, entries in _done(_work, (bib, finish), parts, jobs, lead=True):
            done[i] = entries
            bar.update(len(entries))
    return [entry for entries in done for entry in entries]
