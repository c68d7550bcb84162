"""The output pass's walks from mark to mark give what the walks one character at a time
give (those still run for text that is not a ``str``: a list of its characters here)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citeform.engine import markup as m
from citeform.engine.flipflop import capitalize_leading_terms
from citeform.engine.serializers import flip_decorations

_DECORATIONS = [m.ITALIC, m.BOLD, m.SMALLCAPS, m.NORMAL_STYLE, m.NORMAL_WEIGHT,
                m.NORMAL_VARIANT, m.NODECOR, m.SUPERSCRIPT, m.SUBSCRIPT, m.BASELINE]
_FLIP_ALPHABET = [c for pair in _DECORATIONS for c in pair] + ["a", " ", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FLIP_ALPHABET), max_size=30))
def test_flip_decorations_as_the_character_walk(chars):
    text = "".join(chars)
    assert flip_decorations(text) == flip_decorations(list(text))


_TERM_ALPHABET = [m.TERM, m.RESET, m.ITALIC[0], m.ITALIC[1], "a", "é", "ß", "1", " ", "(",
                  "\u201c", ".", "\t"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TERM_ALPHABET), max_size=30))
def test_capitalize_leading_terms_as_the_character_walk(chars):
    text = "".join(chars)
    if m.TERM not in text:
        return
    assert capitalize_leading_terms(text) == capitalize_leading_terms(list(text))
