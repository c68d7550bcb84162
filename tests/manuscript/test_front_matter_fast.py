"""A front matter of plain ``key: value`` lines is read without a YAML parser: whatever that
reading takes, it reads as YAML does (as citeform's record loader reads YAML)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeform.manuscript.front_matter import simple_mapping
from citeform.records import yaml_positions


def _yaml(text: str):
    return yaml_positions.load("<front>", text)[1]


TAKEN = [
    "title: Benchmark manuscript",
    "\n\ntitle: A  study, with (parts); v1.2/3_x-y\nbibliography: refs.bib\ncsl: apa.csl\n",
    "link-citations: true\nsuppress-bibliography: False\nlang: en-US\nnotes: null\nempty:",
    "yes: no\non: off\nx: NULL\ny: TRUE",
    "title:  two spaces before the value",
]
DECLINED = [
    "", "\n\n", "title: A: B", "title: a # comment", "title: 'quoted'", "title: \"q\"",
    "title: [a, b]", "title: {a: 1}", "title: &a x", "title: *a", "title: !tag x",
    "title: |", "title: >", "title: 2020", "title: -1", "title: ~", "true: x", "null: x",
    "a: x\na: y", "references:\n- id: a", "  title: x", "title: x ", "title:\tx",
    "title: x\n  continued", "title: ünïcode", "title: x\r", "---", "...", "title: %x",
    "title: @x", "title: `x`", "<<: x", "- a", "title: x\n# comment",
    "title: " + "x" * 1001,
]


@pytest.mark.parametrize("text", TAKEN)
def test_read_as_yaml_reads_it(text):
    data = simple_mapping(text)
    assert data is not None and data == _yaml(text)
    assert [type(v) for v in data.values()] == [type(v) for v in _yaml(text).values()]


@pytest.mark.parametrize("text", DECLINED)
def test_anything_else_is_left_to_yaml(text):
    assert simple_mapping(text) is None


_CHARS = "aZ0 .,;:#()'\"/_-\t[]{}&*!|>%@`~\n"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet=_CHARS, max_size=20),
                         st.from_regex(r"\A: [aZ][aZ0 .,;()/_-]{0,8}\Z"),
                         st.sampled_from([": true", ": null", ":", ": x: y", ": x #"])),
                max_size=5))
def test_whatever_is_taken_is_what_yaml_reads(lines):
    text = "\n".join(f"k{i % 3}{line}" for i, line in enumerate(lines))
    data = simple_mapping(text)
    if data is None:
        return
    assert data == _yaml(text)
    assert [type(v) for v in data.values()] == [type(v) for v in _yaml(text).values()]


def test_words_of_values(monkeypatch):
    text = "a: true\nb: false\nc: null\nd: True\ne: no"
    assert simple_mapping(text) == {"a": True, "b": False, "c": None, "d": True, "e": "no"}



@pytest.mark.parametrize("length", [1023, 1024, 1025, 1100])
def test_a_key_longer_than_yaml_takes_is_left_to_yaml(length):
    """YAML takes a key of at most 1,024 characters on its line ('mapping values are not
    allowed' after that): a longer one was read as a field here."""
    text = "title: x\n" + "k" * length + ": v"
    from citeform.errors import DataError

    try:
        expected = _yaml(text)
    except DataError:  # YAML's error is reported: nothing is read here
        expected = None
    assert simple_mapping(text) == expected
