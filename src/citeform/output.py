"""Assemble rendered entries into a document of the chosen format, and write it atomically."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

OUTPUT_FORMATS = ("text", "html", "markdown", "rtf", "json")


def join_entries(entries: Sequence[str], fmt: str) -> str:
    """A whole bibliography (or list of citations) as one document in ``fmt``."""
    if not entries:
        return ""
    if fmt == "html":
        body = "\n".join(f'  <div class="csl-entry">{e}</div>' for e in entries)
        return f'<div class="csl-bib-body">\n{body}\n</div>\n'
    if fmt == "markdown":
        return "\n\n".join(entries) + "\n"
    if fmt == "rtf":
        return "{\\rtf1\\ansi\\deff0\n" + "".join(f"{e}\\par\n" for e in entries) + "}\n"
    return "\n".join(entries) + "\n"


def join_citations(citations: Sequence[str], fmt: str) -> str:
    """Citation clusters, one per line (one paragraph each in RTF)."""
    if fmt == "rtf":
        return join_entries(citations, fmt)
    return "".join(f"{c}\n" for c in citations)


def writer_document(entries: Sequence[str]) -> str:
    """BibTeX/BibLaTeX entries separated by blank lines."""
    return "\n\n".join(entries) + ("\n" if entries else "")


def json_document(records: Sequence[dict[str, Any]]) -> str:
    from .safe_text import escape_controls

    return escape_controls(json.dumps(list(records), ensure_ascii=False, indent=2)) + "\n"


def atomic_write(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename,
    so that a failed or interrupted run leaves any previous file intact (special files and
    ``-`` as :mod:`citeform.targets` says)."""
    from .targets import write_document

    write_document(path, text)
