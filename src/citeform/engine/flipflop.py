"""Markup and quotes inside text values, parsed the way the reference processor does.

Text from item data (and ``cs:text value``) may hold ``<i>``, ``<b>``, ``<sc>``,
``<sup>``, ``<sub>``, ``<span class="nocase">``, ``<span class="nodecor">``, the
``font-style``/``font-weight``/``font-variant`` spans, and quotations.  They
become markup tokens (:mod:`citeform.engine.markup`); the output pass flips
nested italics, bold and small caps to normal and alternates outer and inner
quote marks by depth.

A space before ``: ; ? ! »`` or after ``«`` becomes a narrow no-break space
(U+202F), as French typography wants and the reference processor writes.

Quotation rules:

* a straight ``"`` or ``'`` opens a quotation at the start, after a space, after
  ``(`` or right after an opening tag; any other is a closing mark;
* ``“`` and ``‘`` open, ``”`` and ``’`` close; ``’`` between two letters is an
  apostrophe;
* ``“…”`` and ``‘…’`` are outer or inner quotes as they are the locale's outer
  or inner marks (kept as typed when the locale uses neither); of straight
  quotes, the form typed first is the outer one; nested quotes flip between the two;
* a ``'`` that cannot close the innermost open quotation, or that is followed
  by a letter or digit, is an apostrophe (``’``);
* a closing mark pops open quotations or tags it does not match (they are then
  written as typed) until it finds its own; an opening mark left open at the
  end is written as typed (``"``), a ``'`` as ``’``.
"""

from __future__ import annotations

import re

from citeproc.string import String

from . import markup as m
from .names import section_of
from .punctuation import protect_typed
from .state import get_state

# tag -> (kind, token pair, closing tag)
_OPENING: dict[str, tuple[str, tuple[str, str], str]] = {
    "<i>": ("tag", m.ITALIC, "</i>"),
    "<b>": ("tag", m.BOLD, "</b>"),
    "<sc>": ("tag", m.SMALLCAPS, "</sc>"),
    "<sup>": ("tag", m.SUPERSCRIPT, "</sup>"),
    "<sub>": ("tag", m.SUBSCRIPT, "</sub>"),
}
_SPANS = {
    "nocase": ("nocase", m.NOCASE),
    "nodecor": ("tag", m.NODECOR),
    "small-caps": ("tag", m.SMALLCAPS),
    "italic": ("tag", m.ITALIC),
    "bold": ("tag", m.BOLD),
    "normal-style": ("tag", m.NORMAL_STYLE),
    "normal-weight": ("tag", m.NORMAL_WEIGHT),
    "normal-variant": ("tag", m.NORMAL_VARIANT),
}
_QUOTES_OPEN = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}

