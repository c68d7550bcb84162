"""Numeric variables: ranges, page-range-format, label plurals (expectations from citeproc-js)."""

from __future__ import annotations

import pytest

from citeform.engine import render_csl
from citeform.engine.numbers import format_numeric, format_page_range, is_plural

EN = "\u2013"


def _style(body: str, options: str = "") -> str:
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" '
        f"{options}><info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f"<citation><layout>{body}</layout></citation></style>"
    )


@pytest.mark.parametrize(
    ("fmt", "pages", "expected"),
    [
        ("chicago", ("101", "108"), "101–8"),
        ("chicago", ("100", "4"), "100–104"),
        ("chicago", ("1536", "538"), "1536–38"),
        ("chicago", ("13792", "13803"), "13792–803"),
        ("chicago", ("1496", "504"), "1496–1504"),
        ("chicago-16", ("1496", "1500"), "1496–500"),
        ("chicago-16", ("71", "2"), "71–72"),
        ("minimal", ("1536", "538"), "1536–8"),
        ("minimal-two", ("321", "325"), "321–25"),
        ("expanded", ("110", "5"), "110–115"),
    ],
)
def test_page_range_formats(fmt: str, pages: tuple[str, str], expected: str) -> None:
    assert format_page_range("", pages[0], pages[1], fmt, EN) == expected


def test_prefixes_must_agree() -> None:
    assert format_numeric("N110 - N5", page_format="expanded") == "N110–N115"
    assert format_numeric("N110 - 5", page_format="expanded") == "N110-5"
    assert format_numeric("8n11564-8n1568", page_format="chicago") == "8n11564–68"
    assert format_numeric("n11564 - 1568", page_format="minimal") == "n11564-1568"


def test_hyphens_that_are_not_ranges() -> None:
    assert format_numeric("Michaelson-Morely") == "Michaelson-Morely"
    assert format_numeric("3\\-B") == "3-B"
    assert format_numeric("327\\-30", page_format="expanded") == "327-30"
    assert format_numeric("i-ix") == f"i{EN}ix"
    assert format_numeric("100 - 103") == f"100{EN}103"


def test_plurals() -> None:
    assert is_plural("1-2") and is_plural("i-ix") and is_plural("213 and 235") and is_plural("3, 5")
    assert not is_plural("3\\-B") and not is_plural("Michaelson-Morely") and not is_plural("2.0")


def test_locator_label_and_range() -> None:
    style = _style('<group delimiter=" "><label variable="locator"/><text variable="locator"/></group>',
                   'page-range-format="expanded"')
    items = [{"id": "a", "type": "book", "title": "T"}]
    result = render_csl(items, style, [[{"id": "a", "locator": "427-30", "label": "page"}],
                                       [{"id": "a", "locator": "327\\-30", "label": "page"}]])
    assert result.citations == ["pages 427–430", "page 327-30"]


def test_ordinals_by_gender_and_locale() -> None:
    locale = (
        '<locale><terms><term name="ordinal">.ª</term>'
        '<term name="ordinal-01" gender-form="masculine">.º</term>'
        '<term name="ordinal-01" gender-form="feminine">.ª</term>'
        '<term name="issue" gender="masculine">issue</term>'
        '<term name="edition" gender="feminine">edition</term></terms></locale>'
    )
    style = _style('<group delimiter=", "><number variable="edition" form="ordinal"/>'
                   '<number variable="issue" form="ordinal"/></group>').replace(
        "<citation>", locale + "<citation>")
    items = [{"id": "a", "type": "book", "edition": "1", "issue": "1"},
             {"id": "b", "type": "book", "edition": "3", "issue": "3"}]
    result = render_csl(items, style, [[{"id": "a"}], [{"id": "b"}]])
    assert result.citations == ["1.ª, 1.º", "3.ª, 3.ª"]


def test_german_ordinal_comes_from_the_german_locale() -> None:
    style = _style('<number variable="edition" form="ordinal"/>', 'default-locale="de-DE"')
    result = render_csl([{"id": "a", "type": "book", "edition": 2}], style, [[{"id": "a"}]])
    assert result.citations == ["2."]


def test_locator_label_from_its_text() -> None:
    style = _style('<group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>')
    items = [{"id": "a", "type": "book", "title": "T"}]
    result = render_csl(items, style, [[{"id": "a", "locator": "vol. 1, fol. 186, 8 April 1544"}]])
    assert result.citations == ["vol. 1, fol. 186, 8 April 1544"]


def test_labelled_range_inside_a_number() -> None:
    style = _style('<number variable="edition" form="ordinal"/>')
    result = render_csl([{"id": "a", "type": "book", "edition": "7, p. 3-8"}], style, [[{"id": "a"}]])
    assert result.citations == ["7th, pp. 3–8"]


def test_plural_with_comma_and() -> None:
    assert is_plural("213, and 235")
    assert not is_plural("1, fol. 186, 8 April 1544")


def test_word_locator_with_quotes_and_sub_verbo() -> None:
    style = _style('<group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/>'
                   '</group>').replace("<layout>", '<layout suffix=".">')
    items = [{"id": "a", "type": "book", "title": "T"}]
    result = render_csl(items, style, [[{"id": "a", "locator": '"gargoyle"', "label": "sub verbo"}]])
    assert result.citations == ["s.v. “gargoyle.”"]


def test_day_ordinal_takes_the_month_gender() -> None:
    style = _style('<date variable="issued"><date-part name="day" form="ordinal" suffix=" "/>'
                   '<date-part name="month"/></date>', 'default-locale="fr-FR"')
    items = [{"id": "a", "type": "book", "issued": {"date-parts": [[2004, 10, 1]]}}]
    assert render_csl(items, style, [[{"id": "a"}]]).citations == ["1\u1d49\u02b3 octobre"]


def test_cs_number_prints_markup_as_typed() -> None:
    style = _style('<number variable="number"/>')
    result = render_csl([{"id": "a", "type": "book", "number": "1<sup>er</sup>"}], style, [[{"id": "a"}]],
                        fmt="html")
    assert result.citations == ["1&#60;sup&#62;er&#60;/sup&#62;"]


def test_a_cite_locator_stays_out_of_the_bibliography() -> None:
    style = _style('<text variable="title"/><text variable="locator" prefix=", "/>').replace(
        "</citation>", '</citation><bibliography><layout><text variable="title"/>'
        '<text variable="locator" prefix=", chap. "/></layout></bibliography>')
    result = render_csl([{"id": "a", "type": "book", "title": "T"}], style,
                        [[{"id": "a", "locator": "3", "label": "chapter"}]])
    assert result.citations == ["T, 3"]
    assert result.bibliography == ["T"]
