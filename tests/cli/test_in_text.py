"""``cite --in-text``: one document holding citations and bibliography in every format, uncited
records (pandoc's nocite), and the mistakes users make."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, RECORDS

NOCITE = json.loads((DATA / "nocite" / "citeproc-js.json").read_text(encoding="utf-8"))


def _cite(invoke, *args: str):
    return invoke("cite", "-r", str(RECORDS), *args)


def test_json_carries_citations_and_bibliography(invoke):
    """Regression: --in-text ... --bibliography -f json dropped the bibliography."""
    result = _cite(invoke, "--in-text", "[@rousseau2002, p. 290]", "--in-text", "[@kernighan1988]",
                   "--bibliography", "-f", "json", "-s", "apa")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["citations"] == [
        {"ids": ["rousseau2002"], "citation": "(Rousseau et al., 2002, p. 290)"},
        {"ids": ["kernighan1988"], "citation": "(Kernighan & Ritchie, 1988)"},
    ]
    assert [e["id"] for e in data["bibliography"]] == ["kernighan1988", "rousseau2002"]
    assert data["bibliography"][0]["bibliography"].startswith("Kernighan, B. W., & Ritchie")
    assert data["bibliography"][0]["cited"] is True
    assert data["bibliography"][0]["csl"]["type"] == "book"


def test_json_without_bibliography_has_an_empty_one(invoke):
    data = json.loads(_cite(invoke, "--in-text", "[@rousseau2002]", "-f", "json").stdout)
    assert data["bibliography"] == [] and len(data["citations"]) == 1


def test_rtf_is_one_document(invoke):
    """Regression: -f rtf with --bibliography wrote two RTF documents into one stream."""
    out = _cite(invoke, "--in-text", "[@rousseau2002]", "--bibliography", "-f", "rtf").stdout
    assert out.count("{\\rtf1") == 1
    assert out.startswith("{\\rtf1\\ansi\\deff0\n(1)\\par\n\\par\n1. Rousseau R")
    assert out.endswith("French.\\par\n}\n")
    depth = 0
    for i, ch in enumerate(out):
        if ch in "{}" and out[i - 1] != "\\":
            depth += 1 if ch == "{" else -1
            assert depth > 0 or i == len(out.rstrip()) - 1
    assert depth == 0


def test_html_is_one_fragment_citations_then_bibliography(invoke):
    out = _cite(invoke, "--in-text", "[@rousseau2002; @kernighan1988]", "--bibliography",
                "-f", "html", "-s", "apa").stdout
    first, rest = out.split("\n", 1)
    assert first == ('<p><span class="citation" data-cites="rousseau2002 kernighan1988">'
                     "(Kernighan &#38; Ritchie, 1988; Rousseau et al., 2002)</span></p>")
    assert rest.startswith('\n<div class="csl-bib-body">\n  <div class="csl-entry" id="ref-kernighan1988">')
    assert rest.endswith("</div>\n</div>\n") and rest.count('<div class="csl-bib-body">') == 1


def test_keys_with_in_text_are_listed_uncited_as_citeproc_js_lists_them(invoke):
    """Regression: ``cite KEY --in-text '[@other]' --bibliography`` ignored KEY. Uncited
    records follow the cited ones, as citeproc-js's uncited items (tests/data/nocite)."""
    for style, expected in NOCITE["styles"].items():
        args = ["--in-text", "[@jumper2021]", "--in-text", "[@he2016]", "-s", style, "-f", "json",
                *NOCITE["uncited"]]
        result = _cite(invoke, *args)  # KEYS imply the bibliography
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert [c["citation"] for c in data["citations"]] == expected["citations"]
        assert [e["id"] for e in data["bibliography"]] == expected["bibliography_ids"]
        assert [e["bibliography"] for e in data["bibliography"]] == expected["bibliography"]
        assert {e["id"] for e in data["bibliography"] if not e["cited"]} == set(NOCITE["uncited"])


def test_keys_already_cited_are_listed_once(invoke):
    out = _cite(invoke, "he2016", "--in-text", "[@he2016]").stdout
    assert out.count("He K, Zhang X") == 1


def test_no_bibliography_wins_over_keys(invoke):
    assert _cite(invoke, "he2016", "--in-text", "[@jumper2021]", "--no-bibliography").stdout == "(1)\n"


def test_nocite_all_lists_every_record(invoke):
    result = _cite(invoke, "--in-text", "[@he2016]", "--nocite-all", "-f", "json")
    data = json.loads(result.stdout)
    everything = json.loads(_cite(invoke, "-f", "json").stdout)
    assert sorted(e["id"] for e in data["bibliography"]) == sorted(r["id"] for r in everything)
    assert data["bibliography"][0]["id"] == "he2016"  # cited first: number 1 in Vancouver


