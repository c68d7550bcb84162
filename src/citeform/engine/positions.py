"""Cite positions (first, subsequent, ibid, ibid-with-locator, near-note) over a document."""

from __future__ import annotations


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
    previous_citation = None
    for ordinal, citation in enumerate(citations, start=1):
        note = citation.get("note_index") or ordinal
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
            cite["_positions"] = positions
            cite["_position"] = "first" if "first" in positions else "subsequent"
            cite["_first_note"] = first_note[key]
        previous_citation = citation
