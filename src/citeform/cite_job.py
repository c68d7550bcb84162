"""The ``cite`` job as a library function: load -> select -> render -> assemble.

The CLI calls :func:`run`; scripts can too.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

from .errors import UsageError


def run(
    keys: Sequence[str] = (),
    paths: Sequence[str] | None = None,
    style: str = "vancouver",
    fmt: str = "text",
    locale: str | None = None,
    clusters: Sequence[str] = (),
    with_bibliography: bool | None = None,
    ascii_only: bool = False,
    warn: Callable[[str], None] | None = None,
    jobs: int | None = None,
    progress: bool = False,
    nocite_all: bool = False,
    link_citations: bool = False,
    strict: bool = False,
    from_fmt: str | None = None,
    abbreviations: str | None = None,
) -> str:
    """The document ``citeform cite`` prints, as text.

    With ``clusters`` (pandoc citation syntax), the citations, then (``with_bibliography``)
    the bibliography of the cited records and of ``keys`` (cited or not, pandoc's ``nocite``;
    every record with ``nocite_all``). ``link_citations``: in HTML and Markdown, each citation
    links to its entry. ``jobs``: processes that render the bibliography (``None``: one per
    core for large inputs); ``progress``: a bar on standard error when it is a terminal. A
    record that lacks what its type needs is rendered as it is, with one warning; ``strict``:
    such records stop the run instead (nothing printed). ``from_fmt``: read every input in this
    format (as ``--from``). ``abbreviations``: a journal abbreviation list (see
    :func:`citeform.api.render`).
    """
    from .engine.parallel import options
    from .engine.pipeline import young_collections

    # loading keeps nearly everything it makes: fewer young collections (see there)
    with options(jobs=jobs, progress=progress), young_collections(freeze=False):
        return _document(keys, paths, style, fmt, locale, clusters, with_bibliography,
                         ascii_only, warn, nocite_all, link_citations, strict, from_fmt,
                         abbreviations)


# the data as written and the field lines of records kept for their CSL-JSON only (never
# changed: one empty mapping for all)
_NOTHING: dict[str, Any] = {}


def _csl_records(records: Iterable[Any]) -> tuple[list[Any], dict[str, Any]]:
    """Records kept for their CSL-JSON only, and the problems the check before rendering
    finds in them (:func:`citeform.records.requirements.problems`, by key; only records with
    some)."""
    from .records.load import Record
    from .records.requirements import problems

    kept, found = [], {}
    for rec in records:
        wrong, missing = problems(rec)
        if wrong or missing:
            found[rec.key] = (wrong, missing)
        kept.append(Record(rec.key, _NOTHING, rec.csl, rec.file, rec.line, _NOTHING))
    return kept, found


def refuse_own_records(output: str | None, paths: Sequence[str] | None) -> None:
    """A usage error when ``output`` (``-o``) is one of the record files the run reads: the
    bibliography would replace the records."""
    import os
    import stat

    from . import targets

    if targets.is_stdout(output):
        return
    assert output is not None
    try:
        out = os.stat(output)
    except OSError:
        return
    if not stat.S_ISREG(out.st_mode):
        return  # a device or FIFO is written into, not replaced
    from .records.load import STDIN, default_record_paths, iter_files

    for name in iter_files(paths or default_record_paths(), on_error=lambda _e: None):
        try:
            info = os.stat(name) if name != STDIN else None
        except OSError:
            continue
        if info is not None and (info.st_dev, info.st_ino) == (out.st_dev, out.st_ino):
            from .safe_text import shown

            raise UsageError(f"{shown(output)} is a record file this run reads; write the "
                             "bibliography to another file")


def _document(
    keys: Sequence[str],
    paths: Sequence[str] | None,
    style: str,
    fmt: str,
    locale: str | None,
    clusters: Sequence[str],
    with_bibliography: bool | None,
    ascii_only: bool,
    warn: Callable[[str], None] | None,
    nocite_all: bool = False,
    link_citations: bool = False,
    strict: bool = False,
    from_fmt: str | None = None,
    abbreviations: str | None = None,
) -> str:
    from .api import journal_abbreviations, render
    from .records.load import Record, iter_records, load_records, select
    from .records.requirements import Found, enforce
    from .styles import resolve

    if not clusters and nocite_all:
        raise UsageError("--nocite-all goes with --in-text (without it, 'citeform cite' lists "
                         "every record)")
    if not clusters and link_citations:
        raise UsageError("--link-citations goes with --in-text: it links citations to entries")
    from .engine.parallel import current

    kwargs: dict[str, Any] = {"warn": warn} if warn else {}
    found: dict[str, Found] | None = None
    if keys or clusters:
        records = load_records(paths, progress=current().progress, fmt=from_fmt, **kwargs)
    else:
        # every record is rendered: what the check before rendering needs is found as each
        # record is read, and only its CSL-JSON is kept (a large input never holds all the
        # records as written, their positions and their CSL-JSON at once)
        records, found = _csl_records(iter_records(paths, progress=current().progress,
                                                   fmt=from_fmt, **kwargs))
    _no_clusters_as_keys(keys, records)
    resolved = resolve(style)
    # read once (a bad list is an error before anything is rendered), used by every render
    abbr = journal_abbreviations(resolved, abbreviations) or False

    def require(chosen: Sequence[Any]) -> None:
        enforce(chosen, strict, warn, found)

    if warn and not locale:
        _check_style_locale(style, resolved, warn)
    engine_fmt = "text" if fmt == "json" else fmt

    if clusters:
        return _in_text(records, keys, style, resolved, fmt, locale, clusters, with_bibliography,
                        ascii_only, warn, nocite_all, link_citations, require, abbr)

    chosen = select(records, keys) if keys else records
    if not chosen:
        if paths:
            from .safe_text import shown

            names = ("standard input" if p == "-" else shown(p) for p in paths)
            raise UsageError(f"no records found in {', '.join(names)}")
        raise UsageError("no records found (give -r PATH, or set CITEFORM_RECORDS)")
    require(chosen)
    if fmt == "json":
        return _json(chosen, style, locale, abbr, resolved.writer)
    # rendering needs the CSL-JSON only: the records as written and their positions go now,
    # and the CSL-JSON as the engine takes each over, unless links are made from it
    from .links import LINKED_FORMATS

    items = [Record(r.key, _NOTHING, r.csl, r.file, None, _NOTHING) for r in chosen]
    del records, chosen
    any_items = bool(items)  # (rendering empties the list)
    res = render(items, style, format=engine_fmt, locale=locale, ascii=ascii_only,
                 abbreviations=abbr, consume=fmt not in LINKED_FORMATS)
    _warn_without_bibliography(res.bibliography, any_items, resolved, warn)
    return _bibliography_document(res.bibliography, res.bibliography_ids, resolved.writer, fmt,
                                  res.items)


def _in_text(records: list[Any], keys: Sequence[str], style: str, resolved: Any, fmt: str,
             locale: str | None, clusters: Sequence[str], with_bibliography: bool | None,
             ascii_only: bool, warn: Callable[[str], None] | None, nocite_all: bool,
             link_citations: bool, require: Callable[[Sequence[Any]], None],
             abbr: Any) -> str:
    """Citations of the clusters, then the bibliography of the cited and uncited records, as
    one document. ``require`` checks what the chosen records need; ``abbr``: the journal
    abbreviations every render gets."""
    from . import links, output
    from .api import render
    from .records.load import select
    from .safe_text import one_line

    parsed, sources = _parse_clusters(clusters)
    cited_keys: list[str] = []
    for cluster in parsed:
        cited_keys += [c["id"] for c in cluster if c["id"] not in cited_keys]
    uncited = [r.key for r in records] if nocite_all else list(keys)
    uncited = [k for k in dict.fromkeys(uncited) if k not in cited_keys]
    chosen = select(records, cited_keys + uncited)
    require(chosen)
    if with_bibliography is None:  # naming records to list means wanting the list
        with_bibliography = bool(keys) or nocite_all
    engine_fmt = "text" if fmt == "json" else fmt
    render_args = {"format": engine_fmt, "locale": locale, "ascii": ascii_only, "uncited": uncited,
                   "abbreviations": abbr}
    engine_clusters, widths = _expand(parsed)
    res = render(chosen, style, citations=engine_clusters, **render_args)
    lost = _author_forms_missing(res.citations, widths)
    if lost:
        # as pandoc: a style without an author form gets the normal citation
        for i in lost:
            if warn:
                warn(f"--in-text {sources[i]!r}: style {resolved.name} has no author-only "
                     f"form; @{parsed[i][0]['id']} printed as a normal citation")
        engine_clusters, widths = _expand(parsed, plain=set(lost))
        res = render(chosen, style, citations=engine_clusters, **render_args)
    rendered = res.citations
    if link_citations and fmt in links.LINKED_FORMATS and not resolved.writer:
        # as pandoc: in "Smith (2020, p. 5)" the part in brackets links, the name does not
        linker = links.CitationLinker(resolved, res.bibliography_ids, res.items, fmt)
        rendered = [text if any(c.get("author-only") for c in cl)
                    else linker.link(text, [c["id"] for c in cl])
                    for cl, text in zip(engine_clusters, rendered)]
    citations = [one_line(c) for c in _join(rendered, widths)]
    if warn:
        _warn_no_printed_form(citations, sources, resolved, warn)
    entries = [_safe_entry(e, resolved.writer) for e in res.bibliography] \
        if with_bibliography else []
    entry_ids = res.bibliography_ids if with_bibliography else []
    if with_bibliography:
        _warn_without_bibliography(entries, bool(chosen), resolved, warn)
    if fmt == "json":
        csl = {r.key: r.csl for r in chosen}
        cited = set(cited_keys)
        return output.json_document({
            "citations": [{"ids": [c["id"] for c in cl], "citation": text}
                          for cl, text in zip(parsed, citations)],
            "bibliography": [{"id": k, "bibliography": e, "cited": k in cited, "csl": csl.get(k)}
                             for k, e in zip(entry_ids, entries)],
        })
    cited_ids = [[c["id"] for c in cl] for cl in parsed]
    if not entries:
        return output.join_citations(citations, fmt, cited_ids)
    if resolved.writer:
        return (output.join_citations(citations, fmt, cited_ids) + "\n"
                + output.writer_document(entries))
    entries = _linked_entries(entries, entry_ids, fmt, res.items)
    if link_citations and fmt == "markdown":  # HTML entries carry their ids anyway
        entries = [links.entry_anchor(k) + e for k, e in zip(entry_ids, entries)]
    return output.in_text_document(citations, cited_ids, entries, entry_ids, fmt)


def _no_clusters_as_keys(keys: Sequence[str], records: list[Any]) -> None:
    """A citation cluster given where a record key goes (``--in-text '[@a]' '[@b]'``)."""
    known = {r.key for r in records}
    for key in keys:
        if key not in known and key.lstrip("-").startswith(("[", "@")):
            quoted = "'" + key.replace("'", "'\\''") + "'"  # as typed in a shell
            raise UsageError(f"unknown record key {key!r}: did you mean --in-text {quoted}?")


def _warn_no_printed_form(citations: list[str], sources: list[str], resolved: Any,
                          warn: Callable[[str], None]) -> None:
    """One warning per citation holding citeproc-js's marker of a cite that prints nothing."""
    from .engine.citations import is_placeholder

    for source, text in zip(sources, citations, strict=False):
        if is_placeholder(text):
            warn(f"--in-text {source!r}: a cite prints nothing in style {resolved.name}; "
                 "marked as citeproc-js marks it")


