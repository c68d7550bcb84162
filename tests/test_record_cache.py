"""The on-disk cache of parsed YAML record files (citeform.records.record_cache)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RECORDS

from citeform.errors import DataError
from citeform.records import load, record_cache, yaml_fast

_READ_PLAIN = yaml_fast.read


@pytest.fixture(autouse=True)
def fresh_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_cache, "_left", record_cache.PER_PROCESS)
    monkeypatch.setattr(record_cache, "_made", set())
    # plain YAML is read without the parser and never cached: every file goes to the parser
    # here (test_plain_yaml_is_not_cached checks the plain way)
    monkeypatch.setattr(yaml_fast, "read", lambda text: None)


def entries(folder: Path) -> list[Path]:
    where = folder / record_cache.FOLDER
    return sorted(where.glob("*.entry")) if where.exists() else []


def as_tuples(raws: list[load.RawRecord]) -> list[tuple]:
    return [(r.data, r.file, r.line, r.column, r.field_positions, r.stem, r.csl_input) for r in raws]


def test_a_hit_gives_what_the_parser_gives(cache_dir: Path) -> None:
    for path in sorted(RECORDS.glob("*.yaml")):
        first = load.read_raw(str(path))
        second = load.read_raw(str(path))
        assert as_tuples(second) == as_tuples(first)
        os.environ["CITEFORM_NO_CACHE"] = "1"
        try:
            assert as_tuples(load.read_raw(str(path))) == as_tuples(first)
        finally:
            del os.environ["CITEFORM_NO_CACHE"]
    assert len(entries(cache_dir)) == len(list(RECORDS.glob("*.yaml")))


def test_a_changed_text_is_parsed_again(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text("id: one\ntype: book\ntitle: First\n", encoding="utf-8")
    assert load.read_raw(str(path))[0].data["title"] == "First"
    path.write_text("id: one\ntype: book\ntitle: Other\n", encoding="utf-8")  # same size
    assert load.read_raw(str(path))[0].data["title"] == "Other"


def test_same_text_in_another_file_is_its_own_entry(cache_dir: Path, tmp_path: Path) -> None:
    text = "id: same\ntype: book\ntitle: Same\n"
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert load.read_raw(str(tmp_path / name))[0].file == str(tmp_path / name)
    assert len(entries(cache_dir)) == 2


def test_errors_are_never_cached(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError) as caught:
            load.read_raw(str(path))
        assert caught.value.line is not None
    assert entries(cache_dir) == []


def test_a_corrupt_or_foreign_entry_is_ignored(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text("id: one\ntype: book\ntitle: First\n", encoding="utf-8")
    load.read_raw(str(path))
    (entry,) = entries(cache_dir)
    for junk in (b"", b"\x00garbage", entry.read_bytes()[:10]):
        entry.write_bytes(junk)
        assert load.read_raw(str(path))[0].data["title"] == "First"


def test_a_cache_that_cannot_be_written_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.delenv("CITEFORM_NO_CACHE", raising=False)
    monkeypatch.setenv("CITEFORM_CACHE_DIR", str(blocker))
    path = tmp_path / "one.yaml"
    path.write_text("id: one\ntype: book\ntitle: First\n", encoding="utf-8")
    assert load.read_raw(str(path))[0].data["title"] == "First"


def test_off_by_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITEFORM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CITEFORM_NO_CACHE", "1")
    assert record_cache.directory() is None
    load.read_raw(str(RECORDS / "rousseau2002.yaml"))
    assert not (tmp_path / "cache").exists()


def test_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CITEFORM_NO_CACHE", raising=False)
    monkeypatch.delenv("CITEFORM_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert record_cache.directory() == str(tmp_path / "citeform" / "parsed-records")


def test_standard_input_is_not_cached(cache_dir: Path) -> None:
    load.parse_text("-", "id: one\ntype: book\ntitle: First\n", "yaml")
    assert entries(cache_dir) == []


def test_what_marshal_cannot_hold_is_not_cached(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "when.yaml"
    path.write_text("id: when\ntype: book\ntitle: T\nnote: !!timestamp 2002-03-04\n", encoding="utf-8")
    first = load.read_raw(str(path))
    assert entries(cache_dir) == []
    assert as_tuples(load.read_raw(str(path))) == as_tuples(first)


def _yaml_loaded(record: Path, env: dict[str, str]) -> list[str]:
    """What ``citeform cite rousseau2002 -s apa -r record`` prints, then whether it loaded
    the YAML parser (True/False)."""
    probe = (
        "import sys\n"
        "from citeform.cli import main\n"
        "sys.argv = ['citeform', 'cite', 'rousseau2002', '-s', 'apa', '-r', sys.argv[1]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('yaml' in sys.modules)\n"
    )
    return subprocess.run([sys.executable, "-c", probe, str(record)], capture_output=True,
                          text=True, env=env, check=True).stdout.splitlines()


def test_cite_on_a_hit_loads_no_yaml_parser_and_prints_the_same(tmp_path: Path) -> None:
    env = dict(os.environ, CITEFORM_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("CITEFORM_NO_CACHE", None)
    # a tag: more than the plain YAML read without the parser (records.yaml_fast)
    record = tmp_path / "rousseau2002.yaml"
    record.write_text((RECORDS / "rousseau2002.yaml").read_text(encoding="utf-8")
                      + "note: !!str tagged\n", encoding="utf-8")
    runs = [_yaml_loaded(record, env) for _ in range(2)]
    assert runs[0][-1] == "True"  # first run: parsed, then kept
    assert runs[1][-1] == "False"  # second run: read from the cache
    assert runs[0][:-1] == runs[1][:-1]
    assert "Rousseau, R., Bollard, C., & Heslop, H. (2002)." in runs[1][0]


def test_plain_records_load_no_yaml_parser_even_without_the_cache(tmp_path: Path) -> None:
    """The sample record is plain YAML: read without the parser on the first run, and with
    the cache off, and printed as the parser reads it."""
    env = dict(os.environ, CITEFORM_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("CITEFORM_NO_CACHE", None)
    first = _yaml_loaded(RECORDS / "rousseau2002.yaml", env)
    off = _yaml_loaded(RECORDS / "rousseau2002.yaml", dict(env, CITEFORM_NO_CACHE="1"))
    assert first[-1] == off[-1] == "False"
    assert first[:-1] == off[:-1]
    assert "Rousseau, R., Bollard, C., & Heslop, H. (2002)." in off[0]


def test_a_process_caches_only_its_first_files(cache_dir: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_cache, "_left", 3)
    for i in range(5):
        path = tmp_path / f"r{i}.yaml"
        path.write_text(f"id: r{i}\ntype: book\ntitle: T{i}\n", encoding="utf-8")
        assert load.read_raw(str(path))[0].data["title"] == f"T{i}"
    assert len(entries(cache_dir)) == 3


def test_the_budget_is_not_spent_while_the_cache_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITEFORM_NO_CACHE", "1")
    for _ in range(record_cache.PER_PROCESS + 1):
        assert not record_cache.take()
    assert record_cache._left == record_cache.PER_PROCESS


def test_entries_unused_for_a_month_are_pruned(cache_dir: Path, tmp_path: Path) -> None:
    paths = []
    for name in ("old", "new"):
        path = tmp_path / f"{name}.yaml"
        path.write_text(f"id: {name}\ntype: book\ntitle: T\n", encoding="utf-8")
        load.read_raw(str(path))
        paths.append(path)
    folder = str(cache_dir / record_cache.FOLDER)
    old_entry, new_entry = (Path(folder, record_cache._entry(str(p))[1]) for p in paths)
    now = os.stat(new_entry).st_mtime
    month = (record_cache.MAX_AGE_DAYS + 1) * 86_400
    os.utime(old_entry, (now - month, now - month))
    os.utime(os.path.join(folder, "last-pruned"), (now - 2 * 86_400, now - 2 * 86_400))
    assert record_cache.prune(folder, now) == 1
    assert not old_entry.exists() and new_entry.exists()
    assert record_cache.prune(folder, now) == 0  # once a day at most


def test_a_hit_marks_an_old_entry_as_used(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text("id: one\ntype: book\ntitle: First\n", encoding="utf-8")
    load.read_raw(str(path))
    (entry,) = entries(cache_dir)
    week = 7 * 86_400
    stale = os.stat(entry).st_mtime - week
    os.utime(entry, (stale, stale))
    assert load.read_raw(str(path))[0].data["title"] == "First"
    assert os.stat(entry).st_mtime > stale + week / 2


def test_plain_yaml_is_not_cached(cache_dir: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_fast, "read", _READ_PLAIN)  # the reader of plain YAML back
    plain = tmp_path / "plain.yaml"
    plain.write_text("id: one\ntype: book\ntitle: First\n", encoding="utf-8")
    tagged = tmp_path / "tagged.yaml"
    tagged.write_text("id: two\ntype: book\ntitle: !!str Second\n", encoding="utf-8")
    assert load.read_raw(str(plain))[0].data == {"id": "one", "type": "book", "title": "First"}
    assert entries(cache_dir) == []
    assert load.read_raw(str(tagged))[0].data["title"] == "Second"
    assert len(entries(cache_dir)) == 1

