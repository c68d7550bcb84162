"""Load records from YAML, CSL-JSON, CSL-YAML (and BibTeX/RIS) files, folders and stdin.

Every record keeps where it came from (file, line, the line of each field) so that later
steps can name the place of a problem.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import DataError, UsageError
from ..safe_text import shown
from .mapping import MappingError, to_csl

RECORD_SUFFIXES = (".yaml", ".yml", ".json", ".bib", ".ris", ".nbib", ".medline")
# file suffix -> format, for the formats a suffix tells
SUFFIX_FORMATS = {".json": "json", ".bib": "bibtex", ".ris": "ris", ".nbib": "medline",
                  ".medline": "medline"}
FOREIGN_FORMATS = ("bibtex", "ris", "medline")
# what ``--from`` takes (as ``convert`` names them) -> the reader's name here
INPUT_FORMATS = {"yaml": "yaml", "csl-json": "json", "csl-yaml": "csl-yaml", "bibtex": "bibtex",
                 "biblatex": "bibtex", "ris": "ris", "medline": "medline", "json": "json"}
MAX_FILE_BYTES = 64 * 1024 * 1024
STDIN = "-"
MAX_MESSAGE = 300  # characters in one error message
MAX_ENTRIES = 200_000  # BibTeX or RIS entries in one file
BOM = b"\xef\xbb\xbf"

Warn = Callable[[str], None]


@dataclass
class Record:
    """One publication: its key, the data as written, its CSL-JSON and its place."""

    key: str
    data: dict[str, Any]
    csl: dict[str, Any]
    file: str
    line: int | None = None
    field_lines: dict[str, int] = field(default_factory=dict)

    def place(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


def _default_warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def default_record_paths() -> list[str]:
    """``$CITEFORM_RECORDS`` (``os.pathsep``-separated), else ``./records``."""
    env = os.environ.get("CITEFORM_RECORDS")
    if env:
        return [p for p in env.split(os.pathsep) if p]
    return ["records"]


def iter_files(paths: Iterable[str],
               on_error: Callable[[DataError], None] | None = None) -> Iterator[str]:
    """Files under the given paths, each once (folders searched recursively in name order,
    symlinks followed, loops and repeats skipped; hidden names skipped).

    A folder that cannot be read, or a FIFO, socket or device named like a record file in
    one, raises, or goes to ``on_error`` when given.  A record file that is a broken symlink
    is yielded, so that reading it reports it.
    """
    seen: set[str] = set()
    for p in paths:
        if p == STDIN:
            yield STDIN
            continue
        if not os.path.exists(p):
            raise UsageError(f"no such file or folder: {p}")
        if os.path.isdir(p):
            yield from _walk(p, seen, on_error)
        else:
            real = os.path.realpath(p)
            if real not in seen:
                seen.add(real)
                yield p


def _walk(top: str, seen: set[str], on_error: Callable[[DataError], None] | None
          ) -> Iterator[str]:
    """Depth-first in name order, without recursion (a deep tree cannot exhaust the stack)."""
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(folder: str) -> None:
        real_dir = os.path.realpath(folder)
        if real_dir in seen:  # a symlink loop or a folder given twice
            return
        seen.add(real_dir)
        try:
            stack.append(iter(sorted(os.scandir(folder), key=lambda e: e.name)))
        except OSError as e:
            error = DataError(f"cannot read folder: {e.strerror or e}", file=folder)
            if on_error is None:
                raise error from None
            on_error(error)

    enter(top)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:  # a link to itself (ELOOP): no folder; as a record file, read reports it
            is_dir = False
        if is_dir:
            enter(entry.path)
        elif entry.name.lower().endswith(RECORD_SUFFIXES):
            if os.path.exists(entry.path) and not entry.is_file():
                # a FIFO, socket or device: reading it could hang; given by name it is read
                error = DataError("not a regular file (a FIFO, socket or device in a folder of "
                                  "records is not read)", file=entry.path)
                if on_error is None:
                    raise error
                on_error(error)
                continue
            real = os.path.realpath(entry.path)
            if real not in seen:
                seen.add(real)
                yield entry.path


def read_text(path: str) -> str:
    """A file's text (UTF-8, BOM allowed, CRLF fine); stdin for ``-``."""
    return decode(read_bytes(path), "<stdin>" if path == STDIN else path)


