"""Checks on a parsed style that would otherwise surface as crashes while rendering."""

from __future__ import annotations

from typing import Any

from lxml import etree

from .exceptions import EngineError

CSL_NS = "http://purl.org/net/xbiblio/csl"
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
_ALL_CALLS = etree.XPath("descendant-or-self::*/@macro", smart_strings=False)
_CALLS_INSIDE = etree.XPath("descendant::*/@macro", smart_strings=False)
_COUNT_MACROS = etree.XPath("count(//cs:macro)", namespaces={"cs": CSL_NS})


def check_nodes(root: Any) -> None:
    """No entity references or XIncludes: the style must be self-contained CSL."""
    # lxml filters the tree in document order, so only offending nodes get Python objects
    for el in root.iter(etree.Entity, f"{{{XINCLUDE_NS}}}*"):
        if el.tag is etree.Entity:
            raise EngineError(f"entity reference &{el.name}; is not allowed in a style")
        raise EngineError("XInclude elements are not allowed in a style")


def check_macros(root: Any) -> None:
    """Every macro called is defined, and no macro calls itself (directly or through others)."""
    macros = {m.get("name"): m for m in root.iterfind(f"{{{CSL_NS}}}macro")}
    for name in _ALL_CALLS(root):
        if name not in macros:
            raise EngineError(f"calls macro {name!r}, which the style does not define")
    done: set[str] = set()
    calls = _calls(root, macros)
    for start in macros:
        _walk(start, calls, [], done)


def _calls(root: Any, macros: dict[str | None, Any]) -> dict[str | None, list[str]]:
    """The macros each macro calls, in document order (``None``: calls outside macros)."""
    if None not in macros and len(macros) == _COUNT_MACROS(root):
        # every macro named and at the top: XPath lists each one's calls, so the elements
        # that call need no Python objects (calls outside macros are never followed)
        found: dict[str | None, list[str]] = {}
        for m in root.iterfind(f"{{{CSL_NS}}}macro"):
            found.setdefault(m.get("name"), []).extend(_CALLS_INSIDE(m))
        return found
    calls: dict[str | None, list[str]] = {}
    for el in root.iter():
        name = el.get("macro") if isinstance(el.tag, str) else None
        if name is not None:
            owner = next((a.get("name") for a in el.iterancestors(f"{{{CSL_NS}}}macro")), None)
            calls.setdefault(owner, []).append(name)
    return calls


def _walk(name: str, calls: dict[str | None, list[str]], path: list[str], done: set[str]) -> None:
    if name in path:
        cycle = " -> ".join([*path[path.index(name):], name])
        raise EngineError(f"macro {name!r} calls itself ({cycle})")
    if name in done:
        return
    for callee in calls.get(name, ()):
        _walk(callee, calls, [*path, name], done)
    done.add(name)
