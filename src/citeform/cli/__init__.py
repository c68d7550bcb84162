"""The ``citeform`` command line: a thin layer over the library.

Subcommands are imported only when called, so ``citeform --help`` stays quick to start;
the commonest command line, ``citeform cite KEY... [-s STYLE] [-r PATH]...``, runs without
importing click at all (:mod:`citeform.cli.quick`). The group is
:data:`citeform.cli.commands.cli`, also importable from here.
"""

from __future__ import annotations

import sys
from typing import Any

# what ``from citeform.cli import NAME`` finds in citeform.cli.commands (imported on use)
_FROM_COMMANDS = ("cli", "LazyGroup", "COMMANDS", "warner", "color", "replay")


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    import atexit
    import gc

    # The process ends after one command, and its objects with it: the collector's passes over
    # them while the interpreter shuts down free nothing that exiting would not (they took a
    # tenth of the run time of ``citeform cite KEY``). Registered first, so it runs after
    # every other exit handler.
    atexit.register(gc.freeze)
    from .quick import run_quick

    if run_quick(sys.argv[1:] if argv is None else list(argv)):
        sys.exit(0)  # as the group ends a command that returned
    from .commands import cli

    cli.main(args=argv, prog_name="citeform")


def __getattr__(name: str) -> Any:
    if name in _FROM_COMMANDS:
        from . import commands

        return getattr(commands, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
