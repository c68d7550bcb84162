"""Rich text in item data: HTML-like tags and straight quotes become markup tokens.

CSL-JSON allows ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>``,
``<span style="font-variant:small-caps;">`` and ``<span class="nocase">`` inside
string fields.  Straight quotes (``"..."`` and ``'...'``) are quotations whose
level is resolved at output time; any other ``'`` is an apostrophe.
"""

from __future__ import annotations

import re

from citeproc.string import MixedString, NoCase, String

from . import markup as m

_TAG = re.compile(
    r"<(/?)(i|b|sup|sub|sc|span)(\s+[^>]*)?>",
    re.IGNORECASE,
)
_SIMPLE = {
    "i": m.ITALIC,
    "b": m.BOLD,
    "sup": m.SUPERSCRIPT,
    "sub": m.SUBSCRIPT,
    "sc": m.SMALLCAPS,
}
_WORDCHAR = re.compile(r"\w", re.UNICODE)


def _span_kind(attrs: str) -> str | None:
    a = attrs.replace(" ", "").lower()
    if 'class="nocase"' in a:
        return "nocase"
    if "font-variant:small-caps" in a:
        return "sc"
    if "font-style:normal" in a:
        return "normal"
    if "font-style:italic" in a:
        return "i"
    if "font-weight:bold" in a:
        return "b"
    return None


def _quotes(text: str) -> str:
    """Turn straight quotes into quote tokens, other single quotes into apostrophes."""
    out: list[str] = []
    open_double = False
    open_single = 0
    n = len(text)
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == '"':
            if not open_double and not _WORDCHAR.match(prev):
                out.append(m.QUOTE[0])
                open_double = True
            elif open_double:
                out.append(m.QUOTE[1])
                open_double = False
            else:
                out.append("\u201d")
        elif ch == "'":
            opening = (not _WORDCHAR.match(prev)) and (_WORDCHAR.match(nxt) or nxt in "\"“")
            if opening and "'" in text[i + 1 :] and _has_closing(text, i + 1):
                out.append(m.QUOTE[0])
                open_single += 1
            elif open_single and not _WORDCHAR.match(nxt):
                out.append(m.QUOTE[1])
                open_single -= 1
            else:
                out.append("\u2019")
        else:
            out.append(ch)
    if open_double:  # unbalanced: put it back as a plain closing quote mark
        idx = len(out) - 1 - out[::-1].index(m.QUOTE[0])
        out[idx] = "\u201c"
    return "".join(out)


def _has_closing(text: str, start: int) -> bool:
    for j in range(start, len(text)):
        if text[j] == "'":
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if not _WORDCHAR.match(nxt):
                return True
    return False


def parse(value) -> MixedString | String:
    """Parse one CSL-JSON string field into citeproc-py strings with tokens."""
    text = str(value)
    if "<" not in text and '"' not in text and "'" not in text:
        return String(text)
    segments: list[String] = []
    stack: list[tuple[str, ...]] = []
    nocase_depth = 0
    pos = 0
    buf: list[str] = []

    def flush() -> None:
        if buf:
            chunk = _quotes("".join(buf))
            segments.append(NoCase(chunk) if nocase_depth else String(chunk))
            buf.clear()

    for match in _TAG.finditer(text):
        buf.append(text[pos : match.start()])
        pos = match.end()
        closing, tag, attrs = match.group(1), match.group(2).lower(), match.group(3) or ""
        if not closing:
            kind = _span_kind(attrs) if tag == "span" else tag
            if kind is None and tag == "span":
                stack.append(("span-plain",))
                continue
            flush()
            if kind == "nocase":
                nocase_depth += 1
                stack.append(("nocase",))
            else:
                pair = _SIMPLE.get(kind) or m.NORMAL_STYLE
                segments.append(String(pair[0]))
                stack.append(("fmt", pair[1]))
        else:
            if not stack:
                buf.append(match.group(0))
                continue
            flush()
            top = stack.pop()
            if top[0] == "nocase":
                nocase_depth -= 1
            elif top[0] == "fmt":
                segments.append(String(top[1]))
    buf.append(text[pos:])
    flush()
    while stack:
        top = stack.pop()
        if top[0] == "fmt":
            segments.append(String(top[1]))
    if len(segments) == 1 and type(segments[0]) is String:
        return segments[0]
    return MixedString(segments)
