"""Find records that are the same publication: same DOI, or same title, year and first author."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_TAGS = re.compile(r"<[^>]+>")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)


@dataclass(frozen=True)
class Duplicate:
    """Two records found to be one publication, and why."""

    reason: str
    key: str
    place: str
    other_key: str
    other_place: str

    def format(self) -> str:
        return (f"{self.place}: {self.key}: same publication as {self.other_key} "
                f"at {self.other_place} ({self.reason})")


def normalise_text(text: str) -> str:
    """Lower case, no accents, no markup or punctuation, single spaces."""
    plain = unicodedata.normalize("NFKD", _TAGS.sub("", text))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", plain).split())


def bare_doi(doi: str) -> str:
    """``https://doi.org/10.1000/X`` -> ``10.1000/X`` (case kept)."""
    return _DOI_PREFIX.sub("", doi.strip())


def normalise_doi(doi: str) -> str:
    """``https://doi.org/10.1000/X`` and ``10.1000/x`` are the same DOI."""
    return bare_doi(doi).lower()


def _year(item: dict[str, Any]) -> int | None:
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts") or [[]]
        try:
            return int(parts[0][0])
        except (IndexError, TypeError, ValueError):
            return None
    return None


def _first_author(item: dict[str, Any]) -> str:
    for var in ("author", "editor"):
        names = item.get(var)
        if isinstance(names, list) and names and isinstance(names[0], dict):
            name = names[0]
            return normalise_text(str(name.get("family") or name.get("literal") or ""))
    return ""


def signatures(item: dict[str, Any]) -> list[tuple[str, Any]]:
    """The ways an item can match another: (reason, value) pairs."""
    out: list[tuple[str, Any]] = []
    if item.get("DOI"):
        out.append(("same DOI", normalise_doi(str(item["DOI"]))))
    title = normalise_text(str(item.get("title", "")))
    year = _year(item)
    if title and year is not None:
        out.append(("same title, year and first author", (title, year, _first_author(item))))
    return out


class DuplicateFinder:
    """Feed items one at a time (streaming); each call returns the duplicates found so far."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, Any], tuple[str, str]] = {}

    def add(self, key: str, place: str, item: dict[str, Any]) -> list[Duplicate]:
        found: list[Duplicate] = []
        reported: set[str] = set()
        for reason, value in signatures(item):
            first = self._seen.get((reason, value))
            if first is None:
                self._seen[(reason, value)] = (key, place)
            elif first[0] not in reported:
                reported.add(first[0])
                found.append(Duplicate(reason, key, place, first[0], first[1]))
        return found


def find_duplicates(entries: Iterable[tuple[str, str, dict[str, Any]]]) -> list[Duplicate]:
    """All duplicates among ``(key, place, csl_item)`` entries, each named with both places."""
    finder = DuplicateFinder()
    out: list[Duplicate] = []
    for key, place, item in entries:
        out.extend(finder.add(key, place, item))
    return out
