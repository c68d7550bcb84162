"""Markup and quotations in item text (expectations from the CSL suite / citeproc-js)."""

from __future__ import annotations

from citeform.engine import markup as m
from citeform.engine import render_csl
from citeform.engine.flipflop import parse_markup

STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
    "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
    '<citation><layout><text variable="title" {attrs}/></layout></citation></style>'
)


def _cite(title: str, attrs: str = "", fmt: str = "html") -> str:
    result = render_csl([{"id": "a", "type": "book", "title": title}], STYLE.format(attrs=attrs),
                        [[{"id": "a"}]], fmt=fmt)
    return result.citations[0]


def test_nested_quotes_flip() -> None:
    assert _cite("My “Amazing” Title", 'quotes="true"') == "“My ‘Amazing’ Title”"
    assert _cite("My “‘Amazing’ <b>and</b> Bogus” Title", 'quotes="true"') == (
        "“My ‘“Amazing” <b>and</b> Bogus’ Title”"
    )


def test_quotes_around_markup_pair_up() -> None:
    assert _cite('It is official ("<i>My Title</i>") now') == "It is official (“<i>My Title</i>”) now"


def test_orphan_quote_is_left_as_typed() -> None:
    assert _cite('Nation of "Positive Obligations " of State') == 'Nation of "Positive Obligations " of State'


def test_apostrophes() -> None:
    # a ’ made of a straight ' carries a mark for title case (see test_textcase)
    apostrophe = "\u2019" + m.APOSTROPHE
    assert parse_markup("ETFA '09") == f"ETFA {apostrophe}09"
    assert parse_markup("l'Égypte d’archéologie") == f"l{apostrophe}Égypte d\u2019archéologie"
    assert parse_markup("l'''") == "l" + apostrophe * 3


def test_curly_quotes_follow_the_locale_marks() -> None:
    assert parse_markup("meaning ‘God willing’.") == (
        f"meaning {m.CURLY_SINGLE[0]}God willing{m.CURLY_SINGLE[1]}{m.NOPIQ}."
    )
    assert parse_markup("'friend'") == f"{m.QUOTE[0]}friend{m.QUOTE[1]}"
    assert _cite("Why “quotes” matter") == "Why “quotes” matter"  # en-US: outer marks
    assert _cite("Why ‘quotes’ matter") == "Why ‘quotes’ matter"  # en-US: inner marks
    british = STYLE.replace('version="1.0"', 'version="1.0" default-locale="en-GB"').format(attrs="")
    result = render_csl([{"id": "a", "type": "book", "title": "Why “quotes” matter"}], british, [[{"id": "a"}]])
    assert result.citations == ["Why “quotes” matter"]  # en-GB: “ ” are its inner marks


def _render(layout: str, title: str = "His Anonymous Life") -> str:
    style = STYLE.replace('<text variable="title" {attrs}/>', layout)
    result = render_csl([{"id": "a", "type": "book", "title": title}], style, [[{"id": "a"}]], fmt="html")
    return result.citations[0]


def test_nested_decorations_flip_to_normal() -> None:
    assert _render('<text variable="title" font-variant="small-caps"/>', "His <sc>Anonymous</sc> Life") == (
        '<span style="font-variant:small-caps;">His <span style="font-variant:normal;">Anonymous</span>'
        " Life</span>"
    )
    assert _render('<text value="&lt;b&gt;friend&lt;/b&gt;" font-weight="bold"/>') == (
        '<b><span style="font-weight:normal;">friend</span></b>'
    )


def test_normal_shows_only_inside_what_it_undoes() -> None:
    assert _render('<text variable="title" font-style="normal"/>') == "His Anonymous Life"
    assert _render('<group font-style="italic"><text variable="title" font-style="normal"/></group>') == (
        '<i><span style="font-style:normal;">His Anonymous Life</span></i>'
    )


def test_nodecor_resets_inherited_style() -> None:
    assert _render('<text variable="title" font-style="italic"/>', 'Lessard <span class="nodecor">v.</span> S') == (
        '<i>Lessard <span style="font-style:normal;">v.</span> S</i>'
    )


def test_quotes_in_a_text_value() -> None:
    assert _render('<text value="\'friend\'" prefix="Speak, " suffix=", and enter."/>') == (
        "Speak, “friend,” and enter."
    )


