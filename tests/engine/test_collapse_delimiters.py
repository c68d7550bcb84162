"""Which delimiter joins the cites of one author in a collapsing citation, as citeproc-js 2.4.63
chooses it (getSpliceDelimiter; each expected string was checked against it): ", " in an in-text
style, the layout's delimiter in a note style or when after-collapse-delimiter is given, the
cite-group-delimiter when there is one, also after a run of year-suffixes."""

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
