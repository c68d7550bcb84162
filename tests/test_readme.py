"""The README's tour shows real output: every command in it prints exactly what it shows."""

from __future__ import annotations

import os
import re
import shlex

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _tour_examples() -> list[tuple[str, str]]:
    tour = README.split("## Tour", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```console\n(.*?)```", tour, re.S).group(1)
    examples, command, lines = [], None, []
    for line in block.splitlines():
        if line.startswith("$ "):
            if command:
                examples.append((command, "\n".join(lines).strip("\n")))
            command, lines = line[2:], []
        else:
            lines.append(line)
    if command:
        examples.append((command, "\n".join(lines).strip("\n")))
    return examples


EXAMPLES = _tour_examples()


def _setup_commands() -> list[str]:
    """The README's first lines after the title: the set-up commands, indented as code."""
    lines = README.splitlines()
    assert lines[0] == "# citeform" and lines[1] == ""
    return [line[4:] for line in lines[2:4]]


def test_readme_opens_with_the_two_commands():
    """Commands that work on a fresh Debian/Ubuntu: no ``python`` there (only ``python3``), and
    the system pip refuses to install (PEP 668), so both go through a virtual environment."""
    install, test = _setup_commands()
    assert install == "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/citeform cite"
    assert test == ('python3 -m venv .venv && .venv/bin/pip install ".[test]" '
                    "&& .venv/bin/python -m pytest")
    for command in (install, test):
        words = shlex.split(command)
        assert "python" not in words and "pip" not in words  # no bare python, no system pip


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")]
    assert _setup_commands()[1] in commands
    assert commands[0] == "set -euo pipefail"


@pytest.mark.parametrize("command, expected", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_tour_output(invoke, command, expected):
    head = None
    if "| head -" in command:
        command, _, rest = command.partition("|")
        head = int(rest.strip().split("-")[1])
    args = shlex.split(command)
    assert args[0] == "citeform"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = invoke(*args[1:], env={"CITEFORM_RECORDS": ""})
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.stderr
    out = result.stdout.splitlines()
    if head:
        out = out[:head]
    assert "\n".join(out).strip("\n") == expected


def test_manuscripts_example_is_real(invoke):
    """The Manuscripts section shows a real file and what ``citeform manuscript`` prints."""
    section = README.split("## Manuscripts", 1)[1].split("\n## ", 1)[0]
    shown = re.search(r"```markdown\n<!-- (\S+) -->\n(.*?)```", section, re.S)
    path, text = shown.group(1), shown.group(2)
    assert (ROOT / path).read_text(encoding="utf-8") == text
    block = re.search(r"```console\n\$ (citeform manuscript \S+)\n(.*?)```", section, re.S)
    command, expected = block.group(1), block.group(2)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = invoke(*shlex.split(command)[1:], env={"CITEFORM_RECORDS": ""})
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
