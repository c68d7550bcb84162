"""CSL-JSON output and its validation against citeform's JSON Schema for CSL 1.0.2."""

from __future__ import annotations

import json
import numbers
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

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
def _item_validator() -> Any:
    """``jsonschema``'s validator of one item (imported only for an invalid item's
    messages or a schema the compiled check does not know: it costs 50 ms to import)."""
    from jsonschema import Draft202012Validator

    # inlined once: checking 10,000 items then spends no time resolving references
    defs = schema()["$defs"]
    return Draft202012Validator(_inline(defs["item"], defs))


# --- a compiled check of the item schema -------------------------------------------------
# ``jsonschema`` interprets the schema afresh for every value (about half the time of a
# ``convert`` to CSL-JSON). The schema uses a handful of keywords; each becomes a closure
# with the meaning ``jsonschema`` gives it (Draft 2020-12), and the item check is a chain of
# those calls. It answers only valid/invalid: the messages of an invalid item still come
# from ``jsonschema``. A keyword it does not know makes it step aside for ``jsonschema``.

Check = Callable[[Any], bool]
_IGNORED = frozenset(("title", "description", "$schema", "$comment"))


class _Unsupported(Exception):
    pass


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: not isinstance(v, bool) and (
        isinstance(v, int) or (isinstance(v, float) and v.is_integer())),
    "null": lambda v: v is None,
    "number": _is_number,
    "object": lambda v: isinstance(v, dict),
    "string": lambda v: isinstance(v, str),
}


def _compile(node: Any) -> Check:
    """A function telling whether a value is valid against the schema ``node``."""
    if node is True or node == {}:
        return lambda _v: True
    if node is False:
        return lambda _v: False
    if not isinstance(node, dict):
        raise _Unsupported(repr(node))
    checks: list[Check] = []
    for key, arg in node.items():
        if key in _IGNORED:
            continue
        make = _KEYWORDS.get(key)
        if make is None:
            raise _Unsupported(key)
        checks.append(make(arg, node))
    if len(checks) == 1:
        return checks[0]

    def every(v: Any) -> bool:
        for check in checks:
            if not check(v):
                return False
        return True
    return every


def _k_type(arg: Any, _node: dict) -> Check:
    names = [arg] if isinstance(arg, str) else list(arg)
    if not all(name in _TYPES for name in names):
        raise _Unsupported(f"type {arg!r}")
    tests = [_TYPES[name] for name in names]
    if len(tests) == 1:
        return tests[0]
    return lambda v: any(test(v) for test in tests)


def _k_enum(arg: Any, _node: dict) -> Check:
    if not all(isinstance(e, str) for e in arg):
        raise _Unsupported("enum of other values than strings")
    allowed = frozenset(arg)
    return lambda v: isinstance(v, str) and v in allowed


