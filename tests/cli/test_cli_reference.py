"""The CLI reference in docs/cli.md is up to date and documents every command."""

from __future__ import annotations

from conftest import ROOT


def test_cli_reference_is_current():
    from citeform.cli.reference import reference

    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == reference(), "run: python -m citeform.cli.reference > docs/cli.md"


def test_every_command_is_in_the_readme():
    from citeform.cli import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.list_commands(cli.make_context("citeform", [], resilient_parsing=True)):
        assert f"citeform {name}" in readme, name
