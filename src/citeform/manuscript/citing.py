"""Render every citation of a manuscript as one CSL document.

Both the Markdown job and the pandoc filter hand over the document's citations in text order
(:class:`Citation`); this module decides what the engine sees (the same clusters as
``citeform cite --in-text`` for in-text styles; one note per citation, in note order, for note
styles), renders them and the bibliography in one call, and gives back, per citation, the text
that stays where the citation was and the text of the note it becomes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..engine.citations import NO_AUTHOR_FORM, NO_PRINTED_FORM
from ..engine.citations import is_placeholder as _is_placeholder
from ..errors import DataError, UsageError

Cite = dict[str, Any]

_CLASS = re.compile(r"<style\b[^>]*?\bclass\s*=\s*[\"']([A-Za-z-]+)[\"']", re.S)


@dataclass
class Citation:
    """One citation of the document, as the reader found it.

    ``cluster``: the cites (:func:`citeform.intext.parse_clusters`'s form); ``note``: the
    number of the footnote it is in (``None`` in the running text); ``bracketed``: ``[@a]``
    (``False`` for a narrative ``@a``); ``where``: its place for messages
    (``file:line:column``).
    """

    cluster: list[Cite]
    note: int | None = None
    bracketed: bool = True
    where: str = ""
    note_index: int = 0  # note styles: the number of the note it is in or becomes


@dataclass
class Rendered:
    """What one citation becomes: ``text`` stays in place; ``note`` (note styles, running
    text only) is the text of the footnote it becomes; ``ids`` are the known keys it cites."""

    text: str = ""
    note: str | None = None
    ids: list[str] = field(default_factory=list)
    linked: bool = False  # its parts already link to their entries


@dataclass
class Document:
    """Every citation rendered, and the bibliography (entries and their keys)."""

    citations: list[Rendered]
    bibliography: list[str]
    bibliography_ids: list[str]
    note_style: bool


def is_note_style(resolved: Any) -> bool:
    """Whether a resolved CSL style (:class:`citeform.styles.Style`) is a note style."""
    if resolved.xml:
        head = resolved.xml[:8000]
    else:
        try:
            with open(resolved.path, encoding="utf-8", errors="replace") as f:
                head = f.read(8000)
        except OSError:
            return False
    m = _CLASS.search(head)
    return bool(m and m.group(1) == "note")


def note_numbers(events: Sequence[tuple[str, Any]], note_style: bool) -> dict[Any, int]:
    """Footnote numbers in the order of their marks in the running text.

    ``events``: in text order, ``("mark", label)`` for a footnote reference and
    ``("cite", token)`` for a citation in the running text (a note of its own in a note
    style). Returns the number of each label and, in a note style, of each cite token.
    """
    numbers: dict[Any, int] = {}
    n = 0
    for kind, token in events:
        if kind == "mark":
            if token not in numbers:
                n += 1
                numbers[token] = n
        elif note_style:
            n += 1
            numbers[token] = n
    return numbers


def render_document(
    citations: Sequence[Citation],
    records: Sequence[Any],
    style: str,
    *,
    fmt: str = "markdown",
    locale: str | None = None,
    nocite: Sequence[str] = (),
    warn: Callable[[str], None] | None = None,
    strict: bool = False,
    link: Callable[[str, str], str] | None = None,
) -> Document:
    """Render ``citations`` (in text order) and the bibliography of what they cite.

    ``link(text, key)``: how the part of a citation of several records that cites ``key``
    links to its entry (a citation of one record is linked whole by the caller).

    ``records``: the loaded records; ``nocite``: keys to list in the bibliography without
    citing them (``"*"``: every record). An unknown key renders as ``**key?**`` and is a
    warning, or with ``strict`` a :class:`DataError` naming every place.
    """
    from .. import styles
    from ..api import render

    resolved = styles.resolve(style)
    if resolved.writer:
        raise UsageError(f"style {style!r} writes BibTeX; a manuscript needs a CSL style")
    note_style = is_note_style(resolved)
    by_key = {r.key: r for r in records}
    bold = _bold(fmt)

    # which cites are known; the unknown ones are reported where they are
    problems: list[DataError] = []
    known: list[list[Cite]] = []
    messages: dict[str, str] = {}  # one "did you mean" search per unknown key
    for c in citations:
        kept = []
        for cite in c.cluster:
            if cite["id"] in by_key:
                kept.append(cite)
            else:
                key = cite["id"]
                if key not in messages:
                    messages[key] = _unknown(key, by_key)
                problems.append(DataError(messages[key], file=c.where or None))
        known.append(kept)
    for p in problems:
        if strict:
            continue
        if warn:
            warn(p.format())
    if strict and problems:
        from ..records.load import LoadErrors

        raise LoadErrors(problems)

    cited: list[str] = []
    for cluster in known:
        cited += [c["id"] for c in cluster if c["id"] not in cited]
    extra = _nocite_ids(nocite, records, cited, by_key, warn, strict)
    chosen_keys = cited + extra
    if not chosen_keys:
        return Document([_unknown_only(c, bold) for c in citations], [], [], note_style)
    chosen = [by_key[k] for k in chosen_keys]
    from ..records.requirements import enforce

    enforce(chosen, strict, warn)

    plan = _plan(citations, known, note_style)
    main = [step.cluster for step in plan] + [[{"id": k}] for k in extra]
    if note_style:
        last = max((c.note_index for c in citations), default=0) + 1
        main = [_with_note(cl, step.note_index) for cl, step in zip(main, plan)] + [
            _with_note(cl, last + i) for i, cl in enumerate(main[len(plan):])]
    result = render(chosen, style, citations=main, format=fmt, locale=locale)
    texts = result.citations[: len(plan)]
    authors: dict[int, str] = {}
    narrative = [i for i, step in enumerate(plan) if step.author_of is not None]
    if note_style and narrative:
        # the author of a narrative citation in the form of the note it goes with (first or
        # subsequent): the same document, that cluster cited with the author only
        swapped = list(main)
        for i in narrative:
            swapped[i] = _with_note([{"id": _cite_of(main[i])["id"], "author-only": True}],
                                    plan[i].note_index)
        again = render(chosen, style, citations=swapped, format=fmt, locale=locale)
        authors = {plan[i].author_of: again.citations[i] for i in narrative}  # type: ignore[misc]
        authors.update(_ibid_authors(
            chosen, style, fmt, locale,
            {plan[i].author_of: _cite_of(main[i])["id"] for i in narrative  # type: ignore[misc]
             if not again.citations[i] or _is_placeholder(again.citations[i])}))

    linked: set[int] = set()
    if link is not None:
        entries = set(result.bibliography_ids)
        texts, linked = _link_parts(chosen, style, fmt, locale, main, plan, texts, entries,
                                    link)
    out = _assemble(citations, known, plan, texts, authors, note_style, bold)
    if warn:
        for c, done in zip(citations, out):
            text = done.note if done.note is not None else done.text
            if _is_placeholder(text):
                cited = "; ".join("@" + cite["id"] for cite in c.cluster)
                what = f"citation [{cited}]: a cite" if len(c.cluster) > 1 else \
                    f"citation [{cited}]"
                warn(DataError(f"{what} prints nothing in style {resolved.name}; "
                               f"{_marker(text)} stands in its place",
                               file=c.where or None).format())
    for step in plan:
        if step.citation in linked:
            out[step.citation].linked = True
    return Document(out, result.bibliography, result.bibliography_ids, note_style)


_OPEN, _CLOSE, _INDEX = "\ue000", "\ue001", 0xE100  # private-use marks around each cite
_MARKS = re.compile("[\ue000\ue001\ue100-\ue1ff]")
_MARKED = re.compile("\ue000([\ue100-\ue1ff])(.*?)\ue001", re.S)


def _link_parts(chosen: list[Any], style: str, fmt: str, locale: str | None, main: list[Any],
                plan: list[_Step], texts: list[str], entries: set[str],
                link: Callable[[str, str], str]) -> tuple[list[str], set[int]]:
    """The texts with each cite of a several-record citation linked to its entry.

    The document is rendered once more with a private-use mark around each of those cites;
    where the marks change nothing else in a citation (no sorting, collapsing or case
    change moved or merged them), its marked parts become links; elsewhere it stays as it is.
    """
    from ..api import render

    marked = list(main)
    which: list[int] = []
    for j, step in enumerate(plan):
        ids = [c["id"] for c in step.cluster]
        if step.part != "all" or len(set(ids)) < 2 or len(ids) > 0xFF:
            continue
        cites = [{**c, "prefix": _OPEN + chr(_INDEX + k) + c.get("prefix", ""),
                  "suffix": c.get("suffix", "") + _CLOSE} for k, c in enumerate(step.cluster)]
        marked[j] = _with_note(cites, step.note_index) if isinstance(main[j], dict) else cites
        which.append(j)
    if not which:
        return texts, set()
    again = render(chosen, style, citations=marked, format=fmt, locale=locale).citations
    out = list(texts)
    linked: set[int] = set()
    for j in which:
        text = again[j]
        if _MARKS.sub("", text) != texts[j]:
            continue
        cluster = plan[j].cluster

        def one(m: re.Match[str], cluster: list[Cite] = cluster) -> str:
            key = cluster[ord(m.group(1)) - _INDEX]["id"]
            inner = _MARKS.sub("", m.group(2))
            return link(inner, key) if key in entries and inner else inner

        out[j] = _MARKS.sub("", _MARKED.sub(one, text))
        linked.add(plan[j].citation)
    return out, linked


@dataclass
class _Step:
    """One engine cluster: which citation it belongs to and its part in it."""

    citation: int
    cluster: list[Cite]
    part: str  # "all", "author" (author only) or "rest" (author suppressed)
    note_index: int = 0
    author_of: int | None = None  # note styles: the citation whose author this cluster gives
    order: tuple[int, int] = (0, 0)


def _plan(citations: Sequence[Citation], known: list[list[Cite]], note_style: bool) -> list[_Step]:
    """The engine clusters, in the order the engine must see them."""
    steps: list[_Step] = []
    for i, (c, cluster) in enumerate(zip(citations, known)):
        if not cluster:
            continue
        plain = [{k: v for k, v in cite.items() if k != "mode"} for cite in cluster]
        narrative = len(cluster) == 1 and cluster[0].get("mode") == "author-in-text"
        note_index = c.note_index
        if not narrative:
            steps.append(_Step(i, plain, "all", note_index))
        elif note_style:
            # the note (author suppressed); the author comes from a second rendering
            steps.append(_Step(i, [{**plain[0], "suppress-author": True}], "rest", note_index,
                               author_of=i))
        else:
            # as ``cite --in-text``: the author alone, then the rest without the author
            steps.append(_Step(i, [{"id": plain[0]["id"], "author-only": True}], "author"))
            steps.append(_Step(i, [{**plain[0], "suppress-author": True}], "rest"))
    if note_style:
        for seq, step in enumerate(steps):
            step.order = (step.note_index, seq)
        steps.sort(key=lambda s: s.order)
    return steps


def _ibid_authors(chosen: list[Any], style: str, fmt: str, locale: str | None,
                  wanted: dict[int, str]) -> dict[int, str]:
    """The author of narrative citations whose note is an "ibid." (which prints no author):
    the author as a subsequent citation prints it, the same item cited before with another
    one between."""
    if not wanted:
        return {}
    from ..api import render

    other = "citeform-other"
    while any(r.key == other for r in chosen):
        other += "-"
    clusters: list[Any] = []
    for n, key in enumerate(wanted.values()):
        clusters += [_with_note([{"id": key}], 3 * n + 1),
                     _with_note([{"id": other}], 3 * n + 2),
                     _with_note([{"id": key, "author-only": True}], 3 * n + 3)]
    items = [*chosen, {"id": other, "type": "book", "title": "Other"}]
    got = render(items, style, citations=clusters, format=fmt, locale=locale).citations
    return {i: got[3 * n + 2] for n, i in enumerate(wanted)}


def _with_note(cluster: list[Cite], note_index: int) -> dict[str, Any]:
    return {"citationItems": cluster, "properties": {"noteIndex": note_index}}


def _cite_of(cluster: Any) -> Cite:
    return (cluster["citationItems"] if isinstance(cluster, dict) else cluster)[0]


def _assemble(citations: Sequence[Citation], known: list[list[Cite]], plan: list[_Step],
              texts: list[str], authors: dict[int, str], note_style: bool,
              bold: Callable[[str], str]) -> list[Rendered]:
    parts: dict[int, dict[str, str]] = {}
    for step, text in zip(plan, texts):
        if step.part == "author" and _is_placeholder(text):
            text = ""  # a style that prints no author in citations (numeric): as pandoc, none
        parts.setdefault(step.citation, {})[step.part] = text
    authors = {i: "" if _is_placeholder(a) else a for i, a in authors.items()}
    out: list[Rendered] = []
    for i, c in enumerate(citations):
        missing = [bold(cite["id"] + "?") for cite in c.cluster if cite["id"] not in
                   {k["id"] for k in known[i]}]
        got = parts.get(i)
        ids = list(dict.fromkeys(cite["id"] for cite in known[i]))
        if got is None:
            out.append(Rendered("; ".join(missing)))
            continue
        if "all" in got:
            text = _add_missing(got["all"], missing)
            if not note_style:
                out.append(Rendered(text, ids=ids))
            elif c.note is not None:
                out.append(Rendered(_in_parentheses(text) if c.bracketed else text, ids=ids))
            else:
                out.append(Rendered("", note=text, ids=ids))
            continue
        rest = _add_missing(got.get("rest", ""), missing)
        if not note_style:
            author = got.get("author", "")
            if author and author in rest:
                # the author-only cite printed what the citation prints anyway (an item without
                # author: citeproc-js prints its year, ``2001``): as pandoc, the citation alone
                author = ""
            out.append(Rendered(" ".join(t for t in (author, rest) if t), ids=ids))
            continue
        author = authors.get(i, "")
        if c.note is not None:
            out.append(Rendered(f"{author} {_in_parentheses(rest)}" if author and rest
                                else author or rest, ids=ids))
        else:
            out.append(Rendered(author, note=rest, ids=ids))
    return out


def _add_missing(text: str, missing: list[str]) -> str:
    """A rendered cluster with the unknown keys of the same citation added, as pandoc does:
    inside its closing parenthesis or bracket, else after it."""
    if not missing:
        return text
    tail = "; " + "; ".join(missing)
    for opener, closer in (("(", ")"), ("\\[", "\\]"), ("[", "]")):
        if text.startswith(opener) and text.endswith(closer):
            return text[: -len(closer)] + tail + closer
    if text.endswith("."):
        return text[:-1] + tail + "."
    return text + tail


def _in_parentheses(text: str) -> str:
    """A note style's citation inside a footnote, in parentheses as pandoc puts it (without
    the note's final period)."""
    return f"({text[:-1] if text.endswith('.') else text})"


def _unknown_only(c: Citation, bold: Callable[[str], str]) -> Rendered:
    return Rendered("; ".join(bold(cite["id"] + "?") for cite in c.cluster))


def _bold(fmt: str) -> Callable[[str], str]:
    if fmt == "html":
        import html

        return lambda s: f"<b>{html.escape(s, quote=False)}</b>"
    if fmt == "markdown":
        return lambda s: "**" + re.sub(r"([\\`*_{}\[\]<>#|~^$])", r"\\\1", s) + "**"
    return lambda s: s


def _unknown(key: str, by_key: dict[str, Any]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(by_key), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown record key {key!r}{hint}"


def _nocite_ids(nocite: Sequence[str], records: Sequence[Any], cited: list[str],
                by_key: dict[str, Any], warn: Callable[[str], None] | None,
                strict: bool) -> list[str]:
    extra: list[str] = []
    for key in nocite:
        if key == "*":
            extra += [r.key for r in records if r.key not in cited and r.key not in extra]
        elif key in by_key:
            if key not in cited and key not in extra:
                extra.append(key)
        elif strict:
            raise DataError(f"nocite: {_unknown(key, by_key)}")
        elif warn:
            warn(f"nocite: {_unknown(key, by_key)}")
    return extra


def _marker(text: str) -> str:
    """Which of citeproc-js's markers of a cite printing nothing ``text`` holds (any
    output format: Markdown escapes brackets and underscores)."""
    return NO_PRINTED_FORM if NO_PRINTED_FORM in text.replace("\\", "") else NO_AUTHOR_FORM
