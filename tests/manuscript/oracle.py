"""Goldens for manuscripts from citeproc-js, through ``../shared/tools/oracle.js``.

``python -m tests.manuscript.oracle`` (from the repository root, with node) writes
``tests/data/manuscript/*.oracle.json``: for each manuscript and style, the clusters the
manuscript cites (read by pandoc's rules, expanded as ``citeform cite --in-text`` expands an
author-in-text citation) and what citeproc-js renders for them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "manuscript"
# beside the repository; $CITEFORM_ORACLE names another copy
ORACLE = Path(os.environ.get("CITEFORM_ORACLE") or ROOT.parent / "shared" / "tools" / "oracle.js")

# (manuscript, style, note style?)
CASES = [("long.md", "apa", False), ("long.md", "vancouver", False),
         ("notes.md", "chicago-notes-bibliography", True),
         ("notes.md", "chicago-notes-bibliography-16th-edition", True)]  # with ibid


def oracle_missing() -> str | None:
    """Why the oracle cannot run here, or None."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not ORACLE.is_file():
        return f"no oracle at {ORACLE} (../shared/tools/oracle.js beside the repository)"
    if not (Path(os.environ.get("CITEFORM_ORACLE_DIR", "/tmp/citeform-oracle")) /
            "node_modules" / "citeproc").is_dir():
        return "citeproc-js is not installed for the oracle (it would need the network)"
    return None


def golden_path(manuscript: str, style: str) -> Path:
    return DATA / f"{Path(manuscript).stem}.{style}.oracle.json"


def request(manuscript: str, style: str, note_style: bool) -> dict[str, Any]:
    """The oracle request for a manuscript: its clusters in document (or note) order."""
    from citeform import styles
    from citeform.api import prepare_items
    from citeform.manuscript.scanner import scan
    from citeform.records.load import load_records

    text = (DATA / manuscript).read_text(encoding="utf-8")
    found = scan(text)
    resolved = styles.resolve(style)
    records = {r.key: r for r in load_records([str(ROOT / "records")], warn=lambda _m: None)}
    clusters: list[Any] = []
    if note_style:
        clusters = _note_clusters(found)
    else:
        for o in found.occurrences:
            clusters += _expand(o.cluster)
    cited: list[str] = []
    for cl in clusters:
        cites = cl["citationItems"] if isinstance(cl, dict) else cl
        cited += [c["id"] for c in cites if c["id"] not in cited]
    # laid out for the style as citeform lays them out (translated titles, journal abbreviations)
    items = prepare_items([records[k].csl for k in cited], resolved)
    return {"style": resolved.source, "items": items, "clusters": clusters, "format": "text",
            "locale": resolved.default_locale or "en-US"}


def _expand(cluster: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """As ``citeform cite --in-text``: an author-in-text cite is the author alone, then the rest."""
    plain = [{k: v for k, v in c.items() if k != "mode"} for c in cluster]
    if len(cluster) == 1 and cluster[0].get("mode") == "author-in-text":
        return [[{"id": plain[0]["id"], "author-only": True}],
                [{**plain[0], "suppress-author": True}]]
    return [plain]


def _note_positions(found: Any) -> dict[int, int]:
    """Note style: the note each citation is in (its own, in the running text)."""
    marks = sorted([(m.start, "mark", m.label) for m in found.note_marks]
                   + [(o.start, "cite", i) for i, o in enumerate(found.occurrences)
                      if o.note is None])
    number: dict[Any, int] = {}
    for _, kind, token in marks:
        number[(kind, token)] = len(number) + 1
    return {i: number[("cite", i)] if o.note is None else number[("mark", o.note)]
            for i, o in enumerate(found.occurrences)}


def note_sources(found: Any) -> list[int]:
    """Note style: the citations in note order (the order of the request's clusters)."""
    notes = _note_positions(found)
    return sorted(notes, key=lambda i: (notes[i], i))


def _note_clusters(found: Any) -> list[dict[str, Any]]:
    """Note style: every citation in the running text a note of its own; citations in a
    footnote in that note; in note order (the narrative ones with the author suppressed)."""
    notes = _note_positions(found)
    out = []
    for i in note_sources(found):
        o = found.occurrences[i]
        cites = [{k: v for k, v in c.items() if k != "mode"} for c in o.cluster]
        if len(o.cluster) == 1 and o.cluster[0].get("mode") == "author-in-text":
            cites = [{**cites[0], "suppress-author": True}]
        out.append({"citationItems": cites, "properties": {"noteIndex": notes[i]}})
    return out


def run_oracle(req: dict[str, Any]) -> dict[str, Any]:
    # the oracle takes CSL locales from the citeproc package of this Python
    env = {**os.environ, "PYTHON": os.environ.get("PYTHON", sys.executable)}
    done = subprocess.run(["node", str(ORACLE)], input=json.dumps(req), capture_output=True,
                          text=True, env=env, check=True, timeout=300)
    return json.loads(done.stdout)


def make(manuscript: str, style: str, note_style: bool) -> dict[str, Any]:
    req = request(manuscript, style, note_style)
    out = run_oracle(req)
    return {"manuscript": manuscript, "style": style, "clusters": req["clusters"],
            "citations": out["citations"], "bibliography": out["bibliography"],
            "bibliography_ids": out["bibliography_ids"]}


if __name__ == "__main__":
    for manuscript, style, note in CASES:
        if not (DATA / manuscript).is_file():
            continue
        golden = make(manuscript, style, note)
        golden_path(manuscript, style).write_text(
            json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {golden_path(manuscript, style).name}: {len(golden['citations'])} "
              f"clusters, {len(golden['bibliography'])} entries")
