"""Print the fidelity figures and the differing entries (for development).

    python scripts/fidelity_report.py [apa|vancouver] [bibliography|citations] [N]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fidelity.compare import STYLES, compare  # noqa: E402


def main(argv: list[str]) -> int:
    styles = [argv[0]] if argv else list(STYLES)
    kinds = [argv[1]] if len(argv) > 1 else ["bibliography", "citations"]
    limit = int(argv[2]) if len(argv) > 2 else 20
    for style in styles:
        for comparison in compare(style):
            if comparison.kind not in kinds:
                continue
            print(f"{style} {comparison.kind}: {comparison.identical}/{comparison.total} ({comparison.ratio:.1%})")
            for expected, actual in comparison.mismatches[:limit]:
                print(f"  EXP {expected}\n  GOT {actual}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