def read_bytes(path: str) -> bytes:
    """A file's bytes, or standard input's for ``-``: at most ``MAX_FILE_BYTES``, and a
    :class:`DataError` naming the file for one that cannot be read or is larger."""
    name = "<stdin>" if path == STDIN else path
    try:
        if path == STDIN:
            raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            with open(path, "rb") as f:
                raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise DataError(f"cannot read file: {e.strerror or e}", file=name) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(f"file larger than {_size(MAX_FILE_BYTES)}", file=name)
    return raw


def _size(n: int) -> str:
    for unit, scale in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:g} {unit}"
    return f"{n} bytes"


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text with a BOM dropped and line endings made ``\\n``; else an error naming the
    line and byte offset of the first byte that is not UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError("UTF-16 text; save the file as UTF-8", file=name)
    skip = len(BOM) if raw.startswith(BOM) else 0
    try:
        text = raw[skip:].decode("utf-8")
    except UnicodeDecodeError as e:
        offset = skip + e.start
        line = raw.count(b"\n", 0, offset) + 1
        raise DataError(f"not UTF-8 text (byte offset {offset})", file=name, line=line) from None
    if "\x00" in text:
        offset = skip + raw[skip:].index(b"\x00")
        raise DataError(f"binary data, not text (NUL byte at offset {offset})", file=name,
                        line=raw.count(b"\n", 0, offset) + 1)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _sniff(path: str, text: str) -> str:
    """The format of a file: yaml, json, bibtex, ris or medline."""
    lower = path.lower()
    for suffix, fmt in SUFFIX_FORMATS.items():
        if lower.endswith(suffix):
            return fmt
    return sniff_content(text) if path == STDIN else "yaml"


def sniff_content(text: str) -> str:
    """The format a text without a file name is in, by its first line that is not blank or a
    comment (``%`` in BibTeX, ``#`` in YAML): json, bibtex, ris, medline or yaml."""
    for line in text.split("\n", 2000)[:2000]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("%") and not stripped.startswith(("%YAML", "%TAG")):
            continue
        if stripped.startswith(("[", "{")):
            return "json"
        if stripped.startswith("@"):
            return "bibtex"
        if line.startswith("TY  -"):
            return "ris"
        if _MEDLINE_START.match(line):
            return "medline"
        return "yaml"
    return "yaml"


_MEDLINE_START = re.compile(r"^PMID- ?\d")


@dataclass
class RawRecord:
    """One record as read from a file, before mapping: the data and where each part is."""

    data: Any
    file: str
    line: int | None = None
    column: int | None = None
    field_positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    stem: str | None = None  # the file's name, the key when the file holds one record
    csl_input: bool | None = None  # True: CSL-JSON / CSL-YAML; None: decide by the fields
    warnings: list[str] = field(default_factory=list)  # from a foreign-format reader
    error: DataError | None = None  # why a foreign-format reader could not read it
    key_made: bool = False  # a reader made the key (author and year): it gives way on a clash

    @property
    def field_lines(self) -> dict[str, int]:
        places = self.field_positions
        if isinstance(places, dict):
            return {k: line for k, (line, _) in places.items()}
        from .json_positions import lines_of

        return lines_of(places)  # type: ignore[return-value]  # found when asked for

    def position(self, fieldname: str | None = None) -> tuple[int | None, int | None]:
        """(line, column) of a field, else of the record."""
        if fieldname is not None and fieldname in self.field_positions:
            return self.field_positions[fieldname]
        return self.line, self.column

    def no_id_message(self) -> str:
        why = "for records read from standard input" if self.file == "<stdin>" else \
            "when a file holds several records"
        return f"record has no id (needed {why})"

    def key(self) -> str | None:
        """The record's key when it has a usable one (``id``, else the file's name)."""
        key = self.data.get("id", self.stem) if isinstance(self.data, dict) else None
        if isinstance(key, bool) or not isinstance(key, (str, int)) or not str(key).strip():
            return None
        return str(key)


