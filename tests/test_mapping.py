"""Records -> neutral CSL-JSON."""

from __future__ import annotations

import pytest

from citeform.records.mapping import MappingError, looks_like_record, to_csl


def test_friendly_fields_map_to_csl():
    mapped = to_csl(
        {
            "id": "x", "type": "article", "title": "T", "translated-title": "TT",
            "authors": ["Rousseau, R."], "journal": "J", "journal-abbreviation": "J Abbr",
            "year": 2002, "volume": 9, "issue": 3, "pages": "289-306", "doi": "10.1/x",
            "language": "French", "keywords": ["Child", "Immunotherapy, adoptive"],
            "place": "Paris", "publisher": "P", "isbn": "123", "pmid": 42, "url": "https://x",
        }
    )
    assert mapped.warnings == []
    assert mapped.item == {
        "id": "x", "type": "article-journal", "title": "T",
        "author": [{"family": "Rousseau", "given": "R."}], "container-title": "J",
        "container-title-short": "J Abbr", "issued": {"date-parts": [[2002]]}, "volume": "9",
        "issue": "3", "page": "289-306", "DOI": "10.1/x", "language": "fr",
        "keyword": "Child; Immunotherapy, adoptive", "publisher-place": "Paris", "publisher": "P",
        "ISBN": "123", "PMID": "42", "URL": "https://x", "custom": {"translated-title": "TT"},
    }


@pytest.mark.parametrize(
    "alias, csl",
    [("article", "article-journal"), ("book", "book"), ("chapter", "chapter"),
     ("thesis", "thesis"), ("conference-paper", "paper-conference"), ("report", "report"),
     ("web", "webpage"), ("legal_case", "legal_case"), ("Journal-Article", "article-journal")],
)
def test_type_aliases(alias, csl):
    assert to_csl({"type": alias, "title": "x", "year": 2000}).item["type"] == csl


def test_csl_json_passes_through_unchanged():
    item = {"id": "a", "type": "article", "title": "T", "author": [{"family": "A", "given": "B"}],
            "issued": {"date-parts": [[2000]]}, "volume": 3, "container-title": "C"}
    assert not looks_like_record(item)
    assert to_csl(item).item == item  # "article" keeps its CSL meaning in CSL-JSON


def test_doi_prefixes_are_dropped():
    for doi in ("https://doi.org/10.1/ABC", "http://dx.doi.org/10.1/ABC", "doi:10.1/ABC", "10.1/ABC"):
        assert to_csl({"title": "x", "doi": doi}).item["DOI"] == "10.1/ABC"


def test_unknown_fields_are_kept_under_custom_with_a_warning():
    mapped = to_csl({"title": "x", "year": 2000, "funding": "Grant 1"})
    assert mapped.item["custom"] == {"funding": "Grant 1"}
    assert mapped.warnings == [("funding", "unknown field 'funding' kept under 'custom'")]


@pytest.mark.parametrize(
    "record, field, message",
    [
        ({"title": ["a", "b"], "year": 2000}, "title", "expected text, got a list"),
        ({"title": "x", "authors": 42}, "authors", "names must be a list, not int"),
        ({"title": "x", "date": "soon"}, "date", "cannot read 'soon' as a date"),
        ({"title": "x", "year": 2000, "date": "2000"}, "date", "'date' and 'year' both give issued; keep one"),
        ({"title": "x", "year": 2000, "type": "novel"}, "type", "unknown type 'novel'"),
        ({"title": "x", "year": 2000, "language": "Klingonese"}, "language",
         "unknown language 'Klingonese' (use a code such as 'fr')"),
    ],
)
def test_errors_name_the_field(record, field, message):
    with pytest.raises(MappingError) as e:
        to_csl(record)
    assert (e.value.field, e.value.message) == (field, message)
