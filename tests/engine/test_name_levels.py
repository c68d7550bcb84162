"""``names.level_effect`` against ``NameRenderer.one``: two given-name levels with the same
effect must print a name the same (sorting keeps a sort key's text across a change of levels
on that promise), for every form, initialisation and sort mode."""

from __future__ import annotations

import itertools

import pytest

from citeform.engine.loader import LoadedStyle
from citeform.engine.names import NameRenderer, level_effect
from citeform.engine.state import EngineState

STYLE = b"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Name forms</title><id>n</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout>
    <names variable="author"><name form="short"/></names>
    <names variable="author"><name form="short" initialize-with=". "/></names>
    <names variable="author"><name initialize-with=". "/></names>
    <names variable="author"><name initialize-with="" name-as-sort-order="all"/></names>
    <names variable="author"><name name-as-sort-order="first"/></names>
    <names variable="author"><name form="count"/></names>
  </layout></citation>
</style>"""

NAMES = [
    {"family": "Smith", "given": "John Paul"},
    {"family": "Neumann", "given": "Jean-Luc", "non-dropping-particle": "von", "dropping-particle": "de"},
    {"family": "Young", "given": "A."},
    {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
    {"given": "Prince"},
    {"family": "毛", "given": "泽东"},
    {"literal": "World Health Organization"},
    {"family": "Smith"},
]
SORT_OPTIONS = {"name-as-sort-order": "all", "_sort_key": True, "sort-separator": " ", "delimiter": " ", "and": None}


class _Item:
    key = "x"
    reference: dict = {}


@pytest.mark.parametrize("sort_options", [None, SORT_OPTIONS])
def test_levels_with_one_effect_print_one_name(sort_options) -> None:
    style = LoadedStyle(STYLE, "en-US")
    style.root.engine_state = EngineState()
    elements = style.root.xpath("//cs:name", namespaces={"cs": "http://purl.org/net/xbiblio/csl"})
    for element, name in itertools.product(elements, NAMES):
        renderer = NameRenderer(element, _Item(), "author", style.root.citation.layout, sort_options)
        form = renderer.opt("form") or "long"
        initialized = renderer.name_settings()[0] is not None
        printed: dict[int, set[str]] = {}
        for level in range(4):
            printed.setdefault(level_effect(form, initialized, level), set()).add(
                str(renderer.one(name, 0, form, level)))
        assert all(len(texts) == 1 for texts in printed.values()), (element.attrib, name, printed)