EMPTY_FILE = "no records in this file (it is empty or holds only a null)"


def read_raw(path: str, fmt: str | None = None) -> list[RawRecord]:
    """Every record in one file (or stdin), unmapped; errors in the file as a whole raise.

    ``fmt``: one of :data:`INPUT_FORMATS` (``--from``); default: told by the file's suffix,
    else (standard input) by its first lines.
    """
    text = read_text(path)
    return parse_text(path, text, INPUT_FORMATS.get(fmt, fmt) if fmt else _sniff(path, text))


def parse_text(path: str, text: str, fmt: str) -> list[RawRecord]:
    """Every record in a text already read from ``path`` (``-`` for stdin), unmapped.

    ``fmt`` is ``yaml``, ``json``, ``bibtex``, ``ris`` or ``medline``.
    """
    name = "<stdin>" if path == STDIN else path
    if fmt in FOREIGN_FORMATS:
        return _read_foreign(name, text, fmt)
    raws = _parse_json(name, text) if fmt == "json" else _parse_yaml(name, text)
    if fmt == "csl-yaml":
        for raw in raws:
            raw.csl_input = True
    if len(raws) == 1 and path != STDIN:
        raws[0].stem = file_stem(name)
    return raws


def file_stem(path: str) -> str:
    """The file name without its last suffix, as ``pathlib.Path(path).stem`` gives it
    (pathlib itself is not imported: it costs start-up time for one string operation)."""
    parts = os.path.splitdrive(path)[1].replace(os.altsep or os.sep, os.sep).split(os.sep)
    name = next((p for p in reversed(parts) if p and p != "."), "")
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name


def load_file(path: str, warn: Warn = _default_warn, fmt: str | None = None) -> list[Record]:
    """All records in one file (or stdin); the first bad record raises."""
    return [make_record(raw, warn) for raw in read_raw(path, fmt)]


def make_record(raw: RawRecord, warn: Warn = _default_warn) -> Record:
    """Map one raw record to a :class:`Record`, or raise a :class:`DataError` naming it."""
    file = raw.file
    if raw.error is not None:
        raise raw.error
    for message in raw.warnings:
        warn(f"{file}:{raw.line}: {message}" if raw.line else f"{file}: {message}")
    if not isinstance(raw.data, dict):
        raise DataError(f"a record must be a mapping of fields, not {_kind(raw.data)}",
                        file=file, line=raw.line)
    key = raw.data.get("id", raw.stem)
    if key is None or (isinstance(key, str) and not key.strip()):
        raise DataError(raw.no_id_message(), file=file, line=raw.line)
    if not isinstance(key, (str, int)) or isinstance(key, bool):
        raise DataError("id must be text", file=file, line=raw.position("id")[0], field="id")
    key = str(key)
    try:
        mapped = to_csl(raw.data, csl_input=raw.csl_input)
    except MappingError as e:
        raise DataError(clip(e.message), file=file, line=raw.position(e.field)[0],
                        key=shown(key), field=shown(e.field) if e.field else None) from None
    except (ValueError, TypeError, OverflowError) as e:  # a shape no rule foresaw
        raise DataError(clip(f"cannot read this record: {e}"), file=file, line=raw.line,
                        key=shown(key)) from None
    mapped.item["id"] = key
    for fieldname, message in mapped.warnings:
        line = raw.position(fieldname)[0]
        where = f"{file}:{line}" if line else file
        warn(f"{where}: {shown(key)}: {clip(message)}")
    return Record(key, raw.data, mapped.item, file, raw.line, raw.field_lines)


def case_clash(key: str, other: str, place: str) -> str:
    """The error for a key that differs from another only in case: the renderer compares
    keys without case, so one entry would stand for both records."""
    return (f"key {key!r} differs only in case from {other!r} (at {place}), which citations "
            "do not tell apart; give one of them another key")


def clip(message: str, width: int = MAX_MESSAGE) -> str:
    """A message short enough for one line (values quoted in it can be huge)."""
    return message if len(message) <= width else message[: width - 1] + "…"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {list: "a list", str: "text", bool: "true/false", int: "a number"}.get(
        type(value), type(value).__name__)


