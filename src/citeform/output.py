"""Assemble rendered entries into a document of the chosen format, and write it atomically."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

OUTPUT_FORMATS = ("text", "html", "markdown", "rtf", "json")


RTF_OPEN = "{\\rtf1\\ansi\\deff0\n"


def join_entries(entries: Sequence[str], fmt: str, ids: Sequence[str] | None = None) -> str:
    """A whole bibliography as one document in ``fmt``; in HTML each entry has the id
    ``ref-KEY`` (as pandoc writes it) when ``ids`` are given."""
    if not entries:
        return ""
    if fmt == "html":
        from .links import entry_id

        keys = ids if ids is not None else [None] * len(entries)
        body = "\n".join(
            f'  <div class="csl-entry" id="{entry_id(k)}">{e}</div>' if k is not None
            else f'  <div class="csl-entry">{e}</div>'
            for e, k in zip(entries, keys)
        )
        return f'<div class="csl-bib-body">\n{body}\n</div>\n'
    if fmt == "markdown":
        return "\n\n".join(entries) + "\n"
    if fmt == "rtf":
        return RTF_OPEN + _rtf_paragraphs(entries) + "}\n"
    return "\n".join(entries) + "\n"


def _rtf_paragraphs(texts: Sequence[str]) -> str:
    return "".join(f"{t}\\par\n" for t in texts)


def join_citations(citations: Sequence[str], fmt: str,
                   cited: Sequence[Sequence[str]] | None = None) -> str:
    """Citation clusters, one per line: one paragraph each in RTF; in HTML, as pandoc writes
    them, ``<p><span class="citation" data-cites="KEYS">…</span></p>`` (``cited``: the keys
    of each cluster)."""
    if fmt == "rtf":
        return RTF_OPEN + _rtf_paragraphs(citations) + "}\n" if citations else ""
    if fmt == "html":
        import html

        keys = cited if cited is not None else [()] * len(citations)
        return "".join(
            f'<p><span class="citation" data-cites="{html.escape(" ".join(k), quote=True)}">'
            f"{c}</span></p>\n" for c, k in zip(citations, keys)
        )
    return "".join(f"{c}\n" for c in citations)


def in_text_document(citations: Sequence[str], cited: Sequence[Sequence[str]],
                     entries: Sequence[str], ids: Sequence[str], fmt: str) -> str:
    """Citations, a blank line, then the bibliography: one document (one RTF document, one
    HTML fragment)."""
    if fmt == "rtf":
        return RTF_OPEN + _rtf_paragraphs(citations) + "\\par\n" + _rtf_paragraphs(entries) + "}\n"
    return join_citations(citations, fmt, cited) + "\n" + join_entries(entries, fmt, ids)


def writer_document(entries: Sequence[str]) -> str:
    """BibTeX/BibLaTeX entries separated by blank lines."""
    return "\n\n".join(entries) + ("\n" if entries else "")


def json_document(data: Sequence[dict[str, Any]] | dict[str, Any]) -> str:
    """A list of records, or an object, as indented JSON (C1 controls and line separators
    escaped, so that the text is safe on a terminal)."""
    from .safe_text import escape_controls

    return escape_controls(json.dumps(data if isinstance(data, dict) else list(data),
                                      ensure_ascii=False, indent=2)) + "\n"


def atomic_write(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename,
    so that a failed or interrupted run leaves any previous file intact (special files and
    ``-`` as :mod:`citeform.targets` says)."""
    from .targets import write_document

    write_document(path, text)
