"""A `--jobs` worker that dies stops the run at once: one error line, exit 1, no output."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from citeform.engine import parallel

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="workers need fork (Linux)")


def many_records(folder: Path, count: int = 120) -> Path:
    folder.mkdir()
    text = "".join(f"- id: r{i:04d}\n  type: book\n  title: Book {i}\n  publisher: P\n"
                   f"  year: {1900 + i}\n" for i in range(count))
    (folder / "many.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def suicidal_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers kill themselves as the OOM killer would; the calling process renders on."""
    parent = os.getpid()
    real = parallel.render_range
    monkeypatch.setattr(parallel, "MIN_CHUNK", 10)

    def render_range(*args, **kwargs):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "render_range", render_range)


def test_a_killed_worker_stops_cite_with_one_line(invoke, tmp_path: Path,
                                                  suicidal_workers: None) -> None:
    records = many_records(tmp_path / "records")
    out = tmp_path / "refs.txt"
    out.write_text("previous\n", encoding="utf-8")
    started = time.monotonic()
    result = invoke("cite", "-r", str(records), "--jobs", "2", "-o", str(out))
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("citeform: error: a rendering worker (process ")
    assert lines[0].endswith(") was killed by SIGKILL (out of memory?); nothing was written")
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records", "refs.txt"]


def test_a_killed_worker_prints_nothing_on_stdout(invoke, tmp_path: Path,
                                                  suicidal_workers: None) -> None:
    records = many_records(tmp_path / "records")
    result = invoke("cite", "-r", str(records), "--jobs", "3")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "was killed by SIGKILL" in result.stderr


def test_an_error_in_a_worker_comes_back_as_itself(tmp_path: Path) -> None:
    def work(bounds: tuple[int, int]) -> int:
        if bounds[0] >= 20:
            raise ValueError(f"bad part {bounds}")
        return bounds[0]

    parts = [(i, i + 10) for i in range(0, 60, 10)]
    with pytest.raises(ValueError, match=r"bad part \(20, 30\)"):
        list(parallel._in_workers(work, None, parts, 3))


def test_workers_give_results_in_order() -> None:
    parts = [(i, i + 1) for i in range(23)]
    got = list(parallel._in_workers(lambda b: b[0] * 2, None, parts, 4))
    assert got == [i * 2 for i in range(23)]


def test_results_larger_than_a_pipe_come_back_whole_and_in_order() -> None:
    """A worker writes its results once all its parts are done (a pipe holds 64 KiB): each
    result of several hundred KiB still arrives whole, in order."""
    parts = [(i, i + 1) for i in range(6)]
    got = list(parallel._in_workers(lambda b: str(b[0]) * 300_000, None, parts, 2))
    assert got == [str(i) * 300_000 for i in range(6)]


def test_a_slow_worker_leaves_its_parts_to_the_others() -> None:
    """The parts are taken from a shared queue: a process held up (here every worker, by
    a second a part) does fewer parts while the calling process does the rest, and the
    results still come back whole and in order."""
    parent = os.getpid()

    def work(bounds: tuple[int, int]) -> tuple[int, bool]:
        if os.getpid() != parent:
            time.sleep(1)
        return bounds[0], os.getpid() == parent

    parts = [(i, i + 1) for i in range(12)]
    started = time.monotonic()
    got = list(parallel._in_workers(work, None, parts, 2))
    assert [index for index, _here in got] == list(range(12))
    assert sum(here for _index, here in got) >= 10
    assert time.monotonic() - started < 6


def test_an_error_in_the_calling_process_is_the_first_in_order_too() -> None:
    """Whichever process meets an error, the one raised is the first a single process
    would meet, once the parts before it are done."""
    parent = os.getpid()

    def work(bounds: tuple[int, int]) -> int:
        if os.getpid() != parent:
            time.sleep(0.2)  # the calling process meets the later error first
        if bounds[0] in (1, 7):
            raise ValueError(f"bad part {bounds[0]}")
        return bounds[0]

    parts = [(i, i + 1) for i in range(10)]
    for _ in range(3):
        with pytest.raises(ValueError, match=r"^bad part 1$"):
            list(parallel._in_workers(work, None, parts, 2))