def _author_forms_missing(rendered: list[str], widths: list[int]) -> list[int]:
    """The clusters whose author-only part (the first of two) printed nothing usable: nothing,
    citeproc-js's marker, or what the citation part prints anyway (an item without author in a
    style that substitutes no title: citeproc-js's author-only cite prints its year, ``2001``,
    which would read ``2001 (2001)``)."""
    from .engine.citations import is_placeholder

    lost, i = [], 0
    for n, w in enumerate(widths):
        if w == 2:
            author = rendered[i].strip()
            if not author or is_placeholder(author) or author in rendered[i + 1]:
                lost.append(n)
        i += w
    return lost


def _warn_without_bibliography(entries: list[str], any_chosen: bool, resolved: Any,
                               warn: Callable[[str], None] | None) -> None:
    if any_chosen and not entries and not resolved.writer and warn:
        warn(f"style {resolved.name} has no bibliography (a notes style): only --in-text "
             "citations print")


def _check_style_locale(spec: str, resolved: Any, warn: Callable[[str], None]) -> None:
    """Warn when the locale a style asks for is not one citeform knows (en-US is used)."""
    from .engine import EngineError
    from .engine.loader import check_locale
    from .styles import style_locale

    wanted = style_locale(resolved)
    if not wanted:
        return
    try:
        check_locale(wanted)
    except EngineError:
        label = spec if resolved.path == spec else resolved.name
        warn(f"{label}: unknown default-locale {wanted!r}; using en-US (give -l LOCALE to choose)")



