"""Every example in the README and docs/ runs, and prints what it shows.

- commands (``$ citeform ...`` in console blocks, indented ``citeform ...`` lines) run in a
  folder holding the files they name (records/, refs.bib, library.bib, ...) and must succeed;
  output shown under a command must be what it prints;
- Python blocks run in the same kind of folder;
- record examples (YAML and JSON blocks of docs/record-format.md) load without a warning;
- rendered examples (``text`` blocks) are what citeform renders.

The README's tour is checked line by line in test_readme.py; docs/cli.md is generated and
checked in tests/cli/test_cli_reference.py; the set-up commands (pip, .ci/run) are checked in
test_readme.py.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import RECORDS, ROOT

DOCS = [ROOT / "README.md", *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "cli.md")]
CITEFORM = Path(sys.executable).parent / "citeform"


@dataclass
class Block:
    doc: str
    line: int
    lang: str
    text: str

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.line}"


def _blocks() -> list[Block]:
    out = []
    for path in DOCS:
        lines = path.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            m = re.match(r"^```(\w*)\s*$", lines[i])
            if m:
                end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
                out.append(Block(path.name, i + 1, m.group(1), "\n".join(lines[i + 1 : end])))
                i = end + 1
                continue
            i += 1
    return out


BLOCKS = _blocks()


@dataclass
class Command:
    where: str
    command: str
    output: str | None  # what the example shows it prints, if anything


def _commands() -> list[Command]:
    found = []
    for block in BLOCKS:
        if block.lang != "console" or (block.doc == "README.md" and _in_tour(block)):
            continue
        command, shown = None, []
        for line in block.text.splitlines() + ["$ "]:
            if line.startswith("$ "):
                if command and _runnable(command):
                    found.append(Command(block.where, command, "\n".join(shown) if shown else None))
                command, shown = line[2:], []
            else:
                shown.append(line)
    for path in DOCS:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = line[4:]
            if line.startswith("    ") and re.match(r"(citeform|cat) ", text) and _runnable(text):
                if "INPUT..." in text:  # a synopsis, not an example
                    continue
                found.append(Command(f"{path.name}:{n}", text, None))
    return found


def _in_tour(block: Block) -> bool:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## Tour", 1)[1].split("\n## ", 1)[0]
    return block.text in tour and block.text.splitlines()[0].startswith("$ citeform cite rousseau2002")


def _runnable(command: str) -> bool:
    """Examples of citeform itself (the set-up and development commands are checked apart)."""
    words = command.split()
    return bool(words) and (words[0] == "citeform" or (words[0] == "cat" and "| citeform" in command))


COMMANDS = _commands()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """The files the examples name, made from the sample records."""
    from click.testing import CliRunner

    from citeform.cli import cli

    base = tmp_path_factory.mktemp("inputs")
    shutil.copytree(RECORDS, base / "records")
    shutil.copytree(RECORDS, base / "papers")  # ~/papers, with HOME here
    shutil.copytree(RECORDS.parent / "examples", base / "examples")
    files = sorted(str(p) for p in RECORDS.glob("*.yaml"))
    half = len(files) // 2
    runner = CliRunner()
    for name, fmt, paths in [("refs.bib", "bibtex", files), ("library.bib", "bibtex", files),
                             ("refs.json", "csl-json", files), ("scopus.ris", "ris", files[:half]),
                             ("zotero.json", "csl-json", files[half:])]:
        result = runner.invoke(cli, ["convert", *paths, "-t", fmt, "-o", str(base / name), "-q"])
        assert result.exit_code == 0, result.output
    from citeform.styles import resolve

    (base / "path" / "to").mkdir(parents=True)
    shutil.copy(resolve("apa").path, base / "path" / "to" / "my-style.csl")
    (base / "manuscript.md").write_text("# Manuscript\n", encoding="utf-8")
    paper = (RECORDS.parent / "examples" / "paper.md").read_text(encoding="utf-8")
    (base / "paper.md").write_text(paper.replace("bibliography: ../records",
                                                 "bibliography: records"), encoding="utf-8")
    return base


def _sandbox(inputs: Path, tmp_path: Path, command: str = "") -> Path:
    """A fresh folder with the inputs, less the ones the command writes."""
    words = shlex.split(command.split("#")[0]) if command else []
    writes = {words[i + 1].rstrip("/") for i, w in enumerate(words[:-1]) if w in ("-o", ">")}
    box = tmp_path / "box"
    box.mkdir()
    for entry in inputs.iterdir():
        if entry.name in writes:
            continue
        if entry.is_dir():
            shutil.copytree(entry, box / entry.name)
        else:
            shutil.copy(entry, box / entry.name)
    return box


def _outside(command: str) -> str:
    """The command with output redirected away from places outside the sandbox (``~/...``,
    ``${fpath[1]}/...``) into the sandbox."""
    return re.sub(r">\s*(~|\"\$\{[^}]*\}|\$\w+)\S*", "> redirected.out", command)


@pytest.mark.skipif(not CITEFORM.exists(), reason="the citeform script is not installed beside python")
@pytest.mark.parametrize("example", COMMANDS, ids=[f"{c.where} {c.command[:50]}" for c in COMMANDS])
def test_command_examples_run(example: Command, inputs: Path, tmp_path: Path):
    if re.search(r"(^|\|\s*)pandoc\b", example.command) and shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    box = _sandbox(inputs, tmp_path, example.command)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEFORM_")}
    env.update(HOME=str(box), PATH=f"{CITEFORM.parent}{os.pathsep}{env.get('PATH', '')}",
               CITEFORM_NO_CACHE="1")
    run = subprocess.run(["bash", "-c", "set -o pipefail; " + _outside(example.command)], cwd=box,
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"{example.where}: {example.command}\n{run.stderr}"
    assert "Traceback" not in run.stderr
    if example.output is not None:
        shown = example.output.strip("\n")
        # what a console shows: standard output, then the summary lines of standard error
        printed = (run.stdout + run.stderr).strip("\n")
        assert printed == shown, f"{example.where}: {example.command}"


PYTHON = [b for b in BLOCKS if b.lang == "python"]


@pytest.mark.parametrize("block", PYTHON, ids=[b.where for b in PYTHON])
def test_python_examples_run(block: Block, inputs: Path, tmp_path: Path, capsys):
    box = _sandbox(inputs, tmp_path)
    from citeform import load_records
    from citeform.styles import resolve

    cwd = os.getcwd()
    os.chdir(box)
    try:
        # names the engine's example takes as given: CSL-JSON items and a style file
        namespace = {"items": [r.csl for r in load_records(["records"])], "style": resolve("apa").path}
        exec(compile(block.text, block.where, "exec"), namespace)  # noqa: S102 - our own docs
    finally:
        os.chdir(cwd)


RECORD_BLOCKS = [b for b in BLOCKS if b.doc == "record-format.md" and b.lang in ("yaml", "json")]


@pytest.mark.parametrize("block", RECORD_BLOCKS, ids=[b.where for b in RECORD_BLOCKS])
def test_record_examples_load_cleanly(block: Block, tmp_path: Path):
    from citeform import load_records

    text = "\n".join(line for line in block.text.splitlines() if line.strip() != "...")
    data = json.loads(text) if block.lang == "json" else yaml.safe_load(text)
    if data is None:  # a comment only: the schema line for editors
        target = re.search(r"\$schema=(\S+)", text)
        assert target and (RECORDS / target.group(1)).resolve().is_file()
        return
    if isinstance(data, dict) and "type" not in data and "references" not in data and "id" not in data:
        data = {"type": "book", "title": "T", "year": 2000, "authors": ["A, B"], **data}  # a fragment
        text = yaml.safe_dump(data, allow_unicode=True)
    path = tmp_path / f"example.{'json' if block.lang == 'json' else 'yaml'}"
    path.write_text(text, encoding="utf-8")
    warnings: list[str] = []
    records = load_records([str(path)], warn=warnings.append)
    assert records and not warnings, f"{block.where}: {warnings}"


TEXT_BLOCKS = [b for b in BLOCKS if b.lang == "text"]


@pytest.mark.parametrize("block", TEXT_BLOCKS, ids=[b.where for b in TEXT_BLOCKS])
def test_text_examples_are_what_citeform_prints(block: Block, invoke, tmp_path: Path):
    for line in block.text.splitlines():
        warning = re.fullmatch(r"warning: records/(\w+)\.yaml:(\d+): (\w+): unknown field '([\w-]+)' "
                               r"kept under 'custom'", line)
        if warning:
            stem, at, key, field = warning.groups()
            lines = (RECORDS / f"{stem}.yaml").read_text(encoding="utf-8").splitlines()
            lines.insert(int(at) - 1, f"{field}: B12")
            (tmp_path / "records").mkdir()
            (tmp_path / "records" / f"{stem}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
            cwd = os.getcwd()
            os.chdir(tmp_path)
            try:
                result = invoke("cite", key, "-r", "records")
            finally:
                os.chdir(cwd)
            assert result.stderr == f"citeform: {line}\n"
            continue
        rendered = re.fullmatch(r"(\w+)\s{2,}(.+)", line)
        assert rendered, f"{block.where}: an example of a kind this test does not know: {line!r}"
        style, shown = rendered.groups()
        parts = [p.strip() for p in shown.split("…") if p.strip()]
        # the example shows one record cited alone
        entries = [invoke("cite", path.stem, "-r", str(path), "-s", style.lower()).stdout
                   for path in sorted(RECORDS.glob("*.yaml"))
                   if re.match(r"\w+", parts[0]).group() in path.read_text(encoding="utf-8")]
        assert any(_in_order(entry, parts) for entry in entries), f"{block.where}: {line}"


def _in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True
