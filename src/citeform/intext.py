"""Parse pandoc citation syntax into citation clusters for :func:`citeform.render`.

Forms accepted (as pandoc's Markdown reader and its citeproc locator parser read them):

* ``[@a; @b]`` -- one bracketed cluster, citations separated by ``;``;
* ``[see @a, p. 5; also @b, chap. 2, and passim]`` -- prefixes, locators and suffixes;
* ``[-@a]`` -- suppress the author;
* ``@a`` -- a bare key is an *author-in-text* citation ("Smith (2020)"), ``-@a`` a bare
  citation with the author suppressed;
* ``@a [p. 33]`` -- author-in-text with a locator or suffix in the brackets that follow
  (more citations may follow a ``;``: ``@a [p. 33; @b]``);
* several clusters in one string (``[@a] and [@b; @c]`` gives two); other text is ignored,
  and so are Markdown links, footnotes and spans (``[text](url)``, ``[^1]``, ``[x]{.y}``).

Keys follow pandoc: ``@`` then a letter, digit or ``_``, then letters, digits, ``_`` and the
internal punctuation ``:.#$%&-+?<>~/`` (punctuation only when a letter or digit follows it),
or any text without white space in braces: ``@{https://doi.org/10.1/x}``. An ``@`` right
after a letter or digit (``me@example.org``) does not start a citation.

Each cite is a dict with ``id`` and, when present:

* ``prefix`` -- the text before the key, white space collapsed, with one trailing space;
* ``locator`` and ``label`` -- a CSL locator and its term (:data:`LOCATOR_LABELS`); a
  locator without a label (``@a, 33``) is a page; braces delimit a locator that is not
  numeric (``@a, {pp. iv, vi-xi}``, ``@a{ii, A, D-Z}``), and a braced locator without a
  recognised label has no ``label`` (the renderer's default applies);
* ``suffix`` -- what follows the locator, kept as pandoc keeps it (``", and passim"``);
  without a locator, a suffix that starts with neither a space nor punctuation gets a
  leading ``", "``;
* ``suppress-author: True`` for ``-@key``;
* ``mode: "author-in-text"`` for a bare ``@key`` or ``@key [...]``. The renderer prints
  such a cite as the author followed by the citation without the author
  ("Smith (2020, p. 33)"); this key is not part of CSL-JSON and is meant to be removed
  before the cite reaches the CSL processor.

Malformed input raises :class:`ValueError` with a one-line message that quotes the
offending text.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable
from typing import Any

__all__ = [
    "LOCATOR_LABELS", "bracketed_cluster", "narrative_cluster", "parse_cluster", "parse_clusters",
    "parse_locator",
]

Cite = dict[str, Any]

_TERMS: dict[str, tuple[str, ...]] = {
    "appendix": ("appendix", "appendices", "app.", "apps."),
    "article-locator": ("article", "articles", "art.", "arts."),
    "book": ("book", "books", "bk.", "bks."),
    "chapter": ("chapter", "chapters", "chap.", "chaps.", "ch."),
    "column": ("column", "columns", "col.", "cols."),
    "equation": ("equation", "equations", "eq.", "eqs."),
    "figure": ("figure", "figures", "fig.", "figs."),
    "folio": ("folio", "folios", "fol.", "fols."),
    "issue": ("issue", "issues"),
    "line": ("line", "lines", "l.", "ll."),
    "note": ("note", "notes", "n.", "nn."),
    "number": ("number", "numbers", "no.", "nos."),
    "opus": ("opus", "opera", "op.", "opp."),
    "page": ("page", "pages", "p.", "pp."),
    "paragraph": ("paragraph", "paragraphs", "para.", "paras.", "¶", "¶¶"),
    "part": ("part", "parts", "pt.", "pts."),
    "rule": ("rule", "rules", "r.", "rr."),
    "scene": ("scene", "scenes", "sc.", "scs."),
    "section": ("section", "sections", "sec.", "secs.", "§", "§§"),
    "sub-verbo": ("sub verbo", "sub verbis", "s.v.", "s.vv."),
    "supplement": ("supplement", "supplements", "supp.", "supps."),
    "table": ("table", "tables", "tbl.", "tbls."),
    "title-locator": ("title", "titles", "tit.", "tits."),
    "verse": ("verse", "verses", "v.", "vv."),
    "volume": ("volume", "volumes", "vol.", "vols."),
}

#: Locator label text (case-folded) -> CSL locator term.
LOCATOR_LABELS: dict[str, str] = {
    form.casefold(): term for term, forms in _TERMS.items() for form in forms
}
_LONGEST_LABEL = max(len(form) for form in LOCATOR_LABELS)

_KEY_PUNCT = frozenset(":.#$%&-+?<>~/")
_KEY_BODY = re.compile(r"\w(?:\w|[" + re.escape("".join(sorted(_KEY_PUNCT))) + r"](?=\w)|[:/](?=/))*")
_ESCAPABLE = frozenset(string.punctuation)
_ROMAN = re.compile(r"M*(?:CM)?D?(?:CD)?C*(?:XC)?L?(?:XL)?X*(?:IX)?V?(?:IV)?I*")
_DIGITS = frozenset("0123456789")


def parse_clusters(text: str) -> list[list[Cite]]:
    """All citation clusters in ``text``, in order (an empty list when there are none)."""
    clusters: list[list[Cite]] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            i += 2
            continue
        if c == "[":
            end = _closing(text, i)
            body = text[i + 1 : end]
            if _find_key(body, 0) is not None:
                clusters.append([_citation(seg, text[i : end + 1]) for seg in _segments(body)])
                i = end + 1
            elif body.startswith("^") or (end + 1 < n and text[end + 1] in "([{"):
                i = _skip_markdown(text, end + 1)
            else:
                raise ValueError(f"no citation key in {_show(text[i : end + 1])}")
            continue
        if c == "]":
            raise ValueError(f'unmatched "]" in {_show(text[max(0, i - 30) : i + 1])}')
        hit = _key_at(text, i)
        if hit is None:
            i += 1
            continue
        start, key_end, suppress, key = hit
        cluster, i = _author_in_text(text, _narrative_cite(key, suppress), start, key_end)
        clusters.append(cluster)
    return clusters


def parse_cluster(text: str) -> list[Cite]:
    """The one citation cluster in ``text``; more or fewer than one is a :class:`ValueError`."""
    clusters = parse_clusters(text)
    if not clusters:
        raise ValueError(f"no citation in {_show(text)}")
    if len(clusters) > 1:
        raise ValueError(f"expected one citation cluster, found {len(clusters)} in {_show(text)}")
    return clusters[0]


def parse_locator(suffix: str) -> tuple[str | None, str | None, str]:
    """Split a pandoc citation suffix into (locator, label, remaining suffix).

    ``", pp. 5-7, and passim"`` gives ``("5-7", "page", ", and passim")``. Without a
    locator the suffix comes back whole (with ``", "`` prepended when it starts with
    neither a space nor punctuation), and the locator and label are ``None``.
    """
    tokens = _tokenize(suffix)
    parser = _LocatorParser(tokens)
    i = 0
    if parser.tok(i) == ",":
        i += 1
    if parser.tok(i) == " ":
        i += 1
    found = parser.delimited(i) or parser.integrated(i)
    if found is None:
        return None, None, _maybe_add_comma(suffix)
    label, locator, end = found
    rest = "".join(tokens[end:])
    locator = locator.strip()
    if not locator:
        return None, None, _maybe_add_comma(rest)
    return locator, label or None, rest


# -- clusters -----------------------------------------------------------------------------


def bracketed_cluster(body: str) -> list[Cite] | None:
    """The cluster inside a ``[...]`` (``body``: what is between the brackets), or ``None``
    where pandoc reads no citation: no key, a part without a key, two keys in one part."""
    if _find_key(body, 0) is None:
        return None
    try:
        return [_citation(seg, body) for seg in _segments(body)]
    except ValueError:
        return None


def _narrative_cite(key: str, suppress: bool) -> Cite:
    """The cite of a bare ``@key`` (author in text) or ``-@key`` (author suppressed)."""
    return {"id": key, "suppress-author": True} if suppress else {"id": key, "mode": "author-in-text"}


def narrative_cluster(text: str, i: int) -> tuple[list[Cite], int] | None:
    """The cluster begun by a bare ``@key`` or ``-@key`` at ``i`` (with the ``[p. 33]`` that
    may follow it) and the index after it, or ``None`` when no citation starts at ``i``."""
    hit = _key_at(text, i)
    if hit is None:
        return None
    start, key_end, suppress, key = hit
    cite = _narrative_cite(key, suppress)
    try:
        return _author_in_text(text, cite, start, key_end)
    except ValueError:  # an unclosed "[" after the key: text, as pandoc reads it
        return [{k: v for k, v in cite.items() if k in ("id", "mode", "suppress-author")}], key_end



def _author_in_text(text: str, cite: Cite, start: int, key_end: int) -> tuple[list[Cite], int]:
    """The cluster begun by a bare key, taking ``[locator; more cites]`` right after it."""
    j = _skip_spnl(text, key_end)
    if j < len(text) and text[j] == "[" and text[j + 1 : j + 2] != "^":
        close = _closing(text, j)
        if text[close + 1 : close + 2] not in ("[", "("):
            segments = _segments(text[j + 1 : close])
            if _find_key(segments[0], 0) is None:
                whole = text[start : close + 1]
                add_suffix(cite, segments[0])
                return [cite] + [_citation(seg, whole) for seg in segments[1:]], close + 1
    return [cite], key_end


def _citation(segment: str, whole: str) -> Cite:
    """One ``prefix @key suffix`` part of a bracketed cluster."""
    hit = _find_key(segment, 0)
    if hit is None:
        raise ValueError(f"no citation key in {_show(segment)} (in {_show(whole)})")
    start, end, suppress, key = hit
    if _find_key(segment, end) is not None:
        raise ValueError(f'separate citations with ";" in {_show(whole)}')
    cite: Cite = {"id": key}
    prefix = _unescape(" ".join(segment[:start].split()))
    if prefix:
        cite["prefix"] = prefix + " "
    add_suffix(cite, segment[end:])
    if suppress:
        cite["suppress-author"] = True
    return cite


def add_suffix(cite: Cite, raw: str, escaped: bool = True) -> None:
    """Set the locator, label and suffix parsed from the text after a key (``escaped``: as
    typed in Markdown, backslash escapes and all; pandoc's AST holds it unescaped)."""
    body = " ".join(raw.split())
    if escaped:
        body = _unescape(body)
    if not body:
        return
    locator, label, suffix = parse_locator((" " if raw[0].isspace() else "") + body)
    if locator is not None:
        cite["locator"] = locator
        if label is not None:
            cite["label"] = label
    if suffix:
        cite["suffix"] = suffix


def _segments(body: str) -> list[str]:
    """``body`` split at the ``;`` that are outside brackets and braces."""
    if not any(c in body for c in "\\[]{}"):
        return body.split(";")  # (most clusters: every ';' splits)
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body) and body[i + 1] in _ESCAPABLE:
            i += 2
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth = max(0, depth - 1)
        elif c == ";" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return parts


