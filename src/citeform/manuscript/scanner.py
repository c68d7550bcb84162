"""Find pandoc citations in a Markdown manuscript, as pandoc's Markdown reader finds them.

The scanner reads the text in two passes. The block pass marks what pandoc reads verbatim
(the YAML front matter, fenced and indented code blocks, raw HTML blocks such as ``<pre>``,
``<script>``, ``<style>`` and comments, LaTeX environments, link reference definitions), the
footnote definitions and the ``::: {#refs}`` div. The inline pass reads each paragraph and
skips code spans, raw HTML tags and comments, autolinks, TeX math, raw LaTeX commands,
escaped characters and link destinations; ``@`` after a letter or digit (an e-mail address)
starts no citation. Everything it finds is an :class:`Occurrence`: a span of the text to
replace, nothing else is touched.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ..intext import bracketed_cluster, narrative_cluster

Cite = dict[str, Any]

_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"( {0,3})([-+*]|\d+[.)]|#[.)]|[A-Za-z][.)]|\(\d+\)|\(@[\w-]*\))( +|$)")
_FOOTNOTE_DEF = re.compile(r" {0,3}\[\^([^\]\s]+)\]:[ \t]?")
_REF_DEF = re.compile(r" {0,3}\[(?!\^)[^\]]+\]:[ \t]")
_HTML_VERBATIM = re.compile(r" {0,3}<(pre|script|style|textarea)(?=[\s>])", re.I)
_HTML_COMMENT = re.compile(r" {0,3}<!--")
_LATEX_BEGIN = re.compile(r" {0,3}\\begin\{([^{}\s]+)\}")
_DIV_OPEN = re.compile(r" {0,3}(:{3,})[ \t]*(\{[^{}]*\}|[^\s:{}]+)[ \t]*(:*)[ \t]*$")
_DIV_CLOSE = re.compile(r" {0,3}(:{3,})[ \t]*$")
_REFS_ATTR = re.compile(r"\{[^{}]*#refs(?=[\s}])[^{}]*\}")
_EXAMPLE_REF = re.compile(r"@([\w-]+)\)")
_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s\"'<>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?")
_VERBATIM_TAGS = ("pre", "script", "style", "textarea")
_LINK_TARGET = re.compile(
    r"""\(\s*(?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"""
    r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)""")
_ATTRIBUTES = re.compile(
    r"""\{\s*(?:(?:[#.][^\s{}"'=]+|[A-Za-z_][\w:.-]*=(?:"[^"]*"|'[^']*'|[^\s{}"']+)|-|"""
    r"""=[A-Za-z]+)\s*)*\}""")
_HIDING = re.compile(r"[\\`<$\]]")  # what can start code, raw HTML or LaTeX, math, a link
_BLANK = "\u2063"  # stands for hidden text: neither a word, a space nor punctuation
_BRACKETS = re.compile(r"[\\`$()\[\]{}]")
_SPECIAL = re.compile(r"[\\`<$^\[!@-]")  # what can start a citation or hide one


@dataclass
class Occurrence:
    """One citation in the manuscript: the span ``text[start:end]`` and what it cites."""

    start: int
    end: int
    cluster: list[Cite]
    line: int
    column: int
    note: str | None = None  # the footnote it is in: a label, or "^N" for an inline note
    bracketed: bool = True  # ``[@a]`` (False: a narrative ``@a`` or ``@a [p. 3]``)


@dataclass
class NoteMark:
    """Where a footnote is referenced in the running text (``[^label]`` or ``^[...]``)."""

    start: int
    label: str  # the footnote's label, or "^N" for the N-th inline note


@dataclass
class Scan:
    """What :func:`scan` finds."""

    occurrences: list[Occurrence] = field(default_factory=list)
    note_marks: list[NoteMark] = field(default_factory=list)
    footnote_labels: set[str] = field(default_factory=set)
    example_labels: set[str] = field(default_factory=set)  # pandoc's (@label) example lists
    refs_div: tuple[int, int] | None = None  # (end of the opening line, start of the closing line)
    front_matter: tuple[int, int] | None = None  # (start, end) of the YAML block's text
    front_matter_end: int = 0  # where the text after the front matter starts


class _Lines:
    """The text's lines with their offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        if self.starts[-1] == len(text) and len(self.starts) > 1:
            self.starts.pop()
        self.count = len(self.starts) if text else 0

    def line(self, i: int) -> str:
        """Line ``i`` without its line break."""
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[i]:end].rstrip("\r\n")

    def end(self, i: int) -> int:
        """Offset of the end of line ``i`` (before its line break)."""
        return self.starts[i] + len(self.line(i))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def _indent(line: str) -> int:
    n = 0
    for c in line:
        if c == " ":
            n += 1
        elif c == "\t":
            n += 4 - n % 4
        else:
            break
    return n


def _blank(line: str) -> bool:
    return not line.strip()


def front_matter_span(text: str) -> tuple[int, int, int] | None:
    """(start, end, after) of a YAML block at the very top: its text is ``text[start:end]``,
    the manuscript goes on at ``after``; ``None`` without one."""
    body = text[1:] if text.startswith("\ufeff") else text
    skip = len(text) - len(body)
    m = re.match(r"---[ \t]*\r?\n", body)
    if not m:
        return None
    if re.match(r"[ \t]*\r?\n", body[m.end():]):  # "---" then a blank line is a rule
        return None
    for close in re.finditer(r"^(---|\.\.\.)[ \t]*(\r?\n|$)", body[m.end():], re.M):
        start = skip + m.end()
        return start, start + close.start(), start + close.end()
    return None


def scan(text: str, metadata: bool = True) -> Scan:
    """Every citation, footnote reference and the refs div of a manuscript, in text order
    (``metadata=False``: a YAML block at the top is text, not front matter)."""
    result = Scan()
    lines = _Lines(text)
    fm = front_matter_span(text) if metadata else None
    first = 0
    if fm is not None:
        result.front_matter = (fm[0], fm[1])
        result.front_matter_end = fm[2]
        first = bisect.bisect_left(lines.starts, fm[2]) if lines.count else 0
    paragraphs = _blocks(lines, first, result)
    inline = _Inline(text, lines, result)
    for start, end, note in paragraphs:
        inline.prepare(start, end)
        inline.run(start, end, note)
    # as pandoc: a footnote never referenced is dropped, a reference to no footnote is text
    marks = [m for m in result.note_marks
             if m.label.startswith("^") or m.label in result.footnote_labels]
    result.footnote_labels = {label.split("\x00")[0] for label in result.footnote_labels}
    referenced = {m.label for m in marks}
    result.note_marks = sorted(marks, key=lambda m: m.start)
    result.occurrences = sorted((o for o in result.occurrences
                                 if o.note is None or o.note in referenced),
                                key=lambda o: o.start)
    return result


def _blocks(lines: _Lines, first: int, result: Scan) -> list[tuple[int, int, str | None]]:
    """Paragraph spans (start, end, footnote label) outside what pandoc reads verbatim."""
    paragraphs: list[tuple[int, int, str | None]] = []
    para_start: int | None = None
    para_end = 0
    para_note: str | None = None
    prev_blank = True
    context: int | None = None  # content indent of the list item or footnote we are in
    note: str | None = None  # the footnote definition we are in
    divs: list[bool] = []  # open fenced divs: is it the refs div?
    refs_open: int | None = None
    unclosed: dict[str, int] = {}
    div_closers = [j for j in range(first, lines.count) if _DIV_CLOSE.match(lines.line(j))]

    def close_paragraph() -> None:
        nonlocal para_start
        if para_start is not None:
            paragraphs.append((para_start, para_end, para_note))
            para_start = None

    i = first
    n = lines.count
    while i < n:
        raw = lines.line(i)
        stripped = re.sub(r"^( {0,3}> ?)+", "", raw)
        quoted = len(stripped) != len(raw)
        ind = _indent(stripped)
        if _blank(stripped):
            if quoted and prev_blank and context is not None and _indent(raw) < context:
                context = None  # an empty block quote at the margin ends the list item too
                note = None
            close_paragraph()
            prev_blank = True
            i += 1
            continue
        # leaving a list item or footnote: a line that starts at the margin after a blank line
        if prev_blank and context is not None and ind < context and (
                note is not None or not _LIST_ITEM.match(stripped)):
            context = None
            note = None
        code_indent = 4 if context is None else context + 4
        if prev_blank and ind >= code_indent and para_start is None and not quoted:
            close_paragraph()
            while i < n and (_blank(lines.line(i)) or _indent(lines.line(i)) >= code_indent):
                i += 1
            prev_blank = _blank(lines.line(i - 1))
            continue
        fence = _FENCE.match(stripped)
        closing = _fence_end(lines, i, fence.group(1), unclosed) if fence else None
        if closing is not None:  # pandoc reads a fence that is never closed as text
            close_paragraph()
            i = closing + 1
            prev_blank = False
            continue
        skip = _verbatim_block(lines, i, stripped, unclosed)
        if skip is not None:
            close_paragraph()
            i = skip
            prev_blank = False
            continue
        if para_start is None and _REF_DEF.match(stripped):
            i += 1
            prev_blank = False
            continue
        div_open = _DIV_OPEN.match(stripped)
        if div_open and not _closed_later(div_closers, i):
            div_open = None  # pandoc reads a div that is never closed as text
        div_close = _DIV_CLOSE.match(stripped) if not div_open else None
        if div_open or (div_close and divs):
            close_paragraph()
            if div_open:
                is_refs = bool(_REFS_ATTR.fullmatch(div_open.group(2)))
                divs.append(is_refs)
                if is_refs and result.refs_div is None and refs_open is None:
                    refs_open = lines.end(i)
            else:
                if divs.pop() and refs_open is not None and result.refs_div is None:
                    result.refs_div = (refs_open, lines.starts[i])
            i += 1
            prev_blank = False
            continue
        footnote = _FOOTNOTE_DEF.match(stripped) if para_start is None or prev_blank else None
        item = _LIST_ITEM.match(stripped)
        if item is None and context is not None:  # a list nested in a list item
            nested = _LIST_ITEM.match(stripped.lstrip(" \t"))
            if nested is not None:
                item, offset0 = nested, len(stripped) - len(stripped.lstrip(" \t"))
        offset0 = 0 if item is None or _LIST_ITEM.match(stripped) else offset0
        if footnote:
            close_paragraph()
            note = footnote.group(1)
            if note in result.footnote_labels:
                note = f"{note}\x00{i}"  # defined twice: pandoc keeps the first one
            result.footnote_labels.add(note)
            context = 4
            start = lines.starts[i] + (len(raw) - len(stripped)) + footnote.end()
            para_start, para_end, para_note = start, lines.end(i), note
            prev_blank = False
            i += 1
            continue
        # a list item starts after a blank line or another item; inside a paragraph it is text
        if item and (prev_blank or para_start is None or context is not None):
            close_paragraph()
            if context is None or ind < 4 or note is None:
                context = len(item.group(0)) if item.group(3) else len(item.group(0)) + 1
            # the markers of this item and of the lists nested on its first line
            offset = offset0 + item.end()
            markers = [item]
            while offset < len(stripped) and (inner := _LIST_ITEM.match(stripped[offset:])):
                markers.append(inner)
                offset += inner.end()
            examples = [m.group(2)[2:-1] for m in markers if m.group(2).startswith("(@")]
            if examples:
                # an example list's marker, not a citation; "(@label)" in the text is then a
                # reference to it
                result.example_labels.update(examples)
                start = lines.starts[i] + (len(raw) - len(stripped)) + offset
                para_start, para_end, para_note = start, lines.end(i), note
                prev_blank = False
                i += 1
                continue
        if para_start is None:
            para_start, para_note = lines.starts[i], note
        para_end = lines.end(i)
        prev_blank = False
        i += 1
    close_paragraph()
    return paragraphs


def _closed_later(closers: list[int], i: int) -> bool:
    """Whether a div fence closes after line ``i``."""
    return bisect.bisect_right(closers, i) < len(closers)


def _fence_end(lines: _Lines, i: int, mark: str, unclosed: dict[str, int]) -> int | None:
    """The line that closes the code fence ``mark`` opened at line ``i``, if one does.

    ``unclosed`` remembers, per fence, the first line after which it is never closed, so
    that a text of unclosed fences is not searched again and again.
    """
    if unclosed.get(mark, lines.count + 1) <= i:
        return None
    closer = re.compile(r"[ \t]*" + re.escape(mark[0]) + "{" + str(len(mark)) + r",}[ \t]*$")
    for j in range(i + 1, lines.count):
        if closer.match(re.sub(r"^( {0,3}> ?)+", "", lines.line(j))):
            return j
    unclosed[mark] = min(i, unclosed.get(mark, i))
    return None


def _verbatim_block(lines: _Lines, i: int, line: str, unclosed: dict[str, int]) -> int | None:
    """The line after a raw HTML or LaTeX block starting at line ``i``, if one does (one
    that is never closed is text, as pandoc reads it)."""
    # raw HTML that ends on its own line is read inline, with what follows it
    m = _HTML_VERBATIM.match(line)
    if m:
        closer = r"</" + m.group(1).lower() + r"\s*>"
        return None if re.search(closer, line, re.I) else _until(lines, i, closer, unclosed)
    m = _HTML_COMMENT.match(line)
    if m:
        return None if "-->" in line[m.end():] else _until(lines, i, "-->", unclosed)
    m = _LATEX_BEGIN.match(line)
    if m:
        closer = r"\\end\{" + re.escape(m.group(1)) + r"\}"
        if re.search(closer, line[m.end():]):
            return i + 1
        return _until(lines, i, closer, unclosed)
    return None


def _until(lines: _Lines, i: int, closer: str, unclosed: dict[str, int]) -> int | None:
    """The line after the first line after ``i`` that the pattern ``closer`` finds; None
    when there is none (remembered in ``unclosed``: no search runs twice to the end)."""
    if unclosed.get(closer, lines.count + 1) <= i:
        return None
    pattern = re.compile(closer, re.I)
    for j in range(i + 1, lines.count):
        if pattern.search(lines.line(j)):
            return j + 1
    unclosed[closer] = min(i, unclosed.get(closer, i))
    return None


class _Inline:
    """The inline pass over one paragraph."""

    def __init__(self, text: str, lines: _Lines, result: Scan) -> None:
        self.text = text
        self.lines = lines
        self.result = result
        self.inline_notes = 0
        self.last_end = -1  # where the last citation found ends
        self.matches: dict[int, int] = {}  # an opening (, [ or { -> its closing one
        self.math_closers: list[int] = []  # where a $ can close inline math

    def prepare(self, start: int, end: int) -> None:
        """Match the brackets of a paragraph in one pass (each kind on its own, escapes and
        code spans skipped), so that no search for a closing bracket rescans the text."""
        text = self.text
        stacks: dict[str, list[int]] = {"(": [], "[": [], "{": []}
        closers = {")": "(", "]": "[", "}": "{"}
        self.matches = matches = {}
        self.math_closers = []
        self.no_close: dict[str, int] = {}
        i = start
        find = _BRACKETS.search
        while True:
            found = find(text, i, end)
            if found is None:
                break
            i = found.start()
            c = text[i]
            if c == "\\":
                i += 2
                continue
            if c == "`":
                i = self._code_span(i, end)
                continue
            if c == "$":
                if i > start and not text[i - 1].isspace() and \
                        not (i + 1 < end and text[i + 1].isdigit()):
                    self.math_closers.append(i)
            elif c in stacks:
                stacks[c].append(i)
            else:
                stack = stacks[closers[c]]
                if stack:
                    matches[stack.pop()] = i
            i += 1

    def run(self, start: int, end: int, note: str | None) -> None:
        text = self.text
        i = start
        special = _SPECIAL.search
        while i < end:
            found = special(text, i, end)
            if found is None:
                return
            i = found.start()
            c = text[i]
            if c == "\\":
                i = self._backslash(i, end)
            elif c == "`":
                i = self._code_span(i, end)
            elif c == "<":
                i = self._angle(i, end)
            elif c == "$":
                i = self._math(i, end)
            elif c == "^" and i + 1 < end and text[i + 1] == "[":
                close = self._closing(i + 1, end)
                if close is None:
                    i += 1
                    continue
                if note is None:
                    self.inline_notes += 1
                    label = f"^{self.inline_notes}"
                    self.result.note_marks.append(NoteMark(i, label))
                    self.run(i + 2, close, label)
                else:
                    self.run(i + 2, close, note)
                i = close + 1
            elif c == "[" or (c == "!" and i + 1 < end and text[i + 1] == "["):
                i = self._bracket(i + (c == "!"), end, note)
            elif c in "@-":
                i = self._narrative(i, end, note)
            else:
                i += 1

    def _backslash(self, i: int, end: int) -> int:
        text = self.text
        if i + 1 < end and text[i + 1] in _ESCAPABLE:
            return i + 2
        m = _LATEX_COMMAND.match(text, i, end)
        if not m:
            return i + 1
        j = m.end()
        # raw LaTeX: the command with its [optional] arguments, then its {braced} ones
        for opener in "[{":
            while j < end and text[j] == opener:
                close = self._balanced(j, end)
                if close is None:
                    return j
                j = close + 1
        return j

    def _balanced(self, i: int, end: int, opener: str = "", closer: str = "") -> int | None:
        """The bracket closing the one at ``i``, if it closes before ``end``."""
        close = self.matches.get(i)
        return close if close is not None and close < end else None

    def _code_span(self, i: int, end: int) -> int:
        text = self.text
        j = i
        while j < end and text[j] == "`":
            j += 1
        ticks = text[i:j]
        k = j
        while True:
            k = text.find(ticks, k, end)
            if k < 0:
                return j  # no closing run: the backticks are text
            stop = k + len(ticks)
            if stop < end and text[stop] == "`":
                while stop < end and text[stop] == "`":
                    stop += 1
                k = stop
                continue
            return stop

    def _angle(self, i: int, end: int) -> int:
        text = self.text
        if text.startswith("<!--", i):
            k = text.find("-->", i + 4, end)
            return end if k < 0 else k + 3
        m = _AUTOLINK.match(text, i, end)
        if m:
            return m.end()
        m = _TAG.match(text, i, end)
        if not m:
            return i + 1
        name = re.match(r"</?([A-Za-z0-9-]+)", m.group(0)).group(1).lower()  # type: ignore[union-attr]
        if name in _VERBATIM_TAGS and not m.group(0).startswith("</") and \
                self.no_close.get(name, end) > i:
            close = re.compile(r"</" + name + r"\s*>", re.I).search(text, m.end(), end)
            if close:
                return close.end()
            self.no_close[name] = i  # never closed: a tag like any other, here and after
        return m.end()

    def _math(self, i: int, end: int) -> int:
        text = self.text
        if text.startswith("$$", i):
            k = text.find("$$", i + 2, end)
            return i + 2 if k < 0 else k + 2
        if i + 1 >= end or text[i + 1].isspace():
            return i + 1
        # the first $ after the next character that can close: not after a space, not
        # before a digit
        k = bisect.bisect_right(self.math_closers, i + 1)
        if k < len(self.math_closers) and self.math_closers[k] < end:
            return self.math_closers[k] + 1
        return i + 1

    def _closing(self, i: int, end: int) -> int | None:
        """The ``]`` closing the ``[`` at ``i`` (code spans and escapes inside skipped)."""
        return self._balanced(i, end)

    def _bracket(self, i: int, end: int, note: str | None) -> int:
        text = self.text
        close = self._closing(i, end)
        if close is None:
            return i + 1
        body = text[i + 1 : close]
        after = text[close + 1] if close + 1 < end else ""
        if body.startswith("^") and note is None:
            label = body[1:]
            if label and not any(ch.isspace() for ch in label):
                self.result.note_marks.append(NoteMark(i, label))
                return close + 1
        if after == "[":
            # a reference link's text, or text: the brackets after it are read on their own
            # (pandoc reads a citation there when no link definition has that label)
            self.run(i + 1, close, note)
            return close + 1
        target = self._balanced(close + 1, end) if after in ("(", "{") else None
        if target is not None and (_LINK_TARGET if after == "(" else _ATTRIBUTES).fullmatch(
                text, close + 1, target + 1):
            # a link or span: its text may hold citations, its target or attributes not
            self.run(i + 1, close, note)
            return target + 1
        cluster = self._cluster(i + 1, close) if "@" in body else None
        if cluster is None:
            self.run(i + 1, close, note)
            return close + 1
        self._add(i, close + 1, cluster, note, True)
        return close + 1

    def _cluster(self, start: int, end: int) -> list[Cite] | None:
        """The citation cluster in ``text[start:end]`` (inside brackets), if there is one
        outside code, raw HTML and LaTeX, and math."""
        body = self.text[start:end]
        if not _HIDING.search(body):
            return bracketed_cluster(body)
        masked = self._masked(start, end)
        outside = bracketed_cluster(masked)
        if outside is None:
            return None
        whole = bracketed_cluster(body)
        same = whole is not None and [c["id"] for c in whole] == [c["id"] for c in outside]
        return whole if same else None

    def _masked(self, start: int, end: int) -> str:
        """``text[start:end]`` with code, raw HTML and LaTeX and math blanked out."""
        text = self.text
        out: list[str] = []
        i = pos = start
        while True:
            found = _HIDING.search(text, i, end)
            if found is None:
                break
            i = found.start()
            c = text[i]
            if c == "\\" and i + 1 < end and text[i + 1] in _ESCAPABLE:
                i += 2
                continue
            if c == "]":
                target = self._balanced(i + 1, end) if text.startswith("(", i + 1) else None
                is_link = target is not None and _LINK_TARGET.fullmatch(text, i + 1, target + 1)
                stop = target + 1 if is_link else i + 1  # type: ignore[operator]
                if stop > i + 1:
                    out += [text[pos:i + 1], _BLANK * (stop - i - 1)]
                    pos = stop
                i = stop
                continue
            stop = {"\\": self._backslash, "`": self._code_span, "<": self._angle,
                    "$": self._math}[c](i, end)
            if stop > i + 1:
                out += [text[pos:i], _BLANK * (stop - i)]
                pos = stop
            i = max(stop, i + 1)
        out.append(text[pos:end])
        return "".join(out)

    def _narrative(self, i: int, end: int, note: str | None) -> int:
        text = self.text
        # after a word (an e-mail address) no citation starts; right after a citation one may
        if i > 0 and (text[i - 1].isalnum() or text[i - 1] == "\\") and i != self.last_end:
            return i + 1
        if text[i] == "-" and not text.startswith("-@", i):
            return i + 1
        if i > 0 and text[i - 1] == "(":
            ref = _EXAMPLE_REF.match(text, i, end)
            if ref and ref.group(1) in self.result.example_labels:
                return ref.end()
        # the text from the key to the end of the next line, or to the end of the first
        # bracket that starts there (a locator may follow on the next line)
        base = i
        first = text.find("\n", i, end)
        second = text.find("\n", first + 1, end) if first >= 0 else -1
        limit = end if second < 0 else second
        bracket = text.find("[", i, limit)
        if bracket >= 0:
            close = self._balanced(bracket, end)
            limit = bracket if close is None else max(limit, close + 1)
        found = narrative_cluster(text[base:limit], i - base)
        if found is None:
            return i + 1
        cluster, stop = found[0], found[1] + base
        self._add(i, stop, cluster, note, False)
        return stop

    def _add(self, start: int, end: int, cluster: list[Cite], note: str | None,
             bracketed: bool) -> None:
        self.last_end = end
        line, column = self.lines.position(start)
        self.result.occurrences.append(
            Occurrence(start, end, cluster, line, column, note, bracketed))
