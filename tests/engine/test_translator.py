"""The regular-expression stand-in for ``str.translate`` gives translate's text for every
table it replaces, on any text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeform.engine import markup as m
from citeform.engine import serializers, sorting

TABLES = {
    "strip": m._STRIP,
    "inline": serializers._INLINE_TOKENS,
    "markdown": serializers._MD_TABLE,
    "display": serializers._DISPLAY_TOKENS,
    "ignored": sorting._IGNORED,
    "replace by code point": {ord("a"): ord("b"), ord("]"): "\\]", ord("-"): None},
}


@pytest.mark.parametrize("name", TABLES)
@given(data=st.data())
def test_translator_is_translate(name, data):
    table = TABLES[name]
    alphabet = [chr(k) for k in table] + ["a", " ", "é", "\\", "^", "\n"]
    text = data.draw(st.text(alphabet=st.sampled_from(alphabet), max_size=40))
    assert m.translator(table)(text) == text.translate(table)


def test_an_empty_table_changes_nothing():
    assert m.translator({})("a-b") == "a-b"


def test_a_string_subclass_gives_a_plain_string():
    out = m.translator(m._STRIP)(m.Marked("x" + m.ITALIC[0]))
    assert type(out) is str and out == "x"