_SPLIT = re.compile(
    r"(<span\s+[^>]*>|</span>|</?(?:i|b|sc|sup|sub)>|[\"'\u201c\u201d\u2018\u2019])",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# citeproc-js's title case cuts a title at a typed ’ but not at one it made of a straight '
_STRAIGHT_APOSTROPHE = "\u2019" + m.APOSTROPHE
_TYPED_APOSTROPHE = "\ue0ff"
_APOSTROPHE_AFTER = re.compile(r"^[^,.?:; ]")
_BEFORE_MARK = re.compile(r" ([:;?!\u00bb])")
_CLOSING_TOKENS = m.QUOTE[1] + m.SQUOTE[1] + m.CURLY_DOUBLE[1] + m.CURLY_SINGLE[1]
_TYPED_AFTER_QUOTE = re.compile("([" + re.escape(_CLOSING_TOKENS) + "]+)(?=[.,?!])")


def _span_kind(tag: str) -> str | None:
    compact = re.sub(r"\s+", "", tag.lower())
    if 'class="nocase"' in compact:
        return "nocase"
    if 'class="nodecor"' in compact:
        return "nodecor"
    for style, kind in (
        ("font-variant:small-caps", "small-caps"),
        ("font-style:italic", "italic"),
        ("font-weight:bold", "bold"),
        ("font-style:normal", "normal-style"),
        ("font-weight:normal", "normal-weight"),
        ("font-variant:normal", "normal-variant"),
    ):
        if style in compact:
            return kind
    return None


class _Piece:
    __slots__ = ("text", "kind", "pair", "closer", "opening", "tokens")

    def __init__(self, text: str):
        self.text = text  # as typed
        self.kind = ""  # "str", "tag", "nocase", "quote", "close"
        self.pair: tuple[str, str] = ("", "")
        self.closer = ""
        self.opening = False
        self.tokens: str | None = None  # what it becomes when matched


def _pieces(text: str) -> list[_Piece]:
    out: list[_Piece] = []
    for index, part in enumerate(_SPLIT.split(text)):
        if not part:
            continue
        piece = _Piece(part)
        if index % 2 == 0:
            piece.kind = "str"
        else:
            low = part.lower()
            if low in _OPENING:
                piece.kind, piece.pair, piece.closer = _OPENING[low]
                piece.opening = True
            elif low.startswith("<span"):
                kind = _span_kind(low)
                if kind is None:
                    piece.kind = "str"
                else:
                    piece.kind, piece.pair = _SPANS[kind]
                    piece.closer = "</span>"
                    piece.opening = True
            elif low.startswith("</"):
                piece.kind = "close"
            else:
                piece.kind = "quote"
        out.append(piece)
    return out


def _is_opening_quote(pieces: list[_Piece], i: int) -> bool:
    mark = pieces[i].text
    if mark in ("\u201c", "\u2018"):
        return True
    if mark not in ('"', "'"):
        return False
    if i == 0:
        return True
    before = pieces[i - 1]
    if before.kind == "str":
        return before.text[-1:] in (" ", "(", "\u00a0") or before.text[-1:].isspace()
    return before.opening  # right after an opening tag


def narrow_spaces(text: str) -> str:
    """A space before ``: ; ? ! »`` or after ``«`` becomes a narrow no-break space."""
    if " " not in text:
        return text
    return _BEFORE_MARK.sub("\u202f\\1", text).replace("\u00ab ", "\u00ab\u202f")


def parse_markup(text: str) -> str:
    """Item text with its tags and quotations as markup tokens."""
    text = protect_typed(narrow_spaces(text))
    if "<" not in text and not any(q in text for q in "\"'\u201c\u201d\u2018\u2019"):
        return text
    # an apostrophe typed between letters is a straight one for the rules below, but stays
    # typographic (a placeholder here) for title case
    text = re.sub(r"(?<=[^\W\d_])\u2019(?=[^\W\d_])", _TYPED_APOSTROPHE, text)
    pieces = _pieces(text)
    stack: list[int] = []
    outer_form: str | None = None  # the straight quote typed first is the outer one
    kept_case = False

    def literal(index: int) -> None:
        piece = pieces[index]
        piece.tokens = _STRAIGHT_APOSTROPHE if piece.text == "'" else piece.text

    for i, piece in enumerate(pieces):
        if piece.kind == "str":
            continue
        after = pieces[i + 1].text if i + 1 < len(pieces) and pieces[i + 1].kind == "str" else ""
        if piece.kind == "quote":
            if piece.text == "'" and not _is_opening_quote(pieces, i) and _APOSTROPHE_AFTER.match(after):
                piece.tokens = _STRAIGHT_APOSTROPHE
                continue
            if piece.text == "'" and _is_opening_quote(pieces, i) and after.startswith(" "):
                piece.tokens = _STRAIGHT_APOSTROPHE
                continue
            if _is_opening_quote(pieces, i):
                piece.opening = True
                piece.closer = _QUOTES_OPEN[piece.text]
                if piece.text in ('"', "'") and outer_form is None:
                    outer_form = piece.text
                if piece.text == "\u201c":
                    piece.pair = m.CURLY_DOUBLE
                elif piece.text == "\u2018":
                    piece.pair = m.CURLY_SINGLE
                else:
                    piece.pair = m.QUOTE if piece.text == outer_form else m.SQUOTE
                stack.append(i)
                continue
            piece.kind = "close"
        if piece.opening:
            stack.append(i)
            continue
        # a closing tag or closing quote mark
        closing = piece.text.lower() if piece.text.startswith("<") else piece.text
        matched = False
        while stack:
            top = pieces[stack[-1]]
            if closing == top.closer:
                stack.pop()
                top.tokens = top.pair[0]
                piece.tokens = top.pair[1]
                if closing == "'" and after and not kept_case:
                    # citeproc-js leaves the first letter quoted this way as typed in text-case
                    top.tokens += m.KEEPCASE
                    kept_case = True
                matched = True
                break
            if closing == "'":
                break
            literal(stack.pop())
        if not matched:
            literal(i)
    for index in stack:
        literal(index)
    out = []
    for piece in pieces:
        out.append(piece.text if piece.kind == "str" else (piece.tokens if piece.tokens is not None else piece.text))
    text = "".join(out).replace(_TYPED_APOSTROPHE, "\u2019")
    # punctuation typed after a closing quote stays where it was typed (punctuation-in-quote
    # moves only what the style adds)
    return _TYPED_AFTER_QUOTE.sub(lambda mt: mt.group(1) + m.NOPIQ, text)


_TAGS_BACK = {
    m.ITALIC: ("<i>", "</i>"),
    m.BOLD: ("<b>", "</b>"),
    m.SMALLCAPS: ("<sc>", "</sc>"),
    m.SUPERSCRIPT: ("<sup>", "</sup>"),
    m.SUBSCRIPT: ("<sub>", "</sub>"),
    m.NOCASE: ('<span class="nocase">', "</span>"),
    m.NODECOR: ('<span class="nodecor">', "</span>"),
    m.QUOTE: ('"', '"'),
    m.SQUOTE: ("'", "'"),
    m.CURLY_DOUBLE: ("\u201c", "\u201d"),
    m.CURLY_SINGLE: ("\u2018", "\u2019"),
}
_UNPARSE = {pair[i]: tags[i] for pair, tags in _TAGS_BACK.items() for i in (0, 1)}


def unparse_markup(text: str) -> str:
    """Item text as typed: markup tokens back to their tags (other tokens dropped)."""
    return "".join(_UNPARSE.get(ch, "" if ch in m.ALL_TOKENS else ch) for ch in text)


class ValueMarkupMixin:
    """``cs:text value="..."``: the value's tags and quotations are markup too.

    A ``cs:text term="..."`` is marked as a term, so that it can be capitalised
    when nothing precedes it (see :func:`capitalize_leading_terms`); in the
    citations of in-text styles it is left alone.
    """

    def process(self, item, context=None, **kwargs):
        text, language = super().process(item, context, **kwargs)
        if "value" in self.attrib and text:
            text = String(parse_markup(self.get("value")))
        elif "term" in self.attrib and text:
            in_text = self.get_root().get("class") == "in-text"
            state = get_state(self)
            if not (in_text and section_of(context if context is not None else self) == "citation") \
                    and not (state is not None and state.author_suppressed):
                text = String(m.TERM + str(text))
        return text, language


_OPENING_CHARS = set(" \t([{\"'\u201c\u2018\u00a0")


def capitalize_leading_terms(text: str) -> str:
    """Capitalise a term that opens a cite or entry, then drop the term markers.

    Nothing but markup, spaces and opening brackets or quotes may precede it,
    counting from the start or from a cite prefix that ends a sentence.
    """
    if not isinstance(text, str):
        text = "".join(text)
    if m.TERM not in text:
        return text.replace(m.RESET, "")
    return _capitalize_marked(text)


_TERM_MARKS: list[re.Pattern] = []  # the term and reset marks (compiled on first use)


def _capitalize_marked(text: str) -> str:
    """:func:`capitalize_leading_terms`'s walk, character by character only where a term may
    still be capitalised or start one (after a mark, through markup, spaces and opening
    marks); the rest up to the next mark is written as it is."""
    if not _TERM_MARKS:
        _TERM_MARKS.append(re.compile("[" + re.escape(m.TERM + m.RESET) + "]"))
    out: list[str] = []
    since_reset = True  # nothing seen since the start or the last reset
    capitalize = False
    pos = 0
    tokens = m.ALL_TOKENS
    for found in [*_TERM_MARKS[0].finditer(text), None]:
        at = len(text) if found is None else found.start()
        i = pos
        while i < at and (capitalize or since_reset):
            ch = text[i]
            i += 1
            if ch in tokens:
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
        out.append(text[i:at])
        if found is None:
            break
        if found.group() == m.RESET:
            since_reset = True
        else:
            capitalize = since_reset
        pos = at + 1
    return "".join(out)


class NormalDecorationsMixin:
    """``font-style``/``font-weight``/``font-variant="normal"`` and ``vertical-align="baseline"`` as tokens.

    They undo an enclosing italic, bold or small caps decoration; the output
    pass drops them where there is nothing to undo.
    """

    def font_style(self, text):
        if self.get("font-style") == "normal":
            return m.wrap(m.NORMAL_STYLE, text)
        return super().font_style(text)

    def font_weight(self, text):
        if self.get("font-weight") == "normal":
            return m.wrap(m.NORMAL_WEIGHT, text)
        return super().font_weight(text)

    def font_variant(self, text):
        if self.get("font-variant") == "normal":
            return m.wrap(m.NORMAL_VARIANT, text)
        return super().font_variant(text)

    def vertical_align(self, text):
        if self.get("vertical-align") == "baseline":
            return m.wrap(m.BASELINE, text)
        return super().vertical_align(text)
