"""An entry split into its display runs: the walk from mark to mark reads as the walk one
character at a time does (the reference below), for any arrangement of marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citeform.engine import markup as m
from citeform.engine.serializers import split_display


def _split_char_by_char(text):
    runs = []
    depth = 0
    kind = None
    buf = []
    for ch in text:
        if ch in m.DISPLAYS:
            if depth == 0:
                if buf:
                    runs.append((None, "".join(buf)))
                buf = []
                kind = m.DISPLAYS[ch]
            else:
                buf.append(ch)
            depth += 1
        elif ch == m.DISPLAY_CLOSE and depth:
            depth -= 1
            if depth == 0:
                runs.append((kind, "".join(buf)))
                buf = []
                kind = None
            else:
                buf.append(ch)
        else:
            buf.append(ch)
    if buf:
        runs.append((None, "".join(buf)))
    return runs


_ALPHABET = [*m.DISPLAYS, m.DISPLAY_CLOSE, "a", " ", ".", m.ITALIC[0], m.ITALIC[1]]


@given(st.lists(st.sampled_from(_ALPHABET), max_size=30))
def test_runs_are_the_character_walks(chars):
    text = "".join(chars)
    assert split_display(text) == _split_char_by_char(text)


def test_an_entry_with_a_left_margin():
    text = m.DISPLAY_OPEN["left-margin"] + "1." + m.DISPLAY_CLOSE + \
        m.DISPLAY_OPEN["right-inline"] + "Doe J. Title." + m.DISPLAY_CLOSE
    assert split_display(text) == [("left-margin", "1."), ("right-inline", "Doe J. Title.")]
