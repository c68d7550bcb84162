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
) -> str:
    """The document ``citeform cite`` prints, as text.

    ``jobs``: processes that render the bibliography (``None``: one per core for large
    inputs); ``progress``: a bar on standard error when it is a terminal.
    """
    from .engine.parallel import options
    from .engine.pipeline import young_collections

    # loading keeps nearly everything it makes: fewer young collections (see there)
    with options(jobs=jobs, progress=progress), young_collections(freeze=False):
        return _document(keys, paths, style, fmt, locale, clusters, with_bibliography,
                         ascii_only, warn)


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
) -> str:
    from . import output
    from .api import render
    from .records.load import Record, load_records, select
    from .styles import resolve

    kwargs: dict[str, Any] = {"warn": warn} if warn else {}
    records = load_records(paths, **kwargs)
    resolved = resolve(style)
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
                     ascii=ascii_only)
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
        return _json(chosen, style, locale)
    # rendering needs the CSL-JSON only: the records as written and their positions go now
    items = [Record(r.key, {}, r.csl, r.file) for r in chosen]
    del records, chosen
    res = render(items, style, format=engine_fmt, locale=locale, ascii=ascii_only)
    return _bibliography_document(res.bibliography, resolved.writer, fmt)


def _require(records: Sequence[Any]) -> None:
    """Stop on records that lack what their type needs (all of them named, one line each)."""
    from .records.load import LoadErrors
    from .records.requirements import missing_requirements

    errors = [e for r in records for e in missing_requirements(r)]
    if errors:
        raise LoadErrors(errors)


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


def _json(chosen: list[Any], style: str, locale: str | None) -> str:
    """Per record: id, in-text citation, bibliography entry and neutral CSL-JSON."""
    from . import output
    from .api import render

    bib = render(chosen, style, format="text", locale=locale)
    cites = render(chosen, style, citations=[[{"id": r.key}] for r in chosen], format="text",
                   locale=locale)
    entry = dict(zip(bib.bibliography_ids, bib.bibliography))
    return output.json_document(
        [
            {"id": r.key, "citation": c, "bibliography": entry.get(r.key), "csl": r.csl}
            for r, c in zip(chosen, cites.citations)
        ]
    )
