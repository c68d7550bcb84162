"""CSL-JSON output and its validation against citeform's JSON Schema for CSL 1.0.2."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema (``csl_json_schema.json``) shipped with the package."""
    text = resources.files("citeform.formats").joinpath("csl_json_schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _item_validator() -> Draft202012Validator:
    full = schema()
    return Draft202012Validator({"$ref": "#/$defs/item", "$defs": full["$defs"]})


def item_errors(item: Any) -> list[str]:
    """Every way one item breaks the schema, as ``path: message``."""
    out = []
    for error in sorted(_item_validator().iter_errors(item), key=lambda e: list(map(str, e.path))):
        path = "/".join(str(p) for p in error.path) or "(item)"
        out.append(f"{path}: {error.message}")
    return out


def validation_errors(data: Any) -> list[str]:
    """Every way ``data`` (a list of items or one item) breaks the schema; list paths start
    with the item's index."""
    if not isinstance(data, list):
        return item_errors(data)
    return [f"{i}/{e}" for i, item in enumerate(data) for e in item_errors(item)]


def to_csl_json(items: Iterable[dict[str, Any]]) -> str:
    """A CSL-JSON list, indented, Unicode as is."""
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"
