"""Typography: locale quote marks, punctuation-in-quote, apostrophes, doubled punctuation."""

from __future__ import annotations

import re

from . import markup as m
from .flipflop import capitalize_leading_terms
from .punctuation import cite_affix_punctuation, join_punctuation
from .serializers import Quotes, resolve_quotes


def _term(loaded, name: str, fallback: str) -> str:
    try:
        value = loaded.root.get_single_term(name=name)
    except Exception:  # citeproc-py raises various errors for missing terms
        return fallback
    return str(value) if value else fallback


def locale_quotes(loaded) -> Quotes:
    return Quotes(
        _term(loaded, "open-quote", "\u201c"),
        _term(loaded, "close-quote", "\u201d"),
        _term(loaded, "open-inner-quote", "\u2018"),
        _term(loaded, "close-inner-quote", "\u2019"),
    )


def punctuation_in_quote(loaded) -> bool:
    try:
        return str(loaded.root.get_locale_option("punctuation-in-quote")).lower() == "true"
    except Exception:
        return False


_CLOSING = m.QUOTE[1] + m.SQUOTE[1] + m.CURLY_DOUBLE[1] + m.CURLY_SINGLE[1]
# decorations closing next to a quotation: the moved punctuation goes inside them too
_DECOR_CLOSING = "".join(
    pair[1] for pair in (m.ITALIC, m.BOLD, m.SMALLCAPS, m.UNDERLINE, m.NORMAL_STYLE, m.NORMAL_WEIGHT,
                         m.NORMAL_VARIANT, m.NOCASE, m.NODECOR, m.SUPERSCRIPT, m.SUBSCRIPT, m.BASELINE)
)
_SKIP = "".join(sorted(m.ALL_TOKENS - set(_CLOSING) - set(_DECOR_CLOSING) - {m.NOPIQ}))
_RUN = "[" + re.escape(_CLOSING + _DECOR_CLOSING) + "]"
_PIQ = re.compile(
    "(" + _RUN + "*[" + re.escape(_CLOSING) + "]" + _RUN + "*)([" + re.escape(_SKIP) + "]*)([.,!?]+)"
)


def move_punctuation_into_quotes(text: str) -> str:
    """American style: periods, commas, '?' and '!' right after a closing quote move inside it
    (and inside the decorations that close with it: “<i>Title.</i>”)."""
    if not any(c in text for c in _CLOSING):
        return text  # no closing quote: nothing moves (most entries)
    return _PIQ.sub(lambda mt: mt.group(3) + mt.group(1) + mt.group(2), text)


_TOKENS = re.escape("".join(sorted(m.ALL_TOKENS - {m.NOJOIN})))
_DOUBLE_STOP = re.compile(r"(?<!\.)([?!.])([" + _TOKENS + r"]*)\.(?!\.)")


def drop_doubled_periods(text: str) -> str:
    """A period right after a full stop, '?' or '!' (markup in between) is dropped."""
    while True:  # again after a drop: ``77.`` + seam + ``.`` + ``.`` (a suffix, then the layout's)
        dropped = _DOUBLE_STOP.sub(_drop_period, text)
        if dropped == text:
            return text
        text = dropped


def _drop_period(mt: re.Match) -> str:
    if m.SEAM in mt.group(2) and mt.group(1) != ".":
        return mt.group(0)  # '?' or '!' and a period after a seam: both stay
    return mt.group(1) + mt.group(2)


def finish(text: str, quotes: Quotes, piq: bool) -> str:
    """Final pass on a rendered cite or entry, still in token form."""
    text = cite_affix_punctuation(text)
    text = drop_doubled_periods(text)
    text = join_punctuation(text)
    if piq:
        text = move_punctuation_into_quotes(text)
    text = capitalize_leading_terms(text)
    return resolve_quotes(text, quotes)
