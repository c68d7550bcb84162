"""What a record needs for its type: the check ``citeform cite`` stops on.

Kept apart from :mod:`citeform.records.validate` (the full check of ``citeform check``) so that
formatting a record does not load the schema checks, dates and duplicate search.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import CiteformError, DataError
from .mapping import looks_like_record, schema_defs

TITLE_OPTIONAL = frozenset({"personal_communication", "interview"})

# CSL type -> (CSL variables, any of which will do; the field to name; why it is needed)
REQUIREMENTS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "article-journal": (("container-title",), "journal", "a journal article needs its journal"),
    "chapter": (("container-title",), "book-title", "a chapter needs the title of its book"),
    "paper-conference": (
        ("container-title", "event-title", "event"), "book-title",
        "a conference paper needs its proceedings (book-title) or its conference",
    ),
    "thesis": (("publisher",), "institution",
               "a thesis needs the university or institution that issued it"),
    "report": (("publisher",), "institution", "a report needs the institution that issued it"),
    "webpage": (("URL",), "url", "a web page needs its address"),
}


def _written_name(data: Any, variable: str) -> str:
    """The field of the record that gives a CSL variable (``year`` or ``date`` for issued)."""
    from ..vocabulary import FRIENDLY_FIELDS

    if isinstance(data, dict):
        for name in data:
            if name == variable or FRIENDLY_FIELDS.get(name) == variable or (
                    name == "year" and variable == "issued"):
                return str(name)
    return variable


def present(item: dict[str, Any], variable: str) -> bool:
    """True when a CSL variable has a value (not missing, not empty)."""
    value = item.get(variable)
    return value not in (None, "", [], {})


def impossible_values(record: Any) -> list[CiteformError]:
    """The values of a loaded record (:class:`citeform.records.load.Record`) that cannot be
    right (a range that ends before it starts, a day out of its month, a key, DOI, URL or id
    not in the form the record schema gives it), as errors naming file,
    line, key and field: ``citeform check`` reports them as errors and ``citeform cite``
    stops on them."""
    from .date_checks import ERROR, date_problems

    item, lines = record.csl, record.field_lines
    out: list[CiteformError] = []
    for variable, message, severity in date_problems(item):
        if severity == ERROR:
            name = _written_name(record.data, variable)
            out.append(DataError(message, file=record.file, line=lines.get(name, record.line),
                                 key=record.key, field=name))
    data = record.data if isinstance(record.data, dict) else {}
    csl_input = not looks_like_record(data)
    for name, value in data.items():
        # a friendly language is read by its own rule (unknown ones already stop the load)
        if isinstance(name, str) and isinstance(value, str) and (name != "language" or csl_input):
            problem = form_problem(name, value)
            if problem:
                out.append(DataError(problem, file=record.file,
                                     line=lines.get(name, record.line), key=record.key,
                                     field=name))
    return out


@functools.lru_cache(maxsize=1)
def _forms() -> dict[str, tuple[str, str]]:
    """The text fields the record schema gives a form (a pattern): field -> (pattern, what).
    (Each pattern is compiled when a record holds its field: most are never needed.)"""
    try:
        fields = schema_defs()["record"]["properties"]
    except (KeyError, TypeError):  # pragma: no cover - the schema ships with us
        return {}
    return {name: (spec["pattern"], str(spec.get("description", "")).rstrip("."))
            for name, spec in fields.items() if isinstance(spec, dict) and "pattern" in spec}


_COMPILED: dict[str, re.Pattern[str]] = {}


def form_problem(name: str, value: str) -> str | None:
    """``citeform check``'s message for a text value not in the form the record schema gives
    its field (a key with spaces; a DOI, URL, PubMed or PMC id that is not one), or None."""
    form = _forms().get(name)
    if form is None:
        return None
    pattern = _COMPILED.get(name)
    if pattern is None:
        pattern = _COMPILED[name] = re.compile(form[0])
    if pattern.search(value):
        return None
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    return f"{shown} is not in the expected form" + (f": {form[1]}" if form[1] else "")


def missing_requirements(record: Any) -> list[CiteformError]:
    """What a loaded record (:class:`citeform.records.load.Record`) lacks for its type, as errors
    naming file, line, key and field: ``citeform cite`` warns about them (stops on them with
    ``--strict``)."""
    item, lines = record.csl, record.field_lines
    csl_input = not looks_like_record(record.data)
    out: list[CiteformError] = []

    def missing(name: str, why: str) -> None:
        out.append(DataError(f"missing '{name}' ({why})", file=record.file,
                             line=lines.get("type", record.line), key=record.key, field=name))

    kind = item.get("type")
    if kind not in TITLE_OPTIONAL and not present(item, "title"):
        missing("title", "every record needs one, letters and interviews excepted")
    if isinstance(kind, str) and kind in REQUIREMENTS:
        variables, friendly, why = REQUIREMENTS[kind]
        if not any(present(item, v) for v in variables):
            missing(variables[0] if csl_input else friendly, why)
    return out


Found = tuple[list[CiteformError], list[CiteformError]]


def problems(record: Any) -> Found:
    """What :func:`enforce` finds in one record: its impossible values and what it lacks."""
    return impossible_values(record), missing_requirements(record)


def enforce(records: Sequence[Any], strict: bool, warn: Callable[[str], None] | None,
            found: dict[str, Found] | None = None) -> None:
    """What ``citeform cite`` and ``citeform manuscript`` do with the records they render:
    a record that lacks what its type needs gets one warning (file, line, key, missing field)
    and is rendered as it is, or with ``strict`` all of them stop the run, one line each.
    Values that cannot be right (impossible dates) stop the run either way, as
    ``citeform check`` reports them as errors. ``found``: the :func:`problems` of the records
    found while they were loaded, by key (a record without an entry has none), for records
    that no longer hold their fields as written."""
    from .load import LoadErrors, _default_warn

    if found is None:
        wrong = [e for r in records for e in impossible_values(r)]
        missing = [e for r in records for e in missing_requirements(r)]
    else:
        none: Found = ([], [])
        wrong = [e for r in records for e in found.get(r.key, none)[0]]
        missing = [e for r in records for e in found.get(r.key, none)[1]]
    if wrong or (missing and strict):
        raise LoadErrors(wrong + missing if strict else wrong)
    for e in missing:
        (warn or _default_warn)(f"{e.format()}; rendered without it")
