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


def test_readme_opens_with_the_two_commands():
    first = README.splitlines()[:5]
    assert any("pip install . && citeform cite" in line for line in first)
    assert any('pip install ".[test]" && python -m pytest' in line for line in first)


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet ".[test]"' in ci
    assert "\npython -m pytest\n" in ci


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
