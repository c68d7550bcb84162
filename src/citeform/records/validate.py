"""Validate records fully: every problem at once, each with the place of the offending field.

A record is checked field by field (so one bad field does not hide the next), against what
its type requires, against the record schema, and, when a style is given, against what that
style needs.  Problems come back as :class:`Problem` objects; ``citeform check`` prints them.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import CiteformError, place
from ..vocabulary import FRIENDLY_FIELDS
from .load import (
    EMPTY_FILE,
    RawRecord,
    case_clash,
    clip,
    default_record_paths,
    iter_files,
    read_raw,
    shown,
)
from .mapping import MappingError, looks_like_record, to_csl
from .requirements import REQUIREMENTS, TITLE_OPTIONAL
from .requirements import missing_requirements as missing_requirements  # re-exported
from .requirements import present as _present

ERROR, WARNING, HINT = "error", "warning", "hint"
SEVERITIES = (ERROR, WARNING, HINT)

# CSL variable -> the field a person writes in a record (for messages)
_FRIENDLY_NAME = {
    "container-title": "journal", "container-title-short": "journal-abbreviation",
    "URL": "url", "DOI": "doi", "page": "pages", "issued": "year", "author": "authors",
    "editor": "editors", "publisher-place": "place",
}


@dataclass(frozen=True)
class Problem:
    """One problem with a record (or a file), and where it is."""

    file: str
    line: int | None
    column: int | None
    key: str | None
    field: str | None
    message: str
    severity: str = ERROR

    def location(self) -> str:
        return place(self.file, self.line, self.column)

    def format(self) -> str:
        """``file:line:column: [warning: ]key: field: message`` (the field when not named)."""
        parts = [shown(self.location())]
        if self.severity != ERROR:
            parts.append(self.severity)
        if self.key:
            parts.append(shown(self.key))
        if self.field and not (self.message.startswith(self.field)
                               or f"'{self.field}'" in self.message):
            parts.append(shown(self.field))
        parts.append(" ".join(self.message.splitlines()))
        return ": ".join(parts)

    def sort_key(self) -> tuple[str, int, int]:
        return self.file, self.line or 0, self.column or 0


@dataclass
class Report:
    """What :func:`validate_paths` found: the problems and how many records were read."""

    problems: list[Problem] = field(default_factory=list)
    records: int = 0
    files: list[str] = field(default_factory=list)  # in the order they were read

    def count(self, severity: str) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    def in_order(self) -> list[Problem]:
        """The problems file by file (in the order read), then by line and column."""
        rank = {name: i for i, name in enumerate(self.files)}
        return sorted(self.problems, key=lambda p: (rank.get(p.file, len(rank)), p.sort_key()))


@dataclass
class Checked:
    """One record after validation: its problems and, when it mapped, its CSL-JSON."""

    raw: RawRecord
    key: str | None
    item: dict[str, Any] | None
    problems: list[Problem]


class _Collector:
    """Problems of one record, placed at the field they concern."""

    def __init__(self, raw: RawRecord, key: str | None) -> None:
        self.raw, self.key = raw, key
        self.problems: list[Problem] = []

    def add(self, message: str, fieldname: str | None = None, severity: str = ERROR,
            at: str | None = None) -> None:
        line, column = self.raw.position(at or fieldname)
        self.problems.append(Problem(self.raw.file, line, column, self.key, fieldname,
                                     clip(message), severity))

    def fields_with_errors(self) -> set[str]:
        return {p.field for p in self.problems if p.field and p.severity == ERROR}


def from_error(e: CiteformError, severity: str = ERROR) -> Problem:
    """A :class:`Problem` for an error met while reading a file."""
    return Problem(e.file or "", e.line, e.column, e.key, e.field, e.message, severity)


# --- one record ------------------------------------------------------------------------------

def check_record(raw: RawRecord, style: Any = None, abbreviations: Any = None) -> Checked:
    """Every problem of one record; ``style`` is a :class:`citeform.styles.Style` or None;
    ``abbreviations`` the journal abbreviations the style gets
    (:class:`citeform.records.journal_abbreviations.Abbreviations`), if any."""
    if raw.error is not None:
        return Checked(raw, None, None, [from_error(raw.error)])  # the reader named it
    if not isinstance(raw.data, dict):
        kind = "a list" if isinstance(raw.data, list) else _kind(raw.data)
        c = _Collector(raw, None)
        c.add(f"a record must be a mapping of fields, not {kind}")
        return Checked(raw, None, None, c.problems)
    data: dict[str, Any] = raw.data
    key = raw.key()
    c = _Collector(raw, key)
    if key is None:
        if "id" in data and data["id"] is not None and not (isinstance(data["id"], str)):
            c.add("id must be text", "id")
        else:
            c.add(raw.no_id_message())
    elif any(ch.isspace() for ch in key):
        c.add(f"the key {key!r} holds white space, so no citation can name it; give the "
              "record an id without spaces", "id" if "id" in data else None, WARNING)
    for message in raw.warnings:
        # a reader's warnings start with the key, which the problem names already
        if key is not None and message.startswith(f"{key}: "):
            message = message[len(key) + 2:]
        c.add(message, severity=WARNING)
    csl_input = raw.csl_input if raw.csl_input is not None else not looks_like_record(data)
    item = _map_fields(data, csl_input, c)
    if "type" not in item and not csl_input and "type" not in data:
        item["type"] = ("article-journal" if "container-title" in item and "journal" in data
                        else "document")
    _check_requirements(item, data, csl_input, c)
    _check_dates(item, data, c)
    _check_language(item, c)
    _check_schema(data, c)
    if style is not None:
        _check_style(item, style, csl_input, c, abbreviations)
    if key is not None:
        item["id"] = key
    bad = c.fields_with_errors()
    problems = [p for p in c.problems if p.severity == ERROR or p.field not in bad]
    ok = not bad and not any(p.severity == ERROR for p in problems)
    return Checked(raw, key, item if ok else None, sorted(problems, key=Problem.sort_key))


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {list: "a list", dict: "a mapping", str: "text", bool: "true/false",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _target(fieldname: str) -> str:
    """The CSL variable a field gives."""
    return "issued" if fieldname == "year" else FRIENDLY_FIELDS.get(fieldname, fieldname)


def _map_fields(data: dict[str, Any], csl_input: bool, c: _Collector) -> dict[str, Any]:
    """Map each field on its own, so that every bad field is reported."""
    item: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    given_by: dict[str, str] = {}
    for name, value in data.items():
        if not isinstance(name, str):
            c.add(f"field names must be text, not {_kind(name)} {name!r}")
            continue
        if name == "id":
            continue  # the key: checked by check_record
        target = _target(name)
        if target in given_by and name not in ("custom", "id"):
            c.add(f"'{name}' and '{given_by[target]}' both give {target}; keep one", name)
            continue
        given_by[target] = name
        try:
            mapped = to_csl({name: value}, csl_input=csl_input)
        except MappingError as e:
            c.add(e.message, e.field)
            continue
        except (ValueError, TypeError, OverflowError, RecursionError) as e:
            c.add(f"cannot read this value: {e}", name)
            continue
        for fieldname, message in mapped.warnings:
            c.add(message, fieldname, WARNING)
        part = mapped.item
        if name != "type":
            part.pop("type", None)  # to_csl's default type for a one-field record
        custom.update(part.pop("custom", {}))
        item.update(part)
    if custom:
        item["custom"] = custom
    return item


def _check_requirements(item: dict[str, Any], data: dict[str, Any], csl_input: bool,
                        c: _Collector) -> None:
    kind = item.get("type")
    bad = {_target(f) for f in c.fields_with_errors()}
    at = "type" if "type" in data else None
    if kind not in TITLE_OPTIONAL and not _present(item, "title") and "title" not in bad:
        if "title" in data:
            c.add("title is empty", "title")
        else:
            c.add("missing 'title' (every record needs one, letters and interviews excepted)",
                  "title", at=at)
    if not isinstance(kind, str) or kind not in REQUIREMENTS:
        return
    variables, friendly, why = REQUIREMENTS[kind]
    if any(_present(item, v) for v in variables) or bad & set(variables):
        return
    name = variables[0] if csl_input else friendly
    c.add(f"missing '{name}' ({why})", name, at=at)


def _check_dates(item: dict[str, Any], data: dict[str, Any], c: _Collector) -> None:
    """Dates that parse but cannot be (the rule ``cite`` stops on too)."""
    from .date_checks import date_problems

    by_target = {_target(f): f for f in data if isinstance(f, str)}
    for variable, message, severity in date_problems(item):
        c.add(message, by_target.get(variable, variable), severity)


def _check_language(item: dict[str, Any], c: _Collector) -> None:
    """A language no table here knows: styles that name the language cannot name it."""
    from ..languages import NO_LANGUAGE, language_tag

    tag = item.get("language")
    if isinstance(tag, str) and tag.strip() and tag.strip().lower() not in NO_LANGUAGE \
            and not language_tag(tag):
        c.add(f"unknown language {tag!r} (use an ISO 639 code such as 'fr', or a name such "
              "as 'French'); styles will not name it", "language", WARNING)


# --- the record schema -----------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _record_validator() -> Any:
    """A validator for one record, from the schema shipped in the package (None if absent)."""
    try:
        from importlib import resources  # only for the schema check: keeps start-up light

        text = resources.files("citeform.records").joinpath("schema/record.schema.json").read_text("utf-8")
        schema = json.loads(text)
    except (OSError, ValueError):  # pragma: no cover - the schema ships with the package
        return None
    from jsonschema.validators import validator_for

    one = {k: v for k, v in schema.items() if k not in ("if", "then", "else")}
    one["$ref"] = "#/$defs/record"
    return validator_for(schema)(one)


def _short(value: Any, width: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def _schema_message(error: Any) -> str:
    desc = error.schema.get("description") if isinstance(error.schema, dict) else None
    if error.validator == "required":
        missing = [f for f in error.validator_value if f not in error.instance]
        what = ", ".join(repr(f) for f in missing) or "a field"
        return f"missing {what}" + (f" ({desc.rstrip('.')})" if desc else "")
    if error.validator == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        return f"expected {wanted}, got {_kind(error.instance)}"
    if error.validator in ("pattern", "format"):
        return f"{_short(error.instance)} is not in the expected form" + (
            f": {desc.rstrip('.')}" if desc else "")
    if error.validator == "enum":
        return f"{_short(error.instance)} is not one of the allowed values"
    if error.validator == "minLength":
        return "must not be empty"
    if error.validator == "not" and isinstance(error.validator_value, dict):
        inner = error.validator_value.get("description")
        if inner:
            return inner
    if desc:
        return desc.rstrip(".")
    return error.message if len(error.message) <= 200 else error.message[:197] + "..."


def _jsonable(value: Any) -> Any:
    """Data as JSON Schema sees it (dates as ISO text, tuples as lists)."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def _check_schema(data: dict[str, Any], c: _Collector) -> None:
    validator = _record_validator()
    if validator is None:
        return
    covered = {_target(f) for f in c.fields_with_errors()}
    has_requirement = any(p.message.startswith("missing '") for p in c.problems)
    seen: set[tuple[str | None, str]] = set()
    for error in validator.iter_errors(_jsonable(data)):
        path = list(error.absolute_path)
        fieldname = str(path[0]) if path else None
        if fieldname is None:
            if has_requirement or error.validator in ("anyOf", "required"):
                continue  # the type's needs: reported by _check_requirements
        elif _target(fieldname) in covered:
            continue
        message = _schema_message(error)
        if len(path) > 1:
            inner = [f"item {p + 1}" if isinstance(p, int) else str(p) for p in path[1:]]
            message = ": ".join(inner + [message])
        if (fieldname, message) in seen:
            continue
        seen.add((fieldname, message))
        c.add(message, fieldname)


