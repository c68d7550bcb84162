"""Turn token-marked strings into the output formats (html, text, markdown, rtf)."""

from __future__ import annotations

import re

from . import markup as m
from .superscripts import expand_superscripts

FORMATS = ("text", "html", "markdown", "rtf")


class Quotes:
    """The locale's quote marks (a plain class: cheaper to define at start-up than a dataclass)."""

    __slots__ = ("open", "close", "open_inner", "close_inner")

    def __init__(self, open: str = "\u201c", close: str = "\u201d", open_inner: str = "\u2018",
                 close_inner: str = "\u2019") -> None:
        self.open = open
        self.close = close
        self.open_inner = open_inner
        self.close_inner = close_inner

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Quotes):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.__slots__)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in self.__slots__))

    def __repr__(self) -> str:
        return "Quotes(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__) + ")"


_OPENING_QUOTES = {m.QUOTE[0]: None, m.SQUOTE[0]: None, m.CURLY_DOUBLE[0]: "\u201c", m.CURLY_SINGLE[0]: "\u2018"}
_CLOSING_QUOTES = {m.QUOTE[1]: None, m.SQUOTE[1]: None, m.CURLY_DOUBLE[1]: "\u201d", m.CURLY_SINGLE[1]: "\u2019"}
_QUOTE_TOKENS = re.compile("[" + re.escape("".join(_OPENING_QUOTES) + "".join(_CLOSING_QUOTES)) + "]")


def _top_level(ch: str, quotes: Quotes) -> bool | None:
    """Whether a quotation opening at the top level takes inner marks (None: as typed)."""
    typed = _OPENING_QUOTES[ch]
    if typed is None:
        return ch == m.SQUOTE[0]
    if typed == quotes.open:
        return False
    if typed == quotes.open_inner:
        return True
    return None


def resolve_quotes(text: str, quotes: Quotes) -> str:
    """Replace quote tokens by the locale's marks.

    A quotation inside another flips between outer and inner marks.  At the top
    level ``QUOTE`` tokens are outer quotes and ``SQUOTE`` tokens inner ones;
    quotations typed with curly marks are outer or inner as those marks are the
    locale's, and are kept as typed when the locale uses other marks.  The style's
    own quotes (``quotes="true"``, marked ``STYLE_QUOTE``) are outer marks at any
    depth, as citeproc-js prints them (``““Title””``): only quotations typed in the
    data flip.
    """
    if isinstance(text, str) and _QUOTE_TOKENS.search(text) is None:  # nothing to replace
        return text.replace(m.STYLE_QUOTE, "") if isinstance(text, str) else text
    out = []
    levels: list[bool | None] = []  # True: inner marks; None: the marks as typed
    style_quote = False
    for ch in text:
        if ch == m.STYLE_QUOTE:
            style_quote = True
            continue
        if ch in _OPENING_QUOTES:
            enclosing = next((level for level in reversed(levels) if level is not None), None)
            inner = _top_level(ch, quotes)
            if style_quote and ch == m.QUOTE[0]:
                inner = False
            elif inner is not None and enclosing is not None:
                inner = not enclosing
            style_quote = False
            levels.append(inner)
            out.append(_OPENING_QUOTES[ch] if inner is None else quotes.open_inner if inner else quotes.open)
        elif ch in _CLOSING_QUOTES:
            inner = levels.pop() if levels else _top_level(_opening_of(ch), quotes)
            out.append(_CLOSING_QUOTES[ch] if inner is None else quotes.close_inner if inner else quotes.close)
        else:
            out.append(ch)
    return "".join(out)


def _opening_of(closing: str) -> str:
    pairs = (m.QUOTE, m.SQUOTE, m.CURLY_DOUBLE, m.CURLY_SINGLE)
    return next(pair[0] for pair in pairs if pair[1] == closing)


