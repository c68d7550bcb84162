"""records/ rendered by citeform must equal the reference processor's output (citeproc-js).

The golden files come from ``tests/golden/regenerate.py``.  Entries that still differ are
listed with a reason in ``tests/golden/known-differences.txt``: the test fails when a listed
entry starts matching (remove its line) or an unlisted one differs.
"""

from __future__ import annotations

import json

import pytest
from conftest import RECORDS

from citeform import render
from citeform.records.load import load_records

GOLDEN = RECORDS.parent / "tests" / "golden"
CASES = [(s, f) for s in ("apa", "vancouver") for f in ("text", "html")]


def _known() -> dict[str, str]:
    out = {}
    for line in (GOLDEN / "known-differences.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            out[name] = reason.strip()
    return out


def _clusters():
    import importlib.util

    spec = importlib.util.spec_from_file_location("regenerate", GOLDEN / "regenerate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CLUSTERS


@pytest.mark.parametrize("style, fmt", CASES)
def test_records_match_reference(style, fmt):
    golden = json.loads((GOLDEN / f"records-{style}-{fmt}.json").read_text(encoding="utf-8"))
    records = load_records([str(RECORDS)], warn=lambda m: None)
    ours = {
        "bibliography": render(records, style, format=fmt).bibliography,
        "citations": render(records, style, citations=_clusters(), format=fmt).citations,
    }
    known = _known()
    unexpected, fixed = [], []
    for part in ("bibliography", "citations"):
        assert len(ours[part]) == len(golden[part])
        for i, (a, b) in enumerate(zip(ours[part], golden[part]), 1):
            name = f"{style}-{fmt}-{part}-{i}"
            if a != b and name not in known:
                unexpected.append(f"{name}\n  ours: {a}\n  ref:  {b}")
            elif a == b and name in known:
                fixed.append(name)
    assert not unexpected, "differences from citeproc-js:\n" + "\n".join(unexpected)
    assert not fixed, f"now identical, remove from known-differences.txt: {fixed}"
