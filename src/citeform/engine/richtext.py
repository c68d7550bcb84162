"""Rich text in item data: HTML-like tags and quotations become markup tokens.

CSL-JSON allows ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>``,
``<span style="font-variant:small-caps;">``, ``<span class="nocase">`` and
``<span class="nodecor">`` inside string fields, and quotations typed with
straight or curly quotes.  :func:`citeform.engine.flipflop.parse_markup` does
the parsing; see there for the rules.
"""

from __future__ import annotations

from citeproc.string import String

from . import markup as m
from .flipflop import parse_markup

__all__ = ["parse", "parse_affix", "parse_markup"]


def parse(value) -> String:
    """Parse one CSL-JSON string field into a citeproc-py string with tokens."""
    return String(parse_markup(str(value)))


def parse_affix(value) -> String:
    """A cite's prefix or suffix: like :func:`parse`, but punctuation stays outside its quotes."""
    text = parse_markup(str(value))
    for close in (m.QUOTE[1], m.SQUOTE[1]):
        text = text.replace(close, close + m.NOPIQ)
    return String(text)