_HTML_ESCAPES = {"&": "&#38;", "<": "&#60;", ">": "&#62;"}
_HTML_TAGS = {
    "italic": ("<i>", "</i>"),
    "bold": ("<b>", "</b>"),
    "smallcaps": ('<span style="font-variant:small-caps;">', "</span>"),
    "sup": ("<sup>", "</sup>"),
    "sub": ("<sub>", "</sub>"),
    "underline": ('<span style="text-decoration:underline;">', "</span>"),
    "normal": ('<span style="font-style:normal;">', "</span>"),
    "normal-weight": ('<span style="font-weight:normal;">', "</span>"),
    "normal-variant": ('<span style="font-variant:normal;">', "</span>"),
    "baseline": ('<span style="baseline">', "</span>"),
    "nocase": ("", ""),
}
_MD_SPECIAL = set("\\`*_[]<>#")
_MD_TAGS = {"italic": ("*", "*"), "bold": ("**", "**"), "sup": ("^", "^"), "sub": ("~", "~")}
_RTF_TAGS = {
    "italic": ("{\\i ", "}"),
    "bold": ("{\\b ", "}"),
    "smallcaps": ("{\\scaps ", "}"),
    "sup": ("{\\super ", "}"),
    "sub": ("{\\sub ", "}"),
    "underline": ("{\\ul ", "}"),
    "normal": ("{\\i0 ", "}"),
    "normal-weight": ("{\\b0 ", "}"),
    "normal-variant": ("{\\scaps0 ", "}"),
}


def _escape_html(ch: str) -> str:
    return _HTML_ESCAPES.get(ch, ch)


def _escape_md(ch: str) -> str:
    return "\\" + ch if ch in _MD_SPECIAL else ch


def _escape_rtf(ch: str) -> str:
    if ch in "\\{}":
        return "\\" + ch
    code = ord(ch)
    if code < 128:
        return ch
    if code > 0xFFFF:  # RTF \u takes signed 16-bit units: write a surrogate pair
        code -= 0x10000
        hi, lo = 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)
        return f"\\u{hi - 65536}?\\u{lo - 65536}?"
    return f"\\u{code if code < 32768 else code - 65536}?"


# decoration token -> (attribute, value); "normal" values reset an inherited one
_DECOR = {
    m.ITALIC[0]: ("style", "on"),
    m.NORMAL_STYLE[0]: ("style", "normal"),
    m.BOLD[0]: ("weight", "on"),
    m.NORMAL_WEIGHT[0]: ("weight", "normal"),
    m.SMALLCAPS[0]: ("variant", "on"),
    m.NORMAL_VARIANT[0]: ("variant", "normal"),
}
_ON = {"style": m.ITALIC, "weight": m.BOLD, "variant": m.SMALLCAPS}
_OFF = {"style": m.NORMAL_STYLE, "weight": m.NORMAL_WEIGHT, "variant": m.NORMAL_VARIANT}
_DECOR_CLOSERS = {pair[1] for pair in (*_ON.values(), *_OFF.values(), m.NODECOR, m.BASELINE)}
_VERTICAL = {m.SUPERSCRIPT[0]: m.SUPERSCRIPT[1], m.SUBSCRIPT[0]: m.SUBSCRIPT[1]}
_DECOR_CLOSERS.update(_VERTICAL.values())


# the characters :func:`flip_decorations` acts on besides closers (which, with nothing open,
# it writes as they are)
_FLIP_OPENERS = frozenset((*_DECOR, *_VERTICAL, m.BASELINE[0], m.NODECOR[0]))


def flip_decorations(text: str) -> str:
    """Resolve nested font decorations as citeproc-js does.

    Italics, bold or small caps inside the same decoration flip to normal; a
    "normal" decoration only shows inside the decoration it undoes (and
    ``vertical-align="baseline"`` only inside superscript or subscript); a
    nodecor span sets every inherited decoration back to normal.
    """
    if not isinstance(text, str):
        text = "".join(text)
    if _FLIP_OPENERS.isdisjoint(text):
        return text  # nothing opens a decoration: every character is written as it is
    return _flip_marks(text)


_FLIP_MARKS: list[re.Pattern] = []  # what flip_decorations acts on (compiled on first use)