# --- what a style needs ----------------------------------------------------------------------

def style_family(style: Any) -> str:
    """``vancouver``, ``apa``, ``bibtex`` or ``csl`` (any other style)."""
    if getattr(style, "writer", None):
        return "bibtex"
    if getattr(style, "title_rule", None) == "nlm":
        return "vancouver"
    if str(getattr(style, "name", "")).startswith("apa"):
        return "apa"
    return "csl"


_BIBTEX_NEEDS = {
    "article-journal": ("container-title",),
    "book": ("publisher",),
    "chapter": ("publisher",),
    "paper-conference": ("container-title",),
}


def _check_style(item: dict[str, Any], style: Any, csl_input: bool, c: _Collector,
                 abbreviations: Any = None) -> None:
    family = style_family(style)
    name = getattr(style, "name", "the style")
    kind = item.get("type")

    def field_of(variable: str) -> str:
        return variable if csl_input else _FRIENDLY_NAME.get(variable, variable)

    at = "type" if "type" in c.raw.data else None

    def need(variable: str, why: str, severity: str = WARNING) -> None:
        if not _present(item, variable):
            c.add(f"no '{field_of(variable)}' ({why})", field_of(variable), severity, at=at)

    if family == "vancouver":
        if kind == "article-journal":
            need("volume", f"{name} gives the volume of a journal article")
            need("page", f"{name} gives the pages of a journal article")
            found = abbreviations.lookup(str(item["container-title"])) \
                if abbreviations is not None and _present(item, "container-title") \
                and not _present(item, "container-title-short") else None
            if found:
                abbr, source = found
                how = "from the abbreviation list" if source == "list" else \
                    "by rule: ISO 4 without periods"
                c.add(f"no '{field_of('container-title-short')}'; {name} will print {abbr!r} "
                      f"({how}; give '{field_of('container-title-short')}' to choose another)",
                      field_of("container-title-short"), HINT, at=at)
            elif _present(item, "container-title"):
                need("container-title-short",
                     f"{name} prints the journal's abbreviation; the full title will be printed")
        elif kind in ("book", "chapter"):
            need("publisher", f"{name} gives the publisher of a book")
            need("publisher-place", f"{name} gives the place of publication of a book")
        need("issued", f"{name} gives the year")
    elif family == "apa":
        need("issued", f"{name} prints (n.d.) without a year")
        if kind == "article-journal" and not (_present(item, "DOI") or _present(item, "URL")):
            c.add(f"no 'doi' or 'url' ({name} ends a journal article with its DOI when it has one)",
                  field_of("DOI"), HINT, at=at)
        if kind in ("book", "chapter"):
            need("publisher", f"{name} gives the publisher of a book")
    elif family == "bibtex":
        for variable in _BIBTEX_NEEDS.get(str(kind), ()):
            need(variable, f"BibTeX's @{_bibtex_type(kind)} needs it")
        if not (_present(item, "author") or _present(item, "editor")):
            c.add(f"no '{field_of('author')}' or '{field_of('editor')}' (BibTeX entries need one)",
                  field_of("author"), WARNING, at=at)
        need("issued", "BibTeX entries need a year")
    else:
        need("issued", f"{name} gives the year")


