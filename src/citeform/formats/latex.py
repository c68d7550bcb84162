"""LaTeX text in BibTeX fields <-> Unicode text with CSL's HTML-like rich-text markup."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexencode import UnicodeToLatexEncoder

# LaTeX specials and how they are written; braces use text commands because BibTeX counts
# every brace, escaped or not, when it reads a field.
_SPECIALS = {
    "\\": r"{\textbackslash}",
    "{": r"{\textbraceleft}",
    "}": r"{\textbraceright}",
    "&": r"{\&}",
    "%": r"{\%}",
    "$": r"{\$}",
    "#": r"{\#}",
    "_": r"{\_}",
    "~": r"{\textasciitilde}",
    "^": r"{\textasciicircum}",
}
_SPECIALS_RE = re.compile("[" + re.escape("".join(_SPECIALS)) + "]")

# CSL rich-text tags <-> LaTeX commands
_TAGS = {
    "<i>": r"\textit{",
    "<b>": r"\textbf{",
    "<sup>": r"\textsuperscript{",
    "<sub>": r"\textsubscript{",
    '<span style="font-variant:small-caps;">': r"\textsc{",
    '<span class="nocase">': "{",
}
_CLOSE = {"<i>": "</i>", "<b>": "</b>", "<sup>": "</sup>", "<sub>": "</sub>"}
_TAG_RE = re.compile(r"(</?(?:i|b|sup|sub|span)\b[^>]*>)")
_MARKUP_COMMANDS = {
    "textit": "i", "emph": "i", "textsl": "i", "it": "i",
    "textbf": "b", "bf": "b",
    "textsuperscript": "sup", "textsubscript": "sub",
    "textsc": "sc",
}
# private-use characters stand in for markup and braces while pylatexenc decodes
_NEEDS_DECODING = re.compile(r"[\\{}~$`]|--|''")
_LOGOS = re.compile(r"\\(BibTeX|LaTeXe|LaTeX|TeX|XeTeX|LuaTeX|ConTeXt)(?![A-Za-z])(?:\{\}|\s*)")
_OPEN_MARK, _CLOSE_MARK = "\ue000", "\ue001"
_PLACEHOLDERS = {
    r"\textbraceleft": ("\ue002", "{"),
    r"\textbraceright": ("\ue003", "}"),
    r"\textasciicircum": ("\ue004", "^"),
    r"\textasciitilde": ("\ue005", "~"),
    r"\{": ("\ue002", "{"),
    r"\}": ("\ue003", "}"),
}


@lru_cache(maxsize=1)
def _decoder() -> LatexNodes2Text:
    return LatexNodes2Text(strict_latex_spaces=True, keep_braced_groups=False)


@lru_cache(maxsize=1)
def _encoder() -> UnicodeToLatexEncoder:
    logging.getLogger("pylatexenc.latexencode").setLevel(logging.ERROR)
    return UnicodeToLatexEncoder(
        non_ascii_only=True,
        replacement_latex_protection="braces-all",
        unknown_char_policy="keep",
        unknown_char_warning=False,
    )


def _matching_brace(text: str, start: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``start`` (-1 when unbalanced)."""
    depth = 0
    i = start
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


_COMMAND_RE = re.compile(r"\\(" + "|".join(sorted(_MARKUP_COMMANDS, key=len, reverse=True)) + r")\s*\{")


def _mark_markup(text: str) -> str:
    """Replace ``\\textit{x}`` and friends by private markers pylatexenc leaves alone."""
    out: list[str] = []
    pos = 0
    for m in _COMMAND_RE.finditer(text):
        if m.start() < pos:
            continue
        end = _matching_brace(text, m.end() - 1)
        if end < 0:
            continue
        tag = _MARKUP_COMMANDS[m.group(1)]
        out.append(text[pos : m.start()])
        out.append(f"{_OPEN_MARK}{tag}{_CLOSE_MARK}{{{_mark_markup(text[m.end() : end])}}}"
                   f"{_OPEN_MARK}/{tag}{_CLOSE_MARK}")
        pos = end + 1
    out.append(text[pos:])
    return "".join(out)


