"""RIS: an export from a research portal imports to the expected records; writing RIS."""

from __future__ import annotations

from typing import Any

import pytest

from citeform.errors import DataError
from citeform.formats.ris import iter_ris, parse_ris_name, read_ris, to_ris
from citeform.formats.unmap import to_record
from citeform.records.mapping import to_csl

from .helpers import DATA


@pytest.fixture(scope="module")
def export() -> list[Any]:
    return read_ris((DATA / "export.ris").read_text("utf-8"), "export.ris")


def test_seed_record_from_a_research_portal(export: list[Any]) -> None:
    read = export[0]
    assert read.line == 1
    rec = to_record(read.item)
    assert rec == {
        "id": "rousseau2002", "type": "article",
        "title": "Apport des biothérapies anticancéreuses dans le traitement des leucémies de l'enfant",
        "translated-title": "Antitumor biotherapies in the treatment of pediatric leukemias",
        "authors": ["Rousseau, R.", "Bollard, C.", "Heslop, H."],
        "journal": "Archives de Pediatrie", "journal-abbreviation": "Arch Pediatr",
        "volume": 9, "issue": 3, "pages": "289-306", "date": "2002-03", "language": "fr",
        "doi": "10.1016/s0929-693x(01)00755-5", "pmid": "11915504", "issn": "0929-693X",
        "url": "https://www.scopus.com/inward/record.uri?eid=2-s2.0-0036208133",
        "keywords": ["Child", "Gene therapy", "Immunotherapy, adoptive", "Leukemia", "Vaccines"],
        "note": "Export Date: 29 November 2026", "source": "Scopus",
        "custom": {"document-type": "Short survey"},
    }


def test_types_keys_and_names(export: list[Any]) -> None:
    recs = [to_record(r.item) for r in export]
    assert [r["type"] for r in recs] == ["article", "book", "report", "chapter", "thesis", "web",
                                         "conference-paper", "article", "document"]
    assert [r["id"] for r in recs] == ["rousseau2002", "kernighan1988", "world2000", "rumelhart1986",
                                       "nash1950", "vanrossum2001", "he2016", "heslop1999", "untitlednd"]
    assert recs[2]["authors"] == [{"literal": "World Health Organization"}]
    assert recs[4]["authors"] == ["Nash, Jr., John F."]
    assert recs[4]["university"] == "Princeton University"
    assert recs[5]["authors"][0] == "van Rossum, Guido"
    assert recs[5]["accessed"] == "2026-11-29"
    assert recs[3]["editors"] == ["Rumelhart, David E.", "McClelland, James L."]
    assert recs[1]["isbn"] == "0-13-110362-8"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rousseau, R.", {"family": "Rousseau", "given": "R."}),
        ("Nash, John F., Jr.", {"family": "Nash", "given": "John F.", "suffix": "Jr."}),
        ("van der Waals, J. D.", {"family": "Waals", "non-dropping-particle": "van der", "given": "J. D."}),
        ("World Health Organization", {"literal": "World Health Organization"}),
        ("Plato,", {"family": "Plato"}),
    ],
)
def test_ris_names(text: str, name: dict[str, Any]) -> None:
    assert parse_ris_name(text) == name


def test_writing_ris() -> None:
    item = to_csl({"id": "k", "type": "article", "title": "T", "authors": ["van der Berg, Jan"],
                   "journal": "J", "date": "2002-03-15", "pages": "1-10", "number-of-pages": 10,
                   "keywords": ["a", "b"]}).item
    text = to_ris([item])
    lines = text.splitlines()
    assert lines[0] == "TY  - JOUR"
    assert "AU  - van der Berg, Jan" in lines
    assert "DA  - 2002/03/15/" in lines
    assert "SP  - 1" in lines and "EP  - 10" in lines
    assert "N1  - number-of-pages: 10" in lines  # no RIS tag: kept as a note
    assert lines.count("ER  - ") == 1
    assert to_record(read_ris(text, "x.ris")[0].item)["number-of-pages"] == 10


def test_record_without_er_is_an_error_and_the_rest_still_read() -> None:
    text = "TY  - JOUR\nTI  - A\nER  - \n\nTY  - BOOK\nTI  - B\n\nTY  - BOOK\nTI  - C\nER  - \n"
    reads = list(iter_ris(text, "x.ris"))
    assert [type(r).__name__ for r in reads] == ["ReadItem", "DataError", "ReadItem"]
    assert reads[1].line == 5
    with pytest.raises(DataError):
        read_ris(text, "x.ris")


def test_older_tags_particles_institutions_and_missing_fields(export: list[Any]) -> None:
    old, bare = (to_record(r.item) for r in export[-2:])
    assert old["id"] == "heslop1999"
    assert old["title"] == "Gene therapy for leukemia: a review"
    assert old["authors"] == ["Heslop, H. E.", "de la Fuente, José", {"literal": "Children's Oncology Group"}]
    assert old["journal"] == "Blood" and old["journal-abbreviation"] == "Blood"
    assert old["date"] == "1999-10-01"
    assert old["abstract"] == "We review what is known."
    assert old["custom"]["file_attachments1"] == "file:///home/me/papers/heslop1999.pdf"  # kept
    assert bare == {"id": "untitlednd", "type": "document", "title": "Untitled notes found in an archive"}


def test_tags_of_older_exports() -> None:
    [read] = read_ris("TY  - CHAP\nCT  - Old title\nBT  - The Book\nED  - Smith, J.\nED  - Doe, A.\n"
                      "XX  - kept\nER  - \n", "x.ris")
    assert to_record(read.item) == {
        "id": "smithnd", "type": "chapter", "title": "Old title", "editors": ["Smith, J.", "Doe, A."],
        "book-title": "The Book", "custom": {"XX": "kept"}}


def test_an_export_read_and_written_again_keeps_everything(export: list[Any]) -> None:
    items = [r.item for r in export]
    text = to_ris(items)
    assert "L1  - file:///home/me/papers/heslop1999.pdf" in text.splitlines()
    assert [r.item for r in read_ris(text, "again.ris")] == items
