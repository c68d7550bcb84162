"""``citeform cite``: bibliographies and in-text citations from records."""

from __future__ import annotations

import click

from ..output import OUTPUT_FORMATS
from .completion import complete_keys, complete_styles
from .input_options import abbreviations_option, from_option


@click.command()
@click.argument("keys", nargs=-1, shell_complete=complete_keys)
@click.option("-r", "--records", "paths", multiple=True, metavar="PATH", type=click.Path(),
              help="Record file or folder (searched recursively); '-' for standard input. "
                   "Repeatable. Default: $CITEFORM_RECORDS, else ./records.")
@click.option("-s", "--style", default="vancouver", show_default=True, shell_complete=complete_styles,
              help="Style: alias (vancouver, apa, ...), CSL repository id, .csl file, or bibtex/biblatex.")
@click.option("-f", "--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="text",
              show_default=True, help="Output format.")
@click.option("-o", "--output", metavar="PATH",
              help="Write to this file (atomically) instead of standard output ('-': standard "
                   "output; a device or FIFO is written into).")
@click.option("-l", "--locale", help="Locale to use instead of the style's (e.g. en-GB, de-DE).")
@click.option("--in-text", "clusters", multiple=True, metavar="CLUSTER",
              help="Pandoc citation syntax, e.g. '[@key, p. 5; @other]'. Repeatable (one "
                   "--in-text per cluster); clusters are cited in order in one document and "
                   "printed one per line.")
@click.option("--bibliography/--no-bibliography", "with_bib", default=None,
              help="With --in-text, also print the bibliography of the cited records and of "
                   "KEYS (listed uncited, as pandoc's nocite); the default when KEYS are given.")
@click.option("--nocite-all", is_flag=True,
              help="With --in-text, list every record in the bibliography, cited or not.")
@click.option("--link-citations", is_flag=True,
              help="With --in-text, HTML and Markdown citations link to their entries (#ref-KEY).")
@click.option("--ascii", "ascii_only", is_flag=True,
              help="BibTeX/BibLaTeX: write accents as LaTeX commands instead of UTF-8.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes that render a large bibliography (default: one per core for "
                   "400 entries or more). The output is the same for every N.")
@from_option
@abbreviations_option
@click.option("--strict", is_flag=True,
              help="Stop (print nothing, exit 1) when a record lacks what its type needs; "
                   "by default it is printed as it is, with a warning.")
@click.option("-q", "--quiet", is_flag=True, help="No warnings or progress on standard error.")
@click.option("--debug", is_flag=True, hidden=True)
def cite(keys: tuple[str, ...], paths: tuple[str, ...], style: str, fmt: str, output: str | None,
         locale: str | None, clusters: tuple[str, ...], with_bib: bool | None, nocite_all: bool,
         link_citations: bool, ascii_only: bool, jobs: int | None, from_fmt: str | None,
         abbreviations: str | None, strict: bool, quiet: bool, debug: bool) -> None:
    """Format the records KEYS (default: all records) in a style; with --in-text, cite
    clusters and list KEYS in the bibliography uncited.

    \b
    Examples:
      citeform cite                                  # all records, Vancouver, plain text
      citeform cite rousseau2002 -s apa -f html
      citeform cite -r ~/papers -s bibtex > refs.bib
      citeform cite --in-text "[@rousseau2002, p. 290; @smith2020]" -s apa
      cat refs.json | citeform cite -r - -s ieee -f markdown >> manuscript.md
      citeform cite -r pubmed-export.nbib --abbreviations journals.json
    """
    from .commands import warner
    from .quick import cite_command

    cite_command(keys, paths, style, fmt, output, locale, clusters, with_bib, nocite_all,
                 link_citations, ascii_only, jobs, from_fmt, abbreviations, strict, quiet, debug,
                 warn=warner(quiet))
