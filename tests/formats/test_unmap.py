"""CSL-JSON back to records, and records written as YAML the way a person would."""

from __future__ import annotations

import yaml

from citeform.formats.csl_yaml import to_csl_yaml
from citeform.formats.unmap import to_record
from citeform.formats.yaml_writer import record_yaml, records_yaml
from citeform.records.mapping import to_csl

from .generate import generate
from .helpers import record_items


def test_canonical_names_types_numbers_and_dates() -> None:
    item = {
        "id": "k", "type": "paper-conference", "title": "T",
        "author": [{"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"},
                   {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
                   {"literal": "World Health Organization"}],
        "container-title": "Proceedings", "event-title": "Conf", "volume": "9", "issue": "03",
        "issued": {"date-parts": [[2002, 3, 15]]}, "accessed": {"date-parts": [[2020]]},
        "DOI": "10.1/x", "keyword": "a; b", "custom": {"translated-title": "TT", "owner": "me"},
    }
    assert to_record(item) == {
        "id": "k", "type": "conference-paper", "title": "T", "translated-title": "TT",
        "authors": ["van der Berg, Jan", "King, Jr., Martin Luther", {"literal": "World Health Organization"}],
        "book-title": "Proceedings", "conference": "Conf", "volume": 9, "issue": "03",
        "date": "2002-03-15", "accessed": 2020, "doi": "10.1/x", "keywords": ["a", "b"],
        "custom": {"owner": "me"},
    }


def test_record_keys_in_canonical_order() -> None:
    rec = to_record({"DOI": "x", "title": "T", "type": "article-journal", "id": "k",
                     "issued": {"date-parts": [[2000]]}, "author": [{"family": "A", "given": "B"}]})
    assert list(rec) == ["id", "type", "title", "authors", "year", "doi"]


def test_csl_json_round_trip_is_the_identity_for_records() -> None:
    for item in record_items():
        assert to_csl(to_record(item)).item == item
        assert to_record(to_csl(to_record(item)).item) == to_record(item)


def test_records_to_csl_to_records_is_the_identity_for_generated_records() -> None:
    for record in generate(1000):
        assert to_record(to_csl(record).item) == record


def test_yaml_is_written_like_a_person_would() -> None:
    rec = to_record(to_csl({
        "id": "rousseau2002", "type": "article", "title": "Apport des biothérapies de l'enfant",
        "authors": ["Rousseau, R.", {"literal": "World Health Organization"}], "year": 2002,
        "journal": "Archives de Pediatrie", "pages": "289-306", "accessed": "2020-05-01",
        "keywords": ["Child", "Immunotherapy, adoptive"],
    }).item)
    assert record_yaml(rec) == (
        "id: rousseau2002\n"
        "type: article\n"
        "title: Apport des biothérapies de l'enfant\n"
        "authors:\n"
        "  - Rousseau, R.\n"
        "  - {literal: World Health Organization}\n"
        "journal: Archives de Pediatrie\n"
        "pages: 289-306\n"
        "year: 2002\n"
        "accessed: 2020-05-01\n"
        "keywords:\n"
        "  - Child\n"
        "  - Immunotherapy, adoptive\n"
    )


def test_yaml_quotes_only_what_needs_it() -> None:
    text = record_yaml({"id": "k", "title": "Health Systems: Improving Performance", "note": "yes",
                        "volume": "12a", "issue": "010"})
    assert "title: 'Health Systems: Improving Performance'" in text
    assert "note: 'yes'" in text
    assert "volume: 12a" in text
    assert "issue: '010'" in text


def test_yaml_of_generated_records_reads_back() -> None:
    records = generate(300)
    data = yaml.safe_load(records_yaml(records))
    assert [to_csl(r).item for r in data] == [to_csl(r).item for r in records]


def test_csl_yaml_has_references() -> None:
    items = record_items()
    text = to_csl_yaml(items)
    assert text.startswith("references:\n")
    assert yaml.safe_load(text)["references"] == items
    assert "date-parts: [[2002]]" in text


def test_dates_given_as_text_in_csl_json() -> None:
    item = {"id": "z", "type": "article-journal", "title": "T", "issued": "2002-03",
            "accessed": "2020-01-02", "original-date": "1900~"}
    assert to_record(item) == {"id": "z", "type": "article", "title": "T", "date": "2002-03",
                               "accessed": "2020-01-02", "original-date": "circa 1900"}


def test_yaml_reads_back_with_the_record_loader(tmp_path) -> None:
    from citeform.records.load import load_file

    records = generate(300)
    records.append({"id": "odd", "type": "book", "title": "No", "note": "  spaced  ",
                    "abstract": "Line one.\nLine two: with colon.\n", "publisher": "@home #1",
                    "place": "'quoted'", "edition": "010", "series": "1.10", "volume": "10:15"})
    path = tmp_path / "all.yaml"
    path.write_text(records_yaml(records), "utf-8")
    loaded = load_file(str(path), warn=lambda m: None)
    assert [r.csl for r in loaded] == [to_csl(r).item for r in records]
    one = tmp_path / "odd.yaml"
    one.write_text(record_yaml({k: v for k, v in records[-1].items() if k != "id"}), "utf-8")
    [rec] = load_file(str(one), warn=lambda m: None)
    assert rec.key == "odd" and rec.csl == to_csl(records[-1]).item
