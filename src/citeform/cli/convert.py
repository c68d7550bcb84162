"""``citeform convert``: batch conversion between records, CSL-JSON, CSL-YAML, BibTeX, RIS."""

from __future__ import annotations

import os
import sys

import click

from ..convert_job import (
    FROM_FORMATS,
    TO_FORMATS,
    Converted,
    Writer,
    input_format,
    read_input,
    safe_filename,
)
from ..errors import CiteformError, DataError, UsageError
from ..formats.keys import unique_key
from ..safe_text import escaped, shown


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...", type=click.Path())
@click.option("-t", "--to", "to_fmt", type=click.Choice(TO_FORMATS), required=True,
              help="Output format.")
@click.option("-o", "--output", metavar="PATH",
              help="Output file ('-': standard output, the default; a device or FIFO is written "
                   "into); with -t yaml a folder gets one file per record.")
@click.option("--from", "from_fmt", type=click.Choice(FROM_FORMATS),
              help="Input format (default: from each file's extension).")
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
@click.option("--dry-run", is_flag=True, help="List the files that would be written; write nothing.")
@click.option("--ascii", "ascii_only", is_flag=True,
              help="BibTeX/BibLaTeX: write accents as LaTeX commands instead of UTF-8.")
@click.option("--duplicates", is_flag=True,
              help="Also report records that are the same publication (DOI, or title+year+author).")
@click.option("-q", "--quiet", is_flag=True, help="No warnings, progress or summary on stderr.")
@click.option("--debug", is_flag=True, hidden=True)
def convert(inputs: tuple[str, ...], to_fmt: str, output: str | None, from_fmt: str | None,
            force: bool, dry_run: bool, ascii_only: bool, duplicates: bool, quiet: bool,
            debug: bool) -> None:
    """Convert records in INPUT files (or folders, or - for stdin) to another format.

    Input formats: our YAML records (.yaml/.yml, also CSL-YAML with references:),
    CSL-JSON (.json), BibTeX/BibLaTeX (.bib), RIS (.ris), PubMed's MEDLINE (.nbib,
    .medline; read only).  A record that cannot be
    converted is reported with its file and the reason; the others are still converted
    and the exit code is 1.

    \b
    Examples:
      citeform convert refs.bib -t yaml -o records/
      citeform convert records/ -t biblatex -o refs.bib
      citeform convert export.ris -t csl-json > refs.json
      cat refs.json | citeform convert - -t ris
    """
    root = click.get_current_context().find_root().obj
    debug = debug or bool(isinstance(root, dict) and root.get("debug"))

    from .. import progress as bars
    from .commands import warner

    warn = warner(quiet)

    def error(e: CiteformError) -> None:
        bars.clear()
        click.echo(f"citeform: error: {escaped(e.format())}", err=True)

    from ..records.load import iter_files, read_text
    from ..targets import Sink, WriteError, is_stdout, open_target

    if is_stdout(output):
        output = None
    files = list(iter_files(inputs))
    folder_mode = bool(output) and to_fmt == "yaml" and (
        os.path.isdir(output) or output.endswith(("/", os.sep))  # type: ignore[union-attr]
        or not output.lower().endswith((".yaml", ".yml")))  # type: ignore[union-attr]
    if output:
        _check_output(output, folder_mode, force, dry_run)

    total = sum(os.path.getsize(f) for f in files if f != "-" and os.path.isfile(f))
    # counted in bytes of input; drawn only when the batch is still going after a second
    progress = bars.Progress(total, label="converting", percent=True,
                             enabled=not dry_run and bars.wanted(total, quiet, minimum=1))
    writer = Writer(to_fmt, ascii_only)
    sink: Sink | None = None
    if not folder_mode and not dry_run:
        sink = open_target(output, replace=force)
    emit = sink.write if sink else _nowhere
    from ..formats.duplicates import DuplicateFinder

    finder = DuplicateFinder() if duplicates else None
    converted = errors = 0
    seen: dict[str, str] = {}
    written_names: set[str] = set()
    try:
        if not folder_mode and not dry_run:
            emit(writer.header())
        for path in files:
            try:
                text = read_text(path)
                fmt = input_format(path, text, from_fmt)
                reads = list(read_input(path, fmt, text, warn))
            except DataError as e:
                error(e)
                errors += 1
                continue
            size = os.path.getsize(path) if path != "-" and os.path.isfile(path) else 0
            step = size // max(len(reads), 1)
            for read in reads:
                progress.update(step)
                if isinstance(read, DataError):
                    error(read)
                    errors += 1
                    continue
                if read.key in seen and read.key_made:
                    # a key we made ourselves gives way: rousseau2002 -> rousseau2002a
                    new_key = unique_key(read.key, set(seen))
                    warn(f"{read.place}: key {read.key} is taken (at {seen[read.key]}); "
                         f"{new_key} given")
                    read.key = read.item["id"] = new_key
                if read.key in seen:
                    error(DataError(f"duplicate key {read.key!r}, also at {seen[read.key]}; skipped",
                                    file=read.place, key=read.key))
                    errors += 1
                    continue
                seen[read.key] = read.place
                if finder:
                    for dup in finder.add(read.key, read.place, read.item):
                        warn(dup.format())
                try:
                    if folder_mode:
                        _write_record_file(read, output, force, dry_run, written_names)  # type: ignore[arg-type]
                        chunk = ""
                    else:
                        chunk = writer.chunk(read.item)
                except (OSError, WriteError):
                    raise
                except DataError as e:
                    error(DataError(e.message, file=read.place, key=read.key))
                    errors += 1
                    continue
                except Exception as e:  # one bad record must not stop the batch
                    if debug:
                        raise
                    error(DataError(f"cannot convert: {type(e).__name__}: {e}", file=read.place,
                                    key=read.key))
                    errors += 1
                    continue
                if chunk and not dry_run:
                    emit(chunk)
                converted += 1
            progress.update(size - step * len(reads))  # what rounding left of this file
        if not folder_mode and not dry_run:
            emit(writer.footer())
        if sink:
            sink.commit()
            sink = None
        if dry_run and output and not folder_mode:
            click.echo(f"{'overwrite' if os.path.exists(output) else 'write'} {shown(output)}")
    finally:
        progress.close()
        if sink:
            sink.abandon()
    if not quiet:
        done = "would convert" if dry_run else "converted"
        click.echo(f"{done} {_plural(converted, 'record')} from {_plural(len(files), 'file')}; "
                   f"{_plural(errors, 'error')}", err=True)
    if errors:
        sys.exit(1)