def _k_properties(arg: dict, _node: dict) -> Check:
    checks = {name: _compile(sub) for name, sub in arg.items()}
    get = checks.get

    def properties(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        # the value's fields looked up among the schema's (an item has a few of a hundred)
        for name, value in v.items():
            check = get(name)
            if check is not None and not check(value):
                return False
        return True
    return properties


def _k_additional(arg: Any, node: dict) -> Check:
    if "patternProperties" in node:
        raise _Unsupported("patternProperties")
    known = frozenset(node.get("properties", ()))
    if arg is False:
        return lambda v: not isinstance(v, dict) or all(k in known for k in v)
    check = _compile(arg)
    return lambda v: not isinstance(v, dict) or all(check(x) for k, x in v.items() if k not in known)


def _k_required(arg: list, _node: dict) -> Check:
    return lambda v: not isinstance(v, dict) or all(name in v for name in arg)


def _k_items(arg: Any, node: dict) -> Check:
    if "prefixItems" in node:
        raise _Unsupported("prefixItems")
    check = _compile(arg)
    return lambda v: not isinstance(v, list) or all(check(x) for x in v)


def _k_min_items(arg: int, _node: dict) -> Check:
    return lambda v: not isinstance(v, list) or len(v) >= arg


def _k_max_items(arg: int, _node: dict) -> Check:
    return lambda v: not isinstance(v, list) or len(v) <= arg


def _k_minimum(arg: Any, _node: dict) -> Check:
    return lambda v: not _is_number(v) or not v < arg


def _k_maximum(arg: Any, _node: dict) -> Check:
    return lambda v: not _is_number(v) or not v > arg


def _k_pattern(arg: str, _node: dict) -> Check:
    search = re.compile(arg).search
    return lambda v: not isinstance(v, str) or search(v) is not None


def _k_any_of(arg: list, _node: dict) -> Check:
    checks = [_compile(sub) for sub in arg]
    return lambda v: any(check(v) for check in checks)


_KEYWORDS: dict[str, Callable[[Any, dict], Check]] = {
    "type": _k_type, "enum": _k_enum, "properties": _k_properties,
    "additionalProperties": _k_additional, "required": _k_required, "items": _k_items,
    "minItems": _k_min_items, "maxItems": _k_max_items, "minimum": _k_minimum,
    "maximum": _k_maximum, "pattern": _k_pattern, "anyOf": _k_any_of,
}


@lru_cache(maxsize=1)
def _item_check() -> Check:
    """The compiled item check, or ``jsonschema``'s own when the schema uses other keywords."""
    defs = schema()["$defs"]
    try:
        return _compile(_inline(defs["item"], defs))
    except _Unsupported:
        return _item_validator().is_valid


def item_errors(item: Any) -> list[str]:
    """Every way one item breaks the schema, as ``path: message``."""
    if _item_check()(item):
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

@lru_cache(maxsize=1)
def _key_order() -> dict[str, int]:
    from .unmap import KEY_ORDER

    return {k: i for i, k in enumerate(KEY_ORDER)}


def ordered(item: dict[str, Any]) -> dict[str, Any]:
    """The item's variables in the order records use (id, type, title, names, ...)."""
    from .unmap import field_name

    order = _key_order()
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
    text = dumps_indented(out)
    for i, parts in enumerate(compact):
        text = text.replace(json.dumps(_TOKEN.format(i)), parts, 1)
    return escape_controls(text)


class _Unusual(Exception):
    """A value the fast writer leaves to ``json.dumps``."""


_encode_str = json.encoder.encode_basestring  # the C function where there is one
_INFINITY = float("inf")


def _dump(value: Any, indent: str, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(_encode_str(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = "\n" + indent + "  "
        sep = "{" + inner
        for key, sub in value.items():
            if type(key) is not str:
                raise _Unusual
            out.append(sep + _encode_str(key) + ": ")
            sep = "," + inner
            _dump(sub, indent + "  ", out)
        out.append("\n" + indent + "}")
    elif kind is list:
        if not value:
            out.append("[]")
            return
        inner = "\n" + indent + "  "
        sep = "[" + inner
        for sub in value:
            out.append(sep)
            sep = "," + inner
            _dump(sub, indent + "  ", out)
        out.append("\n" + indent + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and value == value and -_INFINITY < value < _INFINITY:
        out.append(float.__repr__(value))
    else:
        raise _Unusual


def dumps_indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, without the
    pure-Python encoder that ``indent`` selects for plain JSON values (lists, dicts with
    string keys, strings, numbers, booleans, null); anything else goes to ``json.dumps``."""
    out: list[str] = []
    try:
        _dump(value, "", out)
    except (_Unusual, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


def to_csl_json(items: Iterable[dict[str, Any]]) -> str:
    """A CSL-JSON list, indented, Unicode as is."""
    body = ",\n".join("\n".join("  " + line for line in dumps_item(i).split("\n")) for i in items)
    return f"[\n{body}\n]\n" if body else "[]\n"
