"""Checks on a parsed style that would otherwise surface as crashes while rendering."""

from __future__ import annotations

from typing import Any

from lxml import etree

from .errors import EngineError

CSL_NS = "http://purl.org/net/xbiblio/csl"
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"


def check_nodes(root: Any) -> None:
    """No entity references or XIncludes: the style must be self-contained CSL."""
    for el in root.iter():
        if el.tag is etree.Entity:
            raise EngineError(f"entity reference &{el.name}; is not allowed in a style")
        if isinstance(el.tag, str) and el.tag.startswith(f"{{{XINCLUDE_NS}}}"):
            raise EngineError("XInclude elements are not allowed in a style")


def check_macros(root: Any) -> None:
    """Every macro called is defined, and no macro calls itself (directly or through others)."""
    macros = {m.get("name"): m for m in root.iterfind(f"{{{CSL_NS}}}macro")}
    calls: dict[str | None, list[str]] = {}
    for el in root.iter():
        name = el.get("macro") if isinstance(el.tag, str) else None
        if name is None:
            continue
        if name not in macros:
            raise EngineError(f"calls macro {name!r}, which the style does not define")
        owner = next((a.get("name") for a in el.iterancestors(f"{{{CSL_NS}}}macro")), None)
        calls.setdefault(owner, []).append(name)
    done: set[str] = set()
    for start in macros:
        _walk(start, calls, [], done)


def _walk(name: str, calls: dict[str | None, list[str]], path: list[str], done: set[str]) -> None:
    if name in path:
        cycle = " -> ".join([*path[path.index(name):], name])
        raise EngineError(f"macro {name!r} calls itself ({cycle})")
    if name in done:
        return
    for callee in calls.get(name, ()):
        _walk(callee, calls, [*path, name], done)
    done.add(name)