def _check_output(output: str, folder_mode: bool, force: bool, dry_run: bool) -> None:
    """Usage errors for outputs that cannot be written, before anything is read."""
    if folder_mode:
        if os.path.exists(output) and not os.path.isdir(output):
            raise UsageError(f"{output} is a file; give a folder, or a .yaml file for one list")
        if not dry_run:
            try:
                os.makedirs(output, exist_ok=True)
            except OSError as e:
                raise UsageError(f"cannot make folder {output}: {e.strerror or e}") from None
        return
    from ..targets import check

    check(output)
    if os.path.isfile(output) and not force and not dry_run:
        raise UsageError(f"{shown(output)} exists; use --force to overwrite it")


def _nowhere(text: str) -> None:
    """Where a dry run or a folder of files writes its document: nowhere."""


def _write_record_file(read: Converted, folder: str, force: bool, dry_run: bool,
                       written: set[str]) -> None:
    """``-t yaml -o DIR``: one record per file named after its key."""
    from ..formats.unmap import to_record
    from ..formats.yaml_writer import record_yaml
    from ..targets import write_document

    stem = safe_filename(read.key)
    base, n = stem, 1
    while stem.casefold() in written:  # keys that differ only in case or unsafe characters
        n += 1
        stem = f"{base}-{n}"
    written.add(stem.casefold())
    path = os.path.join(folder, stem + ".yaml")
    exists = os.path.lexists(path)
    if dry_run:
        action = "overwrite" if exists and force else "skip (exists)" if exists else "write"
        click.echo(f"{action} {path}")
        return
    if exists and not force:
        raise DataError(f"{shown(path)} exists; use --force to overwrite it")
    record = to_record(read.item)
    if record.get("id") == stem:
        del record["id"]  # the file name gives the key
    write_document(path, record_yaml(record), replace=force)
