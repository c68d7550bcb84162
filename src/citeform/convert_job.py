"""Batch conversion as a library: read inputs record by record, write outputs as a stream.

``citeform convert`` is a thin layer over this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DataError, UsageError
from .formats.csl_json import dumps_item, item_errors
from .records import load

TO_FORMATS = ("yaml", "csl-json", "csl-yaml", "bibtex", "biblatex", "ris")
FROM_FORMATS = (*TO_FORMATS, "medline")
_SUFFIX_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "csl-json", ".bib": "bibtex",
                   ".ris": "ris", ".nbib": "medline", ".medline": "medline"}


@dataclass
class Converted:
    """One record read from an input: its CSL-JSON and where it came from."""

    key: str
    item: dict[str, Any]
    place: str
    key_made: bool = False  # made by a reader, so free to change when another record has it


# --- reading ------------------------------------------------------------------------------


def input_format(path: str, text: str, given: str | None) -> str:
    """The format of an input: ``--from``, else the file's extension, else (stdin) its content."""
    if given:
        return given
    suffix = Path(path).suffix.lower()
    if suffix in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[suffix]
    if path == "-":
        fmt = load.sniff_content(text)
        return "csl-json" if fmt == "json" else fmt
    raise UsageError(f"cannot tell the format of {path} from its name; give --from FORMAT")


def read_input(path: str, fmt: str, text: str, warn: Callable[[str], None]) -> Iterator[Converted | DataError]:
    """Each record of one input, or the error that stopped it (the others still come)."""
    name = "<stdin>" if path == "-" else path
    if fmt in ("bibtex", "biblatex", "ris", "medline"):
        # each format's reader and writer is imported when used (YAML's writer costs 30 ms)
        if fmt == "medline":
            from .formats.medline import iter_medline as reader
        elif fmt == "ris":
            from .formats.ris import iter_ris as reader  # type: ignore[assignment]
        else:
            from .formats.bibtex_reader import iter_bibtex as reader  # type: ignore[assignment]
        for read in reader(text, name):
            if isinstance(read, DataError):
                yield read
                continue
            for message in read.warnings:
                warn(f"{name}:{read.line}: {message}" if read.line else f"{name}: {message}")
            place = f"{name}:{read.line}" if read.line else name
            yield Converted(str(read.item.get("id")), read.item, place, read.key_made)
        return
    yield from _read_records(path, name, fmt, text, warn)


def _read_records(path: str, name: str, fmt: str, text: str,
                  warn: Callable[[str], None]) -> Iterator[Converted | DataError]:
    """YAML records, CSL-YAML and CSL-JSON through the record loader, one record at a time."""
    # the text is read already (stdin can give it only once)
    raws = load.parse_text(path, text, "json" if fmt == "csl-json" else "yaml")
    if fmt == "csl-yaml":
        for raw in raws:
            raw.csl_input = True
    for raw in raws:
        try:
            rec = load.make_record(raw, warn)
        except DataError as e:
            yield e
            continue
        yield Converted(rec.key, rec.csl, rec.place())


# --- writing ------------------------------------------------------------------------------


class Writer:
    """Streams one output document: a header, one chunk per item, a footer."""

    def __init__(self, fmt: str, ascii: bool) -> None:
        self.fmt = fmt
        self.ascii = ascii
        self.count = 0

    def header(self) -> str:
        return "[" if self.fmt == "csl-json" else ""

    def footer(self) -> str:
        if self.fmt == "csl-json":
            return "\n]\n" if self.count else "]\n"
        if self.fmt == "csl-yaml" and not self.count:
            return "references: []\n"
        return ""

    def chunk(self, item: dict[str, Any]) -> str:
        """The text for one item (raises on items that cannot be written)."""
        fmt = self.fmt
        if fmt == "csl-json":
            problems = item_errors(item)
            if problems:
                raise DataError(f"not valid CSL-JSON: {problems[0]}", key=str(item.get("id")))
            text = ("\n" if self.count == 0 else ",\n") + _indent(dumps_item(item), "  ")
        elif fmt == "csl-yaml":
            from .formats.csl_yaml import to_csl_yaml

            text = to_csl_yaml([item]) if self.count == 0 else to_csl_yaml([item]).split("\n", 1)[1]
        elif fmt in ("bibtex", "biblatex"):
            from .formats.bibtex_writer import format_entry

            entry = format_entry(item, n=self.count + 1, ascii=self.ascii, biblatex=fmt == "biblatex")
            text = ("\n" if self.count else "") + entry
        elif fmt == "ris":
            from .formats.ris import to_ris

            text = to_ris([item])
        else:
            from .formats.unmap import to_record
            from .formats.yaml_writer import records_yaml

            text = ("\n" if self.count else "") + records_yaml([to_record(item)])
        self.count += 1
        return text


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.split("\n"))


def write_atomic(path: str, text: str) -> None:
    """Write a whole file atomically (see :mod:`citeform.targets`)."""
    from .targets import write_document

    write_document(path, text)


def __getattr__(name: str) -> Any:
    if name == "AtomicFile":  # the older name of targets.FileSink
        from .targets import FileSink

        return FileSink
    raise AttributeError(name)


_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


MAX_NAME_BYTES = 120  # of a file name's stem in UTF-8: file systems allow 255 bytes at most


def safe_filename(key: str) -> str:
    """A file name (without extension) for a key that works on every common file system:
    letters, digits, ``-_.`` (others as ``_``), NFC, at most :data:`MAX_NAME_BYTES` bytes of
    UTF-8; a name that had to be shortened ends in a short hash of the whole key, so that
    keys differing only after the cut get different names."""
    import unicodedata

    key = unicodedata.normalize("NFC", key)
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in key).strip("._") or "record"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        import hashlib

        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
        room = MAX_NAME_BYTES - len(digest) - 1
        cut = name.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip("._")
        name = f"{cut}-{digest}"
    if name.lower() in _RESERVED:
        name += "_"
    return name


# --- the command --------------------------------------------------------------------------
