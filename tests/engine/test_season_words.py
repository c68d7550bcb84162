"""A season typed as a word prints, but does not keep a group or macro holding only it (as
citeproc-js renders it; expected texts are what citeproc-js 2.4.63 printed)."""

from __future__ import annotations

from citeform.engine import render_csl


def _cite(layout: str, season, macros: str = "") -> str:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f"{macros}<citation><layout>{layout}</layout></citation></style>"
    )
    items = [{"id": "a", "type": "book", "issued": {"date-parts": [[2015]], "season": season}}]
    return render_csl(items, style, [[{"id": "a"}]]).citations[0]


MONTH_DAY = '<date variable="issued"><date-part name="month"/><date-part name="day" prefix=" "/></date>'
YEAR_MONTH = '<date variable="issued"><date-part name="year" suffix=" "/><date-part name="month"/></date>'


def test_word_season_alone_in_a_macro_is_dropped() -> None:
    # citeproc-js prints the word but does not count it as the date rendered: a macro (an
    # implicit group) holding only it is suppressed, a bare date prints it
    year = '<date variable="issued" date-parts="year" form="numeric"/>'
    macro = f'<macro name="md">{MONTH_DAY}</macro>'
    assert _cite(f'<group delimiter=", ">{year}<text macro="md"/></group>', "Summer", macro) == "2015"
    assert _cite(f'<group delimiter=", ">{year}<text macro="md"/></group>', 2, macro) == "2015, Summer"
    assert _cite(f'<group delimiter=", ">{year}{MONTH_DAY}</group>', "Summer") == "2015, Summer"


def test_word_season_beside_the_year_and_numeric_seasons_print() -> None:
    assert _cite(YEAR_MONTH, "Winter") == "2015 Winter"
    assert _cite(MONTH_DAY, 2) == "Summer"
