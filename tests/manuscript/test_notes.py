"""Note styles: each citation in the running text becomes a footnote, citations inside
footnotes are rendered in place, and first/subsequent/ibid forms follow the order of the
notes; checked against citeproc-js (goldens from ``oracle.py``)."""

from __future__ import annotations

import json
import re

import pytest

from citeform.manuscript.scanner import scan

from .oracle import DATA, golden_path, note_sources
from .test_oracle import _plain

NOTES = DATA / "notes.md"


@pytest.mark.parametrize("style", ["chicago-notes-bibliography",
                                   "chicago-notes-bibliography-16th-edition"])
def test_note_style_manuscript_matches_citeproc_js(invoke, style):
    golden = json.loads(golden_path("notes.md", style).read_text(encoding="utf-8"))
    result = invoke("manuscript", str(NOTES), "-s", style)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    found = scan(NOTES.read_text(encoding="utf-8"))
    running = [i for i, o in enumerate(found.occurrences) if o.note is None]
    definitions = dict(re.findall(r"^\[\^cf(\d+)\]: (.*)$", out, re.M))
    assert len(definitions) == len(running)
    for i, text in zip(note_sources(found), golden["citations"]):
        o = found.occurrences[i]
        if o.note is None:
            # a note of its own, numbered in the order of the running text
            assert _plain(definitions[str(running.index(i) + 1)]) == text
        else:
            # in place, in parentheses as pandoc puts it
            assert "(" + text.removesuffix(".") + ")" in _plain(out)
    entries = out.rstrip("\n").split("\n\n")[-len(golden["bibliography"]):]
    assert [_plain(e) for e in entries] == golden["bibliography"]


def test_notes_in_the_text(invoke):
    result = invoke("manuscript", str(NOTES), "-s", "chicago-notes-bibliography-16th-edition")
    out = result.stdout
    # no space before a note, the punctuation after a citation moves before its note
    assert "Structural linguistics starts with Saussure.[^cf1] The same page\nagain,[^cf2] " \
           "then another one.[^cf3]\n" in out
    # a narrative citation: the author in the text, the rest in the note; after an ibid.
    # note the author still prints
    assert "Brian W. Kernighan and Dennis M. Ritchie[^cf4] wrote the book on C, and " \
           "Kernighan and Ritchie[^cf5] is often quoted." in out
    assert "[^cf2]: Ibid.\n" in out and "[^cf5]: Ibid., 33.\n" in out
    # the author's own footnote keeps its label; a line break before a note goes too
    assert "comes here.[^aside] Then.[^cf6]" in out
    assert "Back to,[^cf7] and once more.[^cf8]" in out
    # untouched
    assert "Mail office@example.org; code `[@who2000]` stays." in out


def test_note_labels_do_not_clash(invoke, tmp_path):
    from conftest import RECORDS

    src = tmp_path / "p.md"
    src.write_text("Own note[^cf1] and [@who2000].\n\n[^cf1]: Mine.\n", encoding="utf-8")
    out = invoke("manuscript", str(src), "-r", str(RECORDS), "-s",
                 "chicago-notes-bibliography").stdout
    assert out.startswith("Own note[^cf1] and.[^cf_1]\n\n[^cf1]: Mine.\n\n[^cf_1]: World Health")
