"""CSL-JSON items back to citeform records: the inverse of :func:`citeform.records.mapping.to_csl`.

The record is written the canonical way: friendly field names, names as ``Family, Given``
strings where that reads back the same, dates as ``year: 2002`` or ``date: 2002-03-15``,
numbers as integers where a person would write integers.
"""

from __future__ import annotations

import re
from typing import Any

from ..records.date_parsing import format_date
from ..records.name_parsing import format_name
from ..vocabulary import (
    CSL_JSON_EXTRAS,
    CUSTOM_FIELDS,
    DATE_VARIABLES,
    FRIENDLY_FIELDS,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    STANDARD_VARIABLES,
)
from .edtf import normalise_dates

# CSL type -> the alias a record uses for it (types not listed are written as they are)
TYPE_NAMES = {
    "article-journal": "article",
    "paper-conference": "conference-paper",
    "webpage": "web",
    "article": "preprint",
}
# CSL variable -> friendly record field (one per variable; container-title depends on type)
FIELD_NAMES = {
    "author": "authors",
    "editor": "editors",
    "translator": "translators",
    "collection-editor": "series-editors",
    "container-author": "container-authors",
    "reviewed-author": "reviewed-authors",
    "container-title-short": "journal-abbreviation",
    "title-short": "short-title",
    "collection-title": "series",
    "collection-number": "series-number",
    "event-title": "conference",
    "event-place": "conference-place",
    "page": "pages",
    "publisher-place": "place",
    "DOI": "doi",
    "URL": "url",
    "ISBN": "isbn",
    "ISSN": "issn",
    "PMID": "pmid",
    "PMCID": "pmcid",
    "keyword": "keywords",
}
JOURNAL_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper", "article", "review"})
BOOK_PART_TYPES = frozenset({"chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia"})
# numbers a person writes as integers
INTEGER_FIELDS = frozenset(
    {"volume", "issue", "edition", "number", "chapter-number", "number-of-pages",
     "number-of-volumes", "collection-number", "part-number", "supplement-number",
     "printing-number"}
)

# canonical order of a record's fields; the rest follow alphabetically
KEY_ORDER = (
    "id", "type", "genre", "title", "translated-title", "short-title", "original-title",
    "authors", "editors", "translators", "series-editors", "container-authors",
    "reviewed-authors", "journal", "book-title", "container-title", "journal-abbreviation",
    "series", "series-number", "conference", "conference-place", "edition", "volume", "issue",
    "number", "chapter-number", "pages", "number-of-pages", "number-of-volumes", "year", "date",
    "publisher", "university", "institution", "place", "medium", "status", "language", "doi",
    "pmid", "pmcid", "isbn", "issn", "url", "accessed", "original-date", "keywords", "abstract",
    "note",
)
_ORDER = {k: i for i, k in enumerate(KEY_ORDER)}
_KNOWN = (set(FRIENDLY_FIELDS) | NAME_VARIABLES | DATE_VARIABLES | NUMBER_VARIABLES
          | STANDARD_VARIABLES | CSL_JSON_EXTRAS | CUSTOM_FIELDS | {"id", "type", "custom", "year"})


def _number(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"[1-9]\d{0,8}", value.strip()):
        return int(value)
    return value


def _name(name: Any) -> Any:
    """``Family, Given`` where that reads back the same; other shapes as they are."""
    if isinstance(name, dict) and all(isinstance(v, str) for v in name.values()):
        return format_name(name)
    return name


def _names(value: Any) -> Any:
    return [_name(n) for n in value] if isinstance(value, list) else value


def container_field(csl_type: str | None) -> str:
    """The friendly name of ``container-title`` for a type."""
    if csl_type in JOURNAL_TYPES:
        return "journal"
    if csl_type in BOOK_PART_TYPES:
        return "book-title"
    return "container-title"


def publisher_field(csl_type: str | None) -> str:
    """Theses name their university; everything else its publisher."""
    return "university" if csl_type == "thesis" else "publisher"


def field_name(var: str, csl_type: str | None) -> str:
    """The record field a CSL variable is written under."""
    if var == "container-title":
        return container_field(csl_type)
    if var == "publisher":
        return publisher_field(csl_type)
    return FIELD_NAMES.get(var, var)


def to_record(item: dict[str, Any]) -> dict[str, Any]:
    """The canonical record for a CSL-JSON item (the inverse of ``to_csl``)."""
    item = normalise_dates(item)
    csl_type = item.get("type")
    record: dict[str, Any] = {}
    for var, value in item.items():
        if value is None:
            continue
        if var == "id":
            record["id"] = value
        elif var == "type":
            record["type"] = TYPE_NAMES.get(value, value)
        elif var == "custom":
            continue
        elif var == "issued" and isinstance(value, dict):
            date = format_date(value)
            record["year" if isinstance(date, int) else "date"] = date
        elif var in DATE_VARIABLES and isinstance(value, dict):
            record[field_name(var, csl_type)] = format_date(value)
        elif var in NAME_VARIABLES:
            record[field_name(var, csl_type)] = _names(value)
        elif var == "keyword" and isinstance(value, str):
            record["keywords"] = [k.strip() for k in value.split(";") if k.strip()]
        elif var in INTEGER_FIELDS:
            record[field_name(var, csl_type)] = _number(value)
        else:
            record[field_name(var, csl_type)] = value
    custom = item.get("custom")
    if isinstance(custom, dict):
        kept: dict[str, Any] = {}
        for key, value in custom.items():
            # only citeform's own custom fields go to the top level: any other key there would
            # be read back with a warning (unknown) or a changed meaning (a known field)
            if key in CUSTOM_FIELDS and key not in record:
                record[key] = value
            else:
                kept[key] = value
        if kept:
            record["custom"] = kept
    return dict(sorted(record.items(), key=lambda kv: (_ORDER.get(kv[0], len(_ORDER)), kv[0])))
