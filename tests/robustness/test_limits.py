"""Huge inputs end in bounded time with a clear error (limits are counts, not timers);
large but reasonable inputs load."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeform.errors import DataError
from citeform.records import load, yaml_positions
from citeform.records.load import load_records

from .helpers import error_line


def test_huge_value_is_refused_with_its_place(invoke, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("id: huge\nyear: 2001\ntitle: " + "x" * 100_001 + "\n", encoding="utf-8")
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"citeform: error: {path}:3:8: value longer than 100,000 characters (100,001)")


def test_value_at_the_limit_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("year: 2001\nabstract: " + "x" * 100_000 + "\ntitle: T\n", encoding="utf-8")
    (rec,) = load_records([str(path)])
    assert len(rec.csl["abstract"]) == 100_000


def test_huge_json_string_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text('{"id": "h", "title": "' + "y" * 200_000 + '"}\n', encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_records([str(path)])
    assert info.value.format() == f"{path}:1:22: value longer than 100,000 characters (200,000)"


def test_file_size_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 4096)
    path = tmp_path / "big.yaml"
    path.write_text("title: T\nnote: " + "z" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_records([str(path)])
    assert info.value.format() == f"{path}: file larger than 4 KiB"


def test_node_limit_counts_expanded_aliases(monkeypatch) -> None:
    monkeypatch.setattr(yaml_positions, "MAX_NODES", 50)
    text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a]\n"
    with pytest.raises(DataError) as info:
        yaml_positions.load("f.yaml", text)
    assert info.value.format() == ("f.yaml:2:4: YAML too large: more than 50 values once "
                                   "aliases are expanded (alias bomb?)")


def test_aliases_in_ordinary_use_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "refs.yaml"
    path.write_text("- id: a\n  title: A\n  year: 2001\n  authors: &team [Doe, Jane, Roe, R]\n"
                    "- id: b\n  title: B\n  year: 2002\n  authors: *team\n", encoding="utf-8")
    a, b = load_records([str(path)])
    assert a.csl["author"] == b.csl["author"]


def test_many_records_in_one_file_all_load(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text("".join(f"- id: r{i}\n  title: Title {i}\n  year: 2001\n"
                            for i in range(5000)), encoding="utf-8")
    records = load_records([str(path)])
    assert [r.key for r in records] == [f"r{i}" for i in range(5000)]


def test_many_authors_render(invoke, tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    names = "".join(f"  - Author{i}, A\n" for i in range(2000))
    path.write_text(f"id: big\ntype: article\ntitle: T\njournal: J\nyear: 2001\nauthors:\n{names}",
                    encoding="utf-8")
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 0
    assert result.stdout.startswith("1. Author0 A, Author1 A, Author2 A, Author3 A, Author4 A, "
                                    "Author5 A, et al. T. J. 2001.")


def test_huge_value_in_csl_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_text('[{"id": "h", "type": "book", "title": "' + "y" * 200_000 + '"}]',
                    encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_records([str(path)])
    assert info.value.format() == f"{path}:1:39: value longer than 100,000 characters (200,000)"


def test_error_lines_stay_short_when_values_are_long(invoke, tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text("title: T\ntype: " + "x" * 5000 + "\ndate: March " + "9" * 5000 + "\n",
                    encoding="utf-8")
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    line = error_line(result)
    assert line.startswith(f"citeform: error: {path}:2: long: type: unknown type 'xxx")
    assert line.endswith("…") and len(line) <= 300 + len(f"citeform: error: {path}:2: long: type: ")
    check = invoke("check", str(path))
    assert [len(p) < 400 for p in check.stdout.splitlines()] == [True, True, True]
    assert check.stdout.splitlines()[-1] == "2 errors, 0 warnings in 1 record"


def test_too_many_values_are_refused_before_being_built(monkeypatch) -> None:
    monkeypatch.setattr(yaml_positions, "MAX_NODES", 100)
    text = "keywords: [" + ", ".join(["k"] * 150) + "]\n"
    built: list[int] = []
    real_compose = yaml_positions.RecordLoader.get_single_node
    monkeypatch.setattr(yaml_positions.RecordLoader, "get_single_node",
                        lambda self: built.append(1) or real_compose(self))
    with pytest.raises(DataError) as info:
        yaml_positions.load("f.yaml", text)
    assert info.value.format() == "f.yaml:1:303: YAML too large: more than 100 values"
    assert built == []


def test_too_many_json_values_are_refused_before_parsing(tmp_path: Path, monkeypatch) -> None:
    from citeform.records import json_positions

    monkeypatch.setattr(json_positions, "MAX_NODES", 10)
    path = tmp_path / "many.json"
    path.write_text('[{"id": "a", "type": "book", "title": "x, y, z, [{"},\n'
                    + ", ".join(["{}"] * 12) + "]", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_records([str(path)])
    assert info.value.format() == f"{path}:2:9: JSON too large: more than 10 values"
    path.write_text('[{"id": "a", "type": "book", "title": "x, y, z, [{, , , , , , , , , ,"}]',
                    encoding="utf-8")  # commas and brackets inside text are not values
    assert [r.key for r in load_records([str(path)])] == ["a"]


@pytest.mark.parametrize("suffix, entry", [
    (".bib", "@misc{{k{i}, title = {{T}}, year = 2001}}\n"),
    (".ris", "TY  - GEN\nTI  - T{i}\nER  - \n"),
])
def test_entry_count_limit_for_bibtex_and_ris(tmp_path: Path, monkeypatch, suffix: str,
                                             entry: str) -> None:
    monkeypatch.setattr(load, "MAX_ENTRIES", 5)
    path = tmp_path / f"many{suffix}"
    path.write_text("".join(entry.format(i=i) for i in range(6)), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_records([str(path)])
    assert info.value.format() == f"{path}: more than 5 entries in one file; split it"
    path.write_text("".join(entry.format(i=i) for i in range(5)), encoding="utf-8")
    assert len(load_records([str(path)], warn=lambda _m: None)) == 5


def _measure_by_walk(data, long_strings):
    """measure's walk of every value, the reference for its level-by-level look at the
    containers alone (when no text can be too long)."""
    from citeform.records.json_positions import MAX_DEPTH, MAX_SCALAR

    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"JSON nested deeper than {MAX_DEPTH} levels"
        if isinstance(value, dict):
            children = [*value.values(), *value] if long_strings else value.values()
        elif isinstance(value, list):
            children = value
        else:
            if long_strings and isinstance(value, str) and len(value) > MAX_SCALAR:
                return f"value longer than {MAX_SCALAR:,} characters ({len(value):,})"
            continue
        if long_strings:
            stack.extend((v, depth + 1) for v in children)
        else:
            stack.extend((v, depth + 1) for v in children if isinstance(v, (dict, list)))
    return None


def test_nesting_is_measured_as_by_a_walk_of_every_value():
    from collections import OrderedDict

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from citeform.records.json_positions import measure

    def nest(value, depth, kind):
        for i in range(depth):
            value = [value] if (i + kind) % 3 else ({"k": value} if kind % 2 else
                                                     OrderedDict(k=value))
        return value

    @settings(max_examples=200, deadline=None)
    @given(st.integers(0, 70), st.integers(0, 5), st.sampled_from([1, "x", None, [], {}]))
    def check(depth, kind, leaf):
        data = [nest(leaf, depth, kind), nest(leaf, max(depth - 3, 0), kind + 1)]
        assert measure(data, long_strings=False) == _measure_by_walk(data, False)

    check()