def _parse_json(name: str, text: str) -> list[RawRecord]:
    from . import json_positions

    data, places = json_positions.load(name, text)
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise DataError("CSL-JSON must be a list of items", file=name)
    if places is None or len(places) != len(data):
        return [RawRecord(d, name, csl_input=True) for d in data]
    return [RawRecord(d, name, line, column, fields, csl_input=True)
            for d, ((line, column), fields) in zip(data, places)]


def _parse_yaml(name: str, text: str) -> list[RawRecord]:
    from . import yaml_fast

    # plain YAML is read at once, faster than a look-up in the cache (which is for the rest)
    parsed = yaml_fast.read(text)
    if parsed is not None:
        return [RawRecord(data, name, line, column, fields, csl_input=csl_input)
                for data, line, column, fields, csl_input in parsed]
    from . import record_cache

    cacheable = name != "<stdin>" and record_cache.take()
    cached = record_cache.get(name, text) if cacheable else None
    if cached is not None:
        return [RawRecord(data, name, line, column, fields, csl_input=csl_input)
                for data, line, column, fields, csl_input in cached]
    raws = _parse_yaml_text(name, text)
    if cacheable:
        record_cache.put(name, text, [(r.data, r.line, r.column, r.field_positions, r.csl_input)
                                      for r in raws])
    return raws


def _parse_yaml_text(name: str, text: str) -> list[RawRecord]:
    from . import yaml_positions as yp

    node, data = yp.load(name, text)
    if data is None:
        return []
    csl_input = False  # citeform's own records; pandoc's CSL-YAML is told by its references: list
    if isinstance(data, dict) and "references" in data and isinstance(data["references"], list):
        node = yp.child(node, "references")
        data = data["references"]
        csl_input = True  # pandoc's CSL-YAML
    if isinstance(data, list):
        return [
            RawRecord(d, name, yp.line_of(n), yp.column_of(n), yp.field_positions(n),
                      csl_input=csl_input)
            for d, n in zip(data, yp.items(node))
        ]
    return [RawRecord(data, name, yp.line_of(node), yp.column_of(node), yp.field_positions(node),
                      csl_input=csl_input)]


_RIS_RECORD = re.compile(r"^\ufeff?[ \t]*TY[ \t]*-", re.M)
_ENTRY_START = {"bibtex": re.compile(r"^[ \t]*@", re.M), "ris": re.compile(r"^TY  -", re.M),
                "medline": re.compile(r"^PMID-", re.M)}


def _read_foreign(name: str, text: str, fmt: str) -> list[RawRecord]:
    """Every entry of a BibTeX, RIS or MEDLINE file: read, or the error that stopped it."""
    from .json_positions import measure

    try:
        if fmt == "bibtex":
            from ..formats.bibtex_reader import iter_bibtex as reader
        elif fmt == "medline":
            from ..formats.medline import iter_medline as reader
        else:
            from ..formats.ris import iter_ris as reader
    except ImportError:
        raise DataError(f"reading {fmt} files is not available in this version", file=name) from None
    starts = _ENTRY_START[fmt].findall(text, 0)
    if len(starts) > MAX_ENTRIES:
        raise DataError(f"more than {MAX_ENTRIES:,} entries in one file; split it", file=name)
    out = []
    if fmt == "ris" and text.strip("\ufeff \t\r\n") and not _RIS_RECORD.search(text):
        # RIS readers skip what is not a tag line: a file of other text would read as empty
        first = next(n for n, line in enumerate(text.split("\n"), 1)
                     if line.strip("\ufeff \t\r"))
        raise DataError("not a RIS file: no 'TY  - ' line starts a record", file=name,
                        line=first)
    for read in reader(text, name):
        if isinstance(read, DataError):
            out.append(RawRecord(None, name, read.line, error=read))
            continue
        problem = measure(read.item)
        error = DataError(problem, file=name, line=read.line) if problem else None
        out.append(RawRecord(read.item, name, read.line, csl_input=True,
                             warnings=list(read.warnings), error=error, key_made=read.key_made))
    return out


