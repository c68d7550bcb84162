"""Our JSON Schema for CSL-JSON: what we write validates; broken items are named."""

from __future__ import annotations

import json

from citeform.formats.bibtex_reader import read_bibtex
from citeform.formats.csl_json import schema, to_csl_json, validation_errors
from citeform.formats.ris import read_ris
from citeform.records.mapping import to_csl

from .generate import generate
from .helpers import DATA, record_items


def test_schema_lists_the_csl_variables() -> None:
    props = schema()["$defs"]["item"]["properties"]
    assert props["issued"] == {"$ref": "#/$defs/date"}
    assert props["author"] == {"$ref": "#/$defs/names"}
    assert props["page"] == {"$ref": "#/$defs/number"}
    assert props["title"] == {"$ref": "#/$defs/text"}
    assert "article-journal" in props["type"]["enum"]


def test_everything_we_write_validates() -> None:
    items = record_items() + [to_csl(r).item for r in generate(1000)]
    items += [r.item for r in read_bibtex((DATA / "library.bib").read_text("utf-8"), "x.bib")]
    items += [r.item for r in read_ris((DATA / "export.ris").read_text("utf-8"), "x.ris")]
    data = json.loads(to_csl_json(items))
    assert data == items
    assert validation_errors(data) == []


def test_broken_items_are_named() -> None:
    errors = validation_errors([
        {"id": "ok", "type": "book"},
        {"id": "x", "type": "artcle", "author": [{"famly": "X"}],
         "issued": {"date-parts": [[2002, "March"]]}, "colour": "red"},
    ])
    assert any(e.startswith("1/type:") for e in errors)
    assert any(e.startswith("1/author/0:") for e in errors)
    assert any(e.startswith("1/issued:") for e in errors)
    assert any("colour" in e for e in errors)
    assert not any(e.startswith("0/") for e in errors)


def test_extra_keys_of_other_processors_are_checked_too() -> None:
    assert validation_errors([{"id": "a", "type": "book", "shortTitle": "A"}]) == []
    assert validation_errors([{"id": "a", "type": "book", "shortTitle": ["A"]}]) != []
