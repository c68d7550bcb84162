"""Our output versus citeproc-js on the 572-item corpus: every entry and cluster identical.

The only exceptions are named, with their reason, in ``exceptions.json`` (by item id for the
bibliography, by cluster index for citations); an exception that starts to match must be removed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .compare import STYLES, compare
from .corpus import build_clusters, build_corpus

EXCEPTIONS = json.loads((Path(__file__).parent / "exceptions.json").read_text(encoding="utf-8"))


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
def test_identical_but_for_named_exceptions(style, kind):
    bib, cites = compare(style)
    result = bib if kind == "bibliography" else cites
    named = EXCEPTIONS.get(style, {}).get(kind, {})
    print(f"\n{style} {kind}: {result.identical}/{result.total} identical ({result.ratio:.1%}), "
          f"{len(named)} named exceptions")
    differing = {str(key) for key, _expected, _actual in result.differences}
    unexplained = sorted(differing - set(named))
    fixed = sorted(set(named) - differing)
    assert not unexplained, f"{style} {kind}: differs from citeproc-js at {unexplained[:10]}"
    assert not fixed, f"{style} {kind}: these exceptions now match citeproc-js, remove them: {fixed[:10]}"


def test_bibliography_order_matches():
    for style in STYLES:
        bib, _ = compare(style)
        assert ("<bibliography order>", "differs") not in bib.mismatches, style