def _closing(text: str, i: int) -> int:
    """Index of the ``]`` that closes the ``[`` at ``i``."""
    depth = 0
    j = i
    while j < len(text):
        c = text[j]
        if c == "\\" and j + 1 < len(text) and text[j + 1] in _ESCAPABLE:
            j += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ValueError(f'unclosed "[" in {_show(text[i:])}')


def _skip_markdown(text: str, i: int) -> int:
    """Past the ``(url)``, ``[ref]`` or ``{attributes}`` group at ``i``, if any."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    if i >= len(text) or text[i] not in pairs:
        return i
    opener, closer = text[i], pairs[text[i]]
    depth = 0
    for j in range(i, len(text)):
        if text[j] == opener:
            depth += 1
        elif text[j] == closer:
            depth -= 1
            if depth == 0:
                return j + 1
    raise ValueError(f'unclosed "{opener}" in {_show(text[i:])}')


def _skip_spnl(text: str, i: int) -> int:
    """Past spaces and tabs with at most one line break among them."""
    while i < len(text) and text[i] in " \t":
        i += 1
    if i < len(text) and text[i] == "\n":
        i += 1
        while i < len(text) and text[i] in " \t":
            i += 1
    return i


# -- keys ---------------------------------------------------------------------------------


def _find_key(text: str, i: int) -> tuple[int, int, bool, str] | None:
    """The first citation key at or after ``i``: (start, end, suppress-author, key)."""
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            i += 2
            continue
        if c in "-@":
            hit = _key_at(text, i)
            if hit is not None:
                return hit
        i += 1
    return None


def _key_at(text: str, i: int) -> tuple[int, int, bool, str] | None:
    """A citation key starting exactly at ``i`` (``@key`` or ``-@key``), if there is one."""
    if i > 0 and (text[i - 1].isalnum() or text[i - 1] == "\\"):
        return None
    suppress = text[i] == "-"
    at = i + 1 if suppress else i
    if at >= len(text) or text[at] != "@":
        return None
    read = _read_key(text, at + 1)
    if read is None:
        return None
    key, end = read
    return i, end, suppress, key


def _read_key(text: str, i: int) -> tuple[str, int] | None:
    """The key starting at ``i`` (just after ``@``) and the index after it."""
    n = len(text)
    if i < n and text[i] == "{":
        depth = 0
        for j in range(i, n):
            c = text[j]
            if c.isspace():
                return None
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    return (text[i + 1 : j], j + 1) if j > i + 1 else None
        return None
    # a word character, then word characters, key punctuation before a word character, and
    # ':' or '/' before '/' (\w is exactly str.isalnum() or '_', for every character)
    found = _KEY_BODY.match(text, i)
    if found is None:
        return None
    return found.group(), found.end()


# -- locators -----------------------------------------------------------------------------

_Word = tuple[bool, str, int]  # (has a digit or roman numeral, text, next token index)


class _LocatorParser:
    """A backtracking parser over suffix tokens, after citeproc's locator grammar."""

    _INTEGRATED_BRACES = (("(", ")"), ("[", "]"), ("{", "}"))
    _DELIMITED_BRACES = (("{", "}"), ("[", "]"))

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.n = len(tokens)

    def tok(self, i: int) -> str | None:
        return self.tokens[i] if i < self.n else None

    # the locator forms

    def delimited(self, i: int) -> tuple[str, str, int] | None:
        """``{label locator}``: (label or "", locator, next index)."""
        if self.tok(i) != "{":
            return None
        i += 1
        while self.tok(i) == " ":
            i += 1
        found = self.label(lambda j: j < self.n or None, i)
        if found is not None:
            label, i = found
        else:
            first = self.tok(i)
            label = "page" if first and first[0] in _DIGITS else ""
        words = self.balanced(self._DELIMITED_BRACES, self.any_token, i)
        locator = ""
        if words is not None:
            _, locator, i = words
        if self.tok(i) != "}":
            return None
        return label, locator, i + 1

    def integrated(self, i: int) -> tuple[str, str, int] | None:
        """``label locator`` or a bare numeric locator: (label, locator, next index)."""
        found = self.label(self.lim_roman, i)
        if found is not None:
            label, i = found
            implicit = False
        elif self.lim_digit(i) is not None:
            label, implicit = "page", True
        else:
            return None

        def accept(word: _Word | None) -> bool:
            if word is None:
                return False
            return bool(_DIGITS.intersection(word[1])) if implicit else word[0]

        first = self.word(not implicit, i)
        if not accept(first):
            return None
        assert first is not None
        parts = [first[1]]
        i = first[2]
        while accept(following := self.word(False, i)):
            assert following is not None
            parts.append(following[1])
            i = following[2]
        return label, "".join(parts), i

    def label(self, lim: Callable[[int], object], i: int) -> tuple[str, int] | None:
        """The longest locator label at ``i`` that ``lim`` accepts to follow it."""
        best: tuple[str, int] | None = None
        j = i
        while j < self.n:
            k = j + 1
            while lim(k) is None:
                if k >= self.n:
                    return best
                k += 1
            text = "".join(self.tokens[i:k]).strip()
            if len(text) > _LONGEST_LABEL:
                return best
            term = LOCATOR_LABELS.get(text.casefold())
            if term is not None:
                best = (term, k)
            j = k
        return best

    # locator words

    def lim_roman(self, i: int) -> _Word | None:
        word = self.word(True, i)
        return word if word is not None and word[0] else None

    def lim_digit(self, i: int) -> _Word | None:
        word = self.word(True, i)
        return word if word is not None and _DIGITS.intersection(word[1]) else None

    def word(self, first: bool, i: int) -> _Word | None:
        """An optional ``,``/``;`` (not on the first word), an optional space, a page sequence."""
        punct = ""
        tok = self.tok(i)
        if not first and tok in (",", ";"):
            punct = tok
            i += 1
        space = ""
        if self.tok(i) == " ":
            space = " "
            i += 1
        found = self.balanced(self._INTEGRATED_BRACES, self.page_seq, i)
        if found is None:
            return None
        return found[0], punct + space + found[1], found[2]

    def balanced(
        self,
        braces: tuple[tuple[str, str], ...],
        inner: Callable[[int], _Word | None],
        i: int,
    ) -> _Word | None:
        """One or more of ``inner``, each possibly wrapped in one level of ``braces``."""
        marks = {c for pair in braces for c in pair}

        def bare(j: int) -> _Word | None:
            return None if self.tok(j) in marks else inner(j)

        def surround(j: int) -> _Word | None:
            for opener, closer in reversed(braces):
                if self.tok(j) == opener:
                    mid = bare(j + 1) or (False, "", j + 1)
                    if self.tok(mid[2]) == closer:
                        return mid[0], opener + mid[1] + closer, mid[2] + 1
            return bare(j)

        digit, parts = False, []
        while (found := surround(i)) is not None:
            digit = digit or found[0]
            parts.append(found[1])
            i = found[2]
        return (digit, "".join(parts), i) if parts else None

    def any_token(self, i: int) -> _Word | None:
        tok = self.tok(i)
        return None if tok is None else (True, tok, i + 1)

    def page_seq(self, i: int) -> _Word | None:
        """``1``, ``1.2``, ``1.2.3`` or ``.2``."""
        unit = self.page_unit(i)
        if unit is None:
            return self.with_period(i)
        digit, text, i = unit
        while (more := self.with_period(i)) is not None:
            digit = digit or more[0]
            text += more[1]
            i = more[2]
        return digit, text, i

    def with_period(self, i: int) -> _Word | None:
        if self.tok(i) != ".":
            return None
        unit = self.page_unit(i + 1)
        return None if unit is None else (unit[0], "." + unit[1], unit[2])

    def page_unit(self, i: int) -> _Word | None:
        """A roman numeral, or tokens up to a space or punctuation other than ``-–:``."""
        tok = self.tok(i)
        if tok is None or tok == " ":
            return None
        if _ROMAN.fullmatch(tok.upper()):
            return True, tok, i + 1
        j = i
        while j < self.n and self.tokens[j] != " " and not _is_locator_punct(self.tokens[j]):
            j += 1
        if j == i:
            return None
        text = "".join(self.tokens[i:j])
        return bool(_DIGITS.intersection(text)), text, j


def _tokenize(text: str) -> list[str]:
    """Words, single punctuation characters (``:`` stays in words) and ``" "`` for spaces."""
    tokens: list[str] = []
    word: list[str] = []

    def flush() -> None:
        if word:
            tokens.append("".join(word))
            word.clear()

    for c in text:
        if c.isspace():
            flush()
            if not tokens or tokens[-1] != " ":
                tokens.append(" ")
        elif _is_punct(c) and c != ":":
            flush()
            tokens.append(c)
        else:
            word.append(c)
    flush()
    return tokens


def _is_punct(c: str) -> bool:
    return unicodedata.category(c).startswith("P")


def _is_locator_punct(tok: str) -> bool:
    return len(tok) == 1 and _is_punct(tok) and tok not in "-–:"


def _maybe_add_comma(suffix: str) -> str:
    if not suffix or suffix[0].isspace() or _is_punct(suffix[0]):
        return suffix
    return ", " + suffix


# -- text ---------------------------------------------------------------------------------


def _unescape(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def _show(text: str, limit: int = 60) -> str:
    """``text`` on one line, shortened, in double quotes for an error message."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return f'"{flat}"'
