"""Regenerate the citeproc-js goldens for the fidelity corpus (needs node and the oracle).

    PYTHON=.venv/bin/python python scripts/regen_fidelity_goldens.py [path/to/oracle.js]

Writes tests/fidelity/goldens/NAME.json (APA, Vancouver and four more styles) with the
reference bibliography (text) and citation clusters for ``tests/fidelity/corpus.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fidelity.corpus import build_clusters, build_corpus  # noqa: E402

from citeform.styles import resolve  # noqa: E402

STYLES = {
    "apa": "apa",
    "vancouver": "nlm-citation-sequence",
    # more of the styles people use most, to catch what the two above do not exercise
    "chicago-author-date": "chicago-author-date",
    "chicago-notes": "chicago-notes-bibliography",
    "ieee": "ieee",
    "mla": "modern-language-association",
}


def oracle(request: dict, script: Path) -> dict:
    env = dict(os.environ)
    env.setdefault("PYTHON", sys.executable)
    proc = subprocess.run(
        ["node", str(script)], input=json.dumps(request), capture_output=True, text=True,
        env=env, check=True,
    )
    return json.loads(proc.stdout)


def main(argv: list[str]) -> int:
    script = Path(argv[0]) if argv else ROOT.parent / "shared" / "tools" / "oracle.js"
    items = build_corpus()
    clusters = build_clusters(items)
    out_dir = ROOT / "tests" / "fidelity" / "goldens"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, style_id in STYLES.items():
        style = resolve(style_id).path  # the file citeform uses (its own copy where it has one)
        bib = oracle({"style": style, "items": items, "clusters": None, "format": "text"}, script)
        cites = oracle({"style": style, "items": items, "clusters": clusters, "format": "text"}, script)
        golden = {
            "style": style_id,
            "engine": bib.get("engine", {}).get("citeproc_js"),
            "bibliography": bib["bibliography"],
            "bibliography_ids": bib["bibliography_ids"],
            "citations": cites["citations"],
        }
        path = out_dir / f"{name}.json"
        path.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(golden['bibliography'])} entries, {len(golden['citations'])} clusters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
