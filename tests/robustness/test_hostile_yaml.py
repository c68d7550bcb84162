"""Hostile and odd YAML record files: each ends in one exact error line, or is understood."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeform.errors import DataError
from citeform.records.load import load_records

from .helpers import DATA, error_line

YAML = DATA / "yaml"

ERRORS = {
    "alias_bomb.yaml": "7:4: YAML too large: more than 1,000,000 values once aliases are "
                       "expanded (alias bomb?)",
    "self_alias.yaml": "4:10: YAML alias refers to itself (a value cannot contain itself)",
    "deep_nesting.yaml": "3:44: YAML nested deeper than 64 levels",
    "deeper_than_libyaml.yaml": "2:1999: YAML nested deeper than 64 levels",
    "long_number.yaml": "4:9: number longer than 18 digits; quote it to keep it as text",
    "python_tag.yaml": "3:8: YAML tag !!python/object/apply:builtins.open is not allowed "
                       "(records are plain data)",
    "custom_tag.yaml": "2:8: YAML tag !include is not allowed (records are plain data)",
    "binary_tag.yaml": "2:8: YAML tag !!binary is not allowed (records are plain data)",
    "duplicate_field.yaml": "4:1: 'title' given twice (first on line 2)",
    "two_documents.yaml": "3:1: more than one YAML document (---) in a file; put several "
                          "records in one list",
    "broken.yaml": "4:1: broken YAML: found unexpected end of stream (while scanning a quoted "
                   "scalar that starts on line 2)",
    "list_key.yaml": "2:3: broken YAML: a field name must be text, not a list or mapping",
    "scalar.yaml": "1: a record must be a mapping of fields, not text",
    "non_text_key.yaml": "3: keys: 2001: field names must be text",
    "impossible_date.yaml": "3: impossible: date: month 13 out of range",
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_hostile_yaml_is_one_error_line(invoke, name: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # python_tag.yaml would create ./pwned-marker
    path = YAML / name
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    assert error_line(result) == f"citeform: error: {path}:{ERRORS[name]}"
    assert not (tmp_path / "pwned-marker").exists()


def test_tabs_are_named(invoke, tmp_path: Path) -> None:
    path = tmp_path / "tabs.yaml"
    path.write_text("title: T\n\tyear: 2001\n", encoding="utf-8")
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    assert error_line(result) == f"citeform: error: {path}:2:1: broken YAML: a tab; indent with spaces"


def test_comment_only_file_has_no_records(invoke) -> None:
    path = YAML / "empty.yaml"
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    # the file is named, and -r is not advised when it was given
    assert result.stderr == (f"citeform: warning: {path}: no records in this file (it is empty "
                             f"or holds only a null)\nciteform: error: no records found in {path}\n")


def test_yaml_1_1_surprises_stay_as_written() -> None:
    (rec,) = load_records([str(YAML / "yaml11_surprises.yaml")], warn=lambda m: None)
    assert rec.data["volume"] == "010"  # not the octal 8
    assert rec.data["pages"] == "10:15"  # not the base-60 615
    assert rec.data["title"] == "1.10"  # not the number 1.1
    assert rec.data["version"] == "1.10"
    assert rec.data["edition"] == "2.0"
    assert rec.data["language"] == "no"  # Norwegian, not false
    assert rec.data["date"] == "2002-03-15"
    assert rec.csl["language"] == "no"
    assert rec.csl["page"] == "10:15"
    assert rec.csl["issued"] == {"date-parts": [[2002, 3, 15]]}


def test_yaml_1_1_surprises_render(invoke) -> None:
    result = invoke("cite", "-r", str(YAML / "yaml11_surprises.yaml"))
    assert result.exit_code == 0
    assert result.stdout == "1. 1.10. 2.0. Vol. 010. 2002. Norwegian.\n"


SHAPES = [
    "shapes.yaml:2: title-list: title: expected text, got a list",
    "shapes.yaml:5: authors-number: authors: names must be a list, not int",
    "shapes.yaml:8: date-word: date: cannot read 'yesterday' as a date",
    "shapes.yaml:11: year-out-of-range: year 20020 out of range",
    "shapes.yaml:14: keywords-mapping: keywords: expected text, got a mapping",
    "shapes.yaml:17: name-list-in-name: authors: a name must be text or a mapping, not list",
    "shapes.yaml:20: type-number: type: expected a type name, got int",
    "shapes.yaml:23: custom-list: custom: expected a mapping, got a list",
    "shapes.yaml:26: a record must be a mapping of fields, not a number",
    "shapes.yaml:27: id must be text",
    "shapes.yaml:29: record has no id (needed when a file holds several records)",
]


def test_wrong_shapes_every_record_reported_with_key_and_field() -> None:
    warnings: list[str] = []
    with pytest.raises(DataError) as info:
        load_records([str(YAML / "shapes.yaml")], warn=warnings.append)
    lines = info.value.format().splitlines()
    assert lines == [f"{YAML / line}" for line in SHAPES]
    assert warnings == [f"{YAML / 'shapes.yaml'}:25: null-title: empty field ignored"]


def test_wrong_shapes_through_the_cli(invoke) -> None:
    result = invoke("cite", "-r", str(YAML / "shapes.yaml"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[1] == f"citeform: error: {YAML / SHAPES[0]}"
    for line in SHAPES[1:]:
        assert line in result.stderr
    assert "Traceback" not in result.stderr


def test_wrong_shapes_through_check(invoke) -> None:
    path = YAML / "shapes.yaml"
    result = invoke("check", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:2:3: title-list: title: expected text, got a list",
        f"{path}:5:3: authors-number: authors: names must be a list, not int",
        f"{path}:8:3: date-word: date: cannot read 'yesterday' as a date",
        f"{path}:11:3: year-out-of-range: year 20020 out of range",
        f"{path}:14:3: keywords-mapping: keywords: expected text, got a mapping",
        f"{path}:17:3: name-list-in-name: authors: a name must be text or a mapping, not list",
        f"{path}:20:3: type-number: type: expected a type name, got int",
        f"{path}:23:3: custom-list: custom: expected a mapping, got a list",
        f"{path}:25:3: null-title: title is empty",
        f"{path}:26:3: a record must be a mapping of fields, not a number",
        f"{path}:27:3: id must be text",
        f"{path}:29:3: record has no id (needed when a file holds several records)",
        "12 errors, 0 warnings in 12 records",
    ]


def test_control_character_is_named_at_its_place(invoke, tmp_path: Path) -> None:
    path = tmp_path / "bell.yaml"
    path.write_text("title: é\nnote: €ok\x07\n", encoding="utf-8")
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"citeform: error: {path}:2:10: character U+0007 is not allowed in YAML")


def test_unicode_line_separators_do_not_shift_line_numbers(invoke, tmp_path: Path) -> None:
    # YAML 1.1 breaks lines at NEL and LS too; an editor shows these fields on lines 3 and 4
    path = tmp_path / "odd.yaml"
    path.write_text('id: odd\nnote: "a\u2028b\x85c"\ntitle: [x]\ndate: [\n', encoding="utf-8")
    result = invoke("check", str(path))
    assert result.stdout.splitlines() == [
        f"{path}:5:1: broken YAML: did not find expected node content",
        "1 error, 0 warnings in 0 records",
    ]
    path.write_text('id: odd\nnote: "a\u2028b\x85c"\ntitle: [x]\n', encoding="utf-8")
    assert invoke("check", str(path)).stdout.splitlines()[0] == (
        f"{path}:3:1: odd: title: expected text, got a list")


def test_each_of_several_errors_is_a_full_error_line(invoke) -> None:
    result = invoke("cite", "-r", str(YAML / "shapes.yaml"))
    errors = [line for line in result.stderr.splitlines() if "warning" not in line]
    assert errors == [f"citeform: error: {YAML / line}" for line in SHAPES]
