"""Disambiguation as citeproc-js 2.4.63 does it: ambiguity tested on the subsequent form and
disambiguate="true" tests switched on one after another (each expected string was checked
against it)."""

from __future__ import annotations

from citeform.engine import render_csl

STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><info><id/><title/></info>'
    '<citation><layout delimiter="; "><group delimiter=", "><names variable="author"><name/></names>'
    '<choose><if disambiguate="true"><text variable="title"/></if></choose>'
    '<choose><if disambiguate="true"><text variable="edition"/></if><else><text value="E"/></else></choose>'
    '<choose><if disambiguate="true"><text variable="publisher"/></if></choose>'
    "</group></layout></citation></style>"
)


def _book(key: str, family: str, title: str, edition: str, publisher: str = "P") -> dict:
    return {"id": key, "type": "book", "author": [{"family": family, "given": "J"}], "title": title,
            "edition": edition, "publisher": publisher}


def _cite(items: list[dict]) -> str:
    return render_csl(items, STYLE, citations=[[{"id": item["id"]} for item in items]]).citations[0]


def test_a_cite_told_apart_by_the_first_test_keeps_the_others_off() -> None:
    """'Smith, B' and 'Smith, A' need the title only; the two 'Smith, C' need the edition too."""
    items = [_book("1", "Smith", "A", "1"), _book("2", "Smith", "B", "1"),
             _book("3", "Smith", "C", "2"), _book("4", "Smith", "C", "3")]
    assert _cite(items) == "J Smith, A, E; J Smith, B, E; J Smith, C, 2; J Smith, C, 3"


def test_one_level_serves_the_whole_list_once_its_first_cite_clashes() -> None:
    """The first cite ('A, 1') needs every test: the cites scanned with it keep that level."""
    items = [_book("1", "Smith", "A", "1"), _book("2", "Smith", "A", "1", "Q"), _book("3", "Smith", "B", "1"),
             _book("4", "Smith", "C", "2"), _book("5", "Smith", "C", "3"), _book("6", "Doe", "C", "3"),
             _book("7", "Doe", "C", "3")]
    assert _cite(items) == ("J Smith, A, 1, P; J Smith, A, 1, Q; J Smith, B, 1, P; J Smith, C, 2, P; "
                            "J Smith, C, 3, P; J Doe, C, 3, P; J Doe, C, 3, P")


NOTE_STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><info><id/><title/></info>'
    '<citation disambiguate-add-givenname="true"><layout delimiter="; " suffix=".">'
    '<choose><if position="subsequent"><group delimiter=", "><names variable="author"><name form="short"/></names>'
    '<text variable="title-short"/></group></if>'
    '<else><group delimiter=", "><names variable="author"><name/></names><text variable="title"/></group></else>'
    "</choose></layout></citation></style>"
)


def test_ambiguity_is_tested_on_the_subsequent_form() -> None:
    """citeproc-js tests every cite for ambiguity as a subsequent one: 'Smith, Alpha' would be
    written for two people, so the later cite of Jane Smith names her, although John Smith is
    cited only once, in full."""
    items = [
        {"id": "jane", "type": "book", "author": [{"family": "Smith", "given": "Jane"}],
         "title": "Alpha: One", "title-short": "Alpha"},
        {"id": "john", "type": "book", "author": [{"family": "Smith", "given": "John"}],
         "title": "Alpha: Two", "title-short": "Alpha"},
    ]
    clusters = [{"citationItems": [{"id": key}], "properties": {"noteIndex": n}}
                for n, key in enumerate(["jane", "john", "jane"], 1)]
    assert render_csl(items, NOTE_STYLE, citations=clusters).citations == [
        "Jane Smith, Alpha: One.", "John Smith, Alpha: Two.", "Jane Smith, Alpha.",
    ]


def test_year_suffixes_are_decided_on_the_et_al_subsequent_form() -> None:
    """'Baur, Fröberg, Baur, et al. 2000' and 'Baur, Schileyko & Baur 2000' differ, but both
    read 'Baur et al. 2000' when cited again: citeproc-js gives them year-suffixes."""
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><id/><title/></info>'
        '<citation disambiguate-add-year-suffix="true" et-al-min="3" et-al-use-first="3" '
        'et-al-subsequent-min="1" et-al-subsequent-use-first="1"><layout delimiter="; " prefix="(" suffix=")">'
        '<names variable="author"><name and="symbol" form="short"/></names>'
        '<date prefix=" " variable="issued"><date-part name="year"/></date><text variable="year-suffix"/>'
        "</layout></citation></style>"
    )
    baur, anette = {"family": "Baur", "given": "Bruno"}, {"family": "Baur", "given": "Anette"}
    items = [
        {"id": "a", "type": "book", "issued": {"date-parts": [[2000]]},
         "author": [baur, {"family": "Fröberg", "given": "Lars"}, anette, {"family": "Haase", "given": "Martin"}]},
        {"id": "b", "type": "book", "issued": {"date-parts": [[2000]]},
         "author": [baur, {"family": "Schileyko", "given": "Anatoly"}, anette]},
    ]
    cites = render_csl(items, style, citations=[[{"id": "a"}, {"id": "b"}]]).citations
    assert cites == ["(Baur, Fröberg, Baur, et al. 2000a; Baur, Schileyko, & Baur 2000b)"]
