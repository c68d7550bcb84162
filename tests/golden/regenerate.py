"""Regenerate the golden outputs of records/ from the reference processor (citeproc-js).

    python tests/golden/regenerate.py [path/to/oracle.js]

The oracle defaults to ``../shared/tools/oracle.js`` beside the repository (it needs node).
Each golden file holds the reference's output for the items exactly as citeform lays them
out for the style (translated-title rule applied, journal abbreviations added where a record
has none), so the test compares engines, not mapping.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
STYLES = ("apa", "vancouver")
CLUSTERS = [
    [{"id": "rousseau2002", "locator": "290", "label": "page"}, {"id": "kernighan1988"}],
    [{"id": "einstein1905a"}, {"id": "einstein1905b"}],
    [{"id": "kolmogorov1933", "prefix": "see "}, {"id": "kolmogorov1941", "locator": "3", "label": "chapter"}],
    [{"id": "who2000"}],
    [{"id": "jumper2021"}, {"id": "he2016"}, {"id": "vanrossum2001"}],
    [{"id": "lu1918"}, {"id": "saussure1916"}],
]


def layout(style: str) -> tuple[str, list[dict]]:
    sys.path.insert(0, str(ROOT / "src"))
    from citeform.api import prepare_items
    from citeform.records.load import load_records
    from citeform.styles import resolve

    resolved = resolve(style)
    records = load_records([str(ROOT / "records")], warn=lambda m: None)
    return resolved.path, prepare_items([r.csl for r in records], resolved)


def main() -> None:
    oracle = sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "tools" / "oracle.js")
    for style in STYLES:
        path, items = layout(style)
        for fmt in ("text", "html"):
            out = {}
            for name, clusters in (("bibliography", None), ("citations", CLUSTERS)):
                req = {"style": path, "items": items, "clusters": clusters, "format": fmt}
                res = subprocess.run(["node", oracle], input=json.dumps(req), capture_output=True,
                                     text=True, check=True, env={**os.environ, "PYTHON": sys.executable})
                out[name] = json.loads(res.stdout)[name]
            target = HERE / f"records-{style}-{fmt}.json"
            target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
