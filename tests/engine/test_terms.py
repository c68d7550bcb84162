"""Terms from locales (as citeproc-js reads them)."""

from __future__ import annotations

from citeform.engine import render_csl


def test_a_white_space_term_is_empty() -> None:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<locale><terms><term name="and others">\n      </term></terms></locale>'
        '<citation><layout><names variable="author"><name et-al-min="2" et-al-use-first="1"/>'
        '<et-al term="and others"/></names></layout></citation></style>'
    )
    items = [{"id": "a", "type": "book", "author": [{"family": "Doe", "given": "J."},
                                                    {"family": "Roe", "given": "K."}]}]
    assert render_csl(items, style, [[{"id": "a"}]]).citations == ["J. Doe"]


def test_term_forms_fall_back() -> None:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<locale><terms><term name="reviewed-author" form="verb">by</term>'
        '<term name="editor" form="short"><single>ed.</single><multiple>eds.</multiple></term></terms></locale>'
        '<citation><layout><group delimiter="; "><names variable="reviewed-author"><label form="verb-short" suffix=" "/>'
        '<name/></names><names variable="editor"><name/><label form="symbol" prefix=" "/></names></group>'
        "</layout></citation></style>"
    )
    items = [{"id": "a", "type": "book", "reviewed-author": [{"family": "Burtle", "given": "B."}],
              "editor": [{"family": "Doe", "given": "J."}]}]
    assert render_csl(items, style, [[{"id": "a"}]]).citations == ["by B. Burtle; J. Doe ed."]
