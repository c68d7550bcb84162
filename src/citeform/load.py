"""Load records from YAML, CSL-JSON, CSL-YAML (and BibTeX/RIS) files, folders and stdin.

Every record keeps where it came from (file, line, the line of each field) so that later
steps can name the place of a problem.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError, UsageError
from .mapping import MappingError, to_csl

RECORD_SUFFIXES = (".yaml", ".yml", ".json", ".bib", ".ris")
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
STDIN = "-"

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


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    """Files under the given paths (folders searched recursively, symlinks followed once)."""
    seen: set[str] = set()
    for p in paths:
        if p == STDIN:
            yield STDIN
            continue
        if not os.path.exists(p):
            raise UsageError(f"no such file or folder: {p}")
        if os.path.isdir(p):
            yield from _walk(p, seen)
        else:
            real = os.path.realpath(p)
            if real not in seen:
                seen.add(real)
                yield p


def _walk(folder: str, seen: set[str]) -> Iterator[str]:
    real_dir = os.path.realpath(folder)
    if real_dir in seen:  # a symlink loop or a folder given twice
        return
    seen.add(real_dir)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        raise DataError(f"cannot read folder: {e.strerror}", file=folder) from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        if entry.is_dir():
            yield from _walk(path, seen)
        elif entry.name.lower().endswith(RECORD_SUFFIXES) and entry.is_file():
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield path


def read_text(path: str) -> str:
    """A file's text (UTF-8, BOM allowed, CRLF fine); stdin for ``-``."""
    name = "<stdin>" if path == STDIN else path
    try:
        if path == STDIN:
            raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            with open(path, "rb") as f:
                raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise DataError(f"cannot read file: {e.strerror}", file=name) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(f"file larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB", file=name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DataError(f"not UTF-8 text (byte offset {e.start})", file=name) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _sniff(path: str, text: str) -> str:
    """The format of a file: yaml, json, bibtex or ris."""
    lower = path.lower()
    for suffix, fmt in ((".json", "json"), (".bib", "bibtex"), (".ris", "ris")):
        if lower.endswith(suffix):
            return fmt
    if path == STDIN:
        head = text.lstrip()[:200]
        if head.startswith(("[", "{")):
            return "json"
        if head.startswith("@"):
            return "bibtex"
        if head.startswith("TY  -"):
            return "ris"
    return "yaml"


@dataclass
class _Raw:
    data: Any
    line: int | None
    field_lines: dict[str, int]


def load_file(path: str, warn: Warn = _default_warn, fmt: str | None = None) -> list[Record]:
    """All records in one file (or stdin)."""
    name = "<stdin>" if path == STDIN else path
    text = read_text(path)
    fmt = fmt or _sniff(path, text)
    if fmt in ("bibtex", "ris"):
        return _load_foreign(name, text, fmt, warn)
    if fmt == "json":
        raws = _parse_json(name, text)
        csl_input: bool | None = True
    else:
        raws, csl_input = _parse_yaml(name, text)
    stem = Path(name).stem if path != STDIN else None
    records = []
    for raw in raws:
        records.append(_make_record(raw, name, stem if len(raws) == 1 else None, csl_input, warn))
    return records


def _make_record(raw: _Raw, file: str, stem: str | None, csl_input: bool | None, warn: Warn) -> Record:
    if not isinstance(raw.data, dict):
        raise DataError(f"a record must be a mapping of fields, not {type(raw.data).__name__}",
                        file=file, line=raw.line)
    key = raw.data.get("id", stem)
    if key is None or (isinstance(key, str) and not key.strip()):
        raise DataError("record has no id (needed when a file holds several records)",
                        file=file, line=raw.line)
    if not isinstance(key, (str, int)) or isinstance(key, bool):
        raise DataError("id must be text", file=file, line=raw.field_lines.get("id", raw.line),
                        field="id")
    key = str(key)
    try:
        mapped = to_csl(raw.data, csl_input=csl_input)
    except MappingError as e:
        raise DataError(e.message, file=file, line=raw.field_lines.get(e.field, raw.line),
                        key=key, field=e.field) from None
    mapped.item["id"] = key
    for fieldname, message in mapped.warnings:
        line = raw.field_lines.get(fieldname, raw.line)
        warn(f"{file}:{line}: {key}: {message}" if line else f"{file}: {key}: {message}")
    return Record(key, raw.data, mapped.item, file, raw.line, raw.field_lines)


def _parse_json(name: str, text: str) -> list[_Raw]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise DataError(f"broken JSON: {e.msg}", file=name, line=e.lineno, column=e.colno) from None
    except RecursionError:
        raise DataError("JSON nested too deeply", file=name) from None
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise DataError("CSL-JSON must be a list of items", file=name)
    return [_Raw(d, None, {}) for d in data]


def _parse_yaml(name: str, text: str) -> tuple[list[_Raw], bool | None]:
    from . import yaml_positions

    node, data = yaml_positions.load(name, text)
    if data is None:
        return [], None
    csl_input: bool | None = None
    if isinstance(data, dict) and "references" in data and isinstance(data["references"], list):
        node = yaml_positions.child(node, "references")
        data = data["references"]
        csl_input = True  # pandoc's CSL-YAML
    if isinstance(data, list):
        return [
            _Raw(d, yaml_positions.line_of(n), yaml_positions.field_lines(n))
            for d, n in zip(data, yaml_positions.items(node))
        ], csl_input
    return [_Raw(data, yaml_positions.line_of(node), yaml_positions.field_lines(node))], csl_input


def _load_foreign(name: str, text: str, fmt: str, warn: Warn) -> list[Record]:
    try:
        if fmt == "bibtex":
            from .formats.bibtex_reader import read_bibtex as reader
        else:
            from .formats.ris import read_ris as reader
    except ImportError:
        raise DataError(f"reading {fmt} files is not available in this version", file=name) from None
    records = []
    for read in reader(text, name):
        for message in read.warnings:
            warn(f"{name}:{read.line}: {message}" if read.line else f"{name}: {message}")
        records.append(_make_record(_Raw(read.item, read.line, {}), name, None, True, warn))
    return records


def load_records(paths: Iterable[str] | None = None, warn: Warn = _default_warn) -> list[Record]:
    """Load every record under ``paths`` (default: :func:`default_record_paths`).

    A key found twice is an error naming both places.
    """
    paths = list(paths) if paths is not None else default_record_paths()
    by_key: dict[str, Record] = {}
    out: list[Record] = []
    for path in iter_files(paths):
        for rec in load_file(path, warn):
            if rec.key in by_key:
                first = by_key[rec.key]
                raise DataError(f"duplicate key {rec.key!r}, also at {first.place()}",
                                file=rec.file, line=rec.line, key=rec.key)
            by_key[rec.key] = rec
            out.append(rec)
    return out


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
