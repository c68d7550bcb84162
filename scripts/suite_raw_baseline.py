"""Measure raw citeproc-py 0.11.1 on the CSL test suite (no citeform engine).

Writes tests/conformance/raw_passes.txt, the fixtures raw citeproc-py passes,
so the conformance test can check that the engine never loses one of them.

    python scripts/suite_raw_baseline.py
"""

from __future__ import annotations

import io
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from citeproc import (  # noqa: E402
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON  # noqa: E402
from tests.conformance import suite  # noqa: E402


def _cites(cluster):
    if isinstance(cluster, dict):
        cluster = cluster["citationItems"]
    out = []
    for cite in cluster:
        args = {}
        if cite.get("locator"):
            args["locator"] = Locator(cite.get("label", "page"), cite["locator"])
        for key in ("prefix", "suffix"):
            if cite.get(key):
                args[key] = cite[key]
        out.append(CitationItem(str(cite["id"]), **args))
    return out


def raw_render(items, csl, clusters, ids=False, alone=False):
    style = CitationStylesStyle(io.BytesIO(csl.encode("utf-8")), validate=False)
    # citeproc-js reads every id as a string; raw citeproc-py crashes on number ids
    items = [{**item, "id": str(item.get("id", ""))} for item in items]
    source = CiteProcJSON([{"type": "article", **item} for item in items])
    bib = CitationStylesBibliography(style, source, formatter.html)
    if clusters is None:
        made = [Citation([CitationItem(item["id"])]) for item in items]
    else:
        made = [Citation(_cites(cluster)) for cluster in clusters]
    for citation in made:
        bib.register(citation)
    if style.has_bibliography():
        bib.sort()
    if ids:
        original = {str(item["id"]).lower(): str(item["id"]) for item in items}
        return [original.get(k, k) for k in bib.keys]
    cites = [str(bib.cite(c, lambda item: None)) for c in made] if clusters is not None else []
    entries = [str(e) for e in bib.bibliography()] if style.has_bibliography() else []
    return cites, entries


def main() -> int:
    warnings.simplefilter("ignore")
    passed, totals, wins = [], Counter(), Counter()
    for path in suite.fixture_paths():
        fixture = suite.load(path)
        cat = suite.category(path.stem)
        totals[cat] += 1
        try:
            actual = suite.run_fixture(fixture, raw_render)
        except Exception:  # raw citeproc-py crashes on some fixtures
            continue
        if suite.matches(fixture["result"], actual):
            passed.append(path.stem)
            wins[cat] += 1
    out = ROOT / "tests" / "conformance" / "raw_passes.txt"
    out.write_text("\n".join(passed) + "\n", encoding="utf-8")
    for cat in sorted(totals):
        print(f"{cat:14} {wins[cat]:4}/{totals[cat]}")
    print(f"raw citeproc-py: {len(passed)}/{sum(totals.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
