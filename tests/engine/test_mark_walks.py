"""The output pass's walks from mark to mark give what the walks one character at a time gave
(kept here as the reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citeform.engine import markup as m
from citeform.engine.flipflop import _OPENING_CHARS, capitalize_leading_terms
from citeform.engine.serializers import (
    _DECOR,
    _DECOR_CLOSERS,
    _OFF,
    _ON,
    _VERTICAL,
    flip_decorations,
)


def _flip_one_by_one(text: str) -> str:
    """flip_decorations as it walked, one character at a time."""
    state = {"style": False, "weight": False, "variant": False, "vertical": False}
    stack: list[tuple[str, dict[str, bool]]] = []  # (closing tokens, state before)
    out: list[str] = []
    for ch in text:
        if ch in _DECOR:
            attr, value = _DECOR[ch]
            before = dict(state)
            if value == "on":
                pair = _OFF[attr] if state[attr] else _ON[attr]
                state[attr] = not state[attr]
            elif state[attr]:
                pair = _OFF[attr]
                state[attr] = False
            else:
                pair = ("", "")
            out.append(pair[0])
            stack.append((pair[1], before))
        elif ch in _VERTICAL:
            stack.append((_VERTICAL[ch], dict(state)))
            state["vertical"] = True
            out.append(ch)
        elif ch == m.BASELINE[0]:
            stack.append((m.BASELINE[1] if state["vertical"] else "", dict(state)))
            if state["vertical"]:
                out.append(ch)
                state["vertical"] = False
        elif ch == m.NODECOR[0]:
            before = dict(state)
            closing = []
            for attr in ("style", "weight", "variant"):
                if state[attr]:
                    out.append(_OFF[attr][0])
                    closing.insert(0, _OFF[attr][1])
                    state[attr] = False
            stack.append(("".join(closing), before))
        elif ch in _DECOR_CLOSERS and stack:
            closing, state = stack.pop()
            out.append(closing)
        else:
            out.append(ch)
    return "".join(out)


def _capitalize_one_by_one(text: str) -> str:
    """capitalize_leading_terms as it walked, one character at a time."""
    out: list[str] = []
    since_reset = True  # nothing seen since the start or the last reset
    capitalize = False
    for ch in text:
        if ch == m.RESET:
            since_reset = True
            continue
        if ch == m.TERM:
            capitalize = since_reset
            continue
        if ch in m.ALL_TOKENS:
            out.append(ch)
            continue
        if capitalize and ch.isalpha():
            ch = ch.upper()
            capitalize = False
        elif capitalize and not ch.isspace():
            capitalize = False
        if ch not in _OPENING_CHARS:
            since_reset = False
        out.append(ch)
    return "".join(out)

_DECORATIONS = [m.ITALIC, m.BOLD, m.SMALLCAPS, m.NORMAL_STYLE, m.NORMAL_WEIGHT,
                m.NORMAL_VARIANT, m.NODECOR, m.SUPERSCRIPT, m.SUBSCRIPT, m.BASELINE]
_FLIP_ALPHABET = [c for pair in _DECORATIONS for c in pair] + ["a", " ", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FLIP_ALPHABET), max_size=30))
def test_flip_decorations_as_the_character_walk(chars):
    text = "".join(chars)
    assert flip_decorations(text) == _flip_one_by_one(text)
    assert flip_decorations(list(text)) == flip_decorations(text)


_TERM_ALPHABET = [m.TERM, m.RESET, m.ITALIC[0], m.ITALIC[1], "a", "é", "ß", "1", " ", "(",
                  "\u201c", ".", "\t"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TERM_ALPHABET), max_size=30))
def test_capitalize_leading_terms_as_the_character_walk(chars):
    text = "".join(chars)
    if m.TERM not in text:
        return
    assert capitalize_leading_terms(text) == _capitalize_one_by_one(text)
