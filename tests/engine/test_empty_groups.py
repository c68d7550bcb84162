"""Groups and macro calls an item has no variable for render nothing, whatever terms,
values and labels they hold, and groups whose variables sit in a cs:choose only keep
their terms (expected output: citeproc-js 2.4.63). The compiled walk skips the first kind
without rendering them (see ``elements.empty_plan``); both render paths must agree."""

from __future__ import annotations

import pytest

from citeform.engine import render_csl

STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
    "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
    '<macro name="published"><group delimiter=": "><text variable="publisher-place"/>'
    '<text variable="publisher"/></group></macro>'
    '<macro name="dated"><date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date></macro>'
    '<citation><layout><text variable="title"/></layout></citation>'
    '<bibliography><layout delimiter=". " suffix=".">'
    '<text variable="title"/>'
    '<group delimiter=" " prefix=" [" suffix="]"><text term="in"/><text variable="container-title"/>'
    '<choose><if type="book"><text macro="published"/></if></choose></group>'
    '<group prefix=" {" suffix="}"><text value="Seen"/>'
    '<choose><if variable="URL"><text variable="URL" prefix=" "/></if></choose></group>'
    '<group delimiter=" " prefix=" &lt;" suffix="&gt;"><label variable="page" form="short"/>'
    '<text variable="page"/><text macro="dated"/></group>'
    "</layout></bibliography></style>"
)

ITEMS = [
    {"id": "a", "type": "book", "title": "Alone"},
    {"id": "b", "type": "book", "title": "Published", "publisher": "Penguin"},
    {"id": "c", "type": "chapter", "title": "Chapter", "publisher": "Penguin"},
    {"id": "d", "type": "chapter", "title": "Contained", "container-title": "Book", "page": "3-5"},
    {"id": "e", "type": "article", "title": "Linked", "URL": "http://x.org", "issued": {"date-parts": [[2001]]}},
]


@pytest.mark.usefixtures("caches_on_and_off")
def test_groups_without_their_variables() -> None:
    assert render_csl(ITEMS, STYLE).bibliography == [
        "Alone {Seen}.",
        "Published [in Penguin] {Seen}.",
        "Chapter {Seen}.",  # a publisher outside the branch taken keeps the group out
        "Contained [in Book] {Seen} <pp. 3–5>.",
        "Linked {Seen http://x.org} <p. (2001)>.",
    ]
