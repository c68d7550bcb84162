"""Superscript characters become superscript markup outside plain text (as citeproc-js)."""

from __future__ import annotations

from citeform.engine import render_csl

STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="fr-FR">'
    "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
    '<citation><layout><number variable="edition" form="ordinal"/></layout></citation></style>'
)
ITEMS = [{"id": "a", "type": "book", "edition": 1}]


def test_french_feminine_ordinal_in_html() -> None:
    result = render_csl(ITEMS, STYLE, [[{"id": "a"}]], fmt="html")
    assert result.citations == ["1<sup>r</sup><sup>e</sup>"]


def test_plain_text_keeps_the_characters() -> None:
    result = render_csl(ITEMS, STYLE, [[{"id": "a"}]], fmt="text")
    assert result.citations == ["1\u02b3\u1d49"]
