"""Variables in an item's note field, as citeproc-js reads them (expectations from the CSL suite)."""

from __future__ import annotations

from citeform.engine.notefields import apply_note_fields


def test_leading_lines_become_variables() -> None:
    item = {"id": "a", "type": "book", "note": "container-title: Container: a title\n"
            "reviewed-author: Hall || W.C.\nevent-date: 2004-10-01/2004-10-14\nThe rest."}
    out = apply_note_fields(item)
    assert out["container-title"] == "Container: a title"
    assert out["reviewed-author"] == [{"family": "Hall", "given": "W.C."}]
    assert out["event-date"] == {"raw": "2004-10-01/2004-10-14"}
    assert out["note"] == "The rest."
    assert "container-title" not in item  # the caller's item is left alone


def test_existing_values_win_and_plain_notes_stay() -> None:
    item = {"id": "a", "type": "book", "title": "T", "note": "title: Other"}
    assert apply_note_fields(item)["title"] == "T"
    plain = {"id": "a", "type": "book", "note": "Read this: it is good.\nReally."}
    assert apply_note_fields(plain) is plain
