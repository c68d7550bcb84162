"""BibTeX names to CSL names: von/Last/Jr/First rules, braced institutions, ``and others``."""

from __future__ import annotations

import re
from typing import Any

from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from ..records.name_parsing import NameError_, parse_name
from .latex import decode


def _whole_group(text: str) -> bool:
    """True when the text is one brace group: ``{World Health Organization}``."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for i, c in enumerate(text):
        depth += c == "{"
        depth -= c == "}"
        if depth == 0 and i < len(text) - 1:
            return False
    return True


# names already read (the same authors recur across a file): raw text -> CSL name
_READ: dict[str, dict[str, Any]] = {}
_READ_MAX = 50_000


def parse_bibtex_name(raw: str) -> dict[str, Any]:
    """One BibTeX name (LaTeX) to a CSL name (a new dict each call)."""
    name = _READ.get(raw)
    if name is None:
        name = _parse_bibtex_name(raw)
        if len(_READ) >= _READ_MAX:
            _READ.clear()
        _READ[raw] = name
    return dict(name)


def _parse_bibtex_name(raw: str) -> dict[str, Any]:
    raw = " ".join(re.sub(r"(?<!\\)~", " ", raw).split())
    if _whole_group(raw):
        return {"literal": decode(raw[1:-1])}
    parts = parse_single_name_into_parts(raw, strict=False)
    last = decode(" ".join(parts.last))
    von = decode(" ".join(parts.von))
    given = decode(" ".join(parts.first))
    suffix = decode(" ".join(parts.jr))
    if not last and not von:
        return {"literal": given}
    glue = "" if von.endswith(("'", "’")) else " "
    family = f"{von}{glue}{last}" if von else last
    try:
        # the record format's own reading of "Family, Given" keeps particles the same way
        name = parse_name(f"{family}, {given}" if given else f"{family},")
    except NameError_:
        name = {"family": family, "given": given}
    if "literal" in name:
        name = {"family": family}
    if suffix:
        name["suffix"] = suffix
    return split_dropping_particle(name)


def split_dropping_particle(name: dict[str, Any]) -> dict[str, Any]:
    """Lower-case words ending a given name are a dropping particle: ``Ferdinand de``."""
    words = str(name.get("given", "")).split()
    i = len(words)
    while i > 1 and words[i - 1][:1].islower() and not words[i - 1].endswith("."):
        i -= 1
    if 0 < i < len(words):
        name = {**name, "given": " ".join(words[:i]), "dropping-particle": " ".join(words[i:])}
    return name


def parse_bibtex_names(raw: str) -> tuple[list[dict[str, Any]], bool]:
    """A name list; the flag says it ended with ``and others``."""
    names = split_multiple_persons_names(" ".join(raw.split()))
    others = bool(names) and names[-1].strip().lower() == "others"
    if others:
        names = names[:-1]
    parsed = [parse_bibtex_name(n) for n in names if n.strip() and n.strip().lower() != "and"]
    return [n for n in parsed if any(n.values())], others
