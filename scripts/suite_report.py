"""Run the CSL suite through the engine and write a failure report (for development).

    python scripts/suite_report.py [CATEGORY_OR_PREFIX] > report.txt
    python scripts/suite_report.py --ratchet   # rewrite failures into the ratchet, keeping reasons
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conformance import suite  # noqa: E402
from tests.conformance import test_conformance as tc  # noqa: E402


def main(argv: list[str]) -> int:
    results = tc.outcomes()
    if argv and argv[0] == "--ratchet":
        old = suite.read_ratchet(tc.RATCHET)
        default = argv[1] if len(argv) > 1 else "to be analysed"
        lines = ["# CSL test-suite fixtures expected to fail, one per line: name  # reason"]
        for name, (passed, _e, _a) in sorted(results.items()):
            if not passed:
                lines.append(f"{name}  # {old.get(name, default)}")
        tc.RATCHET.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines) - 1} fixtures listed")
        return 0
    prefix = argv[0] if argv else ""
    raw = set((tc.RAW_PASSES).read_text().split())
    for name, (passed, expected, actual) in sorted(results.items()):
        if passed or not name.startswith(prefix):
            continue
        flag = " [RAW PASSES]" if name in raw else ""
        print(f"=== {name}{flag}\n--- expected\n{expected}\n--- actual\n{actual}\n")
    totals, wins = tc.summary()
    print(f"{sum(wins.values())}/{sum(totals.values())}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
