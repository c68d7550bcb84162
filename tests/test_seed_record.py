"""records/ holds the seed publication exactly, plus a varied set of real records."""

from __future__ import annotations

from collections import Counter

from conftest import RECORDS

from citeform.records.load import load_records


def _records():
    return {r.key: r for r in load_records([str(RECORDS)], warn=lambda m: None)}


def test_seed_record_holds_the_publication():
    seed = _records()["rousseau2002"].csl
    assert seed["type"] == "article-journal"
    assert seed["title"] == (
        "Apport des biothérapies anticancéreuses dans le traitement des leucémies de l'enfant"
    )
    assert seed["custom"]["translated-title"] == (
        "Antitumor biotherapies in the treatment of pediatric leukemias"
    )
    assert seed["author"] == [
        {"family": "Rousseau", "given": "R."},
        {"family": "Bollard", "given": "C."},
        {"family": "Heslop", "given": "H."},
    ]
    assert (seed["container-title"], seed["container-title-short"]) == ("Archives de Pediatrie", "Arch Pediatr")
    assert seed["issued"] == {"date-parts": [[2002]]}
    assert (seed["volume"], seed["issue"], seed["page"], seed["number-of-pages"]) == ("9", "3", "289-306", "18")
    assert seed["language"] == "fr"
    assert seed["keyword"] == "Child; Gene therapy; Immunotherapy, adoptive; Leukemia; Vaccines"


def test_sample_records_are_varied():
    records = _records()
    assert 11 <= len(records) <= 21
    types = Counter(r.csl["type"] for r in records.values())
    for kind in ("book", "chapter", "thesis", "report", "paper-conference", "webpage", "article-journal"):
        assert types[kind] >= 1, kind
    assert any(len(r.csl.get("author", [])) > 20 for r in records.values())
    assert any(
        any(not ch.isascii() and ch.isalpha() and ord(ch) > 0x370 for ch in str(r.csl.get("author")))
        for r in records.values()
    )
    assert any(
        any("literal" in n for n in r.csl.get("author", [])) and r.csl["type"] == "report"
        for r in records.values()
    )
    first_authors_years = Counter(
        (r.csl["author"][0].get("family"), r.csl["issued"]["date-parts"][0][0])
        for r in records.values() if r.csl.get("author") and r.csl.get("issued")
    )
    assert max(first_authors_years.values()) >= 2  # a same-author-same-year pair
