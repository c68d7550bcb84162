"""Hostile manuscripts: pathological text, special files, the output over the input,
concurrent runs."""

from __future__ import annotations

import os
import threading
import time

import pytest
from conftest import RECORDS

from citeform.manuscript.scanner import scan

# each would take minutes if a search for a closing mark rescanned the rest of the text
PATHOLOGICAL = {
    "unclosed brackets": "[" * 20000,
    "unclosed inline notes": "^[" * 10000,
    "unclosed link targets": "[a](" * 10000,
    "unclosed braces after commands": "\\foo{" * 10000,
    "dollars without closers": "$x " * 20000,
    "citations before unclosed brackets": "@a [" * 10000,
    "tags that never close": "<a " * 20000,
    "comments that never close": "<!-- " * 10000,
    "backtick runs": "".join("`" * (i % 9 + 1) + " a " for i in range(10000)),
    "deep nesting": "[" * 5000 + "@a" + "]" * 5000,
    "many citations in one line": "[@a] " * 20000,
    "many fences": "```\n" * 20000,
    "many divs": "::: {#x}\n" * 20000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_text_is_scanned_in_linear_time(name):
    text = PATHOLOGICAL[name]
    start = time.process_time()
    scan(text)
    assert time.process_time() - start < 5, name


def test_many_unknown_keys_in_one_run(invoke):
    text = "".join(f"[@missing{i % 50}] " for i in range(5000)) + "\n"
    start = time.process_time()
    result = invoke("manuscript", "-", "-r", str(RECORDS), "-q", input=text)
    assert time.process_time() - start < 30
    assert result.exit_code == 0
    assert result.stdout.startswith("**missing0?** **missing1?** ")


def test_input_through_a_symlink_and_a_fifo(invoke, tmp_path):
    src = tmp_path / "p.md"
    src.write_text("See [@who2000].\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(src)
    by_link = invoke("manuscript", str(link), "-r", str(RECORDS), "-s", "apa")
    assert by_link.stdout.startswith("See (World Health Organization, 2000).")

    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as f:
            f.write("Via a FIFO [@who2000].\n")

    writer = threading.Thread(target=feed)
    writer.start()
    by_fifo = invoke("manuscript", str(fifo), "-r", str(RECORDS), "-s", "apa")
    writer.join(timeout=10)
    assert by_fifo.exit_code == 0, by_fifo.stderr
    assert by_fifo.stdout.startswith("Via a FIFO (World Health Organization, 2000).")


def test_concurrent_runs_leave_a_whole_file(tmp_path):
    """Processes writing the same output at once: the file is one run's output, never a mix,
    and no temporary file is left."""
    import subprocess
    import sys

    src = tmp_path / "p.md"
    src.write_text("".join(f"Line {i} [@who2000].\n" for i in range(200)), encoding="utf-8")
    out = tmp_path / "out.md"
    cmd = [sys.executable, "-c", "from citeform.cli import main; main()", "manuscript",
           str(src), "-o", str(out), "-r", str(RECORDS), "-s", "apa"]
    env = {**os.environ, "CITEFORM_NO_CACHE": "1"}
    procs = [subprocess.Popen(cmd, env=env) for _ in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    alone = subprocess.run(cmd[:5] + ["-r", str(RECORDS), "-s", "apa"], env=env,
                           capture_output=True, text=True, check=True).stdout
    assert out.read_text(encoding="utf-8") == alone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md", "p.md"]


def test_control_characters_and_odd_keys_pass(invoke):
    text = "\x01\x1b[31m [@who2000] \u202e\ufeff @{a\x00b} @{}\n"
    result = invoke("manuscript", "-", "-r", str(RECORDS), "-s", "apa", "-q",
                    "--no-bibliography", input=text.replace("\x00", ""))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "\x01\x1b[31m (World Health Organization, 2000) \u202e\ufeff " \
                            "**ab?** @{}\n"
