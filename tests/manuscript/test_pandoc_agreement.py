"""The scanner against pandoc's own Markdown reader: on generated manuscripts made of
citations, look-alikes and Markdown structure, both find the same citations.

Blocks come whole (a fence with its closing fence): where a construct is left open, pandoc
2.17's reading has quirks of its own (an unclosed run of backticks, for one) that the
scanner does not copy. Example lists ("(@label)") are left to the trap manuscript: where a
block begins after raw HTML on the same line is another of those quirks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.property.strategies import SETTINGS

from citeform.manuscript.scanner import scan

from .pandoc_ast import cite_groups

PANDOC = shutil.which("pandoc")

PIECES = [
    "[@a]", "@b", "[-@c]", "[see @d, p. 3; @e]", "@f [p. 4]", "@{g:h}", "`@i`", "``[@j]``",
    "x@k.org", "\\@l", "<span title=\"@m\">@n</span>", "<!-- @o -->", "$@p$", "\\cite{@q}",
    "[text](https://x.org/@r)", "[@s](u)", "[t]{.u @v}", "^[note @w]", "[^1]",
    "word", "two words", ", ", ". ", "; ", "[x]", "(", ")", "{", "}", "-", "*", "_", "#",
    "\n", "\n\n", "\n\n    ", "\n\n- ", "\n\n1. ", "\n\n> ", "\n\n```\n[@code]\n```\n\n",
    "\n\n::: {#refs}\n", "\n:::\n", "\n\n<pre>\n@pre\n</pre>\n\n", "\n\n[^1]: a note @fn\n\n",
    "\n\n\\begin{x}\n@tex\n\\end{x}\n\n", "\u00e9", " @y", "[@z, {ii, A}]",
]


def _pandoc_cites(text: str) -> list[str]:
    done = subprocess.run([PANDOC, "-f", "markdown", "-t", "json"], input=text,
                          capture_output=True, text=True, check=True, timeout=60)
    return [c["citationId"] for cites in cite_groups(json.loads(done.stdout)["blocks"])
            for c in cites]


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
@SETTINGS
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25))
def test_the_same_citations_as_pandoc(pieces):
    # pieces apart, as words are: brackets run together ("[@a][b](c)") are corner cases
    # where pandoc's reading depends on its parser's order
    text = " ".join(pieces)
    # one reference to the footnote (pandoc repeats a footnote referenced twice)
    seen = []

    def once(m: re.Match) -> str:
        seen.append(m)
        return m.group(0) if len(seen) == 1 else "[^2]"

    text = re.sub(r"\[\^1\](?!:)", once, text)
    ours = [c["id"] for o in scan(text).occurrences for c in o.cluster]
    assert sorted(ours) == sorted(_pandoc_cites(text)), text


# what pandoc 2.17 found in each (its -t json output, read with cite_groups)
EMPTY_QUOTE_ENDS_ITEM = [
    ("- \n\n>  \n\n     [@a]", []),
    ("- x\n\n>\n\n     [@a]", []),
    ("1. x\n\n>\n\n      [@a]", []),
    ("- x\n\n  >\n\n     [@a]", ["a"]),
    ("- x\n\n> \n\n  [@a]", ["a"]),
    ("- x\n>\n\n     [@a]", ["a"]),
]


@pytest.mark.parametrize(("text", "found"), EMPTY_QUOTE_ENDS_ITEM)
def test_an_empty_block_quote_at_the_margin_ends_a_list_item(text: str, found: list[str]) -> None:
    """Found by the property test above: a block quote with nothing in it, at the margin after
    a blank line, ends the list item as any other block there does, so a line indented by
    four after it is code, not a continuation of the item."""
    assert [c["id"] for o in scan(text).occurrences for c in o.cluster] == found
