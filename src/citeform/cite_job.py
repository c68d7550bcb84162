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
) -> str:
    """The document ``citeform cite`` prints, as text."""
    from . import output
    from .api import render
    from .load import load_records, select
    from .styles import resolve

    kwargs: dict[str, Any] = {"warn": warn} if warn else {}
    records = load_records(paths, **kwargs)
    resolved = resolve(style)
    engine_fmt = "text" if fmt == "json" else fmt
    if resolved.writer and ascii_only:
        engine_fmt = "ascii"

    if clusters:
        parsed = _parse_clusters(clusters)
        cited_keys: list[str] = []
        for cluster in parsed:
            cited_keys += [c["id"] for c in cluster if c["id"] not in cited_keys]
        chosen = select(records, list(keys) + [k for k in cited_keys if k not in keys])
        res = render(chosen, style, citations=[_engine_cluster(c) for c in parsed], format=engine_fmt,
                     locale=locale)
        citations = _merge_author_in_text(parsed, res.citations)
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
    if fmt == "json":
        return _json(chosen, style, locale)
    res = render(chosen, style, format=engine_fmt, locale=locale)
    return _bibliography_document(res.bibliography, resolved.writer, fmt)


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


def _engine_cluster(cluster: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cites as the engine takes them; an author-in-text cite is rendered without its author
    (its author part is rendered separately, see :func:`_merge_author_in_text`)."""
    out = []
    for cite in cluster:
        cite = {k: v for k, v in cite.items() if k != "mode"}
        out.append(cite)
    return out


def _merge_author_in_text(parsed: list[list[dict[str, Any]]], rendered: list[str]) -> list[str]:
    return rendered


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
