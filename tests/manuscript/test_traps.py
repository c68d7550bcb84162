"""Only citations change: a manuscript full of things that look like citations but are not."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import DATA, RECORDS

from citeform.manuscript.scanner import scan

from .pandoc_ast import cite_groups

TRAPS = DATA / "manuscript" / "traps.md"
NO_AUTHOR = "\\[CSL STYLE ERROR: reference with no printed form.\\] "
# every citation in traps.md, in order, as written
CITATIONS = [
    "[@kernighan1988, p. 33]",
    "@rousseau2002 [chap. 2]",
    "[-@who2000]",
    "[see @kernighan1988, pp. 5-7; @rousseau2002, fig. 3, and passim]",
    "@{who2000}",
    "[@rousseau2002, p. 290]",
    "@who2000",
]


def test_the_scanner_finds_exactly_the_citations():
    text = TRAPS.read_text(encoding="utf-8")
    assert [text[o.start:o.end] for o in scan(text).occurrences] == CITATIONS


def test_pandoc_finds_the_same_citations():
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    done = subprocess.run(["pandoc", "-f", "markdown", "-t", "json", str(TRAPS)],
                          capture_output=True, text=True, check=True)
    found = [";".join(c["citationId"] for c in cites)
             for cites in cite_groups(json.loads(done.stdout)["blocks"])]
    text = TRAPS.read_text(encoding="utf-8")
    # pandoc reads the footnote's citation where the footnote is referenced
    ours = [";".join(c["id"] for c in o.cluster) for o in
            sorted(scan(text).occurrences, key=lambda o: (o.note is not None, o.start))]
    assert sorted(found) == sorted(ours)


@pytest.mark.parametrize("style", ["apa", "vancouver"])
def test_everything_but_the_citations_is_unchanged(invoke, style):
    """Byte for byte, with each citation as ``citeform cite --in-text`` renders it."""
    args = []
    for c in CITATIONS:
        args += ["--in-text", c]
    cite = invoke("cite", "-r", str(RECORDS), "-s", style, "-f", "markdown", *args,
                  "--bibliography")
    assert cite.exit_code == 0, cite.stderr
    lines = cite.stdout.split("\n")
    rendered, bibliography = lines[: len(CITATIONS)], "\n".join(lines[len(CITATIONS) + 1:])
    # a style whose citations print no author (Vancouver): ``cite`` shows citeproc-js's
    # placeholder for the author of ``@key``, a manuscript no author, as pandoc does
    rendered = [r.replace(NO_AUTHOR, "") for r in rendered]
    # a manuscript's entry starting "1. " must not read as a list item: "1\. "
    bibliography = re.sub(r"^(\d+)\. ", r"\1\\. ", bibliography, flags=re.M)
    text = TRAPS.read_text(encoding="utf-8")
    expected, pos = [], 0
    for o, r in zip(scan(text).occurrences, rendered):
        expected += [text[pos:o.start], r]
        pos = o.end
    expected.append(text[pos:])
    expected_text = "".join(expected).rstrip("\n") + "\n\n" + bibliography

    result = invoke("manuscript", str(TRAPS), "-r", str(RECORDS), "-s", style)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == expected_text
