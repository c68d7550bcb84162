"""Our engine's output for the fidelity corpus, compared with the stored citeproc-js goldens."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from citeform.engine import render_csl
from citeform.styles import resolve

from .corpus import build_clusters, build_corpus

GOLDENS = Path(__file__).parent / "goldens"
STYLES = ("apa", "vancouver", "chicago-author-date", "chicago-notes", "ieee", "mla")


@dataclass
class Comparison:
    style: str
    kind: str  # "bibliography" or "citations"
    total: int = 0
    identical: int = 0
    mismatches: list[tuple[str, str]] = field(default_factory=list)  # (expected, actual)
    differences: list[tuple[str, str, str]] = field(default_factory=list)  # (key, expected, actual)

    @property
    def ratio(self) -> float:
        return self.identical / self.total if self.total else 1.0


def golden(name: str) -> dict:
    with open(GOLDENS / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


@cache
def compare(name: str) -> tuple[Comparison, Comparison]:
    ref = golden(name)
    style = resolve(ref["style"]).path  # the file citeform uses (its own copy where it has one)
    items = build_corpus()
    ours_bib = render_csl(items, style)
    ours_cites = render_csl(items, style, citations=build_clusters(items))
    bib = Comparison(name, "bibliography")
    ours_by_id = dict(zip(ours_bib.bibliography_ids, ours_bib.bibliography, strict=False))
    for item_id, expected in zip(ref["bibliography_ids"], ref["bibliography"], strict=True):
        actual = ours_by_id.get(item_id, "")
        bib.total += 1
        if actual == expected:
            bib.identical += 1
        else:
            bib.mismatches.append((expected, actual))
            bib.differences.append((str(item_id), expected, actual))
    order_ok = ours_bib.bibliography_ids == ref["bibliography_ids"]
    if not order_ok:
        bib.mismatches.append(("<bibliography order>", "differs"))
    cites = Comparison(name, "citations")
    for index, (expected, actual) in enumerate(zip(ref["citations"], ours_cites.citations, strict=False)):
        cites.total += 1
        if actual == expected:
            cites.identical += 1
        else:
            cites.mismatches.append((expected, actual))
            cites.differences.append((str(index), expected, actual))
    cites.total = len(ref["citations"])
    return bib, cites