def test_baseline_only_inside_superscript() -> None:
    layout = '<group vertical-align="sup"><text variable="title" vertical-align="baseline"/></group>'
    assert _render(layout) == '<sup><span style="baseline">His Anonymous Life</span></sup>'
    assert _render('<text variable="title" vertical-align="baseline"/>') == "His Anonymous Life"


def test_narrow_no_break_spaces() -> None:
    assert parse_markup("His « Anonymous » Life") == "His «\u202fAnonymous\u202f» Life"
    assert parse_markup("Quoi ? Non !") == "Quoi\u202f? Non\u202f!"


def test_markup_in_name_parts() -> None:
    style = STYLE.replace('<text variable="title" {attrs}/>', '<names variable="author"/>')
    items = [{"id": "a", "type": "book",
              "author": [{"family": "Center <sup>for</sup> History", "given": "", "isInstitution": 1},
                         {"family": "D'Arcus", "given": "Bruce"}]}]
    result = render_csl(items, style, [[{"id": "a"}]], fmt="html")
    assert result.citations == ["Center <sup>for</sup> History, Bruce D’Arcus"]


def test_initials_keep_the_markup_of_their_word() -> None:
    from citeform.engine.names import initialize_marked

    bold = m.BOLD
    assert initialize_marked(f"{bold[0]}John{bold[1]} Quiggly", ". ", True) == f"{bold[0]}J.{bold[1]} Q."
    assert initialize_marked(f"{bold[0]}J{bold[1]}-Q", ". ", True) == f"{bold[0]}J.{bold[1]}-Q."


def test_family_decoration_spans_particle_and_family_apart() -> None:
    style = STYLE.replace('<text variable="title" {attrs}/>',
                          '<names variable="author"><name><name-part name="family" font-variant="small-caps"/>'
                          "</name></names>")
    items = [{"id": "a", "type": "book",
              "author": [{"family": "Roe", "given": "Jane", "non-dropping-particle": "van"}]}]
    sc = '<span style="font-variant:small-caps;">'
    assert render_csl(items, style, [[{"id": "a"}]], fmt="html").citations == [
        f"Jane {sc}van</span> {sc}Roe</span>"
    ]


def test_name_decorations_wrap_each_name_apart() -> None:
    style = STYLE.replace('<text variable="title" {attrs}/>',
                          '<names variable="author"><name and="symbol" font-variant="small-caps"/></names>')
    items = [{"id": "a", "type": "book", "author": [{"family": "Doe", "given": "J."},
                                                    {"family": "Roe", "given": "K."}]}]
    sc = '<span style="font-variant:small-caps;">'
    assert render_csl(items, style, [[{"id": "a"}]], fmt="html").citations == [
        f"{sc}J. Doe</span> &#38; {sc}K. Roe</span>"
    ]


def test_punctuation_typed_after_a_quote_stays_outside() -> None:
    assert _cite('What is "life"? An "essay"', 'suffix="."') == "What is “life”? An “essay.”"


def test_first_straight_single_quotation_keeps_its_case_in_title_case() -> None:
    assert _cite("the 'great' debate and 'small' fix", 'text-case="title"') == "The “great” Debate and “Small” Fix"
    assert _cite("the 'great debate'", 'text-case="title"') == "The “Great Debate”"
    assert _cite("the 'great' debate", 'text-case="uppercase"') == "THE “GREAT” DEBATE"


def test_particles_after_the_given_name_take_their_own_decorations() -> None:
    style = STYLE.replace('<text variable="title" {attrs}/>',
                          '<names variable="author"><name name-as-sort-order="all" sort-separator=" ">'
                          '<name-part name="given" prefix="(" suffix=")"/>'
                          '<name-part name="family" font-variant="small-caps"/></name></names>')
    items = [{"id": "a", "type": "book", "author": [{"family": "d'Aubignac", "given": "François Hédelin"}]}]
    sc = '<span style="font-variant:small-caps;">'
    assert render_csl(items, style, [[{"id": "a"}]], fmt="html").citations == [
        f"{sc}Aubignac</span> (François Hédelin {sc}d’</span>)"
    ]
