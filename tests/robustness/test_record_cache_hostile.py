"""The record cache is as safe as Python's bytecode cache: planted links, FIFOs, foreign or
open folders, corrupt and crafted entries never change output, hang, or touch other files."""

from __future__ import annotations

import marshal
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from citeform.records import load, record_cache

# a tag: more than the plain YAML read without the parser, which needs no cache
TEXT = "id: one\ntype: book\ntitle: !!str First Title\npublisher: P\nyear: 2001\n"


@pytest.fixture(autouse=True)
def fresh_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_cache, "_left", 10_000)
    monkeypatch.setattr(record_cache, "_made", set())


@pytest.fixture
def record(tmp_path: Path) -> Path:
    path = tmp_path / "one.yaml"
    path.write_text(TEXT, encoding="utf-8")
    return path


def folder_of(cache_dir: Path) -> Path:
    return cache_dir / record_cache.FOLDER


def entry_of(cache_dir: Path, record: Path) -> Path:
    return folder_of(cache_dir) / record_cache._entry(str(record))[1]


def title(record: Path) -> str:
    return load.read_raw(str(record))[0].data["title"]


def test_the_folder_is_created_private(cache_dir: Path, record: Path) -> None:
    title(record)
    assert stat.S_IMODE(os.stat(folder_of(cache_dir)).st_mode) == 0o700
    assert entry_of(cache_dir, record).is_file()
    assert title(record) == "First Title"  # a hit


