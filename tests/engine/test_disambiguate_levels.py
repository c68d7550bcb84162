"""disambiguate="true" tests switched on one after another, as citeproc-js 2.4.63 does
(each expected string was checked against it)."""

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
