"""Reading CSL test-suite fixtures and shaping our output the way the suite writes it."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SUITE_ENV = "CITEFORM_CSL_SUITE"

# render(items, style_xml, citations, alone=False) -> (citations, bibliography entries); with
# ``alone`` each cluster is rendered on its own, as citeproc-js's makeCitationCluster does
Renderer = Callable[..., tuple[list[str], list[str]]]


def suite_dir() -> Path:
    return Path(os.environ.get(SUITE_ENV) or ROOT / ".." / "shared" / "csl-test-suite" / "machines")


def fixture_paths() -> list[Path]:
    folder = suite_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def load(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def category(name: str) -> str:
    return name.split("_", 1)[0]


def _document_order(calls: list) -> tuple[list[dict], set[str]]:
    """Final document order of a processCitationCluster session and the last call's id."""
    by_id: dict[str, dict] = {}
    order: list[str] = []
    for citation, pre, post in calls:
        cid = citation.get("citationID") or f"CITATION-{len(by_id)}"
        by_id[cid] = citation
        order = [p[0] for p in pre] + [cid] + [p[0] for p in post]
    last = calls[-1][0].get("citationID", "")
    docs = []
    for cid in order:
        if cid in by_id:
            docs.append(by_id[cid])
    return docs, {last}


def _as_api_item(item: dict[str, Any]) -> dict[str, Any]:
    """The fixture's item as the public API takes it.

    citeproc-js reads an item without ``id`` as id "" and an empty ``type`` as no
    type; the public API asks for both spelled out, so they are written that way.
    """
    out = dict(item)
    out.setdefault("id", "")
    if out.get("type") == "":
        del out["type"]
    return out


def _texts_before_last_call(calls: list, items: list, csl: str, render: Renderer) -> dict[str, str]:
    """citationID -> text of the document as it stood before the session's last call."""
    if len(calls) < 2:
        return {}
    docs, _last = _document_order(calls[:-1])
    clusters = [
        {"citationItems": c["citationItems"], "properties": c.get("properties", {})} for c in docs
    ]
    try:
        cites, _bib = render(items, csl, clusters)
    except Exception:  # noqa: BLE001 - then every citation counts as re-rendered
        return {}
    return {doc.get("citationID"): text for doc, text in zip(docs, cites, strict=False)}


def run_fixture(fixture: dict[str, Any], render: Renderer) -> str:
    """Our output for a fixture, in the shape of its ``result`` field."""
    items = [_as_api_item(item) for item in fixture["input"]]
    csl = fixture["csl"]
    mode = fixture["mode"]
    if fixture.get("citations"):
        docs, changed = _document_order(fixture["citations"])
        clusters = [
            {"citationItems": c["citationItems"], "properties": c.get("properties", {})}
            for c in docs
        ]
        cites, bib = render(items, csl, clusters)
        if mode != "citation":
            return _bib_html(bib)
        before = _texts_before_last_call(fixture["citations"], items, csl, render)
        lines = []
        for index, (doc, text) in enumerate(zip(docs, cites, strict=False)):
            cid = doc.get("citationID")
            # citeproc-js marks what its last call (re)rendered: that citation and any whose
            # text the call changed; two renders of the public API tell which those are
            marker = ">>" if cid in changed or before.get(cid) != text else ".."
            lines.append(f"{marker}[{index}] {text}")
        return "\n".join(lines)
    if fixture.get("citation_items"):
        clusters = fixture["citation_items"]
    elif mode == "citation":
        clusters = [[{"id": item_id} for item_id in _registry_order(items, csl, render)]]
    else:
        clusters = None
    # citeproc-js's test driver renders these clusters with makeCitationCluster: cites sorted on
    # the style's keys alone, without the grouped sort of a document's citations
    cites, bib = render(items, csl, clusters, alone=True)
    if mode == "citation":
        return "\n".join(cites)
    return _bib_html(bib)


def _registry_order(items: list, csl: str, render: Renderer) -> list[str]:
    """citeproc-js's test driver cites "all items" in its registry (bibliography) order."""
    ids = list(dict.fromkeys(str(item.get("id", "")) for item in items))
    if "<bibliography" not in csl:
        return ids
    try:
        order = render(items, csl, None, ids=True)
    except Exception:  # noqa: BLE001 - fall back to input order
        return ids
    return order + [i for i in ids if i not in order]


def _bib_html(bib: list[str]) -> str:
    entries = "\n".join(f'  <div class="csl-entry">{entry}</div>' for entry in bib)
    return f'<div class="csl-bib-body">\n{entries}\n</div>'


_BETWEEN_TAGS = re.compile(r">\s*\n\s*<")
_LINE_INDENT = re.compile(r"\n\s*")


def normalise(text: str) -> str:
    """Ignore the suite's pretty-printing: line breaks and indentation around tags."""
    text = _BETWEEN_TAGS.sub("><", text.strip())
    return _LINE_INDENT.sub("\n", text)


def matches(expected: str, actual: str) -> bool:
    return normalise(expected) == normalise(actual)


def read_ratchet(path: Path) -> dict[str, str]:
    """``name  # reason`` lines; blank lines and full-line comments ignored."""
    listed: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition("#")
        listed[name.strip()] = reason.strip()
    return listed
