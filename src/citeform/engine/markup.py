"""Internal markup: formatting travels through citeproc-py as private-use tokens.

citeproc-py builds output by string concatenation.  Instead of letting it emit
HTML (which text-case and punctuation handling would then have to parse), every
formatting instruction is written as a pair of private-use characters.  Case
operations leave them alone, and :mod:`citeform.engine.serializers` turns them into
HTML, plain text, Markdown or RTF at the very end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# Each pair is (open, close).
ITALIC = ("\ue010", "\ue011")
BOLD = ("\ue012", "\ue013")
SMALLCAPS = ("\ue014", "\ue015")
SUPERSCRIPT = ("\ue016", "\ue017")
SUBSCRIPT = ("\ue018", "\ue019")
UNDERLINE = ("\ue01a", "\ue01b")
NORMAL_STYLE = ("\ue01c", "\ue01d")  # font-style="normal" inside italics
NOCASE = ("\ue01e", "\ue01f")  # kept so that cases on whole strings can skip it
QUOTE = ("\ue030", "\ue031")  # cs:text quotes="true" (level resolved later)
SQUOTE = ("\ue032", "\ue033")  # quotes found in item data written as '...'
CURLY_DOUBLE = ("\ue034", "\ue035")  # “…” in item data: outer or inner as the locale's marks say
CURLY_SINGLE = ("\ue036", "\ue037")  # ‘…’ in item data: outer or inner as the locale's marks say
NORMAL_WEIGHT = ("\ue020", "\ue021")  # font-weight="normal" inside bold
NORMAL_VARIANT = ("\ue022", "\ue023")  # font-variant="normal" inside small caps
NODECOR = ("\ue024", "\ue025")  # <span class="nodecor">: no inherited style
NOPIQ = "\ue026"  # after a closing quote: punctuation-in-quote leaves what follows alone
BASELINE = ("\ue027", "\ue028")  # vertical-align="baseline" inside sup/sub
TERM = "\ue029"  # a term starts here (capitalised when nothing precedes it)
RESET = "\ue02a"  # after a cite prefix ending a sentence: what precedes does not count
PREFIX_PUNCT = "\ue02b"  # a cite prefix starting with punctuation: it replaces the delimiter
SUFFIX_PUNCT = "\ue02c"  # a cite suffix ending with punctuation: the delimiter's is dropped
LAYOUT_SUFFIX = "\ue02d"  # the layout's suffix follows: only '?.', '!.' and '..' collapse there
KEEPCASE = "\ue02e"  # the next letter keeps its case through text-case (a citeproc-js quirk)
NOJOIN = "\ue02f"  # between two marks typed in one string: no join rule applies (``a::b``, ``?:``)
SEAM = "\ue038"  # an element's own suffix or its parent's delimiter follows: only a repeated mark collapses
FIELD_END = "\ue039"  # a decorated field without markup ends: a delimiter after it is a seam
QUOTE_OUT = "\ue03f"  # a group or macro ends with a quoted field: marks after it come from outside
QUOTE_MERGE = "\ue044"  # a quoted macro call ends: its suffix merges into its last mark by the table
SORT_DATE = ("\ue03b", "\ue03c")
BRACE = "\ue03e"  # the "(" or ")" next is an affix that citeproc-js's nested-brace rule counts (note styles)
STYLE_QUOTE = "\ue03d"  # the QUOTE opening next is the style's (quotes="true"): outer marks at any depth  # a date's key in a macro sort key (the only part that counts)
APOSTROPHE = "\ue03a"  # after a ’ typed as a straight ': title case does not cut the text there
DISPLAY_OPEN = {
    "block": "\ue040",
    "left-margin": "\ue041",
    "right-inline": "\ue042",
    "indent": "\ue043",
}
DISPLAY_CLOSE = "\ue04f"

OPENERS = {
    ITALIC[0]: "italic",
    BOLD[0]: "bold",
    SMALLCAPS[0]: "smallcaps",
    SUPERSCRIPT[0]: "sup",
    SUBSCRIPT[0]: "sub",
    UNDERLINE[0]: "underline",
    NORMAL_STYLE[0]: "normal",
    NOCASE[0]: "nocase",
    QUOTE[0]: "quote",
    SQUOTE[0]: "squote",
    CURLY_DOUBLE[0]: "curly-double",
    CURLY_SINGLE[0]: "curly-single",
    NORMAL_WEIGHT[0]: "normal-weight",
    NORMAL_VARIANT[0]: "normal-variant",
    NODECOR[0]: "nodecor",
    BASELINE[0]: "baseline",
    NOPIQ: "nopiq",
    TERM: "term",
    RESET: "reset",
    PREFIX_PUNCT: "prefix-punct",
    SUFFIX_PUNCT: "suffix-punct",
    LAYOUT_SUFFIX: "layout-suffix",
    KEEPCASE: "keepcase",
    NOJOIN: "nojoin",
    SEAM: "seam",
    FIELD_END: "field-end",
    QUOTE_OUT: "quote-out",
    QUOTE_MERGE: "quote-merge",
    APOSTROPHE: "apostrophe",
    SORT_DATE[0]: "sort-date",
    STYLE_QUOTE: "style-quote",
    BRACE: "brace",
}
CLOSERS = {
    ITALIC[1]: "italic",
    BOLD[1]: "bold",
    SMALLCAPS[1]: "smallcaps",
    SUPERSCRIPT[1]: "sup",
    SUBSCRIPT[1]: "sub",
    UNDERLINE[1]: "underline",
    NORMAL_STYLE[1]: "normal",
    NOCASE[1]: "nocase",
    QUOTE[1]: "quote",
    SQUOTE[1]: "squote",
    CURLY_DOUBLE[1]: "curly-double",
    CURLY_SINGLE[1]: "curly-single",
    NORMAL_WEIGHT[1]: "normal-weight",
    NORMAL_VARIANT[1]: "normal-variant",
    NODECOR[1]: "nodecor",
    BASELINE[1]: "baseline",
    SORT_DATE[1]: "sort-date",
}
DISPLAYS = {v: k for k, v in DISPLAY_OPEN.items()}
ALL_TOKENS = frozenset(OPENERS) | frozenset(CLOSERS) | frozenset(DISPLAYS) | {DISPLAY_CLOSE}


def translator(table: dict[int, Any]) -> Callable[[str], str]:
    """``lambda text: str(text.translate(table))`` for a table of characters to delete or
    replace, done by a regular expression over the table's characters: ``translate`` looks
    every character of the text up in the dict, about ten times slower on an entry. The
    expression is compiled on the first call (a one-record command may need none)."""
    if not table:
        return str
    replace = {chr(k): "" if v is None else (chr(v) if isinstance(v, int) else v)
               for k, v in table.items()}
    deletes = not any(replace.values())
    made: list[Callable[[str], str]] = []

    def replaced(found: re.Match) -> str:
        return replace[found.group()]

    def first_call(text: str) -> str:
        if not made:
            sub = re.compile("[" + re.escape("".join(replace)) + "]").sub
            made.append((lambda t: sub("", t)) if deletes else (lambda t: sub(replaced, t)))
        return made[0](text)

    return first_call


_STRIP = {ord(ch): None for ch in ALL_TOKENS if len(ch) == 1}
_strip = translator(_STRIP)


def strip_tokens(text: str) -> str:
    """Remove all markup tokens (for sort keys and comparisons)."""
    if isinstance(text, str):
        return _strip(text)
    return "".join(ch for ch in text if ch not in ALL_TOKENS)


class Marked(str):
    """Formatted output: a plain ``str`` as citeproc-py's own formatters return.

    Being a plain string (not a citeproc ``String``) keeps concatenation with
    affixes and ``str.join`` working as citeproc-py expects.
    """


def wrap(pair: tuple[str, str], text) -> Marked:
    """Wrap rendered text in a token pair."""
    return Marked(pair[0] + str(text) + pair[1])


class TokenFormatter:
    """A citeproc-py formatter (module-like object) that emits markup tokens."""

    @staticmethod
    def preformat(text):
        return text

    @staticmethod
    def Italic(text):  # noqa: N802 - citeproc-py's formatter protocol
        return wrap(ITALIC, text)

    Oblique = Italic

    @staticmethod
    def Bold(text):  # noqa: N802
        return wrap(BOLD, text)

    @staticmethod
    def Light(text):  # noqa: N802
        return text

    @staticmethod
    def Underline(text):  # noqa: N802
        return wrap(UNDERLINE, text)

    @staticmethod
    def Superscript(text):  # noqa: N802
        return wrap(SUPERSCRIPT, text)

    @staticmethod
    def Subscript(text):  # noqa: N802
        return wrap(SUBSCRIPT, text)

    @staticmethod
    def SmallCaps(text):  # noqa: N802
        return wrap(SMALLCAPS, text)


def mark_braces(affix: str) -> str:
    """``affix`` with each parenthesis marked as one the nested-brace rule counts."""
    return affix.replace("(", BRACE + "(").replace(")", BRACE + ")") if affix else affix


def resolve_braces(text: str, depth: int = 0) -> tuple[str, int]:
    """citeproc-js's nested braces (``checkNestedBrace``, note styles): the marked parentheses
    of affixes are counted in order; a "(" at odd depth prints "[", a ")" closing to odd depth
    prints "]" (``(Sage [Wiley, 1997])``). Returns the text without marks and the depth after it.
    """
    if BRACE not in text:
        return text, depth
    out: list[str] = []
    marked = False
    for ch in text:
        if ch == BRACE:
            marked = True
            continue
        if marked and ch == "(":
            if depth > 0 and depth % 2 == 1:  # (JavaScript's %: a negative depth is never odd)
                ch = "["
            depth += 1
        elif marked and ch == ")":
            if depth % 2 == 0:
                ch = "]"
            depth -= 1
        marked = False
        out.append(ch)
    return "".join(out), depth