def test_a_run_stopped_early_leaves_no_worker_behind() -> None:
    def work(bounds: tuple[int, int]) -> int:
        time.sleep(0.05)
        return bounds[0]

    results = parallel._in_workers(work, None, [(i, i + 1) for i in range(40)], 3)
    assert next(results) == 0
    results.close()
    with pytest.raises(ChildProcessError):  # every worker was stopped and reaped
        os.waitpid(-1, os.WNOHANG)


def test_small_maps_stay_in_the_calling_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A round of workers costs more than it saves on a few hundred sort keys."""
    def no_fork(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("forked")

    monkeypatch.setattr(parallel, "_fork", no_fork)
    items = list(range(2 * parallel.MIN_MAP_CHUNK - 1))
    with parallel.options(jobs=4):
        assert parallel.map_items(lambda x: x + 1, items) == [x + 1 for x in items]


def test_cheap_maps_stay_in_the_calling_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of items that cost microseconds each are not worth a round of workers:
    the first few tell."""
    def no_fork(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("forked")

    monkeypatch.setattr(parallel, "_fork", no_fork)
    items = list(range(20 * parallel.MIN_MAP_CHUNK))
    with parallel.options(jobs=2):
        assert parallel.map_items(str, items) == [str(x) for x in items]


def test_maps_give_every_item_in_order_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_FORK_SECONDS", 0)
    parent = os.getpid()
    seen: list[int] = []

    def negate(x: int) -> tuple[int, bool]:
        here = os.getpid() == parent
        if here:
            seen.append(x)  # only the calling process's own list is seen here
            time.sleep(0.002)  # slow enough that workers take parts on a busy machine too
        return -x, here

    items = list(range(5 * parallel.MIN_MAP_CHUNK + 3))
    with parallel.options(jobs=3):
        got = parallel.map_items(negate, items)
    assert [value for value, _here in got] == [-x for x in items]
    assert 0 < len(seen) < len(items) and len(set(seen)) == len(seen)
    assert {x for x, (_value, here) in zip(items, got, strict=True) if here} == set(seen)


def test_workers_keep_an_ignored_interrupt_ignored(invoke, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Started with Ctrl-C ignored (``cmd &`` in a script, ``nohup``), a Ctrl-C to the group
    leaves the workers running as it leaves the calling process: the run completes."""
    parent = os.getpid()
    real = parallel.render_range
    monkeypatch.setattr(parallel, "MIN_CHUNK", 10)

    def render_range(*args, **kwargs):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C sends every process of the group
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "render_range", render_range)
    records = many_records(tmp_path / "records")
    expected = invoke("cite", "-r", str(records), "--jobs", "1")
    assert expected.exit_code == 0
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        result = invoke("cite", "-r", str(records), "--jobs", "3")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected.stdout


class _TwoArgumentError(Exception):
    """An error pickle can write but not read back (its __init__ wants two arguments)."""

    def __init__(self, a: int, b: int) -> None:
        super().__init__(f"bad item {a} of {b}")


def test_an_error_pickle_cannot_rebuild_still_comes_through(monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """A worker's error reaches the caller by its type name and message, not as the
    TypeError of rebuilding it."""
    monkeypatch.setattr(parallel, "MIN_FORK_SECONDS", 0)
    parent = os.getpid()
    items = list(range(5 * parallel.MIN_MAP_CHUNK))

    def fail_in_workers(x: int) -> int:
        if os.getpid() != parent:
            raise _TwoArgumentError(x, len(items))
        time.sleep(0.002)  # the calling process slow enough that workers take parts
        return x

    with parallel.options(jobs=3), pytest.raises(Exception) as e:
        parallel.map_items(fail_in_workers, items)
    assert "_TwoArgumentError: bad item " in str(e.value), repr(e.value)
