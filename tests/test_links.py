"""Links in HTML and Markdown: DOIs and URLs, entry ids, citations linked to entries.

The shapes follow pandoc's output for the same records (``--citeproc`` with
``link-citations``): a DOI shown after a resolver links as a whole, one shown after a label
("doi:") links the DOI itself to https://doi.org/; entries have ``id="ref-KEY"``; a citation
links inside the layout's brackets, and an author-in-text one links its bracketed part.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import RECORDS

from citeform.links import link_entry
from citeform.styles import resolve


def _cite(invoke, *args: str) -> str:
    result = invoke("cite", "-r", str(RECORDS), *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_apa_html_links_the_doi_as_printed(invoke):
    out = _cite(invoke, "he2016", "-s", "apa", "-f", "html")
    assert ('770–778. <a href="https://doi.org/10.1109/CVPR.2016.90">'
            "https://doi.org/10.1109/CVPR.2016.90</a></div>") in out
    assert '<div class="csl-entry" id="ref-he2016">' in out


def test_vancouver_html_links_the_doi_after_its_label(invoke):
    out = _cite(invoke, "he2016", "-f", "html")
    assert 'doi:<a href="https://doi.org/10.1109/CVPR.2016.90">10.1109/CVPR.2016.90</a>' in out


def test_urls_link_in_html_and_markdown(invoke):
    url = "https://peps.python.org/pep-0008/"
    assert f'<a href="{url}">{url}</a>' in _cite(invoke, "vanrossum2001", "-f", "html")
    assert f"Available from: [{url}]({url})" in _cite(invoke, "vanrossum2001", "-f", "markdown")
    assert ("[https://doi.org/10.1109/CVPR.2016.90](https://doi.org/10.1109/CVPR.2016.90)"
            in _cite(invoke, "he2016", "-s", "apa", "-f", "markdown"))


def test_plain_text_and_rtf_are_unchanged(invoke):
    for fmt in ("text", "rtf"):
        out = _cite(invoke, "he2016", "vanrossum2001", "-s", "apa", "-f", fmt)
        assert "<a " not in out and "](" not in out and "ref-" not in out
    assert _cite(invoke, "--in-text", "[@he2016]", "--link-citations", "-s", "apa") == "(He et al., 2016)\n"


def test_only_web_urls_become_links():
    item = {"URL": "javascript:alert(1)", "DOI": ""}
    assert link_entry("See javascript:alert(1).", item, "html") == "See javascript:alert(1)."


def test_urls_are_escaped_in_attributes():
    url = 'https://example.org/a?x=1&y="2"'
    entry = "Available: https://example.org/a?x=1&#38;y=“2”"  # as the engine escapes & (quotes curl)
    item = {"URL": 'https://example.org/a?x=1&y=2'}
    linked = link_entry("At https://example.org/a?x=1&#38;y=2.", item, "html")
    assert linked == 'At <a href="https://example.org/a?x=1&amp;y=2">https://example.org/a?x=1&#38;y=2</a>.'
    assert link_entry(entry, {"URL": url}, "html") == entry  # not printed as given: no link


def test_doi_with_brackets_is_percent_encoded_in_markdown():
    doi = "10.1002/(SICI)1097-4636(199706)35:4<437::AID-JBM3>3.0.CO;2-P"
    from citeform.engine.serializers import render_inline

    shown = render_inline(doi, "markdown")
    linked = link_entry(f"doi:{shown}", {"DOI": doi}, "markdown")
    assert linked.startswith(f"doi:[{shown}](https://doi.org/10.1002/")
    target = linked[linked.index("](") + 2 : -1]
    assert " " not in target and "<" not in target and "(" not in target


def test_link_citations_html(invoke):
    out = _cite(invoke, "--in-text", "[@he2016; @rousseau2002]", "--in-text", "@kernighan1988 [p. 33]",
                "--link-citations", "--bibliography", "-s", "apa", "-f", "html")
    lines = out.splitlines()
    assert lines[0] == (
        '<p><span class="citation" data-cites="he2016 rousseau2002">('
        '<a href="#ref-he2016" role="doc-biblioref">He et al., 2016</a>; '
        '<a href="#ref-rousseau2002" role="doc-biblioref">Rousseau et al., 2002</a>)</span></p>')
    assert lines[1] == (
        '<p><span class="citation" data-cites="kernighan1988">Kernighan &#38; Ritchie ('
        '<a href="#ref-kernighan1988" role="doc-biblioref">1988, p. 33</a>)</span></p>')
    for key in ("he2016", "rousseau2002", "kernighan1988"):
        assert f'<div class="csl-entry" id="ref-{key}">' in out


def test_link_citations_numeric_and_superscript(invoke):
    out = _cite(invoke, "--in-text", "[@he2016; @rousseau2002]", "--in-text", "[@jumper2021]",
                "--link-citations", "-s", "vancouver", "-f", "html")
    assert ('(<a href="#ref-he2016" role="doc-biblioref">1</a>,'
            '<a href="#ref-rousseau2002" role="doc-biblioref">2</a>)') in out
    out = _cite(invoke, "--in-text", "[@jumper2021]", "--link-citations", "-s", "nature", "-f", "html")
    assert '<sup><a href="#ref-jumper2021" role="doc-biblioref">1</a></sup>' in out


def test_link_citations_leaves_parts_naming_no_single_record(invoke):
    """A collapsed range names several records: it stays unlinked rather than link wrongly."""
    out = _cite(invoke, "--in-text", "[@he2016; @rousseau2002; @jumper2021]", "--link-citations",
                "-s", "nature", "-f", "html")
    assert "<sup>1–3</sup>" in out


def test_link_citations_markdown(invoke):
    out = _cite(invoke, "--in-text", "[@he2016]", "--link-citations", "--bibliography", "-s", "apa",
                "-f", "markdown")
    first, _, rest = out.partition("\n\n")
    assert first == "([He et al., 2016](#ref-he2016))"
    assert rest.startswith('<span id="ref-he2016"></span>He, K., Zhang, X.')


@pytest.mark.parametrize("key, ident", [("a&b", "ref-a&amp;b"), ('q"uote', "ref-q&quot;uote"),
                                        ("two words", "ref-two_words")])
def test_entry_ids_are_safe_attributes(key, ident):
    from citeform.links import entry_id

    assert entry_id(key) == ident


PANDOC = shutil.which("pandoc")


@pytest.mark.skipif(not PANDOC, reason="pandoc is not installed")
@pytest.mark.parametrize("style", ["vancouver", "apa"])
def test_links_and_ids_are_the_ones_pandoc_makes(invoke, tmp_path, style):
    """The same records, clusters and style through pandoc (--citeproc, link-citations):
    the same link targets in the same order, and the same entry ids. (Where a style prints
    neither DOI nor URL, as Nature's bibliography, pandoc links the title to them; citeform
    does not.)"""
    keys = ["he2016", "vanrossum2001", "jumper2021", "kernighan1988"]
    csl = [r["csl"] for r in json.loads(_cite(invoke, *keys, "-f", "json"))]
    (tmp_path / "refs.json").write_text(json.dumps(csl), encoding="utf-8")
    clusters = ["[@he2016; @vanrossum2001]", "[@jumper2021]", "[@kernighan1988, p. 33]"]
    (tmp_path / "in.md").write_text("\n\n".join(clusters) + "\n", encoding="utf-8")
    theirs = subprocess.run(
        [PANDOC, "in.md", "--citeproc", "--bibliography", "refs.json", "--csl", resolve(style).path,
         "-M", "link-citations=true", "-t", "html"],
        cwd=tmp_path, capture_output=True, text=True, check=True, timeout=120).stdout
    args = [a for c in clusters for a in ("--in-text", c)]
    ours = _cite(invoke, *args, "--link-citations", "--bibliography", "-s", style, "-f", "html")

    def targets(text: str) -> list[str]:
        return re.findall(r'href="([^"]+)"', text)

    assert targets(ours) == targets(theirs)
    assert re.findall(r'id="(ref-[^"]+)"', ours) == re.findall(r'id="(ref-[^"]+)"', theirs)
