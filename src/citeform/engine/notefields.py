"""Variables written in an item's ``note`` (Zotero's "Extra" field), as citeproc-js reads them.

Leading lines of the form ``variable: value`` (or ``{:variable: value}``) in
``note`` supply CSL variables the item lacks: ``type`` replaces the item type,
dates (``issued: 2004-10-01/2004-10-14``) are read as raw dates and win over
the item's own, names are ``Family || Given`` or a literal name (one line per
name), and any other variable is taken as written.  The lines used are removed
from the note; reading stops at the first line (after the first) that is not
such a line.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import DATES, NAMES

_FIELD = re.compile(r"^([\-_a-z]+|[A-Z]+):\s*([^}]+)$")
_INLINE = re.compile(r"\{:((?:[\-_a-z]+|[A-Z]+):[^}]+)\}")
DATE_FIELDS = frozenset(d.replace("_", "-") for d in DATES) | {"available-date", "event-date"}
NAME_FIELDS = frozenset(n.replace("_", "-") for n in NAMES) | {
    "chair", "compiler", "contributor", "curator", "director", "editor-translator",
    "executive-producer", "guest", "host", "narrator", "organizer", "performer", "producer",
    "reviewed-author", "script-writer", "series-creator", "translator",
}


def _lines(note: str) -> list[str]:
    out: list[str] = []
    for line in note.split("\n"):
        if _INLINE.search(line):
            line = _INLINE.sub(lambda mt: "\n" + mt.group(1).strip() + "\n", line)
        out.extend(line.split("\n"))
    return out


def apply_note_fields(item: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``item`` with the variables its note supplies (the item itself when none)."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    lines = _lines(note)
    found: dict[str, Any] = {}
    names: dict[str, list[dict[str, str]]] = {}
    for i, line in enumerate(lines):
        match = _FIELD.match(line)
        if not line.strip():
            continue
        if match is None:
            if i == 0:
                continue
            break
        key, value = match.group(1), match.group(2).strip()
        if key == "type":
            found["type"] = value
        elif key.removeprefix("alt-") in DATE_FIELDS:
            found[key] = {"raw": value}
        elif key in item:
            continue
        elif key.removeprefix("alt-") in NAME_FIELDS:
            parts = re.split(r"\s*\|\|\s*", value)
            if len(parts) == 1:
                names.setdefault(key, []).append({"literal": parts[0]})
            elif len(parts) == 2:
                names.setdefault(key, []).append({"family": parts[0], "given": parts[1]})
            else:
                continue
        else:
            found[key] = value
        lines[i] = ""
    if not found and not names:
        return item
    out = dict(item)
    out.update(found)
    out.update(names)
    out["note"] = "\n".join(lines).strip()
    if not out["note"]:
        del out["note"]
    return out
