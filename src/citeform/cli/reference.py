"""Generate the CLI reference (docs/cli.md) from the commands' ``--help``.

    python -m citeform.cli.reference > docs/cli.md
"""

from __future__ import annotations

from click.testing import CliRunner

from .commands import cli


def reference() -> str:
    """Markdown with the ``--help`` of the group and of every command."""
    runner = CliRunner()
    ctx = cli.make_context("citeform", [], resilient_parsing=True)
    parts = ["# CLI reference", "", "Generated from `--help`: `python -m citeform.cli.reference > docs/cli.md`.", ""]
    for name in [None, *cli.list_commands(ctx)]:
        args = [name, "--help"] if name else ["--help"]
        out = runner.invoke(cli, args, terminal_width=100, prog_name="citeform").output
        parts += [f"## citeform {name}" if name else "## citeform", "", "```", out.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
