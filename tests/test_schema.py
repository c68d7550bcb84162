"""The JSON Schema of the record format: valid itself, true to records/, strict where it must be."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "records"
INVALID = Path(__file__).resolve().parent / "data" / "invalid"


class Yaml12Loader(yaml.SafeLoader):
    """A safe loader that leaves ``2002-03-15`` a string, as YAML 1.2 and JSON Schema see it."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """Parse YAML the way an editor validating against the schema would."""
    return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 - a SafeLoader subclass


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = resources.files("citeform.records").joinpath("schema/record.schema.json").read_text("utf-8")
    return json.loads(text)


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema)


def errors(validator: Draft202012Validator, data: Any) -> list[ValidationError]:
    return list(validator.iter_errors(data))


def test_schema_is_a_valid_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_file_lives_in_the_package() -> None:
    assert resources.files("citeform.records").joinpath("schema/record.schema.json").is_file()


# --- the sample records ----------------------------------------------------------------------

RECORD_FILES = sorted(RECORDS.glob("*.yaml"))


def test_records_folder_has_the_seed_and_enough_samples() -> None:
    names = {p.name for p in RECORD_FILES}
    assert "rousseau2002.yaml" in names
    assert 11 <= len(RECORD_FILES) <= 21


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: p.name)
def test_every_sample_record_validates(validator: Draft202012Validator, path: Path) -> None:
    data = load_yaml(path.read_text("utf-8"))
    problems = [f"{'/'.join(map(str, e.absolute_path)) or '.'}: {e.message}" for e in errors(validator, data)]
    assert problems == []


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: p.name)
def test_sample_keys_follow_the_naming_rule(path: Path) -> None:
    data = load_yaml(path.read_text("utf-8"))
    if isinstance(data, list):
        keys = [r["id"] for r in data]
    else:
        keys = [data.get("id", path.stem)]
        assert path.stem == keys[0]
    for key in keys:
        assert key.isascii() and key == key.lower()
        assert key.rstrip("ab")[-4:].isdigit(), key


def test_seed_record_is_the_publication() -> None:
    seed = load_yaml((RECORDS / "rousseau2002.yaml").read_text("utf-8"))
    assert seed == {
        "type": "article",
        "title": "Apport des biothérapies anticancéreuses dans le traitement des leucémies de l'enfant",
        "translated-title": "Antitumor biotherapies in the treatment of pediatric leukemias",
        "authors": ["Rousseau, R.", "Bollard, C.", "Heslop, H."],
        "journal": "Archives de Pediatrie",
        "journal-abbreviation": "Arch Pediatr",
        "year": 2002,
        "volume": 9,
        "issue": 3,
        "pages": "289-306",
        "number-of-pages": 18,
        "language": "fr",
        "keywords": ["Child", "Gene therapy", "Immunotherapy, adoptive", "Leukemia", "Vaccines"],
    }


def test_samples_cover_the_variety_asked_for() -> None:
    records: list[dict[str, Any]] = []
    for path in RECORD_FILES:
        data = load_yaml(path.read_text("utf-8"))
        records.extend(data if isinstance(data, list) else [data])
    types = {r["type"] for r in records}
    assert {"book", "chapter", "report", "conference-paper", "web"} <= types
    assert types & {"thesis", "dissertation"}
    assert any(len(r.get("authors", [])) > 20 for r in records)
    assert any(r.get("language") not in (None, "en", "fr") and "translated-title" in r for r in records)
    text = json.dumps(records, ensure_ascii=False)
    for needle in ("literal", "van der", "d'", "Jr.", "dropping-particle", "Колмогоров"):
        assert needle in text, needle
    keys = [r.get("id") for r in records] + [p.stem for p in RECORD_FILES]
    assert any(k and k.endswith("a") and k[:-1] + "b" in keys for k in keys)


# --- the hand-made invalid records -----------------------------------------------------------

INVALID_FILES = sorted(INVALID.glob("*.yaml"))


def expectation(path: Path) -> tuple[list[str | int], str]:
    """The ``# expect: PATH KEYWORD`` header of an invalid record."""
    first = path.read_text("utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} lacks its '# expect:' line"
    where, keyword = first.removeprefix("# expect: ").split()
    steps: list[str | int] = [] if where == "." else [
        int(s) if s.isdigit() else s for s in where.split("/")
    ]
    return steps, keyword


def test_there_are_invalid_examples() -> None:
    assert len(INVALID_FILES) >= 10


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.name)
def test_invalid_record_is_rejected_at_the_expected_place(
    validator: Draft202012Validator, path: Path
) -> None:
    data = load_yaml(path.read_text("utf-8"))
    found = errors(validator, data)
    assert found, f"{path.name} was accepted"
    where, keyword = expectation(path)
    best = best_match(found)
    assert list(best.absolute_path) == where, best.message
    assert best.validator == keyword, best.message


