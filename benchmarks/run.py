"""citeform against raw citeproc-py 0.11.1 and ``pandoc --citeproc``, side by side, in one run.

    python benchmarks/run.py             # speed table and cold start (under 10 minutes on 2 idle cores)
    python benchmarks/run.py --memory    # the same plus 100,000 records from disk (a few minutes more)
    python benchmarks/run.py --quick     # 500 and 2,000 entries, one repeat

Every measurement is a fresh child process (``measure.py``) so that peak memory is its
own; raw and citeform alternate, and each figure is the median of ``--repeat`` runs.
Reported: wall time, entries per second, peak memory, the ratio raw / citeform, growth
from 2,000 to 8,000 entries, the cold latency of ``citeform cite KEY -s apa`` against a
minimal citeproc-py script rendering the same record, and the peak memory of 100,000
records read from a folder of files. citeform's output with its default jobs is checked
byte for byte against ``--jobs 1`` at every size. The comparison with pandoc (the same
sizes and styles, whole commands, wall and CPU time; ``convert`` of BibTeX against
``pandoc -f bibtex``) is ``versus_pandoc.py``; ``--against raw`` or ``--against pandoc``
runs one side only. Results go to ``benchmarks/results/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import versus_pandoc

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
DATA = RESULTS / "data"
STYLES = {"apa": "apa", "vancouver": "nlm-citation-sequence"}
SEED_RECORD = ROOT / "records" / "rousseau2002.yaml"


def python() -> str:
    return sys.executable


def citeform_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("citeform")
    return [str(script)] if script.exists() else [python(), "-m", "citeform.cli"]


def dataset(n: int) -> Path:
    path = DATA / f"items-{n}.json"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run([python(), str(HERE / "generate.py"), str(n), "-o", str(path)], check=True)
    return path


def big_folder(n: int) -> Path:
    path = DATA / f"folder-{n}"
    if not (path / "done").exists():
        subprocess.run([python(), str(HERE / "generate.py"), str(n), "--split", "5000",
                        "-o", str(path)], check=True)
        (path / "done").write_text("")
    return path


def child_env(**extra: str) -> dict[str, str]:
    """The environment of every measured process: bytecode may be written (as an installed
    package has it; both sides warm up first), the record cache lives in the results."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "CITEFORM_NO_CACHE")}
    env["CITEFORM_CACHE_DIR"] = str(RESULTS / "cache")
    env.update(extra)
    return env


