"""CSL-JSON output and its validation against citeform's JSON Schema for CSL 1.0.2."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from ..safe_text import escape_controls


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema (``csl_json_schema.json``) shipped with the package."""
    text = resources.files("citeform.formats").joinpath("csl_json_schema.json").read_text("utf-8")
    return json.loads(text)


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with its (non-recursive) ``$ref``s replaced by what they point to."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return {**_inline(defs[ref.rsplit("/", 1)[1]], defs), **rest}
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


@lru_cache(maxsize=1)
def _item_validator() -> Draft202012Validator:
    # inlined once: checking 10,000 items then spends no time resolving references
    defs = schema()["$defs"]
    return Draft202012Validator(_inline(defs["item"], defs))


def item_errors(item: Any) -> list[str]:
    """Every way one item breaks the schema, as ``path: message``."""
    if _item_validator().is_valid(item):
        return []
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


_TOKEN = "@@date-parts-{}@@"

def ordered(item: dict[str, Any]) -> dict[str, Any]:
    """The item's variables in the order records use (id, type, title, names, ...)."""
    from .unmap import KEY_ORDER, field_name

    order = {k: i for i, k in enumerate(KEY_ORDER)}
    csl_type = item.get("type")

    def rank(var: str) -> tuple[int, str]:
        name = "year" if var == "issued" else field_name(var, csl_type)
        return (order.get(name, len(order)) if var != "custom" else len(order) + 1, var)

    return {k: item[k] for k in sorted(item, key=rank)}


def dumps_item(item: dict[str, Any]) -> str:
    """One item as indented JSON; date parts stay on one line (``[[2002, 3, 15]]``)."""
    compact: list[str] = []
    out = ordered(item)
    for var, value in out.items():
        if isinstance(value, dict) and isinstance(value.get("date-parts"), list):
            compact.append(json.dumps(value["date-parts"], ensure_ascii=False))
            out[var] = {**value, "date-parts": _TOKEN.format(len(compact) - 1)}
    text = json.dumps(out, ensure_ascii=False, indent=2)
    for i, parts in enumerate(compact):
        text = text.replace(json.dumps(_TOKEN.format(i)), parts, 1)
    return escape_controls(text)


def to_csl_json(items: Iterable[dict[str, Any]]) -> str:
    """A CSL-JSON list, indented, Unicode as is."""
    body = ",\n".join("\n".join("  " + line for line in dumps_item(i).split("\n")) for i in items)
    return f"[\n{body}\n]\n" if body else "[]\n"
