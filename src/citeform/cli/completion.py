"""``citeform completion SHELL``, and the completers of style names, formats and record keys.

The script is click's: the shell runs ``citeform`` again with ``_CITEFORM_COMPLETE`` set,
and the completers below give the candidates. They import the library only when called, so
that completing a command name stays as quick as ``citeform --help``.
"""

from __future__ import annotations

import click
from click.shell_completion import CompletionItem

SHELLS = ("bash", "zsh", "fish")


def complete_styles(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Style names: short names, citeform's writers and the CSL repository's ids."""
    from .. import styles

    try:
        names = styles.all_style_ids()
    except Exception:  # a completer must never print a traceback into the shell
        return []
    return [CompletionItem(n) for n in names if n.startswith(incomplete.lower())]


def complete_keys(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Record keys of the records ``-r`` names on the command line so far, else the default
    records ($CITEFORM_RECORDS, else ./records). Only regular files and folders are read (a
    FIFO or ``/dev/stdin`` would block the shell); keys a citation cannot name (white space,
    control characters) are not offered."""
    from ..records.load import default_record_paths, load_records

    given = [p for p in ctx.params.get("paths") or () if p != "-"] or default_record_paths()
    paths = [p for p in given if _plain_file_or_folder(p)]
    if not paths:
        return []
    try:
        records = load_records(paths, warn=lambda _message: None)
    except Exception:  # unreadable or broken records: no candidates rather than an error
        return []
    return [CompletionItem(r.key) for r in records if r.key.startswith(incomplete)
            and r.key.isprintable() and not any(c.isspace() for c in r.key)]


def _plain_file_or_folder(path: str) -> bool:
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def script(shell: str, prog_name: str = "citeform") -> str:
    """The completion script for ``shell`` (what click prints for ``_CITEFORM_COMPLETE``)."""
    from click.shell_completion import get_completion_class

    from .commands import cli

    cls = get_completion_class(shell)
    if cls is None:  # pragma: no cover - SHELLS are the ones click knows
        raise click.BadParameter(f"unsupported shell {shell!r}")
    complete_var = "_" + prog_name.replace("-", "_").upper() + "_COMPLETE"
    return cls(cli, {}, prog_name, complete_var).source()


@click.command()
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the completion script for SHELL: commands, options, style names, formats and
    the record keys of the default records complete with Tab.

    \b
    Examples:
      citeform completion bash > ~/.local/share/bash-completion/completions/citeform
      citeform completion zsh > "${fpath[1]}/_citeform"
      citeform completion fish > ~/.config/fish/completions/citeform.fish
      eval "$(citeform completion bash)"      # this shell only
    """
    click.echo(script(shell), nl=False)
