"""Delimiters in a collapsing citation as citeproc-js 2.4.63 chooses them (getSpliceDelimiter;
each expected string was checked against it): the cites of one author are joined with ", " in an
in-text style, with the layout's delimiter in a note style or when after-collapse-delimiter is
given, with the cite-group-delimiter when there is one, also after a run of year-suffixes."""

from __future__ import annotations

import pytest

from citeform.engine import render_csl

ITEMS = [
    {"id": key, "type": "book", "title": key, "author": [{"family": family, "given": "J"}],
     "issued": {"date-parts": [[year]]}}
    for key, family, year in [("a", "Smith", 2000), ("b", "Smith", 2000), ("c", "Smith", 2001),
                              ("d", "Doe", 2000), ("e", "Doe", 1999)]
]
CLUSTERS = [[{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}],
            [{"id": "d"}, {"id": "a", "locator": "5"}, {"id": "c"}]]


def _style(cls: str, attributes: str) -> str:
    return (
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0"><info><id/><title/></info>'
        f'<citation disambiguate-add-year-suffix="true" {attributes}>'
        '<layout delimiter="; " prefix="(" suffix=")"><group delimiter=" ">'
        '<names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date>'
        '<text variable="year-suffix"/><text variable="locator"/></group></layout></citation></style>'
    )


@pytest.mark.parametrize(
    ("cls", "attributes", "expected"),
    [
        ("note", 'collapse="year"',
         ["(Smith 2000 a; 2000 b; 2001; Doe 2000; 1999)", "(Doe 2000; Smith 2000 a 5; 2001)"]),
        ("in-text", 'collapse="year" after-collapse-delimiter="; "',
         ["(Smith 2000 a; 2000 b; 2001; Doe 2000; 1999)", "(Doe 2000; Smith 2000 a 5; 2001)"]),
        ("in-text", 'collapse="year"',
         ["(Smith 2000 a, 2000 b, 2001; Doe 2000, 1999)", "(Doe 2000; Smith 2000 a 5, 2001)"]),
        ("in-text", 'collapse="year-suffix"',
         ["(Smith 2000 a; b, 2001; Doe 2000, 1999)", "(Doe 2000; Smith 2000 a 5, 2001)"]),
        ("in-text", 'collapse="year-suffix" cite-group-delimiter=", "',
         ["(Smith 2000 a, b, 2001; Doe 2000, 1999)", "(Doe 2000; Smith 2000 a 5, 2001)"]),
    ],
)
def test_same_author_delimiter(cls: str, attributes: str, expected: list[str]) -> None:
    assert render_csl(ITEMS, _style(cls, attributes), citations=CLUSTERS).citations == expected


MORE = [*ITEMS, *({"id": key, "type": "book", "title": key, "author": [{"family": "Smith", "given": "J"}],
                   "issued": {"date-parts": [[2000]]}} for key in "fg")]


def _located_style(attributes: str, delimiter: str) -> str:
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><id/><title/></info>'
        f'<citation disambiguate-add-year-suffix="true" {attributes}>'
        f'<layout delimiter="{delimiter}" prefix="(" suffix=")"><group delimiter=", "><group delimiter=" ">'
        '<names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date>'
        '<text variable="year-suffix"/></group><text variable="locator" prefix="p. "/></group></layout></citation></style>'
    )


@pytest.mark.parametrize(
    ("attributes", "delimiter", "clusters", "expected"),
    [
        # after-collapse-delimiter follows a cite with a locator, and a one-cite group unless
        # the citation collapses year-suffixes
        ('collapse="year" after-collapse-delimiter="; "', ", ",
         [[{"id": "a", "locator": "3"}, {"id": "c"}, {"id": "d"}], [{"id": "e"}, {"id": "a"}]],
         ["(Smith 2000, p. 3; 2001; Doe 2000)", "(Doe 1999; Smith 2000)"]),
        ('collapse="year-suffix" after-collapse-delimiter="; "', ", ",
         [[{"id": "e"}, {"id": "c"}], [{"id": "e", "locator": "2"}, {"id": "c"}]],
         ["(Doe 1999, Smith 2001)", "(Doe 1999, p. 2; Smith 2001)"]),
        # a year-suffix letter keeps its cite's affixes; it, a letter with a locator, and a letter
        # after a cite with affixes are joined with the cite-group delimiter
        ('collapse="year-suffix"', "; ",
         [[{"id": "a"}, {"id": "b", "prefix": "cf. "}, {"id": "f", "suffix": "!"}, {"id": "g"}, {"id": "c"}],
          [{"id": "a", "locator": "32"}, {"id": "b"}, {"id": "f"}], [{"id": "a"}, {"id": "b", "locator": "3"}]],
         ["(Smith 2000 a, cf. b, c!, d, 2001)", "(Smith 2000 a, p. 32; b; c)", "(Smith 2000 a, b, p. 3)"]),
    ],
)
def test_after_collapse_and_year_suffix_letters(attributes: str, delimiter: str, clusters: list,
                                                expected: list[str]) -> None:
    style = _located_style(attributes, delimiter)
    assert render_csl(MORE, style, citations=clusters).citations == expected


def test_a_letter_the_cite_does_not_print_is_not_collapsed_to() -> None:
    """Two undated 'in press' works of one author have year-suffixes a and b, but the style
    prints the status, not the letter: each cite stays whole (citeproc-js), never a bare 'b'."""
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><id/><title/></info>'
        '<citation disambiguate-add-year-suffix="true" collapse="year-suffix" cite-group-delimiter=", ">'
        '<layout delimiter="; " prefix="(" suffix=")"><group delimiter=" ">'
        '<names variable="author"><name form="short"/></names>'
        '<choose><if variable="issued"><date variable="issued"><date-part name="year"/></date>'
        '<text variable="year-suffix"/></if><else><text variable="status"/></else></choose>'
        "</group></layout></citation></style>"
    )
    items = [{"id": key, "type": "book", "title": key, "status": "in press",
              "author": [{"family": "Smith", "given": "J"}]} for key in "ab"]
    clusters = [[{"id": "a"}, {"id": "b", "prefix": "see "}], [{"id": "a"}, {"id": "b"}]]
    assert render_csl(items, style, citations=clusters).citations == [
        "(Smith in press, see in press)", "(Smith in press, in press)",
    ]
