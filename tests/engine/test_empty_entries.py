"""An entry that prints nothing in a numbered list keeps its number (as citeproc-js)."""

from __future__ import annotations

from citeform.engine import render_csl


def _style(citation_layout: str) -> str:
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f"<citation><layout>{citation_layout}</layout></citation>"
        '<bibliography><layout><choose><if match="none" type="personal_communication">'
        '<group delimiter=". "><text variable="citation-number"/><text variable="title"/></group>'
        "</if></choose></layout></bibliography></style>"
    )


ITEMS = [{"id": "a", "type": "book", "title": "Book One"},
         {"id": "b", "type": "personal_communication", "title": "Letter"},
         {"id": "c", "type": "book", "title": "Book Two"}]


def test_numbered_list_gets_a_placeholder() -> None:
    result = render_csl(ITEMS, _style('<text variable="citation-number"/>'))
    assert result.bibliography == ["1. Book One", "2. [CSL STYLE ERROR: reference with no printed form.]",
                                   "3. Book Two"]


def test_other_lists_leave_the_entry_out() -> None:
    result = render_csl(ITEMS, _style('<text variable="title"/>'))
    assert result.bibliography == ["1. Book One", "3. Book Two"]
