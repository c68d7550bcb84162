"""``citeform filter`` and ``citeform-filter``: pandoc's JSON AST in, every Cite rendered."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import RECORDS

from .oracle import DATA

PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")


def _pandoc(*args: str, input: str | None = None, cwd: Path = DATA) -> str:
    done = subprocess.run([PANDOC, *args], input=input, capture_output=True, text=True,
                          cwd=cwd, check=True, timeout=120)
    return done.stdout


def _filter(invoke, ast: str, *args: str):
    cwd = os.getcwd()
    os.chdir(DATA)  # pandoc reads the bibliography relative to where it runs; so does the filter
    try:
        return invoke("filter", *args, input=ast)
    finally:
        os.chdir(cwd)


@needs_pandoc
@pytest.mark.parametrize("manuscript, style", [("long.md", "apa"), ("long.md", "vancouver"),
                                               ("traps.md", "apa")])
def test_filter_and_manuscript_give_the_same_document(invoke, manuscript, style):
    """Through pandoc, the filter's AST and the manuscript command's Markdown read the same."""
    ast = _pandoc(manuscript, "-t", "json")
    extra = ("-r", str(RECORDS)) if manuscript == "traps.md" else ()
    result = _filter(invoke, ast, "-s", style, *extra)
    assert result.exit_code == 0, result.stderr
    via_filter = _pandoc("-f", "json", "-t", "plain", "--wrap=none", input=result.stdout)
    md = invoke("manuscript", str(DATA / manuscript), "-s", style, *extra)
    via_markdown = _pandoc("-f", "markdown", "-t", "plain", "--wrap=none", input=md.stdout)
    # pandoc's smart typography puts a no-break space after "pp." read from Markdown
    assert via_filter == via_markdown.replace("\u00a0", " ")


@needs_pandoc
def test_the_ast_keeps_its_api_version_and_refs_div(invoke):
    ast = _pandoc("-f", "markdown", "-t", "json", input=(
        f"---\nbibliography: {RECORDS}\ncsl: apa\nlink-citations: true\n---\n"
        "See [@who2000].\n\n::: {#refs}\n:::\n\nEnd.\n"))
    result = _filter(invoke, ast)
    assert result.exit_code == 0, result.stderr
    before, after = json.loads(ast), json.loads(result.stdout)
    assert after["pandoc-api-version"] == before["pandoc-api-version"]
    assert after["meta"] == before["meta"]
    html = _pandoc("-f", "json", "-t", "html", "--wrap=none", input=result.stdout)
    assert '<p>See <span class="citation" data-cites="who2000"><a href="#ref-who2000"' in html
    assert ">(World Health Organization, 2000)</a></span>.</p>" in html
    refs = html[html.index('<div id="refs"'):]
    assert '<div id="ref-who2000" class="csl-entry"' in refs
    assert "World Health Organization. (2000). <em>The World Health Report 2000" in refs
    assert html.rstrip().endswith("<p>End.</p>")


@needs_pandoc
def test_note_style_through_the_filter(invoke):
    ast = _pandoc("notes.md", "-t", "json")
    result = _filter(invoke, ast, "-s", "chicago-notes-bibliography-16th-edition")
    text = _pandoc("-f", "json", "-t", "plain", "--wrap=none", input=result.stdout)
    assert "Structural linguistics starts with Saussure.[1] The same page again,[2]" in text
    assert "Kernighan and Ritchie[5] is often quoted" in text
    assert "[2] Ibid.\n" in text and "[5] Ibid., 33.\n" in text
    # a citation inside the author's footnote, in place
    assert "[6] An aside that cites (Saussure, Cours de linguistique générale" in text


@needs_pandoc
def test_metadata_references_and_unknown_keys(invoke):
    ast = _pandoc("-f", "markdown", "-t", "json", input=(
        "---\nreferences:\n- id: wirth1971\n  type: article-journal\n  author:\n"
        "  - family: Wirth\n    given: Niklaus\n  title: Program development by stepwise "
        "refinement\n  issued:\n    date-parts: [[1971]]\n---\n"
        "As @wirth1971 [p. 3] and [@nobody] show.\n"))
    result = _filter(invoke, ast, "-s", "apa")
    assert result.exit_code == 0
    assert "unknown record key 'nobody'" in result.stderr
    text = _pandoc("-f", "json", "-t", "plain", "--wrap=none", input=result.stdout)
    assert text.startswith("As Wirth (1971, p. 3) and nobody? show.\n\nWirth, N. (1971).")
    strict = _filter(invoke, ast, "-s", "apa", "--strict")
    assert strict.exit_code == 1 and strict.stdout == ""


def test_not_pandoc_json_is_a_one_line_error(invoke):
    for bad in ("", "{}", "[1, 2]", "not json"):
        result = invoke("filter", input=bad)
        assert result.exit_code == 1
        assert "not pandoc's JSON AST" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_document_without_citations_is_unchanged(invoke):
    ast = json.dumps({"pandoc-api-version": [1, 23, 1], "meta": {},
                      "blocks": [{"t": "Para", "c": [{"t": "Str", "c": "me@example.org"}]}]})
    result = invoke("filter", "html", input=ast)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(ast)


def _executable() -> str | None:
    here = Path(sys.executable).parent / "citeform-filter"
    return str(here) if here.exists() else shutil.which("citeform-filter")


@needs_pandoc
@pytest.mark.parametrize("fmt", ["docx", "odt", "html"])
def test_pandoc_runs_the_citeform_filter_executable(tmp_path, fmt):
    exe = _executable()
    if exe is None:
        pytest.skip("the citeform-filter executable is not installed")
    out = tmp_path / f"paper.{fmt}"
    subprocess.run([PANDOC, "--filter", exe, "notes.md", "-o", str(out)], cwd=DATA,
                   check=True, capture_output=True, timeout=120)
    if fmt == "html":
        content = out.read_text(encoding="utf-8")
    else:
        with zipfile.ZipFile(out) as z:
            parts = ["word/document.xml", "word/footnotes.xml"] if fmt == "docx" else \
                ["content.xml"]
            xml = "".join(z.read(name).decode() for name in parts)
        content = re.sub(r"<[^>]+>", "", xml)  # the text, whatever runs it is cut into
    assert "Ibid." not in content  # chicago-notes-bibliography (17th) has no ibid.
    assert "Ferdinand de Saussure" in content and "Kernighan and Ritchie" in content


@needs_pandoc
def test_superscript_citations_through_the_filter(invoke):
    ast = _pandoc("-f", "markdown", "-t", "json", input=(
        f"---\nbibliography: {RECORDS}\ncsl: nature\n---\nText [@rousseau2002]. More "
        "@kernighan1988 says.\n"))
    result = _filter(invoke, ast)
    text = _pandoc("-f", "json", "-t", "plain", input=result.stdout)
    assert text.startswith("Text¹. More² says.\n")


@needs_pandoc
def test_filter_metadata_title_nocite_and_suppression(invoke):
    head = f"---\nbibliography: {RECORDS}\ncsl: apa\nnocite: '@kernighan1988'\n"
    ast = _pandoc("-f", "markdown", "-t", "json", input=(
        head + "reference-section-title: Works cited\n---\nSee [@who2000].\n"))
    html = _pandoc("-f", "json", "-t", "html", "--wrap=none",
                   input=_filter(invoke, ast).stdout)
    assert '<h1 class="unnumbered" id="bibliography">Works cited</h1>' in html
    refs = html[html.index('<div id="refs"'):]
    assert refs.index("Kernighan, B. W.") < refs.index("World Health Organization. (2000)")
    ast = _pandoc("-f", "markdown", "-t", "json", input=(
        head + "suppress-bibliography: true\n---\nSee [@who2000].\n"))
    html = _pandoc("-f", "json", "-t", "html", "--wrap=none",
                   input=_filter(invoke, ast).stdout)
    assert "(World Health Organization, 2000)" in html and 'id="refs"' not in html


@needs_pandoc
def test_each_record_of_a_citation_links_to_its_entry_through_the_filter(invoke):
    ast = _pandoc("-f", "markdown", "-t", "json", input=(
        f"---\nbibliography: {RECORDS}\ncsl: apa\nlink-citations: true\n---\n"
        "B [@einstein1905a; @einstein1905b].\n"))
    result = _filter(invoke, ast)
    html = _pandoc("-f", "json", "-t", "html", "--wrap=none", input=result.stdout)
    assert re.search(r'\(<a href="#ref-einstein1905a"[^>]*>Einstein, 1905a</a>, '
                     r'<a href="#ref-einstein1905b"[^>]*>1905b</a>\)', html)
