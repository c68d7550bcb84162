"""Write CSL-JSON items as CSL-YAML, the ``references:`` list pandoc reads."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..vocabulary import DATE_VARIABLES
from .csl_json import ordered
from .yaml_writer import _FlowList, dump


def _prepare(item: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in ordered(item).items():
        if key in DATE_VARIABLES and isinstance(value, dict) and "date-parts" in value:
            value = {**value, "date-parts": _FlowList(value["date-parts"])}
        out[key] = value
    return out


def to_csl_yaml(items: Iterable[dict[str, Any]]) -> str:
    """A YAML document with every item under ``references:``."""
    return dump({"references": [_prepare(i) for i in items]})