def _flip_marks(text: str) -> str:
    """:func:`flip_decorations`'s walk, from one decoration mark to the next (the text
    between them is written as it is)."""
    if not _FLIP_MARKS:
        _FLIP_MARKS.append(re.compile(
            "[" + re.escape("".join(sorted(_FLIP_OPENERS | _DECOR_CLOSERS))) + "]"))
    state = {"style": False, "weight": False, "variant": False, "vertical": False}
    stack: list[tuple[str, dict[str, bool]]] = []  # (closing tokens, state before)
    out: list[str] = []
    pos = 0  # what comes before it is written
    for found in _FLIP_MARKS[0].finditer(text):
        ch, at = found.group(), found.start()
        if ch in _DECOR:
            out.append(text[pos:at])
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
            out.append(text[pos:at])
            stack.append((_VERTICAL[ch], dict(state)))
            state["vertical"] = True
            out.append(ch)
        elif ch == m.BASELINE[0]:
            out.append(text[pos:at])
            stack.append((m.BASELINE[1] if state["vertical"] else "", dict(state)))
            if state["vertical"]:
                out.append(ch)
                state["vertical"] = False
        elif ch == m.NODECOR[0]:
            out.append(text[pos:at])
            before = dict(state)
            closing = []
            for attr in ("style", "weight", "variant"):
                if state[attr]:
                    out.append(_OFF[attr][0])
                    closing.insert(0, _OFF[attr][1])
                    state[attr] = False
            stack.append(("".join(closing), before))
        elif stack:  # a closer
            out.append(text[pos:at])
            closing, state = stack.pop()
            out.append(closing)
        else:
            continue  # a closer with nothing open is written as it is (with the text after it)
        pos = at + 1
    out.append(text[pos:])
    return "".join(out)


_INLINE_TOKENS = {ord(ch): None for ch in (*m.OPENERS, *m.CLOSERS) if len(ch) == 1}


def _markdown_table() -> dict[int, str]:
    """What :func:`render_inline`'s walk writes for each character in Markdown (a token
    first, an opener before a closer; others escaped or as they are)."""
    table = {ord(ch): "\\" + ch for ch in _MD_SPECIAL}
    for tokens, index in ((m.CLOSERS, 1), (m.OPENERS, 0)):
        for ch in tokens:
            if len(ch) == 1:
                kind = m.OPENERS.get(ch) or m.CLOSERS[ch]
                table[ord(ch)] = _MD_TAGS.get(kind, ("", ""))[index]
    return table


_MD_TABLE = _markdown_table()
_remove_inline_tokens = m.translator(_INLINE_TOKENS)
_to_markdown = m.translator(_MD_TABLE)


def render_inline(text: str, fmt: str) -> str:
    """Convert tokens to the target format; display tokens become divs/spacing."""
    if fmt == "text" and isinstance(text, str):  # tokens just go, as in the walk below
        return _remove_inline_tokens(text)
    if fmt != "text":
        text = flip_decorations(text)
    if fmt != "text":
        text = expand_superscripts(text)
    if fmt == "markdown" and isinstance(text, str):  # the walk below, one character at a time
        return _to_markdown(text)
    out: list[str] = []
    lone_space = False  # html: the last character written is a white space not yet paired
    for ch in text:
        if ch in m.OPENERS or ch in m.CLOSERS:
            kind = m.OPENERS.get(ch) or m.CLOSERS[ch]
            index = 0 if ch in m.OPENERS else 1
            lone_space = False
            if fmt == "html":
                out.append(_HTML_TAGS.get(kind, ("", ""))[index])
            elif fmt == "markdown":
                out.append(_MD_TAGS.get(kind, ("", ""))[index])
            elif fmt == "rtf":
                out.append(_RTF_TAGS.get(kind, ("", ""))[index])
        elif fmt == "html" and ch == " ":
            if lone_space:  # two spaces in a row: a no-break space and a space (citeproc-js)
                out[-1] = "\u00a0"
                out.append(" ")
                lone_space = False
            else:
                out.append(ch)
                lone_space = True
        elif fmt == "html":
            lone_space = False
            out.append(_escape_html(ch))
        elif fmt == "markdown":
            out.append(_escape_md(ch))
        elif fmt == "rtf":
            out.append(_escape_rtf(ch))
        else:
            out.append(ch)
    return "".join(out)


