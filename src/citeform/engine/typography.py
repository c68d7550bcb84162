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
_SKIP = "".join(sorted(m.ALL_TOKENS - set(_CLOSING) - set(_DECOR_CLOSING) - {m.NOPIQ, m.QUOTE_OUT, m.QUOTE_MERGE}))
_RUN = "[" + re.escape(_CLOSING + _DECOR_CLOSING + m.QUOTE_OUT + m.QUOTE_MERGE) + "]"
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
# a '?' or '!' after a period counts ("vs.!" + "." is "vs.!"), and so does an ellipsis where the
# field holding it ends, markup between ("Wait..." + "." is "Wait..."); periods typed one after
# the other in a text are left alone
_DOUBLE_STOP = re.compile(
    r"([?!]|(?<!\.)\.|(?<=\.\.)\.(?=[" + _TOKENS + r"]))([" + _TOKENS + r"]*)\.(?!\.)"
)


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


# a mark after a style's closing quote (markup between): with punctuation-in-quote, the marks
# that stay outside (':' ';'); without, any
_MARK_AFTER_QUOTE = {
    True: re.compile(re.escape(m.QUOTE[1]) + r"([" + _TOKENS + r"]*)(?=[:;])"),
    False: re.compile(re.escape(m.QUOTE[1]) + r"([" + _TOKENS + r"]*)(?=[.,;:!?])"),
}


_DECOR_RUN = "[" + re.escape(_DECOR_CLOSING) + "]*"
# without punctuation-in-quote, a quoted field's last ':' ';' ',' moves out of the quotation
_MOVES_OUT = re.compile("([:;,]+)(" + _DECOR_RUN + ")" + re.escape(m.QUOTE[1]))
_MOVED_BEFORE = re.compile("[:;,]" + _DECOR_RUN + "$")
# with punctuation-in-quote, an enclosing element's ':' or ';' after a quotation moves into it
_OUTER_INTO_QUOTE = re.compile(
    "(" + _DECOR_RUN + re.escape(m.QUOTE[1]) + ")([" + _TOKENS + "]*" + re.escape(m.QUOTE_OUT)
    + "[" + _TOKENS + "]*)([:;])"
)


def quote_seams(text: str, piq: bool) -> str:
    """Marks at a ``quotes="true"`` field's closing quote as citeproc-js places them.

    Where a mark follows the quotation and stays outside it, citeproc-js merges it with the
    quoted text's last mark only when it moves into the quotation (punctuation in quote:
    ``.`` ``,`` ``?`` ``!``); otherwise only a repeated mark is dropped (``“Deep?”: 15``,
    German ``„Deep?“. 15``): a seam goes there. Where the mark is that of a group or macro
    the quoted field ends (:data:`markup.QUOTE_OUT`), it joins the quoted text's last mark by
    the usual rules, and with punctuation in quote even a ``:`` or ``;`` moves into the
    quotation (``“Deep:” 15``); after a quoted macro call (:data:`markup.QUOTE_MERGE`), the
    usual rules apply. Without punctuation in quote, the quoted
    text's own last ``:`` ``;`` ``,`` moves out (``„Deep“: 15``) and joins what follows by
    the usual rules."""
    if m.QUOTE[1] not in text:
        return text

    def seam(mt: re.Match) -> str:
        if m.QUOTE_OUT in mt.group(1) or m.QUOTE_MERGE in mt.group(1) or m.LAYOUT_SUFFIX in mt.group(1) or (
                not piq and _MOVED_BEFORE.search(text, 0, mt.start())):
            return mt.group()  # (the layout's suffix joins the quoted text's mark: „Health?“)
        return m.QUOTE[1] + m.SEAM + mt.group(1)

    text = _MARK_AFTER_QUOTE[piq].sub(seam, text)
    if piq and m.QUOTE_OUT in text:
        text = _OUTER_INTO_QUOTE.sub(lambda mt: mt.group(3) + mt.group(1) + mt.group(2), text)
    if not piq:
        text = _MOVES_OUT.sub(lambda mt: mt.group(2) + m.QUOTE[1] + mt.group(1), text)
    return text


# a mark repeated across a seam is one mark (what join_punctuation does there), dropped before
# the doubled-period rule could drop the other one (``?”.`` + seam + ``.``)
_SEAM_REPEAT = re.compile(
    r"([.,;:!?])([" + _TOKENS + r"]*" + re.escape(m.SEAM) + r"[" + _TOKENS + r"]*)\1(?!\1)"
)


def finish(text: str, quotes: Quotes, piq: bool) -> str:
    """Final pass on a rendered cite or entry, still in token form."""
    text = quote_seams(text, piq)
    text = cite_affix_punctuation(text)
    if m.SEAM in text:
        text = _SEAM_REPEAT.sub(r"\1\2", text)
    text = drop_doubled_periods(text)
    text = join_punctuation(text)
    if piq:
        text = move_punctuation_into_quotes(text)
    text = capitalize_leading_terms(text)
    return resolve_quotes(text, quotes)
