"""Records -> BibTeX/BibLaTeX/RIS -> records keep every field, for records/ and 1,000 generated."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from citeform.formats.bibtex_reader import read_bibtex
from citeform.formats.bibtex_writer import to_bibtex
from citeform.formats.ris import read_ris, to_ris
from citeform.formats.unmap import to_record
from citeform.records.mapping import to_csl

from .generate import generate
from .helpers import record_items

Trip = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]

TRIPS: dict[str, Trip] = {
    "bibtex": lambda items: [r.item for r in read_bibtex(to_bibtex(items), "x.bib")],
    "bibtex-ascii": lambda items: [r.item for r in read_bibtex(to_bibtex(items, ascii=True), "x.bib")],
    "biblatex": lambda items: [r.item for r in read_bibtex(to_bibtex(items, biblatex=True), "x.bib")],
    "biblatex-ascii": lambda items: [
        r.item for r in read_bibtex(to_bibtex(items, biblatex=True, ascii=True), "x.bib")],
    "ris": lambda items: [r.item for r in read_ris(to_ris(items), "x.ris")],
}


@pytest.mark.parametrize("trip", sorted(TRIPS))
def test_records_folder_round_trip(trip: str) -> None:
    items = record_items()
    back = TRIPS[trip](items)
    assert [to_record(i) for i in back] == [to_record(i) for i in items]


@pytest.mark.parametrize("trip", sorted(TRIPS))
def test_generated_records_round_trip(trip: str) -> None:
    records = generate(1000)
    back = TRIPS[trip]([to_csl(r).item for r in records])
    for record, item in zip(records, back, strict=True):
        assert to_record(item) == record


def test_generated_records_cover_what_the_issue_lists() -> None:
    records = generate(1000)
    fields = {f for r in records for f in r}
    for wanted in ("title", "translated-title", "authors", "editors", "journal", "book-title",
                   "volume", "issue", "pages", "doi", "url", "isbn", "publisher", "place",
                   "edition", "language", "keywords", "year", "date", "university", "series",
                   "container-authors", "translators", "accessed", "conference"):
        assert wanted in fields
    names = [n for r in records for n in r.get("authors", [])]
    assert any(isinstance(n, dict) and "literal" in n for n in names)
    assert any(isinstance(n, str) and n.startswith(("van ", "de ", "d'")) for n in names)
    assert any(isinstance(n, str) and ", Jr., " in n for n in names)
    dates = [r["date"] for r in records if "date" in r]
    assert any("/" in d for d in dates) and any(d.startswith("circa") for d in dates)
    assert len({r["type"] for r in records}) >= 15