def _unmark(text: str) -> str:
    def tag(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "sc":
            return '<span style="font-variant:small-caps;">'
        if name == "/sc":
            return "</span>"
        return f"<{name}>"

    return re.sub(f"{_OPEN_MARK}(/?\\w+){_CLOSE_MARK}", tag, text)


def decode(text: str) -> str:
    """LaTeX (as found in a BibTeX field) to Unicode; formatting commands become CSL markup."""
    if not _NEEDS_DECODING.search(text):  # plain text: most fields, and quickly
        return " ".join(text.split())
    # BibTeX does not treat % as a comment inside a field: keep a bare one as text
    text = re.sub(r"(?<!\\)%", r"\\%", text)
    text = _LOGOS.sub(lambda m: m.group(1), text)
    for command, (mark, _) in _PLACEHOLDERS.items():
        text = text.replace(command, mark)
    text = _mark_markup(text)
    out = _decoder().latex_to_text(text)
    for mark, char in _PLACEHOLDERS.values():
        out = out.replace(mark, char)
    out = out.replace("\xa0", " ")
    return " ".join(_unmark(out).split())


def decode_verbatim(text: str) -> str:
    """Fields such as ``url`` and ``doi`` are verbatim; only undo escaped specials."""
    return re.sub(r"\\([&%$#_{}~^])", r"\1", text).strip()


@lru_cache(maxsize=4096)
def _latex_char(char: str) -> str:
    """A character as LaTeX when that reads back as the same character, else as it is
    (Greek, Cyrillic and CJK letters stay UTF-8 even with ``ascii``)."""
    latex = _encoder().unicode_to_latex(char)
    return latex if latex != char and decode(latex) == char else char


def _escape_plain(text: str, ascii: bool) -> str:
    out = _SPECIALS_RE.sub(lambda m: _SPECIALS[m.group(0)], text)
    if ascii and not out.isascii():
        out = "".join(c if c.isascii() else _latex_char(c) for c in out)
    return out


def _needs_protection(word: str, first: bool) -> bool:
    """BibTeX lower-cases every letter of a title but the first: protect words with capitals."""
    letters = [c for c in word if c.isalpha()]
    if not any(c.isupper() for c in letters):
        return False
    if first:
        return any(c.isupper() for c in letters[1:])
    return True


def _flush(run: list[str], out: list[str]) -> None:
    """Write a run of protected words as ``{Word Word}``, its trailing space outside."""
    if not run:
        return
    trailing = run.pop() if run[-1].isspace() else ""
    out.append("{" + "".join(run) + "}" + trailing)
    run.clear()


def encode(text: str, *, ascii: bool = False, protect_case: bool = False) -> str:
    """Unicode text with CSL markup to LaTeX for a BibTeX field.

    ``ascii`` writes non-ASCII characters as LaTeX commands; ``protect_case`` braces words
    with capitals so that BibTeX styles do not lower-case them (``{DNA}``, ``{Paris}``).
    """
    parts = _TAG_RE.split(text)
    stack: list[str] = []
    out: list[str] = []
    first_word = True
    for i, part in enumerate(parts):
        if i % 2 == 1:
            if part in _TAGS:
                stack.append(part)
                out.append(_TAGS[part])
                continue
            if part.startswith("</") and stack and (_CLOSE.get(stack[-1], "</span>") == part):
                stack.pop()
                out.append("}")
                continue
            # a stray tag is plain text
        if not protect_case:
            out.append(_escape_plain(part, ascii))
            if part.strip():
                first_word = False
            continue
        nocase = bool(stack) and stack[-1] == '<span class="nocase">'
        run: list[str] = []  # consecutive words to protect share one pair of braces
        for token in re.split(r"(\s+)", part):
            if not token:
                continue
            if token.isspace():
                (run if run else out).append(token)
                continue
            escaped = _escape_plain(token, ascii)
            if not nocase and _needs_protection(token, first_word):
                run.append(escaped)
            else:
                _flush(run, out)
                out.append(escaped)
            first_word = False
        _flush(run, out)
    out.extend("}" for _ in stack)
    return "".join(out)
