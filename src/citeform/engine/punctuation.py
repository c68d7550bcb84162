"""Punctuation where two pieces of output meet (CSL suite "FullMonty" rules).

When a piece ending in one of ``: . ; ! ? ,`` is followed by one starting with
another (markup may sit between them), citeproc-js keeps:

* the first mark only for ``::``, ``;:``, ``!:``, ``?:``, ``:.``, ``..``,
  ``;.``, ``!.``, ``?.``, ``;;``, ``!!``, ``??`` and ``,,``;
* the second mark only for ``:!``, ``;!``, ``:?`` and ``;?``;
* both marks otherwise (``.:`` ``,.`` ``?!`` ``.,`` ...).

An ellipsis (three or more periods) is never shortened, and neither is punctuation typed inside
one string (a DOI's ``<1389::AID``, a title's ``outcomes?: erratum``): citeproc-js applies the
rules only where two pieces of output meet, so :func:`protect_typed` marks the typed pairs.

Where the second mark is an element's own suffix or the delimiter after it, and the first ends
that element's suffix or a decorated (italic, bold...) field, citeproc-js only drops a repeated
mark (``<i>Model?</i>. Sage``, ``137:. https``): the renderer puts :data:`markup.SEAM` there.
"""

from __future__ import annotations

import re

from . import markup as m

KEEP_FIRST = frozenset(
    ("::", ";:", "!:", "?:", ":.", "..", ";.", "!.", "?.", ";;", "!!", "??", ",,")
)
KEEP_SECOND = frozenset((":!", ";!", ":?", ";?"))
_TOKENS = re.escape("".join(sorted(m.ALL_TOKENS)))
# the layout's suffix is not a join: the table does not apply across its marker
_JOIN_TOKENS = re.escape("".join(sorted(m.ALL_TOKENS - {m.LAYOUT_SUFFIX, m.NOJOIN})))
_PAIR = re.compile(r"([:.;!?,])([" + _JOIN_TOKENS + r"]*)([:.;!?,])")


_TYPED_PAIR = re.compile(r"([:.;!?,])(?=([:.;!?,]))")


def protect_typed(text: str) -> str:
    """A no-join token between two marks typed next to each other in one string (item data,
    a ``cs:text value``), where the join rules would drop one; ellipses are left alone."""
    if not _TYPED_PAIR.search(text):
        return text

    def mark(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        at = match.start()
        if first == "." and second == "." and (text[at - 1 : at] == "." or text[at + 2 : at + 3] == "."):
            return first  # an ellipsis
        pair = first + second
        if pair in KEEP_FIRST or pair in KEEP_SECOND:
            return first + m.NOJOIN
        return first

    return _TYPED_PAIR.sub(mark, text)


def join_punctuation(text: str) -> str:
    """Apply the join rules to every pair of adjacent punctuation marks."""
    if not _PAIR.search(text):
        return text
    pos = 0
    while True:
        match = _PAIR.search(text, pos)
        if match is None:
            return text
        first, between, second = match.groups()
        start, end = match.span()
        pair = first + second
        if m.SEAM in between:  # only a repeated mark collapses there, even after an ellipsis
            if first == second:
                text = text[:start] + first + between + text[end:]
                pos = start
            else:
                pos = start + 1
            continue
        ellipsis = pair == ".." and (text[start - 1 : start] == "." or text[end : end + 1] == ".")
        if pair in KEEP_FIRST and not ellipsis:
            text = text[:start] + first + between + text[end:]
            pos = start
        elif pair in KEEP_SECOND:
            text = text[:start] + between + second + text[end:]
            pos = start
        else:
            pos = start + 1


# the delimiter before such a prefix (one mark and spaces), not the cite's own last mark
_BEFORE_PREFIX = re.compile(r"[,;:.]?\s*(?=[" + _TOKENS + r"]*" + re.escape(m.PREFIX_PUNCT) + ")")
# the delimiter's (or layout suffix's) one mark after a suffix ending with punctuation
_AFTER_SUFFIX = re.compile(re.escape(m.SUFFIX_PUNCT) + r"([" + _TOKENS + r"]*)[,;:.!?]")


def cite_affix_punctuation(text: str) -> str:
    """A cite prefix starting with punctuation replaces the delimiter before it, with no join
    rule against the cite before (``n.d.. B``, ``A?. B``); after a cite suffix ending with
    punctuation, the delimiter or layout suffix loses its own."""
    if m.PREFIX_PUNCT in text:
        text = _BEFORE_PREFIX.sub(m.NOJOIN, text).replace(m.PREFIX_PUNCT, "")
    if m.SUFFIX_PUNCT in text:
        text = _AFTER_SUFFIX.sub(lambda mt: mt.group(1), text).replace(m.SUFFIX_PUNCT, "")
    return text
