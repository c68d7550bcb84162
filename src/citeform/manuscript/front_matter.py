"""The YAML block at the top of a manuscript: the settings pandoc's citeproc reads there."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import DataError

_NOCITE_KEY = re.compile(r"@(\*|\{[^{}\s]+\}|[^\s,;\[\]]+)")


@dataclass
class Settings:
    """What the front matter says (``None``: not said)."""

    bibliography: list[str] | None = None  # paths, resolved against the manuscript's folder
    references: list[Any] = field(default_factory=list)  # records (:class:`Record`)
    style: str | None = None
    lang: str | None = None
    nocite: list[str] = field(default_factory=list)
    link_citations: bool | None = None
    suppress_bibliography: bool = False
    reference_section_title: str | None = None


def read(text: str, span: tuple[int, int] | None, name: str, folder: str,
         warn: Callable[[str], None]) -> Settings | None:
    """The settings of the YAML in ``text[span[0]:span[1]]`` (a manuscript called ``name``,
    in ``folder``); errors name the manuscript's line. ``None`` when that YAML is not a
    mapping: then, as pandoc reads it, the block is not metadata but part of the text."""
    if span is None:
        return Settings()
    start, end = span
    before = text.count("\n", 0, start)
    # padded with the lines before it, so that YAML's positions are the manuscript's
    yaml_text = "\n" * before + text[start:end].replace("\r\n", "\n")
    data = simple_mapping(yaml_text)
    if data is None:
        from ..records import yaml_positions

        _node, data = yaml_positions.load(name, yaml_text)
    if data is None:
        return Settings()
    if not isinstance(data, dict):
        return None

    def line_of(key: str) -> int | None:
        m = re.search(r"^" + re.escape(key) + r"\s*:", yaml_text, re.M)
        return yaml_text.count("\n", 0, m.start()) + 1 if m else before + 1

    settings = from_mapping(data, name, folder, line_of)
    if "references" in data:
        settings.references = _references(name, yaml_text, data.get("references"),
                                          line_of("references"), warn)
    return settings


# ``key: value`` with a plain value that YAML (as yaml_positions reads it) takes as text,
# true/false or null: no character that YAML gives a meaning (``:#[]{}&*!|>'"%@`` and more),
# and a key of at most the 1,024 characters YAML looks back for a key's ':'
_SIMPLE_LINE = re.compile(
    r"([A-Za-z][A-Za-z0-9_-]{0,1023}):(?: +([A-Za-z](?:[A-Za-z0-9 .,;()/_-]{0,998}[A-Za-z0-9.,;()/_-])?))?")
_WORDS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
          "FALSE": False, "null": None, "Null": None, "NULL": None}


def simple_mapping(yaml_text: str) -> dict[str, Any] | None:
    """The mapping of a front matter made only of ``key: value`` lines of plain words (a
    title, a bibliography file, a style), read without a YAML parser (importing one is a
    tenth of a short manuscript's time); ``None`` for anything else, which YAML reads."""
    data: dict[str, Any] = {}
    for line in yaml_text.split("\n"):
        if not line:
            continue
        m = _SIMPLE_LINE.fullmatch(line)
        if m is None:
            return None
        key, value = m.groups()
        if key in _WORDS or key in data:
            return None  # a key YAML reads as true/false/null, or one given twice: YAML's word
        data[key] = _WORDS.get(value, value) if value is not None else None
    return data or None


def from_mapping(data: dict[str, Any], name: str, folder: str,
                 line_of: Callable[[str], int | None] = lambda _k: None) -> Settings:
    """The settings in a mapping of metadata (all but ``references``); ``line_of`` gives
    the line of a field for messages."""
    settings = Settings()

    def text_value(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip()
        raise DataError(f"'{key}' must be text", file=name, line=line_of(key), field=key)

    def flag(key: str) -> bool | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
            return value.strip().lower() in ("true", "yes")
        raise DataError(f"'{key}' must be true or false", file=name, line=line_of(key),
                        field=key)

    bib = data.get("bibliography")
    if bib is not None:
        items = bib if isinstance(bib, list) else [bib]
        if not all(isinstance(b, str) and b.strip() for b in items):
            raise DataError("'bibliography' must be a file name or a list of them", file=name,
                            line=line_of("bibliography"), field="bibliography")
        settings.bibliography = [os.path.join(folder, os.path.expanduser(b.strip()))
                                 for b in items]
    style = text_value("csl") or text_value("citation-style")
    if style:
        local = os.path.join(folder, os.path.expanduser(style))
        settings.style = local if os.path.isfile(local) else style
    settings.lang = text_value("lang") or None
    settings.nocite = _nocite(data.get("nocite"), name, line_of("nocite"))
    settings.link_citations = flag("link-citations")
    settings.suppress_bibliography = bool(flag("suppress-bibliography"))
    settings.reference_section_title = text_value("reference-section-title") or None
    return settings


def _references(name: str, yaml_text: str, value: Any, line: int | None,
                warn: Callable[[str], None]) -> list[Any]:
    """The records written in the front matter (pandoc's CSL-YAML ``references:`` list)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise DataError("'references' must be a list of records", file=name, line=line,
                        field="references")
    from ..records.load import LoadErrors, make_record, parse_text

    records, errors = [], []
    for raw in parse_text(name, yaml_text, "yaml"):
        raw.stem = None  # a record here needs its own id: the manuscript's name is not one
        if isinstance(raw.data, dict) and raw.key() is None:
            errors.append(DataError("a record in 'references' needs an id", file=name,
                                    line=raw.line, field="references"))
            continue
        try:
            records.append(make_record(raw, warn))
        except DataError as e:
            errors.append(e)
    if errors:
        raise errors[0] if len(errors) == 1 else LoadErrors(errors)
    return records


def _nocite(value: Any, name: str, line: int | None) -> list[str]:
    """The keys of ``nocite`` (``"*"`` for ``@*``), from a string or a list of them."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    keys: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise DataError("'nocite' must be citations such as '@key' or '@*'", file=name,
                            line=line, field="nocite")
        for m in _NOCITE_KEY.finditer(item):
            key = m.group(1)
            key = key[1:-1] if key.startswith("{") else key.rstrip(".:")
            if key and key not in keys:
                keys.append(key)
    return keys
