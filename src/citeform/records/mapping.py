"""Map citeform records (friendly YAML fields) to neutral CSL-JSON items.

"Neutral" means style-independent: a translated title stays in ``custom`` until a style's
rule (:mod:`citeform.records.title_rules`) decides where it goes.  CSL-JSON passes through unchanged.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from dataclasses import dataclass, field
from typing import Any

from ..languages import language_name, language_tag, looks_like_tag
from ..vocabulary import (
    CSL_JSON_EXTRAS,
    CSL_TYPES,
    CUSTOM_FIELDS,
    DATE_VARIABLES,
    FRIENDLY_FIELDS,
    META_KEYS,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    RECORD_ONLY_ALIASES,
    STANDARD_VARIABLES,
    TYPE_ALIASES,
)
from .date_parsing import DateError, parse_date
from .name_parsing import NameError_, parse_names

RECORD_ONLY_FIELDS = frozenset(FRIENDLY_FIELDS) | CUSTOM_FIELDS | {"year"}


class MappingError(ValueError):
    """A field whose value cannot be mapped; ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass
class Mapped:
    """The CSL-JSON item made from a record, and the warnings met on the way."""

    item: dict[str, Any]
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (field, message)


def looks_like_record(data: dict[str, Any]) -> bool:
    """True when a mapping uses citeform's friendly fields rather than plain CSL-JSON."""
    return not RECORD_ONLY_FIELDS.isdisjoint(data)


def _text(fieldname: str, value: Any) -> str:
    if isinstance(value, bool) or value is None:
        raise MappingError(fieldname, f"expected text, got {_kind(value)}")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value
    raise MappingError(fieldname, f"expected text, got {_kind(value)}")


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {list: "a list", dict: "a mapping", bool: "true/false"}.get(type(value), type(value).__name__)


def map_type(value: Any, *, record: bool = True) -> str:
    """The CSL type for a type name or alias."""
    if not isinstance(value, str):
        raise MappingError("type", f"expected a type name, got {_kind(value)}")
    name = value if value in CSL_TYPES else value.strip().lower().replace("_", "-")
    if record and name in RECORD_ONLY_ALIASES:
        return RECORD_ONLY_ALIASES[name]
    if name in CSL_TYPES:
        return name
    if name.replace("-", "_") in CSL_TYPES:
        return name.replace("-", "_")
    if name in TYPE_ALIASES:
        return TYPE_ALIASES[name]
    raise MappingError("type", f"unknown type {value!r}")


def map_language(value: Any) -> str:
    """A language tag for a code, tag or English language name."""
    text = _text("language", value).strip()
    tag = language_tag(text)
    if tag:
        return tag
    if looks_like_tag(text):
        return text  # a tag for a language not in the table: kept; check warns about it
    raise MappingError("language", f"unknown language {text!r} (use a code such as 'fr')")


def _map_value(csl: str, fieldname: str, value: Any) -> Any:
    if csl in NAME_VARIABLES:
        try:
            return parse_names(value)
        except NameError_ as e:
            raise MappingError(fieldname, str(e)) from None
    if csl in DATE_VARIABLES:
        try:
            return parse_date(value)
        except DateError as e:
            raise MappingError(fieldname, str(e)) from None
    if csl == "keyword" and isinstance(value, list):
        return "; ".join(_text(fieldname, v) for v in value)
    if csl == "language":
        return map_language(value)
    if csl == "DOI":
        return _DOI_PREFIX.sub("", _text(fieldname, value).strip())
    return _text(fieldname, value)


_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)


def to_csl(record: dict[str, Any], *, csl_input: bool | None = None) -> Mapped:
    """Map one record to CSL-JSON.

    ``csl_input`` says the mapping is already CSL-JSON (from a ``.json`` file or CSL-YAML);
    None decides by the fields used (:func:`looks_like_record`).
    """
    if csl_input is None:
        csl_input = not looks_like_record(record)
    out: dict[str, Any] = {}
    warnings: list[tuple[str, str]] = []
    custom: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for key, value in record.items():
        if not isinstance(key, str):
            raise MappingError(str(key), "field names must be text")
        if key == "id":
            out["id"] = _text("id", value)
        elif key == "type":
            out["type"] = map_type(value, record=not csl_input)
        elif key == "custom":
            if not isinstance(value, dict):
                raise MappingError("custom", f"expected a mapping, got {_kind(value)}")
            custom.update(value)
        elif key in META_KEYS or key in CSL_JSON_EXTRAS:
            out[key] = value
        elif key in CUSTOM_FIELDS and key.endswith("-others"):
            if not isinstance(value, bool):
                raise MappingError(key, f"expected true or false, got {_kind(value)}")
            if value:
                custom[key] = True
        elif key in CUSTOM_FIELDS:
            custom[key] = _text(key, value)
        elif key == "year":
            _claim(sources, "issued", key)
            out["issued"] = _map_value("issued", key, value)
        elif key in FRIENDLY_FIELDS or key in STANDARD_VARIABLES or key in NUMBER_VARIABLES \
                or key in NAME_VARIABLES or key in DATE_VARIABLES:
            csl = FRIENDLY_FIELDS.get(key, key)
            _claim(sources, csl, key)
            if value is None:
                warnings.append((key, "empty field ignored"))
                continue
            shape = _shape_problem(csl, value)
            if shape:  # check's schema refuses it, and mapping it would drop a part
                raise MappingError(key, shape)
            if csl_input and csl not in ("keyword",) and not _needs_parse(csl, value):
                problem = _csl_json_problem(csl, value)
                if problem:  # what check's schema refuses, cite must not render
                    raise MappingError(key, problem)
                out[csl] = value
            else:
                out[csl] = _map_value(csl, key, value)
        else:
            if not csl_input:
                warnings.append((key, f"unknown field {key!r} kept under 'custom'"))
            custom[key] = value
    if custom:
        out["custom"] = custom
    if "type" not in out and not csl_input:
        out["type"] = "article-journal" if "container-title" in out and "journal" in record else "document"
    return Mapped(out, warnings)


