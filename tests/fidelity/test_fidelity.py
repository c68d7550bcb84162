"""Byte-identical share of APA and Vancouver output versus citeproc-js on our corpus.

The floors in ``floors.json`` only ever go up: raise them when the engine improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .compare import STYLES, compare
from .corpus import build_clusters, build_corpus

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


def test_corpus_is_large_varied_and_deterministic():
    items = build_corpus()
    assert len(items) >= 500
    assert build_corpus() == items
    assert len({item["id"] for item in items}) == len(items)
    types = {item["type"] for item in items}
    assert {"article-journal", "book", "chapter", "report", "thesis", "webpage"} <= types
    assert len(build_clusters(items)) >= 300


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("kind", ["bibliography", "citations"])
def test_identical_share_meets_floor(style, kind):
    bib, cites = compare(style)
    result = bib if kind == "bibliography" else cites
    floor = FLOORS[style][kind]
    print(f"\n{style} {kind}: {result.identical}/{result.total} identical ({result.ratio:.1%})")
    assert result.ratio >= floor, (
        f"{style} {kind}: {result.identical}/{result.total} ({result.ratio:.1%}) is below the floor"
        f" {floor:.1%}; first differences: {result.mismatches[:3]}"
    )


def test_bibliography_order_matches():
    for style in STYLES:
        bib, _ = compare(style)
        assert ("<bibliography order>", "differs") not in bib.mismatches, style