# --- file layouts ----------------------------------------------------------------------------


def test_a_pandoc_references_block_validates(validator: Draft202012Validator) -> None:
    data = load_yaml(
        """
title: My paper
references:
  - id: shannon1948
    type: article-journal
    title: A Mathematical Theory of Communication
    author:
      - family: Shannon
        given: C. E.
    container-title: Bell System Technical Journal
    issued: 1948-07
    volume: 27
    page: 379-423
  - id: knuth1997
    type: book
    title: "The Art of Computer Programming, Volume 1: Fundamental Algorithms"
    author: [{family: Knuth, given: Donald E.}]
    issued: {date-parts: [[1997]]}
"""
    )
    assert errors(validator, data) == []
    data["references"][1].pop("id")
    assert [list(e.absolute_path) for e in errors(validator, data)] == [["references", 1]]


def test_a_csl_json_array_validates(validator: Draft202012Validator) -> None:
    data = json.loads(
        """[{"id": "rousseau2002", "type": "article-journal",
            "title": "Apport des biothérapies anticancéreuses dans le traitement des leucémies de l'enfant",
            "author": [{"family": "Rousseau", "given": "R."}, {"family": "Bollard", "given": "C."}],
            "container-title": "Archives de Pediatrie", "container-title-short": "Arch Pediatr",
            "issued": {"date-parts": [[2002]]}, "volume": "9", "issue": "3", "page": "289-306",
            "language": "fr", "custom": {"translated-title": "Antitumor biotherapies"}},
           {"id": "who2000", "type": "report", "title": "The World Health Report 2000",
            "author": [{"literal": "World Health Organization"}],
            "publisher": "World Health Organization", "issued": {"date-parts": [["2000"]]}}]"""
    )
    assert errors(validator, data) == []


def test_a_list_of_one_record_needs_no_id(validator: Draft202012Validator) -> None:
    data = load_yaml("- {type: book, title: Traité de dynamique, year: 1743}")
    assert errors(validator, data) == []


def test_unknown_fields_are_allowed(validator: Draft202012Validator) -> None:
    data = load_yaml("type: book\ntitle: Non-Cooperative Games\nshelf: B-12\nread: true\n")
    assert errors(validator, data) == []


# --- values ----------------------------------------------------------------------------------

GOOD_DATES = [
    "2002", "2002-03", "2002-03-15", "2002-3-5", "1899/1904", "2002-03-01/2002-03-05",
    "2002-21", "Spring 2002", "circa 1900", "ca. 1900", "1900~", "15 March 2002",
    "March 15, 2002", 2002, -50, {"date-parts": [[2002, 3]]}, {"literal": "Early 18th century"},
    {"date-parts": [[1899], [1904]], "circa": True}, {"raw": "2002-03-15"},
]
BAD_DATES = ["", "2002-13", "2002-03-32", "20020", "2002-25", "2002/2003/2004", 100000,
             {"year": 2002}, {"date-parts": []}, [2002], True]


def record_with(**fields: Any) -> dict[str, Any]:
    return {"type": "book", "title": "Traité de dynamique", **fields}


@pytest.mark.parametrize("value", GOOD_DATES, ids=repr)
def test_date_forms_are_accepted(validator: Draft202012Validator, value: Any) -> None:
    assert errors(validator, record_with(date=value)) == []


@pytest.mark.parametrize("value", BAD_DATES, ids=repr)
def test_broken_dates_are_rejected(validator: Draft202012Validator, value: Any) -> None:
    found = errors(validator, record_with(date=value))
    assert found and all(list(e.absolute_path)[:1] == ["date"] for e in found)


@pytest.mark.parametrize("value", [d for d in GOOD_DATES if not isinstance(d, dict)], ids=repr)
def test_date_forms_the_schema_accepts_are_read_by_citeform(value: Any) -> None:
    from citeform.records.date_parsing import parse_date

    assert parse_date(value)["date-parts"]


