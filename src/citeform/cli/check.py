"""``citeform check``: validate records and report every problem at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .completion import complete_styles
from .input_options import abbreviations_option, from_option

if TYPE_CHECKING:
    from ..records.validate import Problem


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(errors: int, warnings: int, hints: int, records: int) -> str:
    """``3 errors, 2 warnings in 14 records`` (hints named only when there are some)."""
    counts = [_plural(errors, "error"), _plural(warnings, "warning")]
    if hints:
        counts.append(_plural(hints, "hint"))
    return f"{', '.join(counts)} in {_plural(records, 'record')}"


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...", type=click.Path())
@click.option("-s", "--style", shell_complete=complete_styles, help="Also warn about what this style needs and a record lacks.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on any).")
@click.option("--duplicates", is_flag=True,
              help="Report records that are the same publication (same DOI, or same title, "
                   "year and first author).")
@from_option
@abbreviations_option
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the count line.")
@click.option("--debug", is_flag=True, hidden=True)
def check(paths: tuple[str, ...], style: str | None, strict: bool, duplicates: bool,
          from_fmt: str | None, abbreviations: str | None, quiet: bool, debug: bool) -> None:
    """Validate the records in PATH... (files or folders; default: $CITEFORM_RECORDS, else
    ./records) and print every problem as file:line:column: key: message.

    Exit 0 when there are no errors (warnings allowed), 1 when there are.

    \b
    Examples:
      citeform check                       # every record in ./records
      citeform check records/rousseau2002.yaml -s vancouver
      citeform check --strict --duplicates ~/papers
    """
    from ..records.validate import ERROR, HINT, WARNING, validate_paths
    from ..safe_text import escaped
    from ..styles import resolve

    resolved = resolve(style) if style is not None else None
    report = validate_paths(list(paths) or None, style=resolved, duplicates=duplicates,
                            progress=not quiet, fmt=from_fmt, abbreviations=abbreviations)
    problems = report.in_order()
    if strict:
        problems = [p if p.severity != WARNING else _as_error(p) for p in problems]
    for p in problems:
        if quiet and p.severity != ERROR:
            continue
        click.echo(escaped(p.format()))  # nothing from a file reaches the terminal raw
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = report.count(WARNING) if not strict else 0
    click.echo(summary(errors, warnings, report.count(HINT), report.records))
    if errors:
        click.get_current_context().exit(1)


def _as_error(problem: Problem) -> Problem:
    from dataclasses import replace

    return replace(problem, severity="error")
