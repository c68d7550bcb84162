"""White space in display divs of HTML entries (as citeproc-js writes them)."""

from __future__ import annotations

from citeform.engine.pipeline import render_csl
from citeform.engine.serializers import render_entry

STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
    "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
    '<citation><layout><text variable="citation-number"/></layout></citation>'
    '<bibliography second-field-align="flush"><layout>'
    '<text variable="citation-number" suffix=". "/><text variable="title" suffix=". "/>'
    "</layout></bibliography></style>"
)


def test_left_margin_keeps_its_space_and_the_last_div_is_trimmed() -> None:
    result = render_csl([{"id": "a", "type": "book", "title": "Main title"}], STYLE, fmt="html")
    assert result.bibliography == [
        '<div class="csl-left-margin">1. </div><div class="csl-right-inline">Main title.</div>'
    ]


def test_plain_entry_keeps_trailing_space() -> None:
    assert render_entry("Doe, JQ n.d., ", "html") == "Doe, JQ n.d., "


def test_layout_suffix_moves_into_the_last_display() -> None:
    style = STYLE.replace('<bibliography second-field-align="flush"><layout>',
                          '<bibliography second-field-align="flush"><layout suffix=".">').replace(
        '<text variable="title" suffix=". "/>', '<text variable="title"/>')
    result = render_csl([{"id": "a", "type": "book", "title": "Main title"}], style, fmt="html")
    assert result.bibliography == [
        '<div class="csl-left-margin">1. </div><div class="csl-right-inline">Main title.</div>'
    ]


def test_an_entry_opening_with_a_display_div_loses_its_leading_space() -> None:
    from citeform.engine import markup as m

    text = m.DISPLAY_OPEN["left-margin"] + " N.d." + m.DISPLAY_CLOSE
    assert render_entry(text, "html") == '<div class="csl-left-margin">N.d.</div>'


def test_text_entries_lay_out_displays_as_citeproc_js() -> None:
    from citeform.engine import markup as m

    margin = m.DISPLAY_OPEN["left-margin"] + "6 " + m.DISPLAY_CLOSE
    inline = m.DISPLAY_OPEN["right-inline"] + "Doe J." + m.DISPLAY_CLOSE
    assert render_entry(margin + inline, "text") == "6  Doe J."
    block = m.DISPLAY_OPEN["block"] + "Doe" + m.DISPLAY_CLOSE
    assert render_entry(block + margin + inline, "text") == "Doe\n6  Doe J."


def test_html_writes_two_spaces_as_no_break_space_and_space() -> None:
    assert render_entry("W. Li, thesis,  MIT.", "html") == "W. Li, thesis,\u00a0 MIT."
    assert render_entry("W. Li, thesis,  MIT.", "text") == "W. Li, thesis,  MIT."