def test_a_link_planted_as_the_prune_marker_is_not_followed(cache_dir: Path, record: Path,
                                                            tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    folder_of(cache_dir).mkdir(parents=True, mode=0o700)
    (folder_of(cache_dir) / "last-pruned").symlink_to(victim)
    old = victim.stat().st_mtime - 90 * 86_400
    os.utime(victim, (old, old))
    assert title(record) == "First Title"
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert victim.stat().st_mtime == old


def test_a_link_planted_as_an_entry_is_replaced_not_followed(cache_dir: Path, record: Path,
                                                            tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    folder_of(cache_dir).mkdir(parents=True, mode=0o700)
    entry = entry_of(cache_dir, record)
    entry.symlink_to(victim)
    assert title(record) == "First Title"
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert entry.is_file() and not entry.is_symlink()  # the rename replaced the link


def test_a_link_planted_at_the_temporary_name_is_not_followed(cache_dir: Path, record: Path,
                                                              tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    folder = folder_of(cache_dir)
    folder.mkdir(parents=True, mode=0o700)
    entry = entry_of(cache_dir, record)
    # the names of citeform 1.0 (entry.pid.tmp), and the name a guessed random draw gives
    for name in (f"{entry.name}.{os.getpid()}.tmp", f"{entry.stem}.marshal.{os.getpid()}.tmp",
                 "." + "ab" * 16 + ".tmp"):
        (folder / name).symlink_to(victim)
    monkeypatch.setattr(os, "urandom", lambda n: bytes([0xAB]) * n)
    assert title(record) == "First Title"
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not entry.exists()  # the exclusive create failed: nothing written, nothing followed


def test_a_fifo_planted_as_an_entry_does_not_hang(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    folder = cache / record_cache.FOLDER
    folder.mkdir(parents=True, mode=0o700)
    record = tmp_path / "one.yaml"
    record.write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / record_cache._entry(str(record))[1])
    env = dict(os.environ, CITEFORM_CACHE_DIR=str(cache))
    env.pop("CITEFORM_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", "from citeform.cli import main; main()", "cite",
                           "-r", str(record)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "First Title" in done.stdout


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_folder_open_to_others_is_not_used(cache_dir: Path, record: Path, mode: int) -> None:
    folder = folder_of(cache_dir)
    folder.mkdir(parents=True)
    os.chmod(folder, mode)
    assert title(record) == "First Title"
    assert list(folder.iterdir()) == []


def test_a_folder_reached_through_a_link_is_not_used(cache_dir: Path, record: Path,
                                                      tmp_path: Path) -> None:
    real = tmp_path / "elsewhere"
    real.mkdir(mode=0o700)
    cache_dir.mkdir(mode=0o700)
    folder_of(cache_dir).symlink_to(real)
    assert title(record) == "First Title"
    assert list(real.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to give the folder to another user")
def test_a_folder_owned_by_another_user_is_not_used(cache_dir: Path, record: Path) -> None:
    folder = folder_of(cache_dir)
    folder.mkdir(parents=True, mode=0o700)
    os.chown(folder, 65534, 65534)
    assert title(record) == "First Title"
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to run as a second user")
def test_a_second_user_does_not_use_the_first_users_folder() -> None:
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp())  # beside, not inside, pytest's private folders
    try:
        os.chmod(base, 0o755)
        cache = base / "cache"
        (cache / record_cache.FOLDER).mkdir(parents=True, mode=0o700)
        os.chmod(cache, 0o777)
        record = base / "one.yaml"
        record.write_text(TEXT, encoding="utf-8")
        os.chmod(record, 0o644)
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child reports through its exit status
            status = 1
            try:
                os.setgid(65534)
                os.setuid(65534)
                os.environ["CITEFORM_CACHE_DIR"] = str(cache)
                os.environ.pop("CITEFORM_NO_CACHE", None)
                record_cache._made.clear()
                read = load.read_raw(str(record))[0].data["title"]
                status = 0 if read == "First Title" else 2
            finally:
                os._exit(status)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert list((cache / record_cache.FOLDER).iterdir()) == []
    finally:
        shutil.rmtree(base)


def test_cache_dir_dot_in_a_project_leaves_its_records_alone(tmp_path: Path, monkeypatch) -> None:
    project = tmp_path / "project"
    records = project / "records"
    records.mkdir(parents=True)
    old = records / "old.yaml"
    old.write_text(TEXT, encoding="utf-8")
    marshal_like = records / "notes.marshal"
    marshal_like.write_text("mine\n", encoding="utf-8")
    ancient = 1_000_000_000
    for path in (old, marshal_like):
        os.utime(path, (ancient, ancient))
    monkeypatch.chdir(project)
    monkeypatch.delenv("CITEFORM_NO_CACHE", raising=False)
    monkeypatch.setenv("CITEFORM_CACHE_DIR", ".")
    assert title(old) == "First Title"
    assert sorted(p.name for p in records.iterdir()) == ["notes.marshal", "old.yaml"]
    assert record_cache.prune(str(project / record_cache.FOLDER)) == 0


def test_pruning_removes_only_the_caches_own_files(cache_dir: Path, record: Path) -> None:
    title(record)
    folder = folder_of(cache_dir)
    strangers = [folder / "notes.txt", folder / ("a" * 32 + ".marshal"), folder / "x.entry"]
    for path in strangers:
        path.write_text("mine\n", encoding="utf-8")
    entry = entry_of(cache_dir, record)
    ancient = 1_000_000_000
    for path in [*strangers, entry]:
        os.utime(path, (ancient, ancient))
    os.utime(folder / "last-pruned", (ancient, ancient))
    assert record_cache.prune(str(folder)) == 1
    assert not entry.exists() and all(p.exists() for p in strangers)


def test_every_single_bit_flip_of_an_entry_is_a_miss(cache_dir: Path, record: Path) -> None:
    expected = [(r.data, r.line, r.field_positions) for r in load.read_raw(str(record))]
    entry = entry_of(cache_dir, record)
    good = entry.read_bytes()
    for i in range(len(good)):
        for bit in (0, 5):
            bad = bytearray(good)
            bad[i] ^= 1 << bit
            entry.write_bytes(bytes(bad))
            os.utime(entry)
            assert record_cache.get(str(record), TEXT) is None, (i, bit)
    entry.write_bytes(good)
    got = [(r.data, r.line, r.field_positions) for r in load.read_raw(str(record))]
    assert got == expected


def test_a_crafted_entry_with_a_valid_digest_is_held_to_the_yaml_limits(cache_dir: Path,
                                                                       record: Path) -> None:
    title(record)
    entry = entry_of(cache_dir, record)
    tree: list = ["x"]
    for _ in range(40):  # 2**40 leaves once shared references are followed
        tree = [tree, tree]
    data = {"id": "one", "type": "book", "title": "First Title", "note": tree}
    payload = [(data, 1, 1, {"id": (1, 1)}, None)]
    body = marshal.dumps((record_cache._stamp(), str(record.resolve()),
                          record_cache._text_digest(TEXT), payload))
    blob = record_cache._MAGIC + record_cache._digest(body) + body
    assert len(blob) < 2_000
    entry.write_bytes(blob)
    assert record_cache.get(str(record), TEXT) is None
    assert load.read_raw(str(record))[0].data == {"id": "one", "type": "book",
                                                  "title": "First Title", "publisher": "P",
                                                  "year": 2001}