class LoadErrors(DataError):
    """Several records that could not be loaded: one line each."""

    def __init__(self, errors: list[DataError]) -> None:
        first = errors[0]
        super().__init__(first.message, file=first.file, line=first.line, key=first.key,
                         field=first.field, column=first.column)
        self.errors = errors

    def format(self) -> str:
        return "\n".join(e.format() for e in self.errors)


def load_records(paths: Iterable[str] | None = None, warn: Warn = _default_warn,
                 on_error: Callable[[DataError], None] | None = None,
                 progress: bool = False, fmt: str | None = None) -> list[Record]:
    """Load every record under ``paths`` (default: :func:`default_record_paths`).

    Nothing is lost silently: a file or record that cannot be loaded, and a key found twice
    (naming both places), are errors.  With ``on_error``, each goes there and the records
    that did load are returned; without it, one :class:`DataError` reports them all (a
    :class:`LoadErrors` when there are several). ``progress``: a bar on standard error while
    many files are read on a terminal (see :mod:`citeform.progress`). ``fmt`` (``--from``)
    reads every file in that format instead of telling it by the file's name.
    """
    return list(iter_records(paths, warn, on_error, progress=progress, fmt=fmt))


def iter_records(paths: Iterable[str] | None = None, warn: Warn = _default_warn,
                 on_error: Callable[[DataError], None] | None = None,
                 progress: bool = False, fmt: str | None = None) -> Iterator[Record]:
    """The records of :func:`load_records`, one at a time, reading one file at a time.

    A caller that keeps only what it needs of each record holds no more than one file's
    text and parse tree at once. The errors are the same and come at the end, after the
    last good record (to ``on_error``, else raised).
    """
    from .. import progress as bars

    paths = list(paths) if paths is not None else default_record_paths()
    places: dict[str, str] = {}
    folded: dict[str, str] = {}  # key in lower case -> the key
    errors: list[DataError] = []
    files = list(iter_files(paths, on_error=errors.append))
    with bars.Progress(len(files), label="reading",
                       enabled=progress and bars.wanted(len(files), minimum=100)) as bar:
        for path in files:
            bar.update()
            try:
                raws = read_raw(path, fmt)
            except DataError as e:
                errors.append(e)
                continue
            if not raws:
                warn(f"{shown('<stdin>' if path == STDIN else path)}: {EMPTY_FILE}")
            for raw in raws:
                if raw.key_made and isinstance(raw.data, dict) and str(raw.data.get("id")) in places:
                    # a key made from author and year (rousseau2002) gives way: rousseau2002a
                    from ..formats.keys import unique_key

                    old = str(raw.data["id"])
                    raw.data["id"] = unique_key(old, set(places))
                    warn(f"{raw.file}:{raw.line}: key {old} is taken (at {places[old]}); "
                         f"{raw.data['id']} given")
                try:
                    rec = make_record(raw, warn)
                except DataError as e:
                    errors.append(e)
                    continue
                if rec.key in places:
                    errors.append(DataError(f"duplicate key {rec.key!r}, also at {places[rec.key]}",
                                            file=rec.file, line=rec.line, key=rec.key))
                    continue
                other = folded.get(rec.key.lower())
                if other is not None:
                    errors.append(DataError(case_clash(rec.key, other, places[other]),
                                            file=rec.file, line=rec.line, key=rec.key))
                    continue
                places[rec.key] = rec.place()
                folded[rec.key.lower()] = rec.key
                yield rec
    if on_error is not None:
        for e in errors:
            on_error(e)
        return
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise LoadErrors(errors)


def select(records: list[Record], keys: Iterable[str]) -> list[Record]:
    """The records with these keys, in the order given; an unknown key is a usage error."""
    by_key = {r.key: r for r in records}
    chosen = []
    for k in keys:
        if k not in by_key:
            import difflib

            close = difflib.get_close_matches(k, list(by_key), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UsageError(f"unknown record key {k!r}{hint}")
        chosen.append(by_key[k])
    return chosen