def _bibliography_document(entries: list[str], ids: list[str], writer: str | None, fmt: str,
                           items: dict[str, Any]) -> str:
    from . import output

    if writer:
        return output.writer_document(entries)
    from .safe_text import one_line

    return output.join_entries(_linked_entries([one_line(e) for e in entries], ids, fmt, items),
                               fmt, ids)


def _linked_entries(entries: list[str], ids: list[str], fmt: str, items: dict[str, Any]) -> list[str]:
    """HTML and Markdown entries with their DOIs and URLs as links."""
    from . import links

    if fmt not in links.LINKED_FORMATS:
        return entries
    return [links.link_entry(e, items.get(k) or {}, fmt) for e, k in zip(entries, ids)]


def _parse_clusters(clusters: Sequence[str]) -> tuple[list[list[dict[str, Any]]], list[str]]:
    """The clusters in the ``--in-text`` texts, and the text each came from."""
    from .intext import parse_clusters

    parsed: list[list[dict[str, Any]]] = []
    sources: list[str] = []
    for text in clusters:
        try:
            found = parse_clusters(text)
        except ValueError as e:
            raise UsageError(f"--in-text {text!r}: {e}") from None
        if not found:
            raise UsageError(f"--in-text {text!r}: no citation found (write e.g. '[@key]')")
        parsed += found
        sources += [text] * len(found)
    return parsed, sources