def measure(engine: str, style: str, path: Path, jobs: int | None = None) -> dict:
    args = [python(), str(HERE / "measure.py"), engine, style, str(path)]
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    env = child_env(CITEFORM_NO_PROGRESS="1")
    done = subprocess.run(args, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"measurement failed: {' '.join(args)}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def mib(kib: float) -> float:
    return kib / 1024


def summary(runs: list[dict]) -> dict:
    wall = statistics.median(r["wall"] for r in runs)
    return {
        "wall": wall,
        "cpu": statistics.median(r["cpu"] for r in runs),
        "entries": runs[0]["entries"],
        "per_second": runs[0]["entries"] / wall if wall else 0.0,
        "peak_mib": max(mib(r["peak_kib"]) for r in runs),
        "worker_peak_mib": max(mib(r["worker_peak_kib"]) for r in runs),
        "tree_pss_mib": max(mib(r["tree_pss_kib"]) for r in runs),
        "runs": [r["wall"] for r in runs],
        "sha256": sorted({r["sha256"] for r in runs}),
    }


def speed(sizes: list[int], styles: list[str], repeat: int, raw_repeat_large: int,
          jobs: int | None, log) -> list[dict]:
    rows = []
    for name in styles:  # warm-up: byte code written for both sides
        measure("raw", STYLES[name], dataset(20))
        measure("citeform", STYLES[name], dataset(20), 1)
    for name in styles:
        style = STYLES[name]
        for n in sizes:
            path = dataset(n)
            raw_runs, cf_runs = [], []
            raw_times = repeat if n <= 2000 else raw_repeat_large
            for i in range(max(repeat, raw_times)):
                if i < raw_times:
                    raw_runs.append(measure("raw", style, path))
                cf_runs.append(measure("citeform", style, path, jobs))
            serial = measure("citeform", style, path, 1)
            raw, cf = summary(raw_runs), summary(cf_runs)
            identical = cf["sha256"] == [serial["sha256"]]
            row = {"style": name, "csl": style, "entries": n, "raw": raw, "citeform": cf,
                   "citeform_serial_wall": serial["wall"], "identical_to_serial": identical,
                   "ratio": raw["wall"] / cf["wall"] if cf["wall"] else 0.0}
            rows.append(row)
            log(f"{name:10} {n:>6}  raw {raw['wall']:7.2f} s (cpu {raw['cpu']:6.1f})  "
                f"citeform {cf['wall']:6.2f} s (cpu {cf['cpu']:5.1f}) "
                f"(serial {serial['wall']:6.2f} s)  ratio {row['ratio']:5.1f}x  "
                f"identical to --jobs 1: {'yes' if identical else 'NO'}")
    return rows


def cold_latency(repeat: int, log) -> dict:
    """``citeform cite KEY -s apa`` against the minimal citeproc-py script, both cold.

    citeform runs twice per round: as a repeated command runs (its parsed-record cache
    holds the file, see ``citeform.records.record_cache``) and with that cache off
    (``CITEFORM_NO_CACHE=1``), as the first run after the record file was edited.
    """
    sys.path.insert(0, str(ROOT / "src"))
    from citeform.records.load import load_file

    record = load_file(str(SEED_RECORD))[0]
    seed_json = DATA / "seed.json"
    DATA.mkdir(parents=True, exist_ok=True)
    seed_json.write_text(json.dumps([record.csl], ensure_ascii=False), encoding="utf-8")
    ours = [*citeform_command(), "cite", record.key, "-s", "apa", "-r", str(SEED_RECORD)]
    theirs = [python(), str(HERE / "minimal_citeproc.py"), str(seed_json), "apa"]
    runs = {
        "citeproc": (theirs, child_env()),
        "citeform": (ours, child_env()),
        "citeform_no_cache": (ours, child_env(CITEFORM_NO_CACHE="1")),
    }
    import resource

    times: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    outputs = {}
    for args, env in runs.values():  # warm-up: byte code written, files in the page cache
        subprocess.run(args, capture_output=True, text=True, env=env)
    for _ in range(repeat):
        for name, (args, env) in runs.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(args, capture_output=True, text=True, env=env)
            times[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if done.returncode != 0:
                raise SystemExit(f"cold run failed: {' '.join(args)}\n{done.stderr}")
            outputs[name] = done.stdout.strip()
    if outputs["citeform"] != outputs["citeform_no_cache"]:
        raise SystemExit("cold runs with and without the record cache printed different entries")
    result: dict = {name: statistics.median(t) for name, t in times.items()}
    result["ratio"] = result["citeform"] / result["citeproc"]
    result["ratio_no_cache"] = result["citeform_no_cache"] / result["citeproc"]
    result["cpu"] = {name: statistics.median(t) for name, t in cpu.items()}
    result["cpu_ratio"] = result["cpu"]["citeform"] / result["cpu"]["citeproc"]
    result["cpu_ratio_no_cache"] = result["cpu"]["citeform_no_cache"] / result["cpu"]["citeproc"]
    result["output"] = outputs
    log(f"cold start  citeform {result['citeform'] * 1000:6.0f} ms (cpu "
        f"{result['cpu']['citeform'] * 1000:.0f})   minimal citeproc-py "
        f"{result['citeproc'] * 1000:6.0f} ms (cpu {result['cpu']['citeproc'] * 1000:.0f})   "
        f"ratio {result['ratio']:.2f}x (cpu {result['cpu_ratio']:.2f}x);   "
        f"record cache off {result['citeform_no_cache'] * 1000:.0f} ms (cpu "
        f"{result['cpu']['citeform_no_cache'] * 1000:.0f}), ratio {result['ratio_no_cache']:.2f}x "
        f"(cpu {result['cpu_ratio_no_cache']:.2f}x)")
    return result


def memory_run(n: int, style: str, jobs: int | None, log) -> dict:
    folder = big_folder(n)
    run = measure("citeform", STYLES[style], folder, jobs)
    log(f"memory     {n:>6} {style} records from {len(list(folder.glob('*.json')))} files: "
        f"{run['wall']:.0f} s; peak RSS {mib(run['peak_kib']):.0f} MiB (main), "
        f"{mib(run['worker_peak_kib']):.0f} MiB (largest worker); peak PSS of all processes "
        f"{mib(run['tree_pss_kib']):.0f} MiB")
    return {"entries": run["entries"], "style": style, "wall": run["wall"],
            "peak_mib": mib(run["peak_kib"]), "worker_peak_mib": mib(run["worker_peak_kib"]),
            "tree_pss_mib": mib(run["tree_pss_kib"])}


def table(rows: list[dict]) -> str:
    lines = [
        "| style | entries | raw citeproc-py | citeform | citeform --jobs 1 | raw entries/s "
        "| citeform entries/s | raw peak RSS | citeform peak RSS (main, worker) "
        "| citeform peak PSS (all) | ratio (wall) | ratio (CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        raw, cf = r["raw"], r["citeform"]
        cpu_ratio = raw["cpu"] / cf["cpu"] if cf["cpu"] else 0.0
        lines.append(
            f"| {r['style']} | {r['entries']:,} | {raw['wall']:.2f} s | {cf['wall']:.2f} s "
            f"| {r['citeform_serial_wall']:.2f} s "
            f"| {raw['per_second']:.0f} | {cf['per_second']:.0f} | {raw['peak_mib']:.0f} MiB "
            f"| {cf['peak_mib']:.0f}, {cf['worker_peak_mib']:.0f} MiB | {cf['tree_pss_mib']:.0f} MiB "
            f"| {r['ratio']:.1f}x | {cpu_ratio:.1f}x |")
    return "\n".join(lines)


def growth(rows: list[dict]) -> dict[str, float]:
    out = {}
    for name in {r["style"] for r in rows}:
        by_n = {r["entries"]: r["citeform"]["wall"] for r in rows if r["style"] == name}
        if 2000 in by_n and 8000 in by_n:
            out[name] = by_n[8000] / by_n[2000]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="500 and 2,000 entries, one repeat")
    parser.add_argument("--sizes", default="500,2000,8000")
    parser.add_argument("--styles", default="apa,vancouver")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--raw-repeat-large", type=int, default=1,
                        help="raw citeproc-py runs above 2,000 entries (they take minutes)")
    parser.add_argument("--jobs", type=int, default=None, help="citeform --jobs (default: automatic)")
    parser.add_argument("--cold-repeat", type=int, default=9)
    parser.add_argument("--memory", action="store_true",
                        help="also render 100,000 records from a folder of files (a few minutes)")
    parser.add_argument("--memory-records", type=int, default=100_000)
    parser.add_argument("--memory-style", default="vancouver", choices=sorted(STYLES))
    parser.add_argument("--against", default="raw,pandoc",
                        help="comparisons to run: raw (citeproc-py), pandoc (pandoc --citeproc)")
    parser.add_argument("--convert", type=int, default=10_000, metavar="N",
                        help="BibTeX records for convert against pandoc (0: skip)")
    parser.add_argument("--out", default="latest", help="results/NAME.json and NAME.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat, args.cold_repeat, args.convert = "500,2000", 1, 5, 2000
    against = {a for a in args.against.split(",") if a}

    RESULTS.mkdir(parents=True, exist_ok=True)
    log_lines: list[str] = []

    def log(line: str) -> None:
        print(line, flush=True)
        log_lines.append(line)

    started = time.time()
    log(f"citeform benchmarks: Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"{platform.platform()}")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    styles = [s for s in args.styles.split(",") if s]
    rows = speed(sizes, styles, args.repeat, args.raw_repeat_large, args.jobs, log) \
        if "raw" in against else []
    pandoc_rows = versus_pandoc.bibliographies(sizes, styles, args.repeat, args.jobs, log) \
        if "pandoc" in against else []
    conversion = versus_pandoc.convert(args.convert, args.repeat, log) \
        if "pandoc" in against and args.convert else None
    cold = cold_latency(args.cold_repeat, log)
    memory = memory_run(args.memory_records, args.memory_style, args.jobs, log) \
        if args.memory else None
    grow = growth(rows)
    for name, g in sorted(grow.items()):
        log(f"growth     {name}: 8,000 entries take {g:.2f}x the time of 2,000")
    for name, g in versus_pandoc.growth(pandoc_rows).items():
        log(f"growth     {name}: 8,000 / 2,000 entries = "
            + ", ".join(f"{what} {v:.2f}x" for what, v in g.items()))
    log(f"total benchmark time {time.time() - started:.0f} s")

    tables = [t for t in (table(rows) if rows else "",
                          versus_pandoc.table(pandoc_rows, conversion)
                          if pandoc_rows or conversion else "") if t]
    report = {"rows": rows, "growth": grow, "pandoc": {"rows": pandoc_rows, "convert": conversion,
                                                       "growth": versus_pandoc.growth(pandoc_rows)}, "cold": cold, "memory": memory,
              "python": platform.python_version(), "cores": os.cpu_count(),
              "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    (RESULTS / f"{args.out}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    (RESULTS / f"{args.out}.md").write_text("\n\n".join(tables) + "\n\n" + "\n".join(log_lines) + "\n",
                                            encoding="utf-8")
    for text in tables:
        print()
        print(text)
    identical = [r["identical_to_serial"] for r in rows] + [r["identical_to_jobs1"] for r in pandoc_rows]
    return 0 if all(identical) else 1


if __name__ == "__main__":
    sys.exit(main())
