"""The ``citeform`` command group on click: subcommands imported only when called, one-line
errors and the documented exit codes.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from .. import __version__

COMMANDS = {
    "cite": ("citeform.cli.cite", "cite", "Format citations and bibliographies from records."),
    "styles": ("citeform.cli.styles_command", "styles", "List or search the styles citeform knows."),
    "convert": ("citeform.cli.convert", "convert", "Convert records between formats."),
    "check": ("citeform.cli.check", "check", "Validate records and report every problem."),
    "completion": ("citeform.cli.completion", "completion",
                   "Print a shell completion script (bash, zsh, fish)."),
    "manuscript": ("citeform.cli.manuscript_command", "manuscript",
                   "Render the citations of a Markdown manuscript and add the bibliography."),
    "filter": ("citeform.cli.manuscript_command", "filter_command",
               "A pandoc JSON filter: render the citations of pandoc's AST."),
}


def color() -> bool | None:
    """False when NO_COLOR is set (no-color.org) or TERM is dumb; else None (colour on a
    terminal only, as click decides)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return None


def warner(quiet: bool = False) -> Callable[[str], None]:
    """A function printing ``citeform: warning: MESSAGE`` on standard error, erasing any
    progress bar first; one that prints nothing when ``quiet``."""
    if quiet:
        return lambda _message: None

    def warn(message: str) -> None:
        from ..progress import clear
        from ..safe_text import escaped

        clear()
        click.echo(f"citeform: warning: {escaped(message)}", err=True)

    return warn


class LazyGroup(click.Group):
    """A group whose subcommands live in their own modules, imported on use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._available(name)]

    def _available(self, name: str) -> bool:
        module = COMMANDS[name][0]
        return importlib.util.find_spec(module) is not None

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not self._available(name):
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        """Click's, with a "did you mean" for a mistyped command (``citeform citee``)."""
        name = args[0] if args else ""
        if (name and not name.startswith("-") and not ctx.resilient_parsing
                and self.get_command(ctx, name) is None):
            import difflib

            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1, cutoff=0.6)
            hint = f" (Did you mean {close[0]!r}?)" if close else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        """Run with one-line errors and the documented exit codes (0, 1, 2, 130)."""
        from ..errors import CiteformError

        argv = list(args) if args is not None else sys.argv[1:]
        debug = "--debug" in argv or bool(os.environ.get("CITEFORM_DEBUG"))
        extra.pop("standalone_mode", None)
        try:
            rv = super().main(args=argv, prog_name=prog_name, standalone_mode=False, **extra)
        except CiteformError as e:
            if debug:
                raise
            from ..progress import clear
            from ..safe_text import escaped

            clear()
            for line in e.format().splitlines():
                click.secho(f"citeform: error: {escaped(line)}", err=True, fg="red",
                            color=color())
            sys.exit(e.exit_code)
        except (click.exceptions.Abort, KeyboardInterrupt):
            click.echo("citeform: interrupted", err=True)
            sys.exit(130)
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except BrokenPipeError:
            # the reader of a pipe went away (``citeform cite | head``): not an error of ours
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except Exception as e:
            if debug:
                raise
            from ..safe_text import escaped

            click.secho(f"citeform: internal error: {type(e).__name__}: {escaped(str(e))} "
                        "(run with --debug for details)", err=True, fg="red", color=color())
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # short help without importing every subcommand
        rows = [(n, COMMANDS[n][2]) for n in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citeform")
@click.option("--debug", is_flag=True, envvar="CITEFORM_DEBUG",
              help="Show Python tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """citeform: format citations and bibliographies from YAML records with CSL styles.

    Records are read from -r PATH, else $CITEFORM_RECORDS, else ./records.
    CITEFORM_NO_PROGRESS=1 turns progress bars off; NO_COLOR=1 (or TERM=dumb) colour.
    'citeform completion bash|zsh|fish' prints a shell completion script.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


class _Replay(LazyGroup):
    """A group whose one command raises an error already raised elsewhere."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(name="citeform")
        self.error = error

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        def fail() -> None:
            raise self.error

        return click.Command(name, callback=fail)


def replay(error: BaseException, command: str) -> NoReturn:
    """Report an error raised by ``command`` run without click (:mod:`citeform.cli.quick`)
    exactly as when click runs it: click's handling (an interrupt, a closed pipe), then the
    group's (one line, exit code)."""
    _Replay(error).main(args=[command], prog_name="citeform")
    raise AssertionError("unreachable: the group's main exits")  # pragma: no cover
