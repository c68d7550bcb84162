"""Tripwires: every YAML load is safe and every XML parser has entities and network off."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "citeform"
SOURCES = sorted(SRC.rglob("*.py"))


@functools.lru_cache(maxsize=1)
def all_calls() -> list[tuple[Path, str, ast.Call]]:
    """(file, last name of the function, call node) of every call in the package."""
    out = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                last = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                out.append((path.relative_to(SRC), last, node))
    return out


def calls(name: str) -> list[tuple[Path, ast.Call]]:
    return [(path, node) for path, last, node in all_calls() if last == name]


def test_sources_found() -> None:
    assert len(SOURCES) > 10


@pytest.mark.parametrize("unsafe", ["unsafe_load", "full_load", "load_all", "unsafe_load_all",
                                    "full_load_all", "CitationStylesStyle",
                                    "CitationStylesLocale"])
def test_no_unsafe_loader_is_called(unsafe: str) -> None:
    assert list(calls(unsafe)) == []


def test_yaml_load_only_with_a_safe_loader() -> None:
    for path, node in calls("load"):
        func = node.func
        if isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "yaml":
            loader = {k.arg: ast.unparse(k.value) for k in node.keywords}.get("Loader", "")
            assert "Safe" in loader or "RecordLoader" in loader, f"{path}:{node.lineno}"


def test_every_xml_parser_has_entities_and_network_off() -> None:
    found = list(calls("XMLParser"))
    assert found
    for path, node in found:
        options = {k.arg: ast.unparse(k.value) for k in node.keywords}
        where = f"{path}:{node.lineno}"
        assert options.get("resolve_entities") == "False", where
        assert options.get("no_network") == "True", where
        assert options.get("load_dtd", "False") == "False", where
        assert options.get("huge_tree", "False") == "False", where
