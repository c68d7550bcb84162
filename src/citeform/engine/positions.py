"""Cite positions (first, subsequent, ibid, ibid-with-locator, near-note) over a document."""

from __future__ import annotations

from collections import Counter
from typing import Any

# citeproc-js's position numbers, as a cite may state them
EXPLICIT = {
    0: ("first",), 1: ("subsequent",), 2: ("subsequent", "ibid"),
    3: ("subsequent", "ibid", "ibid-with-locator"),
}


def _locator(cite) -> tuple[str, str] | None:
    if "locator" not in cite:
        return None
    loc = cite["locator"]
    return (loc.label, str(loc.identifier))


def assign_positions(citations: list, near_note_distance: int = 5) -> None:
    """Annotate every CitationItem with ``_positions`` (a set) and note numbers.

    ``citations`` are citeproc-py Citation objects in document order; their
    ``note_index`` is the footnote number (None or 0 for in-text citations,
    in which case the citation's ordinal is used for near-note distance).
    """
    first_note: dict[str, int] = {}
    last_note: dict[str, int] = {}
    per_note = Counter(c.get("note_index") for c in citations if c.get("note_index"))
    # ibid looks back to the previous citation of the same kind: citeproc-js tracks citations
    # in the text (noteIndex 0) of a note style apart from those in footnotes
    previous: dict[bool, Any] = {}
    for ordinal, citation in enumerate(citations, start=1):
        note = citation.get("note_index") or ordinal
        in_note = bool(citation.get("note_index"))
        previous_citation = previous.get(in_note)
        if (previous_citation is not None and previous_citation.get("note_index")
                and previous_citation.get("note_index") != citation.get("note_index")
                and per_note[previous_citation.get("note_index")] > 1):
            previous_citation = None  # no ibid after a note holding several citations
        for index, cite in enumerate(citation.cites):
            key = cite.key
            positions: set[str] = set()
            if key not in first_note:
                positions.add("first")
                first_note[key] = citation.get("note_index") or 0
            else:
                positions.add("subsequent")
                prev = None
                if index > 0:
                    prev = citation.cites[index - 1]
                elif previous_citation is not None and len(previous_citation.cites) == 1:
                    prev = previous_citation.cites[0]
                if prev is not None and prev.key == key:
                    here, there = _locator(cite), _locator(prev)
                    if here is None and there is None:
                        positions.add("ibid")
                    elif here is not None and (there is None or here != there):
                        positions.update(("ibid", "ibid-with-locator"))
                    elif here is not None and here == there:
                        positions.add("ibid")
                if note - last_note[key] <= near_note_distance:
                    positions.add("near-note")
            last_note[key] = note
            explicit = (cite.get("_cite") or {}).get("position")
            if explicit in EXPLICIT:  # a position the caller states (citeproc-js's numbers)
                positions = set(EXPLICIT[explicit])
            cite["_positions"] = positions
            cite["_position"] = "first" if "first" in positions else "subsequent"
            cite["_first_note"] = first_note[key]
        previous[in_note] = citation