GOOD_NAMES = [
    "Rousseau, R.", "Brian W. Kernighan", "Nash, John F., Jr.", "Frederick P. Brooks Jr.",
    "Johannes Diderik van der Waals", "d'Alembert, Jean le Rond", "Ramón y Cajal, Santiago",
    {"family": "Колмогоров", "given": "А. Н."}, {"literal": "World Health Organization"},
    {"family": "Saussure", "given": "Ferdinand", "dropping-particle": "de"},
    ["Rousseau, R.", {"family": "Bollard", "given": "C."}],
]
BAD_NAMES = ["", "   ", [], {}, {"given": "R.", "initials": "R"}, {"family": ["Rousseau"]}, 42,
             [None]]


@pytest.mark.parametrize("value", GOOD_NAMES, ids=repr)
def test_name_forms_are_accepted(validator: Draft202012Validator, value: Any) -> None:
    assert errors(validator, record_with(authors=value)) == []


@pytest.mark.parametrize("value", BAD_NAMES, ids=repr)
def test_broken_names_are_rejected(validator: Draft202012Validator, value: Any) -> None:
    found = errors(validator, record_with(authors=value))
    assert found and all(list(e.absolute_path)[:1] == ["authors"] for e in found)


@pytest.mark.parametrize("value", ["289-306", "e1002", 12, "S1–S10"], ids=repr)
def test_pages_may_be_text_or_a_number(validator: Draft202012Validator, value: Any) -> None:
    assert errors(validator, record_with(pages=value)) == []


def test_two_fields_for_one_variable_are_rejected(validator: Draft202012Validator) -> None:
    data = record_with(journal="Nature", **{"container-title": "Nature"})
    assert {tuple(e.absolute_path) for e in errors(validator, data)} == {
        ("journal",),
        ("container-title",),
    }


# --- agreement with the mapping --------------------------------------------------------------


def test_schema_types_are_the_types_citeform_maps(schema: dict[str, Any]) -> None:
    from citeform import vocabulary
    from citeform.records.mapping import map_type

    enum = set(schema["$defs"]["record"]["properties"]["type"]["enum"])
    for name in enum:
        map_type(name)
    assert vocabulary.CSL_TYPES <= enum
    assert set(vocabulary.TYPE_ALIASES) | set(vocabulary.RECORD_ONLY_ALIASES) <= enum


def test_schema_knows_every_field_citeform_maps(schema: dict[str, Any]) -> None:
    from citeform import vocabulary

    props = set(schema["$defs"]["record"]["properties"])
    expected = (
        set(vocabulary.FRIENDLY_FIELDS)
        | vocabulary.CUSTOM_FIELDS
        | vocabulary.CSL_VARIABLES
        | vocabulary.META_KEYS
        | {"year"}
    )
    assert expected - props == set()


def test_name_and_date_fields_are_typed(schema: dict[str, Any]) -> None:
    from citeform import vocabulary

    props = schema["$defs"]["record"]["properties"]
    for name in vocabulary.NAME_VARIABLES | {"authors", "editors", "translators"}:
        assert props[name]["$ref"] == "#/$defs/names", name
    for name in vocabulary.DATE_VARIABLES | {"date", "year"}:
        assert props[name]["$ref"] == "#/$defs/date", name


def test_sample_records_load_without_warnings() -> None:
    from citeform.records.load import load_records

    warnings: list[str] = []
    records = load_records([str(RECORDS)], warn=warnings.append)
    assert warnings == []
    by_key = {r.key: r.csl for r in records}
    assert len(by_key) == len(records) == 20
    assert by_key["rousseau2002"]["type"] == "article-journal"
    assert by_key["rousseau2002"]["custom"]["translated-title"].startswith("Antitumor")
    assert len(by_key["jumper2021"]["author"]) == 34
    assert by_key["vanderwaals1873"]["author"][0]["non-dropping-particle"] == "van der"
    assert by_key["dalembert1743"]["author"][0]["non-dropping-particle"] == "d'"
    assert by_key["nash1950"]["author"][0]["suffix"] == "Jr."
    assert by_key["who2000"]["author"] == [{"literal": "World Health Organization"}]
    assert by_key["ramonycajal1899"]["issued"] == {"date-parts": [[1899], [1904]]}
    assert by_key["vanrossum2001"]["issued"] == {"date-parts": [[2001, 7, 5]]}
