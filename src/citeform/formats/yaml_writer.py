"""Write records as YAML the way a person would: canonical order, plain scalars, Unicode as is."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import Any

import yaml

from ..vocabulary import DATE_VARIABLES, NAME_VARIABLES
from .unmap import FIELD_NAMES

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NAME_FIELDS = frozenset(NAME_VARIABLES) | {FIELD_NAMES[v] for v in NAME_VARIABLES if v in FIELD_NAMES}
DATE_FIELDS = frozenset(DATE_VARIABLES) | {"date"}


class _Flow(dict):
    """A mapping written on one line: ``{literal: World Health Organization}``."""


class _FlowList(list):
    """A list written on one line: ``[[2002, 3, 15]]``."""


class _Dumper(yaml.SafeDumper):
    """Block style, no line wrapping, no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # lists indented under their key, as people write them
        super().increase_indent(flow, False)


def _flow_dict(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _flow_list(dumper: yaml.SafeDumper, data: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(_Flow, _flow_dict)
_Dumper.add_representer(_FlowList, _flow_list)
_Dumper.add_representer(str, _str)


def _prepare(record: dict[str, Any]) -> dict[str, Any]:
    """Mark names as one-line mappings and full ISO dates as YAML dates (written unquoted)."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key in NAME_FIELDS and isinstance(value, list):
            value = [_Flow(v) if isinstance(v, dict) else v for v in value]
        elif key in DATE_FIELDS and isinstance(value, str) and _ISO_DAY.match(value):
            try:
                value = _dt.date.fromisoformat(value)
            except ValueError:
                pass
        elif isinstance(value, dict) and key in DATE_FIELDS:
            value = {k: _FlowList(v) if k == "date-parts" else v for k, v in value.items()}
        out[key] = value
    return out


def dump(data: Any) -> str:
    """YAML text for any data, in citeform's style."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=10_000)


def record_yaml(record: dict[str, Any]) -> str:
    """One record as a YAML mapping."""
    return dump(_prepare(record))


def records_yaml(records: Iterable[dict[str, Any]]) -> str:
    """Several records as a YAML list, a blank line between records."""
    chunks = []
    for record in records:
        text = record_yaml(record)
        lines = text.splitlines()
        chunks.append("\n".join(["- " + lines[0]] + ["  " + line for line in lines[1:]]) + "\n")
    return "\n".join(chunks)
