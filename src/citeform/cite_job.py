"""The ``cite`` job as a library function: load -> select -> render -> assemble.

The CLI calls :func:`run`; scripts can too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    strict: bool = False,
    from_fmt: str | None = None,
    abbreviations: str | None = None,
) -> str:
    """The document ``citeform cite`` prints, as text.

    ``jobs``: processes that render the bibliography (``None``: one per core for large
    inputs); ``progress``: a bar on standard error when it is a terminal. A record that lacks
    what its type needs is rendered as it is, with one warning; ``strict``: such records stop
    the run instead (nothing printed). ``from_fmt``: read every input in this format (as
    ``--from``). ``abbreviations``: a journal abbreviation list (see :func:`citeform.api.render`).
    """
    from .engine.parallel import options

    with options(jobs=jobs, progress=progress):
        return _document(keys, paths, style, fmt, locale, clusters, with_bibliography,
                         ascii_only, warn, strict, from_fmt, abbreviations)


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
    strict: bool = False,
    from_fmt: str | None = None,
    abbreviations: str | None = None,
) -> str:
    from . import output
    from .api import journal_abbreviations, render
    from .records.load import load_records, select
    from .styles import resolve

    kwargs: dict[str, Any] = {"warn": warn} if warn else {}
    records = load_records(paths, fmt=from_fmt, **kwargs)
    resolved = resolve(style)
    # read once (a bad list is an error before anything is rendered), used by every render
    abbr = journal_abbreviations(resolved, abbreviations) or False

    def _require(chosen: Sequence[Any]) -> None:
        _check_requirements(chosen, strict, warn)
    engine_fmt = "text" if fmt == "json" else fmt

    if clusters:
        parsed = _parse_clusters(clusters)
        cited_keys: list[str] = []
        for cluster in parsed:
            cited_keys += [c["id"] for c in cluster if c["id"] not in cited_keys]
        chosen = select(records, list(keys) + [k for k in cited_keys if k not in keys])
        _require(chosen)
        engine_clusters, widths = _expand(parsed)
        res = render(chosen, style, citations=engine_clusters, format=engine_fmt, locale=locale,
                     ascii=ascii_only, abbreviations=abbr)
        citations = _join(res.citations, widths)
        if fmt == "json":
            return output.json_document(
                [{"ids": [c["id"] for c in cl], "citation": text} for cl, text in zip(parsed, citations)]
            )
        text = output.join_citations(citations, fmt)
        if with_bibliography:
            text += "\n" + _bibliography_document(res.bibliography, resolved.writer, fmt)
        return text

    chosen = select(records, keys) if keys else records
    if not chosen:
        raise UsageError("no records found (give -r PATH, or set CITEFORM_RECORDS)")
    _require(chosen)
    if fmt == "json":
        return _json(chosen, style, locale, abbr)
    res = render(chosen, style, format=engine_fmt, locale=locale, ascii=ascii_only,
                 abbreviations=abbr)
    return _bibliography_document(res.bibliography, resolved.writer, fmt)


def _check_requirements(records: Sequence[Any], strict: bool,
                        warn: Callable[[str], None] | None) -> None:
    """Records that lack what their type needs: one warning each (file, line, key, missing
    field), or with ``strict`` an error naming them all, one line each."""
    from .records.load import LoadErrors
    from .records.requirements import missing_requirements

    errors = [e for r in records for e in missing_requirements(r)]
    if errors and strict:
        raise LoadErrors(errors)
    if warn is None:
        from .records.load import _default_warn as warn
    for e in errors:
        warn(f"{e.format()}; rendered without it")


def _bibliography_document(entries: list[str], writer: str | None, fmt: str) -> str:
    from . import output

    if writer:
        return output.writer_document(entries)
    return output.join_entries(entries, fmt)


def _parse_clusters(clusters: Sequence[str]) -> list[list[dict[str, Any]]]:
    from .intext import parse_clusters

    parsed: list[list[dict[str, Any]]] = []
    for text in clusters:
        try:
            found = parse_clusters(text)
        except ValueError as e:
            raise UsageError(f"--in-text {text!r}: {e}") from None
        if not found:
            raise UsageError(f"--in-text {text!r}: no citation found (write e.g. '[@key]')")
        parsed += found
    return parsed


def _expand(parsed: list[list[dict[str, Any]]]) -> tuple[list[list[dict[str, Any]]], list[int]]:
    """Engine clusters for the parsed ones, and how many engine clusters make each output line.

    An author-in-text cite (pandoc's ``@key [p. 33]``) becomes two clusters rendered in the
    same document: the author alone, then the rest without the author ("Smith (2020, p. 33)").
    """
    engine: list[list[dict[str, Any]]] = []
    widths: list[int] = []
    for cluster in parsed:
        intext = [c for c in cluster if c.get("mode") == "author-in-text"]
        plain = [{k: v for k, v in c.items() if k != "mode"} for c in cluster]
        if intext and len(cluster) == 1:
            engine.append([{"id": plain[0]["id"], "author-only": True}])
            engine.append([{**plain[0], "suppress-author": True}])
            widths.append(2)
        else:
            engine.append(plain)
            widths.append(1)
    return engine, widths


def _join(rendered: list[str], widths: list[int]) -> list[str]:
    out, i = [], 0
    for w in widths:
        out.append(" ".join(t for t in rendered[i : i + w] if t))
        i += w
    return out


def _json(chosen: list[Any], style: str, locale: str | None, abbreviations: Any = None) -> str:
    """Per record: id, in-text citation, bibliography entry and neutral CSL-JSON."""
    from . import output
    from .api import render

    bib = render(chosen, style, format="text", locale=locale, abbreviations=abbreviations)
    cites = render(chosen, style, citations=[[{"id": r.key}] for r in chosen], format="text",
                   locale=locale, abbreviations=abbreviations)
    entry = dict(zip(bib.bibliography_ids, bib.bibliography))
    return output.json_document(
        [
            {"id": r.key, "citation": c, "bibliography": entry.get(r.key), "csl": r.csl}
            for r, c in zip(chosen, cites.citations)
        ]
    )
