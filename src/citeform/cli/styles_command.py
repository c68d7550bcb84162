"""``citeform styles``: list and search the styles citeform knows."""

from __future__ import annotations

import click


@click.command()
@click.argument("query", required=False)
@click.option("--ids", "ids_only", is_flag=True, help="Print only the style ids.")
@click.option("--aliases", "aliases_only", is_flag=True,
              help="Print only the short names, each with the style id it stands for.")
def styles(query: str | None, ids_only: bool, aliases_only: bool) -> None:
    """List styles whose id or title contains every word of QUERY (all styles without one).

    Prints the id (what -s takes) and the title, tab-separated; a short name's title ends
    with "(alias of ID)".
    """
    from .. import styles as lib

    if aliases_only:
        words = (query or "").lower().split()
        rows = [(a, t) for a, t in sorted(lib.aliases().items())
                if all(w in f"{a} {t}".lower() for w in words)]
    elif ids_only:
        words = (query or "").lower().split()
        rows = [(i, "") for i in lib.all_style_ids() if all(w in i.lower() for w in words)]
    else:
        rows = lib.search(query)
    if not rows:
        raise click.ClickException(f"no style matches {query!r}")
    click.echo("".join(f"{i}\t{t}\n" if t else f"{i}\n" for i, t in rows), nl=False)
