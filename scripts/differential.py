"""Differential test: fresh generated data rendered by citeform and by citeproc-js.

    PYTHON=.venv/bin/python .venv/bin/python scripts/differential.py --seed 7 \\
        --styles apa,ieee --locales en-US,de-DE --items 300 --clusters 75

Prints the identity table per style and locale and the differences grouped by cause (most
frequent first).  ``--seed`` defaults to a new random seed, printed so the run can be repeated;
``--styles all`` / ``--locales all`` take the twenty styles and three locales we track.
``--json FILE`` writes every difference for closer study.  Needs node (citeproc-js through
``../shared/tools/oracle.js``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.differential.generator import generate  # noqa: E402
from tests.differential.runner import LOCALES, STYLES, compare, oracle_available, report  # noqa: E402


def _list(value: str, default: list[str]) -> list[str]:
    return default if value == "all" else [v.strip() for v in value.split(",") if v.strip()]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=None, help="generator seed (default: a new one)")
    parser.add_argument("--styles", default="all", help="comma-separated CSL style ids, or 'all'")
    parser.add_argument("--locales", default="en-US", help="comma-separated locales, or 'all'")
    parser.add_argument("--items", type=int, default=100, help="items to generate")
    parser.add_argument("--clusters", type=int, default=25, help="citation clusters to generate")
    parser.add_argument("--examples", type=int, default=2, help="examples shown per class")
    parser.add_argument("--classes", type=int, default=40, help="classes shown")
    parser.add_argument("--json", type=Path, default=None, help="write every difference to this file")
    args = parser.parse_args(argv)
    reason = oracle_available()
    if reason:
        print(f"differential: cannot run: {reason}", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 10**9)
    items, clusters = generate(seed, args.items, args.clusters)
    styles = _list(args.styles, STYLES)
    locales = _list(args.locales, LOCALES)
    print(f"seed {seed}: {len(items)} items, {len(clusters)} clusters; "
          f"{len(styles)} styles x {len(locales)} locales", flush=True)
    outcomes = []
    for style in styles:
        for locale in locales:
            start = time.monotonic()
            outcome = compare(style, locale, items, clusters)
            outcomes.append(outcome)
            print(f"  {style} {locale}: {outcome.same}/{outcome.total} "
                  f"({time.monotonic() - start:.1f} s)", file=sys.stderr, flush=True)
    print(report(outcomes, examples=args.examples, limit=args.classes))
    if args.json:
        args.json.write_text(json.dumps(
            {"seed": seed, "differences": [dict(d, style=o.style, locale=o.locale)
                                           for o in outcomes for d in o.differences]},
            ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if all(not o.differences for o in outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
