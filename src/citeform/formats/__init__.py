"""Readers and writers for the bibliography formats citeform converts between.

Readers turn a file's text into neutral CSL-JSON items (:class:`ReadItem`); writers turn
CSL-JSON items into text.  :mod:`citeform.formats.unmap` turns CSL-JSON back into records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import DataError


@dataclass
class ReadItem:
    """One item read from a file: the CSL-JSON, where it starts, and what was odd about it."""

    item: dict[str, Any]
    line: int | None = None
    warnings: list[str] = field(default_factory=list)
    key_made: bool = False  # the file gave no key; one was made from author and year


def first_error_raises(reads: Iterable[ReadItem | DataError]) -> list[ReadItem]:
    """The items of a reader's stream, raising the first broken entry's error."""
    out = []
    for read in reads:
        if isinstance(read, DataError):
            raise read
        out.append(read)
    return out
