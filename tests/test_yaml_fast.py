"""Record files read without the YAML parser (``records.yaml_fast``) read exactly as the YAML
parser reads them: the same data, the same types, the same line and column of every record
and field; anything else, and every file the YAML parser refuses, is left to it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeform.errors import DataError
from citeform.records import yaml_fast
from citeform.records.load import _parse_yaml_text, decode, load_file, parse_text

ROOT = Path(__file__).resolve().parents[1]


def _by_yaml(text: str):
    """What the YAML parser reads (records as the fast reader gives them), or its error."""
    try:
        return [(r.data, r.line, r.column, r.field_positions, r.csl_input)
                for r in _parse_yaml_text("x.yaml", text)]
    except DataError as e:
        return e


def _types(value):
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


def _same(text: str) -> bool:
    """Whether the fast reader declines ``text`` or reads it as YAML does."""
    fast = yaml_fast.read(text)
    if fast is None:
        return True
    expected = _by_yaml(text)
    assert not isinstance(expected, DataError), (text, expected)
    assert fast == expected, text
    assert _types([r[0] for r in fast]) == _types([r[0] for r in expected]), text
    return False


TAKEN = [
    "type: article\ntitle: A title\nyear: 2002\n",
    "# comment\n\ntitle: x  # trailing comment\nauthors:\n  - A, B.\n  - C, D.\n",
    "authors:\n- A\n- B\ntitle: t\n",  # a list level with its key
    "- id: a\n  type: book\n  author:\n  - X\n  - Y\n- id: b\n  title: 'It''s'\n",
    "- id: a\n# between fields\n  title: x\n\n\n- id: b\n",
    "-   id: wide\n    title: x\n",
    "authors: [Kaiming He, Xiangyu Zhang, O'Brien]\nissued:\n  date-parts: [[1948, 7], [2000]]\n",
    "empty: []\nnested: [[]]\nspaced: [ a ,b ]  # c\n",
    'title: "double: quoted # not a comment"\nnote: \'single\' # c\n',
    "a: true\nb: False\nc: null\nd: ~\ne: no\nf: yes\ng: 010\nh: +7\ni: 0\nj: 1.10\nk: 2002-03-15\n",
    "a:\nb: x\nc:   \n",
    "title: emoji \U0001f600 and ünïcode and 中文\nurl: http://x.org/a#b?c=d\n",
    "title: A [bracketed] {braced}, with, commas & more!\n",
    "editor:\n  family: Doe\n  given: J.\nx: 1\n",
    "- plain\n- 'quoted'\n- 12\n- [a]\n",
    "key-with-dashes_and_underscores9: v\n",
    "title: x\n# only a comment after\n\n",
]


@pytest.mark.parametrize("text", TAKEN)
def test_taken_reads_as_yaml(text: str) -> None:
    assert yaml_fast.read(text) is not None, text
    assert not _same(text)


DECLINED = [
    "\ttitle: x", "title:\tx", "title: x\t", "title: a\xa0b", "title: a\u200db", "title: x\ufeff",
    "a: x\na: y", "- id: a\n  title: x\n  title: y", "authors:\n  - {family: X}",
    "title: [a, b", "title: [a, ]", "title: [a: b]", "title: [a # b]", "title: ['q']",
    "title: {a: 1}", "title: &a x", "title: *a", "title: !tag x", "title: !!str x",
    "title: |\n  block", "title: >\n  folded", 'title: "esc\\n"', "title: 'open",
    "title: x\n  continued", "title:\n  on the next line", "title: A: B", "title: A:",
    "---\ntitle: x", "title: x\n...", "%YAML 1.1\n---\ntitle: x", "  title: x",
    "references:\n- id: a", "<<: x", "true: x", "null: x", "Null: x", "1: x", "\"q\": x",
    "k ey: x", "key : x", "key:x", "- - a", "-\n  id: a", "- # c\n  id: a",
    "title: x\n- a", "- a\ntitle: x", "- a\n  - b", "title: -1", "title: ?x", "title: :x",
    "title: @x", "title: `x`", "title: %x", "title: ,x", "title: ]x", "title: }x",
    "number: 1234567890123456789", "title: " + "x" * 100_001, "k" * 1001 + ": v",
    "\n".join("  " * i + f"k{i}:" for i in range(20)) + " x", "title: x\r",
    "title: 'x' y", 'title: "x"y', "title: [a] b",
    # the YAML reader resolves a plain << to a merge tag, which it refuses
    "title: <<", "- <<", "authors:\n  - <<", "title: [<<]", "- [a, [<<]]",
]


@pytest.mark.parametrize("text", DECLINED)
def test_anything_else_is_left_to_yaml(text: str) -> None:
    assert yaml_fast.read(text) is None


@pytest.mark.parametrize("path", sorted((ROOT / "records").glob("*.yaml")), ids=lambda p: p.name)
def test_sample_records(path: Path) -> None:
    text = decode(path.read_bytes(), str(path))
    _same(text)


def test_most_sample_records_are_taken() -> None:
    texts = [decode(p.read_bytes(), str(p)) for p in (ROOT / "records").glob("*.yaml")]
    assert sum(yaml_fast.read(t) is not None for t in texts) >= len(texts) - 2


def test_bom_and_crlf_are_gone_before_reading() -> None:
    raw = b"\xef\xbb\xbf# c\r\ntype: book\r\ntitle: x\r\nauthors:\r\n  - A\r\n"
    text = decode(raw, "x.yaml")
    assert yaml_fast.read(text) is not None
    assert not _same(text)


def test_empty_and_comments_only() -> None:
    for text in ("", "\n\n", "# nothing\n  # here\n"):
        assert yaml_fast.read(text) == []
        assert parse_text("x.yaml", text, "yaml") == []


def test_a_large_file_is_read_as_yaml() -> None:
    rnd = random.Random(7)
    parts = []
    for i in range(3000):
        parts.append(f"- id: r{i}\n  type: article\n  title: 'Title {i}: it''s'\n"
                     f"  authors: [A{rnd.randrange(99)}, B]\n  year: {1900 + i % 120}\n"
                     f"  pages: {i}-{i + 9}\n  keywords:\n  - k{i}\n  - x\n# sep\n")
    text = "".join(parts)
    fast = yaml_fast.read(text)
    assert fast is not None and len(fast) == 3000
    assert not _same(text)
    assert fast[2999][1:3] == (3000 * 10 - 9, 3)


@pytest.mark.parametrize("text, line, field", [
    ("- id: a\n  title: x\n- id: b\n  title: y\n  year: 2000\n  title: z\n", 6, "title"),
    ("type: book\ntitle: x\nauthors:\n  - A\ntitle: y\n", 5, "title"),
])
def test_a_repeated_field_deep_in_a_file_is_reported_as_before(tmp_path, text, line, field):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_file(str(path))
    assert e.value.line == line and e.value.field == field
    assert "given twice" in e.value.message


def test_a_plain_merge_key_value_is_refused_as_by_yaml(tmp_path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: a\ntype: book\ntitle: <<\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_file(str(path))
    assert "!!merge" in e.value.message and e.value.line == 3


def test_a_bad_value_deep_in_a_file_names_its_line(tmp_path) -> None:
    body = "".join(f"- id: r{i}\n  type: article\n  title: t\n" for i in range(500))
    path = tmp_path / "r.yaml"
    path.write_text(body + "- id: bad\n  type: article\n  title: t\n  year: [1, 2]\n",
                    encoding="utf-8")
    assert yaml_fast.read(path.read_text(encoding="utf-8")) is not None
    with pytest.raises(DataError) as e:
        load_file(str(path))
    assert (e.value.line, e.value.key, e.value.field) == (1504, "bad", "year")


_PIECES = ["a", "Z", "0", " ", ".", ",", ":", "#", "'", '"', "-", "[", "]", "{", "}", "&", "*",
           "!", "|", ">", "%", "@", "`", "~", "?", "+", "\\", "\t", "\n", "\n  ", "\n- ", ": ",
           "- ", " #", "true", "null", "010", "é", "\xa0", "\n\n", "---", "...", "x: y"]


def _seeds() -> list[str]:
    texts = [decode(p.read_bytes(), str(p)) for p in sorted((ROOT / "records").glob("*.yaml"))]
    return [t for t in texts + TAKEN if yaml_fast.read(t) is not None]


_SEEDS = _seeds()


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(_SEEDS),
       st.lists(st.tuples(st.floats(0, 1), st.sampled_from(_PIECES), st.integers(0, 3)),
                min_size=1, max_size=4))
def test_whatever_is_taken_is_what_yaml_reads(seed: str, edits) -> None:
    text = seed
    for where, piece, cut in edits:
        at = int(where * len(text))
        text = text[:at] + piece + text[at + cut:]
    _same(text)