def _bibtex_type(kind: Any) -> str:
    return {"article-journal": "article", "chapter": "incollection",
            "paper-conference": "inproceedings"}.get(str(kind), str(kind))


# --- duplicates ------------------------------------------------------------------------------

def _norm(text: Any) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _first_author(item: dict[str, Any]) -> str:
    for variable in ("author", "editor"):
        names = item.get(variable)
        if isinstance(names, list) and names and isinstance(names[0], dict):
            return _norm(names[0].get("family") or names[0].get("literal") or "")
    return ""


def _year(item: dict[str, Any]) -> str:
    date = item.get("issued")
    try:
        return str(int(date["date-parts"][0][0]))  # type: ignore[index]
    except (TypeError, KeyError, IndexError, ValueError):
        return ""


def _doi(item: dict[str, Any]) -> str:
    doi = str(item.get("DOI") or "").strip().lower()
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", doi)


def find_duplicates(items: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """Pairs ``(first, later, reason)`` of indexes of items that are the same publication:
    the same DOI, or the same normalised title, year and first author."""
    try:
        from ..formats.duplicates import DuplicateFinder
    except ImportError:  # pragma: no cover - the formats package ships with citeform
        return _find_duplicates(items)
    finder = DuplicateFinder()
    out = []
    for i, item in enumerate(items):
        for dup in finder.add(str(i), str(i), item):
            out.append((int(dup.other_key), i, dup.reason))
    return out


def _find_duplicates(items: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    seen: dict[tuple[str, ...], int] = {}
    out = []
    for i, item in enumerate(items):
        keys = []
        if _doi(item):
            keys.append((("doi", _doi(item)), "same DOI"))
        title, year = _norm(item.get("title")), _year(item)
        if title and year:
            keys.append((("work", title, year, _first_author(item)),
                         "same title, year and first author"))
        for k, reason in keys:
            if k in seen:
                out.append((seen[k], i, reason))
                break
        for k, _ in keys:
            seen.setdefault(k, i)
    return out


# --- files and folders -----------------------------------------------------------------------

def validate_paths(paths: Iterable[str] | None = None, style: Any = None,
                   duplicates: bool = False, progress: bool = False, fmt: str | None = None,
                   abbreviations: Any = None) -> Report:
    """Validate every record under ``paths`` (default: the records folder).

    ``style`` is a style resolved by :func:`citeform.styles.resolve` (which sits above the
    records), or None; a path that does not exist raises a :class:`citeform.errors.UsageError`.
    ``progress``: a bar on standard error for a long run on a terminal (see
    :mod:`citeform.progress`). ``fmt`` (``--from``) reads every file in that format;
    ``abbreviations`` (a path, as ``--abbreviations``) the journal abbreviation list the
    style gets.
    """
    from .. import progress as bars

    if isinstance(style, str):
        raise TypeError("validate_paths takes a style resolved by citeform.styles.resolve")
    abbr = None
    if style is not None:
        from .journal_abbreviations import for_style

        abbr = for_style(style, abbreviations)
    paths = list(paths) if paths is not None else default_record_paths()
    report = Report()
    checked: list[Checked] = []
    def folder_error(e: CiteformError) -> None:
        report.problems.append(from_error(e))

    files = list(iter_files(paths, on_error=folder_error))
    with bars.Progress(len(files), label="checking",
                       enabled=progress and bars.wanted(len(files), minimum=100)) as bar:
        for path in files:
            bar.update()
            report.files.append("<stdin>" if path == "-" else path)
            try:
                raws = read_raw(path, fmt)
            except CiteformError as e:
                report.problems.append(from_error(e))
                continue
            if not raws:
                report.problems.append(Problem(report.files[-1], None, None, None, None,
                                               EMPTY_FILE, WARNING))
            for raw in raws:
                report.records += 1
                result = check_record(raw, style, abbr)
                report.problems += result.problems
                checked.append(result)
    report.problems += _key_clashes(checked)
    if duplicates:
        report.problems += _duplicate_problems(checked)
    return report


def _place(raw: RawRecord) -> str:
    return f"{raw.file}:{raw.line}" if raw.line else raw.file


def _key_clashes(checked: list[Checked]) -> list[Problem]:
    first: dict[str, Checked] = {}
    folded: dict[str, Checked] = {}  # by the key in lower case, as the renderer compares
    out = []
    for ch in checked:
        if ch.key is None:
            continue
        line, column = ch.raw.position("id")
        if ch.key in first:
            out.append(Problem(ch.raw.file, line, column, ch.key, None,
                               f"duplicate key {ch.key!r}, also at {_place(first[ch.key].raw)}"))
        elif ch.key.lower() in folded:
            other = folded[ch.key.lower()]
            out.append(Problem(ch.raw.file, line, column, ch.key, None,
                               case_clash(ch.key, str(other.key), _place(other.raw))))
        else:
            first[ch.key] = ch
            folded[ch.key.lower()] = ch
    return out


def _duplicate_problems(checked: list[Checked]) -> list[Problem]:
    good = [ch for ch in checked if ch.item is not None]
    out = []
    for i, j, reason in find_duplicates([ch.item for ch in good]):  # type: ignore[misc]
        a, b = good[i], good[j]
        line, column = b.raw.position()
        out.append(Problem(b.raw.file, line, column, b.key, None,
                           f"same publication as {a.key!r} at {_place(a.raw)} ({reason})",
                           WARNING))
    return out
