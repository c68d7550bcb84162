"""Rich text in item data: HTML-like tags and quotations become markup tokens.

CSL-JSON allows ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>``,
``<span style="font-variant:small-caps;">``, ``<span class="nocase">`` and
``<span class="nodecor">`` inside string fields, and quotations typed with
straight or curly quotes.  :func:`citeform.engine.flipflop.parse_markup` does
the parsing; see there for the rules.
"""

from __future__ import annotations

import re

from citeproc.string import String

from . import markup as m
from .flipflop import parse_markup

__all__ = ["parse", "parse_affix", "parse_markup"]


def parse(value) -> String:
    """Parse one CSL-JSON string field into a citeproc-py string with tokens."""
    return String(parse_markup(str(value)))


def parse_affix(value, prefix: bool = False) -> String:
    """A cite's prefix or suffix: like :func:`parse`, but punctuation stays outside its quotes.

    A prefix of several words ending a sentence (``This has been said. ``) lets
    a term right after it be capitalised as if it opened the citation.  A prefix
    starting with punctuation (``, cited in``) replaces the delimiter before its
    cite, and a suffix ending with punctuation drops the delimiter's.
    """
    text = parse_markup(str(value))
    for close in (m.QUOTE[1], m.SQUOTE[1], m.CURLY_DOUBLE[1], m.CURLY_SINGLE[1]):
        text = text.replace(close, close + m.NOPIQ)
    plain = re.sub(r"<[^>]+>", "", str(value)).rstrip("\"'\u201d\u2019\u00bb\u202f\u00a0 ")
    if prefix and plain[-1:] in (":", ".", ";", "!", "?") and " " in str(value).strip():
        text += m.RESET
    # only , ; . (citeproc-js: "A!; B", "A:; B" and "A; : B" keep the delimiter)
    if prefix and plain.lstrip()[:1] in (",", ";", "."):
        text = m.PREFIX_PUNCT + text
    if not prefix and plain[-1:] in (",", ";", "."):
        text += m.SUFFIX_PUNCT
    return String(text)
