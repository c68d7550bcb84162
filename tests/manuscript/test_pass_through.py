"""Properties of the Markdown pass-through: text without citations comes out unchanged, and
around citations nothing but the citations changes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.property.strategies import SETTINGS, TRICKY

from citeform.manuscript.markdown_job import Options, run
from citeform.manuscript.scanner import scan

# look like citations, but pandoc reads none of them as one
NOT_CITATIONS = [
    "me@example.org", "\\@key", "`@key`", "`` [@key] ``", "<!-- [@key] -->",
    "<span title=\"@key\">x</span>", "$@key$", "\\cite{@key}", "[text](https://x.org/@key)",
    "<mailto:a@b.org>", "x@@", "@", "[@]", "-@", "@ key", "@{key with space}",
]
# everything but what can start a citation or hide one
PLAIN = st.text(alphabet=st.characters(blacklist_characters="@`\\<$-[]",
                                       blacklist_categories=("Cs",)), max_size=40)


@SETTINGS
@given(st.lists(st.one_of(PLAIN, st.sampled_from(NOT_CITATIONS)), max_size=12),
       st.sampled_from(["\n", "\r\n", " ", "\n\n"]))
def test_text_without_citations_comes_out_unchanged(parts, sep):
    text = sep.join(parts)
    assert scan(text).occurrences == []
    assert run(text, "paper.md") == text


@pytest.fixture(scope="module")
def no_records(tmp_path_factory) -> Options:
    return Options(paths=[str(tmp_path_factory.mktemp("empty"))], style="apa")


@SETTINGS
@given(text=st.text(alphabet=TRICKY + "abk019()", max_size=200))
def test_only_the_citations_change(no_records, text):
    """Any text: the output is the text with each citation found replaced by ``**key?**``
    (no records are given, so every key is unknown), and nothing added."""
    found = scan(text).occurrences
    expected, pos = [], 0
    for o in found:
        assert pos <= o.start < o.end <= len(text)
        expected += [text[pos:o.start],
                     "; ".join("**" + _escaped(c["id"]) + "?**" for c in o.cluster)]
        pos = o.end
    expected.append(text[pos:])
    out = run(text, "paper.md", no_records)
    assert out == "".join(expected)


def _escaped(key: str) -> str:
    import re

    return re.sub(r"([\\`*_{}\[\]<>#|~^$])", r"\\\1", key)
