"""``citeform manuscript`` and ``citeform filter``: citations in documents (the common
``manuscript`` command lines run without click: :mod:`citeform.cli.quick`)."""

from __future__ import annotations

import sys

import click

from .commands import warner


@click.command()
@click.argument("input_path", metavar="INPUT")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file (atomically) instead of standard output; '-' for "
                   "standard output.")
@click.option("-r", "--records", "paths", multiple=True, metavar="PATH",
              help="Record file or folder (searched recursively); '-' for standard input. "
                   "Repeatable. Default: the front matter's bibliography, else "
                   "$CITEFORM_RECORDS, else ./records.")
@click.option("-s", "--style",
              help="Style: alias (vancouver, apa, ...), CSL repository id or .csl file. "
                   "Default: the front matter's csl, else vancouver.")
@click.option("-l", "--locale", help="Locale instead of the front matter's lang or the style's.")
@click.option("--link-citations/--no-link-citations", "link", default=None,
              help="Link each citation to its bibliography entry (default: the front "
                   "matter's link-citations).")
@click.option("--bibliography/--no-bibliography", "with_bib", default=None,
              help="Add the bibliography (default: yes, unless the front matter sets "
                   "suppress-bibliography).")
@click.option("--strict", is_flag=True,
              help="Unknown keys and record problems are errors: exit 1, write nothing.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes that render a large bibliography (default: one per core for "
                   "400 entries or more). The output is the same for every N.")
@click.option("-q", "--quiet", is_flag=True, help="No warnings on standard error.")
@click.option("--debug", is_flag=True, hidden=True)
def manuscript(input_path: str, output: str | None, paths: tuple[str, ...], style: str | None,
               locale: str | None, link: bool | None, with_bib: bool | None, strict: bool,
               jobs: int | None, quiet: bool, debug: bool) -> None:
    """Render every pandoc citation in the Markdown (or plain text) file INPUT ('-' for
    standard input) and add the bibliography; everything else is copied byte for byte.

    Citations: [@key], [see @a, pp. 5-7; @b, chap. 2], [-@key], @key, @key [p. 33]. The
    front matter may set bibliography, references, csl, lang, nocite, link-citations,
    suppress-bibliography and reference-section-title; options win over it. The bibliography
    goes into the '::: {#refs}' div, else at the end. With a note style each citation
    becomes a footnote.

    \b
    Examples:
      citeform manuscript paper.md -o paper.out.md
      citeform manuscript paper.md -r refs.bib -s apa
      citeform manuscript paper.md | pandoc -o paper.docx
    """
    from .quick import manuscript_command

    manuscript_command(input_path, output, paths, style, locale, link, with_bib, strict, jobs,
                       quiet, debug, warn=warner(quiet))


@click.command(name="filter")
@click.argument("target", required=False, metavar="[FORMAT]")
@click.option("-r", "--records", "paths", multiple=True, metavar="PATH",
              help="Record file or folder, repeatable. Default: the document's bibliography "
                   "metadata, else $CITEFORM_RECORDS, else ./records.")
@click.option("-s", "--style", help="Style instead of the document's csl (default: vancouver).")
@click.option("-l", "--locale", help="Locale instead of the document's lang or the style's.")
@click.option("--strict", is_flag=True, help="Unknown keys and record problems are errors.")
@click.option("-q", "--quiet", is_flag=True, help="No warnings on standard error.")
@click.option("--debug", is_flag=True, hidden=True)
def filter_command(target: str | None, paths: tuple[str, ...], style: str | None,
                   locale: str | None, strict: bool, quiet: bool, debug: bool) -> None:
    """A pandoc JSON filter: read pandoc's JSON AST on standard input, write it back with
    every citation rendered and the bibliography in the refs div (else at the end).

    FORMAT, the output format pandoc passes to a filter, is accepted and ignored.

    \b
    Examples:
      pandoc paper.md -t json | citeform filter | pandoc -f json -o paper.docx
      pandoc --filter citeform-filter paper.md -o paper.pdf
    """
    from ..manuscript.markdown_job import Options
    from ..manuscript.pandoc_filter import run

    raw = sys.stdin.buffer.read()
    options = Options(paths=list(paths) or None, style=style, locale=locale, strict=strict)
    result = run(raw, options, warn=warner(quiet))
    _emit(result, None)


def _emit(text: str, output: str | None) -> None:
    from ..targets import write_document

    write_document(output, text)


def filter_main() -> None:
    """The ``citeform-filter`` executable: what ``pandoc --filter citeform-filter`` runs."""
    from . import main

    main(["filter", *sys.argv[1:2]])
