"""Options that every command reading records shares: ``--from`` and ``--abbreviations``.

Each is a decorator, so a command adopts it with one line (``@from_option``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

# the formats ``--from`` names (as ``convert`` does); kept here so that ``--help`` loads no reader
INPUT_FORMATS = ("yaml", "csl-json", "csl-yaml", "bibtex", "biblatex", "ris", "medline")


def from_option(f: F) -> F:
    """``--from FORMAT``: read every input in this format (passed on as ``from_fmt``)."""
    return click.option(
        "--from", "from_fmt", type=click.Choice(INPUT_FORMATS),
        help="Read every input in this format (default: from each file's extension; "
             "standard input by its first lines).")(f)


def abbreviations_option(f: F) -> F:
    """``--abbreviations FILE`` (also ``$CITEFORM_ABBREVIATIONS``), passed on as
    ``abbreviations``."""
    return click.option(
        "--abbreviations", metavar="FILE", envvar="CITEFORM_ABBREVIATIONS",
        type=click.Path(dir_okay=False),
        help="Journal abbreviations for records without one, as JSON "
             '{"default": {"container-title": {"Full Title": "Abbr"}}} (the form citeproc-js '
             "and pandoc read). Default: $CITEFORM_ABBREVIATIONS. Vancouver-like styles "
             "abbreviate the other journal titles by rule (ISO 4 without periods).")(f)