def _csl_json_problem(csl: str, value: Any) -> str | None:
    """Why a CSL-JSON value kept as it is cannot be used (None: it can): what the record
    schema of ``check`` refuses and the engine would still render or quietly drop (a language
    given as a number, non-finite numbers, date parts that are fractions or true/false, text
    given as a list or mapping)."""
    if type(value) is str:  # the most common value, never refused here
        return None
    if csl in DATE_VARIABLES:
        parts = value.get("date-parts") if isinstance(value, dict) else None
        for point in parts if isinstance(parts, list) else ():
            for part in point if isinstance(point, list) else ():
                if isinstance(part, bool) or isinstance(part, float):
                    return f"date-parts: expected whole numbers or text, got {part!r}"
        return None
    if csl in NUMBER_VARIABLES:
        if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
            return f"expected a number or text, got {value!r}"
        if isinstance(value, (list, dict)):
            return f"expected string or number, got {_kind(value)}"  # the engine would drop it
        return None
    if csl == "language" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return "expected string, got a number"
    if isinstance(value, (list, dict)) and csl not in NAME_VARIABLES:
        return f"expected string or number, got {_kind(value)}"  # the engine would drop it
    return None


@functools.lru_cache(maxsize=1)
def schema_defs() -> dict[str, Any]:
    """The ``$defs`` of the record schema, read once a process ({} if it cannot be read)."""
    path = os.path.join(os.path.dirname(__file__), "schema", "record.schema.json")
    try:
        with open(path, encoding="utf-8") as f:
            defs = json.load(f)["$defs"]
    except (OSError, ValueError, KeyError):  # pragma: no cover - the schema ships with us
        return {}
    return defs if isinstance(defs, dict) else {}


@functools.lru_cache(maxsize=1)
def _objects() -> dict[str, tuple[frozenset[str], str]]:
    """The keys a CSL-JSON name and date mapping may hold, and what check calls each, from the
    record schema: ``{"name": (keys, description), "date": (...)}``."""
    defs = schema_defs()
    try:
        return {kind: (frozenset(defs[f"{kind}-object"]["properties"]),
                       str(defs[f"{kind}-object"].get("description", "")).rstrip("."))
                for kind in ("name", "date")}
    except (KeyError, TypeError, AttributeError):  # pragma: no cover - the schema ships with us
        return {}


def _shape_problem(csl: str, value: Any) -> str | None:
    """check's message for a name or date mapping holding a key that is not CSL's (a name's
    ``first``, a date's ``month``): mapped, the key would be dropped in silence."""
    if type(value) is str:  # the most common value, never a mapping
        return None
    if csl in NAME_VARIABLES and isinstance(value, (list, dict)):
        shape = _objects().get("name")
        names = value if isinstance(value, list) else [value]
        for n, name in enumerate(names, 1):
            if shape and isinstance(name, dict) and not shape[0].issuperset(name):
                return f"item {n}: {shape[1]}" if isinstance(value, list) else shape[1]
    elif csl in DATE_VARIABLES and isinstance(value, dict):
        shape = _objects().get("date")
        if shape and not shape[0].issuperset(value):
            return shape[1]
    return None


def _needs_parse(csl: str, value: Any) -> bool:
    """CSL-JSON values are kept as they are unless they are in a hand-written form."""
    if csl in NAME_VARIABLES:
        return not (isinstance(value, list) and all(isinstance(v, dict) for v in value))
    if csl in DATE_VARIABLES:
        return not isinstance(value, dict)
    return False


def _claim(sources: dict[str, str], csl: str, key: str) -> None:
    if csl in sources:
        raise MappingError(key, f"'{key}' and '{sources[csl]}' both give {csl}; keep one")
    sources[csl] = key


def language_of(item: dict[str, Any]) -> str | None:
    """The English name of an item's language, when known."""
    tag = item.get("language")
    return language_name(tag) if isinstance(tag, str) else None