def _expand(parsed: list[list[dict[str, Any]]],
            plain: Collection[int] = ()) -> tuple[list[list[dict[str, Any]]], list[int]]:
    """Engine clusters for the parsed ones, and how many engine clusters make each output line.

    An author-in-text cite (pandoc's ``@key [p. 33]``) becomes two clusters rendered in the
    same document: the author alone, then the rest without the author ("Smith (2020, p. 33)");
    the clusters numbered in ``plain`` are cited normally instead.
    """
    engine: list[list[dict[str, Any]]] = []
    widths: list[int] = []
    for n, cluster in enumerate(parsed):
        intext = [c for c in cluster if c.get("mode") == "author-in-text"]
        bare = [{k: v for k, v in c.items() if k != "mode"} for c in cluster]
        if intext and len(cluster) == 1 and n not in plain:
            engine.append([{"id": bare[0]["id"], "author-only": True}])
            engine.append([{**bare[0], "suppress-author": True}])
            widths.append(2)
        else:
            engine.append(bare)
            widths.append(1)
    return engine, widths


def _join(rendered: list[str], widths: list[int]) -> list[str]:
    out, i = [], 0
    for w in widths:
        out.append(" ".join(t for t in rendered[i : i + w] if t))
        i += w
    return out


def _safe_entry(entry: str, writer: str | None) -> str:
    """A rendered entry without control characters: one line, or for a BibTeX/BibLaTeX
    writer's entry the lines it is written in."""
    from .safe_text import one_line

    if writer:
        return "\n".join(one_line(line) for line in entry.split("\n"))
    return one_line(entry)


def _json(chosen: list[Any], style: str, locale: str | None, abbreviations: Any = None,
          writer: str | None = None) -> str:
    """Per record: id, in-text citation, bibliography entry and neutral CSL-JSON."""
    from . import output
    from .api import render

    bib = render(chosen, style, format="text", locale=locale, abbreviations=abbreviations)
    cites = render(chosen, style, citations=[[{"id": r.key}] for r in chosen], format="text",
                   locale=locale, abbreviations=abbreviations)
    from .safe_text import one_line

    entry = dict(zip(bib.bibliography_ids,
                     [_safe_entry(b, writer) if isinstance(b, str) else b
                      for b in bib.bibliography]))
    return output.json_document(
        [
            {"id": r.key, "citation": one_line(c), "bibliography": entry.get(r.key), "csl": r.csl}
            for r, c in zip(chosen, cites.citations)
        ]
    )
