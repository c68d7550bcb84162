"""Folders: symlinks followed safely (no loops), each file read once, nothing skipped silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeform.errors import DataError
from citeform.records import load
from citeform.records.load import iter_files, load_records

from .helpers import error_line

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")


def record(folder: Path, key: str, title: str = "T") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key}.yaml"
    path.write_text(f"title: {title}\nyear: 2001\n", encoding="utf-8")
    return path


@pytest.fixture
def counted(monkeypatch) -> dict[str, int]:
    """How many times each file (by real path) is read."""
    reads: dict[str, int] = {}
    real_read = load.read_text

    def read(path: str) -> str:
        key = os.path.realpath(path)
        reads[key] = reads.get(key, 0) + 1
        return real_read(path)

    monkeypatch.setattr(load, "read_text", read)
    return reads


def test_symlink_loop_to_itself_and_to_parent(tmp_path: Path, counted) -> None:
    top = tmp_path / "records"
    record(top, "a")
    record(top / "sub", "b")
    (top / "self").symlink_to(top, target_is_directory=True)
    (top / "sub" / "up").symlink_to(top, target_is_directory=True)
    records = load_records([str(top)])
    assert [r.key for r in records] == ["a", "b"]
    assert sorted(counted.values()) == [1, 1]


def test_mutual_symlink_loop(tmp_path: Path, counted) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    record(a, "one")
    record(b, "two")
    (a / "to_b").symlink_to(b, target_is_directory=True)
    (b / "to_a").symlink_to(a, target_is_directory=True)
    assert [r.key for r in load_records([str(a), str(b)])] == ["one", "two"]
    assert sorted(counted.values()) == [1, 1]


def test_same_file_through_two_names_and_given_twice(tmp_path: Path, counted) -> None:
    top = tmp_path / "records"
    a = record(top, "a")
    (top / "alias.yaml").symlink_to(a)
    records = load_records([str(top), str(a), str(top / "alias.yaml"), str(top)])
    assert [r.key for r in records] == ["a"]
    assert list(counted.values()) == [1]


def test_linked_folder_outside_is_followed(tmp_path: Path) -> None:
    top, outside = tmp_path / "records", tmp_path / "elsewhere"
    record(top, "a")
    record(outside, "z")
    (top / "more").symlink_to(outside, target_is_directory=True)
    assert [r.key for r in load_records([str(top)])] == ["a", "z"]


def test_name_order_depth_first(tmp_path: Path) -> None:
    top = tmp_path / "records"
    for key in ("c", "a"):
        record(top, key)
    record(top / "b", "b1")
    record(top / "b" / "inner", "b0")
    assert [r.key for r in load_records([str(top)])] == ["a", "b1", "b0", "c"]


def test_deep_folder_tree_is_walked(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    for _ in range(300):  # deeper than a recursive walk would like
        folder = folder / "d"
    record(folder, "deep")
    assert [r.key for r in load_records([str(tmp_path / "records")])] == ["deep"]


def test_hidden_files_and_other_suffixes_are_not_records(tmp_path: Path) -> None:
    top = tmp_path / "records"
    record(top, "a")
    (top / ".draft.yaml").write_text("title: [broken\n", encoding="utf-8")
    (top / "notes.txt").write_text("not a record", encoding="utf-8")
    assert [r.key for r in load_records([str(top)])] == ["a"]


def test_broken_record_symlink_is_reported_not_skipped(invoke, tmp_path: Path) -> None:
    top = tmp_path / "records"
    record(top, "a")
    (top / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    result = invoke("cite", "-r", str(top))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"citeform: error: {top / 'gone.yaml'}: cannot read file: No such file or directory")
    check = invoke("check", str(top))
    assert check.stdout.splitlines() == [
        f"{top / 'gone.yaml'}: cannot read file: No such file or directory",
        "1 error, 0 warnings in 1 record",
    ]


def test_every_bad_file_is_reported_and_good_ones_are_not_lost(tmp_path: Path) -> None:
    top = tmp_path / "records"
    record(top, "a")
    (top / "b.yaml").write_text("title: [broken\n", encoding="utf-8")
    record(top, "c")
    (top / "d.yaml").write_bytes(b"title: caf\xe9\n")
    with pytest.raises(DataError) as info:
        load_records([str(top)])
    assert info.value.format().splitlines() == [
        f"{top / 'b.yaml'}:2:1: broken YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts on line 1)",
        f"{top / 'd.yaml'}:1: not UTF-8 text (byte offset 10)",
    ]


def test_iter_files_unreadable_folder_goes_to_on_error(tmp_path: Path, monkeypatch) -> None:
    top = tmp_path / "records"
    record(top, "a")
    record(top / "locked", "b")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(load.os, "scandir", scandir)
    errors: list[DataError] = []
    assert list(iter_files([str(top)], on_error=errors.append)) == [str(top / "a.yaml")]
    assert [e.format() for e in errors] == [
        f"{top / 'locked'}: cannot read folder: Permission denied"]
    with pytest.raises(DataError):
        list(iter_files([str(top)]))


def test_missing_path_is_a_usage_error(invoke, tmp_path: Path) -> None:
    result = invoke("cite", "-r", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert error_line(result) == f"citeform: error: no such file or folder: {tmp_path / 'nope'}"


def test_a_link_to_itself_in_a_folder(tmp_path: Path, invoke) -> None:
    """A link that points at itself ('ln -s loop loop') made the folder walk stop with an
    internal error (ELOOP from the entry's type); one without a record suffix is no record,
    and one with it is an error naming the file, as a broken link is."""
    top = tmp_path / "records"
    record(top, "a")
    (top / "loop").symlink_to("loop")
    result = invoke("cite", "-r", str(top), "-s", "apa")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "T. (2001).\n"
    assert result.stderr == ""
    (top / "b.yaml").symlink_to("b.yaml")
    result = invoke("cite", "-r", str(top), "-s", "apa")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"citeform: error: {top / 'b.yaml'}: ")
    assert "internal error" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_special_file_with_a_record_suffix_in_a_folder_is_an_error(tmp_path: Path, invoke) -> None:
    """A FIFO or socket named like a record file in a folder was skipped without a word (its
    records, if it was meant to hold some, silently missing); opening it could hang. It is an
    error naming it, and nothing is printed. Given by name (`-r pipe.json`) it is still read."""
    import socket

    top = tmp_path / "records"
    record(top, "a")
    os.mkfifo(top / "pipe.yaml")
    result = invoke("cite", "-r", str(top), "-s", "apa")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"citeform: error: {top / 'pipe.yaml'}: not a regular file (a FIFO, "
                             "socket or device in a folder of records is not read)\n")
    os.unlink(top / "pipe.yaml")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(top / "sock.json"))
        result = invoke("cite", "-r", str(top), "-s", "apa")
    assert result.exit_code == 1
    assert "sock.json: not a regular file" in result.stderr
