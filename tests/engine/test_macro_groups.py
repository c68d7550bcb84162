"""A cs:text macro call acts as an implicit group (as citeproc-js renders it)."""

from __future__ import annotations

from citeform.engine import render_csl

STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
    "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
    '<macro name="container"><text term="in" suffix=" "/><text variable="container-title"/></macro>'
    '<citation><layout><group delimiter=", "><text variable="title"/><text macro="container"/></group>'
    "</layout></citation></style>"
)


def test_macro_without_its_variables_drops_its_terms() -> None:
    items = [{"id": "a", "type": "chapter", "title": "His Anonymous Life"},
             {"id": "b", "type": "chapter", "title": "Her Life", "container-title": "Book"}]
    result = render_csl(items, STYLE, [[{"id": "a"}], [{"id": "b"}]])
    assert result.citations == ["His Anonymous Life", "Her Life, in Book"]