_DISPLAY_MARKS: list[re.Pattern] = []  # compiled on the first entry with display marks


def split_display(text: str) -> list[tuple[str | None, str]]:
    """Split an entry into (display kind or None, content) runs (top level only)."""
    if isinstance(text, str) and not any(ch in text for ch in m.DISPLAYS):  # one run
        return [(None, text)] if text else []
    if type(text) is str:
        return _split_display_marks(text)
    runs: list[tuple[str | None, str]] = []
    depth = 0
    kind: str | None = None
    buf: list[str] = []
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


def _split_display_marks(text: str) -> list[tuple[str | None, str]]:
    """:func:`split_display`'s walk, from one display mark to the next."""
    runs: list[tuple[str | None, str]] = []
    depth = 0
    kind: str | None = None
    start = 0  # where the text of the current run starts
    close = m.DISPLAY_CLOSE
    if not _DISPLAY_MARKS:
        _DISPLAY_MARKS.append(re.compile("[" + re.escape("".join(m.DISPLAYS) + close) + "]"))
    for found in _DISPLAY_MARKS[0].finditer(text):
        ch, at = found.group(), found.start()
        if ch != close:
            if depth == 0:
                if at > start:
                    runs.append((None, text[start:at]))
                start = at + 1
                kind = m.DISPLAYS[ch]
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                runs.append((kind, text[start:at]))
                start = at + 1
                kind = None
    if start < len(text):
        runs.append((None, text[start:]))
    return runs


_DISPLAY_TOKENS = {ord(ch): None for ch in (*m.DISPLAYS, m.DISPLAY_CLOSE) if len(ch) == 1}
_remove_display_tokens = m.translator(_DISPLAY_TOKENS)


def _strip_display(text: str) -> str:
    if isinstance(text, str):
        return _remove_display_tokens(text)
    return "".join(ch for ch in text if ch not in m.DISPLAYS and ch != m.DISPLAY_CLOSE)


_TRAILING_PUNCTUATION = re.compile(r"^[.,;:!?\s]+$")


def _migrate_punctuation(runs: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """Punctuation after the last display (the layout's suffix) moves into it."""
    if len(runs) > 1 and runs[-1][0] is None and runs[-2][0] is not None:
        tail = runs[-1][1]
        if _TRAILING_PUNCTUATION.match(m.strip_tokens(tail)):
            return [*runs[:-2], (runs[-2][0], runs[-2][1] + tail)]
    return runs


def render_entry(text: str, fmt: str) -> str:
    """A bibliography entry: html keeps display divs; other formats lay them out inline."""
    runs = _migrate_punctuation(split_display(text))
    if fmt == "html":
        parts = []
        for index, (kind, content) in enumerate(runs):
            body = render_inline(_strip_display(content), fmt)
            if index == len(runs) - 1 and kind is not None:
                body = body.rstrip()
            if index == 0 and kind is not None:
                body = body.lstrip()
            if kind is None:
                parts.append(body)
            else:
                parts.append(f'<div class="csl-{kind}">{body}</div>')
        return "".join(parts)
    # as citeproc-js's text format: a left margin is followed by a space, an indented block
    # starts an indented line; a block is a line of its own
    pieces: list[str] = []
    for kind, content in runs:
        body = render_inline(_strip_display(content), fmt)
        if kind == "left-margin":
            body += " "
        elif kind == "block":
            body = "\n" + body + "\n"
        elif kind == "indent":
            body = "\n    " + body
        pieces.append(body)
    return re.sub(r"\n\s*\n", "\n", "".join(pieces)).strip()


def render_citation(text: str, fmt: str) -> str:
    if fmt == "html":
        return render_inline(_strip_display(text), fmt)
    return render_inline(_strip_display(text), fmt).strip("\n")
