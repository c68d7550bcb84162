"""Ctrl-C stops cleanly with exit 130; an interrupted or failed write leaves the previous file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .helpers import error_line

RECORD = "id: a\ntitle: Hello\nyear: 2001\n"


@pytest.fixture
def records(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.yaml").write_text(RECORD, encoding="utf-8")
    return folder


def interrupt(*_args, **_kwargs):  # type: ignore[no-untyped-def]
    raise KeyboardInterrupt


@pytest.mark.parametrize("command", ["cite", "check"])
def test_ctrl_c_while_loading_exits_130(invoke, records: Path, monkeypatch, command: str) -> None:
    from citeform.records import load

    monkeypatch.setattr(load, "read_text", interrupt)
    args = [command, "-r", str(records)] if command == "cite" else [command, str(records)]
    result = invoke(*args)
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr == "\nciteform: interrupted\n"  # the newline ends the ^C line


def test_ctrl_c_while_writing_keeps_the_previous_file(invoke, records: Path, tmp_path: Path,
                                                      monkeypatch) -> None:
    out = tmp_path / "refs.txt"
    out.write_text("previous\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", interrupt)
    result = invoke("cite", "-r", str(records), "-o", str(out))
    assert result.exit_code == 130
    assert result.stderr == "\nciteform: interrupted\n"  # the newline ends the ^C line
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records", "refs.txt"]  # no temp left


def test_failed_run_does_not_touch_the_output(invoke, records: Path, tmp_path: Path) -> None:
    out = tmp_path / "refs.txt"
    out.write_text("previous\n", encoding="utf-8")
    (records / "b.yaml").write_text("title: [broken\n", encoding="utf-8")
    result = invoke("cite", "-r", str(records), "-o", str(out))
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_output_into_a_missing_folder_is_one_clear_line(invoke, records: Path,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "refs.txt"
    result = invoke("cite", "-r", str(records), "-o", str(out))
    assert result.exit_code in (1, 2)
    line = error_line(result)
    assert line.startswith("citeform: error: ") and str(out) in line
