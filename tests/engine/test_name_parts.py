"""Name parts as citeproc-js 2.4.63 renders them (each expected string was checked against it)."""

from __future__ import annotations

import pytest

from citeform.engine import render_csl
from citeform.engine.names import initialize


def _style(name: str, locale: str = "") -> str:
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        f"<info><id/><title/></info>{locale}<citation><layout><text value='x'/></layout></citation>"
        f'<bibliography><layout><names variable="author">{name}</names></layout></bibliography></style>'
    )


def _entry(name: str, authors: list[dict], locale: str = "") -> str:
    items = [{"id": "a", "type": "book", "author": authors}]
    return render_csl(items, _style(name, locale)).bibliography[0]


MEER = {"family": "Meer", "given": "Gerard", "dropping-particle": "van", "non-dropping-particle": "der", "suffix": "Jr."}
PARTS = (
    '<name-part name="family" text-case="uppercase" prefix="(" suffix=")"/>'
    '<name-part name="given" text-case="lowercase" prefix="[" suffix="]"/>'
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("TSerendorjiin", "Ts."),  # capitals after the first letter, then lower case: a digraph
        ("JOhn", "Jo."),
        ("JOHN", "J."),  # all capitals: one letter
        ("McDonald", "M."),
        ("Jean-PAul", "J.-Pa."),
    ],
)
def test_initials_keep_a_capital_digraph(given: str, expected: str) -> None:
    assert initialize(given, ". ", True) == expected


def test_name_parts_in_display_order() -> None:
    """The dropping particle takes the given part's text-case, the non-dropping one the family
    part's; the family part's affixes hold the particles and the suffix."""
    text = _entry(f"<name>{PARTS}</name>", [MEER])
    assert text == "[gerard] (van DER MEER Jr.)"


def test_name_parts_inverted_with_demoted_particles() -> None:
    text = _entry(f'<name name-as-sort-order="all">{PARTS}</name>', [MEER])
    assert text == "(MEER), [gerard van DER], Jr."


def test_apostrophe_particles_are_read_from_the_family_name() -> None:
    """'in 't Veld' and ''t Hooft' have the non-dropping particles 'in ’t' and '’t'."""
    authors = [{"family": "in 't Veld", "given": "Piet"}, {"family": "'t Hooft", "given": "Gerard"}]
    text = _entry('<name name-as-sort-order="all" and="symbol"/>', authors)
    assert text == "Veld, Piet in ’t & Hooft, Gerard ’t"


def test_a_family_name_without_given_name_is_not_split() -> None:
    text = _entry('<name name-as-sort-order="all"/>', [{"family": "van Gogh"}])
    assert text == "van Gogh"


def test_an_and_term_outside_latin_script_takes_no_spaces() -> None:
    """The Hebrew 'and' (vav) is written against the names around it."""
    locale = '<locale><terms><term name="and">ו</term></terms></locale>'
    text = _entry('<name and="text"/>', [{"family": "תפוח"}, {"family": "תפוז"}], locale)
    assert text == "תפוחותפוז"


def test_a_cjk_et_al_term_follows_the_last_name_without_a_space() -> None:
    locale = '<locale><terms><term name="et-al">等</term></terms></locale>'
    authors = [{"family": "Zither", "given": "Ziggy"}, {"family": "Yoda", "given": "Yossarian"}]
    assert _entry('<name et-al-min="2" et-al-use-first="1"/>', authors, locale) == "Ziggy Zither等"
    three = [*authors, {"family": "Xylophone", "given": "Xerxes"}]
    assert _entry('<name et-al-min="3" et-al-use-first="2"/>', three, locale) == "Ziggy Zither, Yossarian Yoda, 等"
