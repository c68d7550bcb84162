"""Assemble rendered entries into a document of the chosen format, and write it atomically."""

from __future__ import annotations

import json
import os
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
    return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"


def atomic_write(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename,
    so that a failed or interrupted run leaves any previous file intact."""
    import tempfile  # only when writing a file: keeps start-up light

    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".citeform-", suffix=".tmp", dir=folder)
    except OSError as e:
        from .errors import DataError

        raise DataError(f"cannot write {path}: {e.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
