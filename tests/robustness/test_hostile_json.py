"""Hostile and odd CSL-JSON files: each ends in one exact error line, or is understood."""

from __future__ import annotations

import pytest

from .helpers import DATA, error_line

JSON = DATA / "json"

ERRORS = {
    "deep.json": " JSON nested deeper than 64 levels",
    "duplicate_field.json": "1:46: 'title' given twice in one item",
    "empty.json": "1:1: broken JSON: Expecting value",
    "huge_number.json": "1:54: broken JSON: number longer than 18 digits; quote it to keep it as text",
    "nan.json": "1:41: broken JSON: NaN is not a JSON value",
    "scalar.json": " CSL-JSON must be a list of items",
    "trailing_comma.json": "1:43: broken JSON: Expecting property name enclosed in double quotes",
    # the first of check's three errors (the title as a list was let through before)
    "shapes.json": "1: shape: title: expected string or number, got a list",
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_hostile_json_is_one_error_line(invoke, name: str) -> None:
    path = JSON / name
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    sep = "" if ERRORS[name].startswith(" ") else ":"
    assert error_line(result) == f"citeform: error: {path}{sep}{ERRORS[name]}".replace(
        f"{path} ", f"{path}: ")


def test_items_that_are_not_mappings_are_each_reported(invoke) -> None:
    path = JSON / "mixed_items.json"
    result = invoke("check", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:1:45: a record must be a mapping of fields, not a number",
        f"{path}:1:49: a record must be a mapping of fields, not a list",
        "2 errors, 0 warnings in 3 records",
    ]


def test_check_places_json_fields(invoke) -> None:
    path = JSON / "shapes.json"
    result = invoke("check", str(path))
    assert result.stdout.splitlines() == [
        f"{path}:1:34: shape: title: expected string or number, got a list",
        f"{path}:1:50: shape: author: family: expected string, got a number",
        f"{path}:1:75: shape: issued: cannot read 'yesterday' as a date",
        "3 errors, 0 warnings in 1 record",
    ]


@pytest.mark.parametrize("name, out", [("items_wrapper.json", "1. Wrapped.\n"),
                                       ("no_id.json", "1. No id.\n")])
def test_odd_but_understood(invoke, name: str, out: str) -> None:
    result = invoke("cite", "-r", str(JSON / name))
    assert result.exit_code == 0
    assert result.stdout == out


@pytest.mark.parametrize("title", ["x" * 100_001, 'q\\"' * 50_001, "\\u00e9" * 100_001])
def test_a_too_long_value_is_placed(invoke, tmp_path, title: str) -> None:
    """As in YAML records: the error names the line and column where the value starts."""
    path = tmp_path / "long.json"
    path.write_text('[{"id": "a", "type": "book", "title": "short \\" 1"},\n'
                    f' {{"id": "b", "type": "book", "title": "{title}"}}]\n', encoding="utf-8")
    result = invoke("check", str(path))
    assert result.exit_code == 1
    length = len(title.replace('\\"', '"').replace("\\u00e9", "e"))
    assert result.stdout.splitlines()[0] == (
        f"{path}:2:39: value longer than 100,000 characters ({length:,})")