def test_nocite_all_and_link_citations_need_in_text(invoke):
    for option in ("--nocite-all", "--link-citations"):
        result = _cite(invoke, option)
        assert result.exit_code == 2
        assert f"{option} goes with --in-text" in result.stderr


@pytest.mark.parametrize("positional", ["[@kernighan1988]", "@kernighan1988", "[-@kernighan1988]"])
def test_a_cluster_given_as_key_gets_did_you_mean(invoke, positional):
    """Regression: ``--in-text "[@a]" "[@b]"`` took the second cluster for a record key."""
    result = _cite(invoke, "--in-text", "[@rousseau2002]", positional)
    assert result.exit_code == 2
    assert f"did you mean --in-text '{positional}'?" in result.stderr


def test_author_in_text_without_an_author_form_prints_the_normal_citation(invoke):
    """Regression: Vancouver printed "[CSL STYLE ERROR: reference with no printed form.] (1)"
    with exit 0. pandoc prints the style's normal citation, "(1)"."""
    result = _cite(invoke, "-s", "vancouver", "--in-text", "@kernighan1988 [p. 33]",
                   "--in-text", "[@rousseau2002]")
    assert result.exit_code == 0
    assert result.stdout == "(1)\n(2)\n"
    assert result.stderr == (
        "citeform: warning: --in-text '@kernighan1988 [p. 33]': style nlm-citation-sequence has "
        "no author-only form; @kernighan1988 printed as a normal citation\n")


def test_author_in_text_with_an_author_form_is_unchanged(invoke):
    result = _cite(invoke, "-s", "apa", "--in-text", "@kernighan1988 [p. 33]")
    assert result.stdout == "Kernighan & Ritchie (1988, p. 33)\n" and result.stderr == ""


def test_a_notes_style_warns_that_it_has_no_bibliography(invoke):
    result = _cite(invoke, "he2016", "-s", "chicago-notes")
    assert result.exit_code == 0 and result.stdout == ""
    assert "style chicago-notes has no bibliography" in result.stderr


def test_keys_with_in_text_in_bibtex(invoke):
    out = _cite(invoke, "he2016", "--in-text", "[@kernighan1988]", "-s", "bibtex").stdout
    assert out.startswith("\\cite{kernighan1988}\n\n@book{kernighan1988,")
    assert "@inproceedings{he2016," in out


@pytest.mark.parametrize("style", ["bibtex", "biblatex"])
def test_writer_entries_keep_their_lines_with_in_text_and_in_json(invoke, style):
    """Regression: with --in-text, and in -f json, a BibTeX/BibLaTeX entry was squashed onto
    one line ('@book{k,   author = ...'): its lines are the ones a plain cite writes."""
    plain = _cite(invoke, "he2016", "kernighan1988", "-s", style).stdout
    out = _cite(invoke, "he2016", "--in-text", "[@kernighan1988]", "-s", style)
    assert out.exit_code == 0, out.stderr
    citation, listed = out.stdout.split("\n\n", 1)
    assert citation == "\\cite{kernighan1988}"
    entries = [e.strip() for e in plain.strip().split("\n\n")]
    assert len(entries) == 2 and all(e.count("\n") > 5 for e in entries)
    assert sorted(e.strip() for e in listed.strip().split("\n\n")) == sorted(entries)
    per_record = json.loads(_cite(invoke, "he2016", "kernighan1988", "-s", style,
                                  "-f", "json").stdout)
    assert [r["bibliography"] for r in per_record] == entries
    document = json.loads(_cite(invoke, "he2016", "kernighan1988", "--in-text",
                                "[@kernighan1988]", "-s", style, "-f", "json").stdout)
    assert sorted(e["bibliography"] for e in document["bibliography"]) == sorted(entries)


def test_a_citation_that_prints_nothing_is_marked_and_warned(invoke):
    """Regression: a cluster printing nothing (suppress-author in MLA, which prints no date)
    came out as the text "None". It is citeproc-js's marker, with a warning naming it."""
    result = _cite(invoke, "--in-text", "[-@rousseau2002]", "-s", "modern-language-association")
    assert result.exit_code == 0
    assert result.stdout == "[NO_PRINTED_FORM]\n"
    assert ("--in-text '[-@rousseau2002]': a cite prints nothing in style "
            "modern-language-association" in result.stderr)
