"""Parallel rendering gives the entries of one process, in the same order."""

from __future__ import annotations

import io
import json

import pytest

from citeform import render
from citeform.engine import parallel as batch
from citeform.progress import Progress, wanted


@pytest.fixture
def small_chunks(monkeypatch):
    """Split even a small corpus into several chunks and workers (its sort keys and
    disambiguation texts too)."""
    monkeypatch.setattr(batch, "MIN_CHUNK", 7)
    monkeypatch.setattr(batch, "MIN_MAP_CHUNK", 7)
    monkeypatch.setattr(batch, "MIN_FORK_SECONDS", 0)


@pytest.mark.skipif(not batch.can_fork(), reason="workers need the fork start method")
@pytest.mark.parametrize("style", ["apa", "vancouver", "american-anthropological-association"])
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_parallel_equals_serial(corpus, small_chunks, style, fmt):
    with batch.options(jobs=1):
        serial = render(corpus, style, format=fmt)
    with batch.options(jobs=3):
        parallel = render(corpus, style, format=fmt)
    assert parallel.bibliography == serial.bibliography
    assert parallel.bibliography_ids == serial.bibliography_ids


def test_chunked_serial_equals_plain(corpus, small_chunks, monkeypatch):
    """The chunked path of one process (used for the progress bar) changes nothing."""
    plain = render(corpus, "american-anthropological-association")
    monkeypatch.setattr("citeform.progress.wanted", lambda total, quiet=False, stream=None: True)
    with batch.options(jobs=1, progress=True):
        chunked = render(corpus, "american-anthropological-association")
    assert chunked.bibliography == plain.bibliography


def test_chunks_cover_every_entry_in_order():
    for total in (0, 1, 99, 100, 101, 2000, 8001):
        for jobs in (1, 2, 3, 8):
            parts = batch.chunks(total, jobs)
            flat = [i for start, stop in parts for i in range(start, stop)]
            assert flat == list(range(total))


def test_worker_count():
    assert batch.worker_count(1, 10_000) == 1
    assert batch.worker_count(4, 10_000) == 4
    assert batch.worker_count(4, batch.MIN_CHUNK + 1) == 1  # too few entries to share
    assert batch.worker_count(None, 10) == 1
    assert batch.worker_count(None, batch.AUTO_MIN_ENTRIES) == min(
        batch.cores(), batch.AUTO_MIN_ENTRIES // batch.MIN_CHUNK
    )
    with pytest.raises(ValueError):
        with batch.options(jobs=0):
            pass


def test_options_are_scoped():
    assert batch.current().jobs == 1
    with batch.options(jobs=None, progress=True):
        assert batch.current().jobs is None and batch.current().progress
    assert batch.current().jobs == 1


@pytest.mark.skipif(not batch.can_fork(), reason="workers need the fork start method")
def test_cli_jobs_output_is_identical(invoke, tmp_path, corpus, small_chunks):
    path = tmp_path / "items.json"
    path.write_text(json.dumps(corpus), encoding="utf-8")
    one = invoke("cite", "-r", str(path), "-s", "apa", "--jobs", "1")
    two = invoke("cite", "-r", str(path), "-s", "apa", "--jobs", "2")
    assert one.exit_code == 0 and two.exit_code == 0
    assert two.stdout == one.stdout
    assert len(one.stdout.splitlines()) == len(corpus)
    assert two.stderr == ""  # no bar: standard error is not a terminal


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_not_quiet():
    assert not wanted(10_000, stream=io.StringIO())
    assert not wanted(10_000, quiet=True, stream=FakeTerminal())
    assert not wanted(10, stream=FakeTerminal())
    assert wanted(10_000, stream=FakeTerminal())


def test_progress_bar_draws_and_erases(monkeypatch):
    monkeypatch.setattr("citeform.progress.DELAY", 0)
    stream = FakeTerminal()
    with Progress(100, stream=stream) as bar:
        bar.update(100)
        assert "100/100" in stream.getvalue()
    assert stream.getvalue().endswith("\r")
    quiet = FakeTerminal()
    with Progress(100, stream=quiet, enabled=False) as bar:
        bar.update(100)
    assert quiet.getvalue() == ""


@pytest.mark.skipif(not batch.can_fork(), reason="workers need the fork start method")
@pytest.mark.parametrize("style", ["apa", "vancouver"])
def test_parallel_citations_equal_serial(corpus, small_chunks, style):
    """Sort keys and disambiguation texts computed in workers give the same citations."""
    ids = [item["id"] for item in corpus]
    clusters = [[{"id": ids[i]}, {"id": ids[(i * 7) % len(ids)]}] for i in range(len(ids))]
    with batch.options(jobs=1):
        serial = render(corpus, style, citations=clusters)
    with batch.options(jobs=2):
        parallel = render(corpus, style, citations=clusters)
    assert parallel.citations == serial.citations
    assert parallel.bibliography == serial.bibliography


def test_chunks_are_few_enough_for_one_small_write():
    """The numbers of the parts go into a pipe in one write that even a one-page pipe holds."""
    parts = batch.chunks(10**7, 10**5)
    assert len(parts) == batch.MAX_PARTS
    assert batch.MAX_PARTS * 4 <= 4096
    assert parts[0][0] == 0 and parts[-1][1] == 10**7
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    assert batch.chunks(5000, 2, 1000) == [(i, i + 1000) for i in range(0, 5000, 1000)]
    assert len(batch.chunks(1999, 2, 1000)) == 1


def test_shrinking_parts_cover_every_entry_in_order_and_end_small():
    for total in (0, 1, 99, 100, 101, 2000, 8001, 10**7):
        for jobs in (2, 3, 8, 10**4):
            parts = batch.shrinking(total, jobs, 50)
            assert [i for start, stop in parts for i in range(start, stop)] == list(range(total)) \
                if total < 10**6 else parts[-1][1] == total
            assert len(parts) <= batch.MAX_PARTS
            sizes = [stop - start for start, stop in parts]
            assert sizes == sorted(sizes, reverse=True)
    assert [stop - start for start, stop in batch.shrinking(2000, 2, 50)][-4:] == [50, 50, 50, 49]
