"""The collector settings used while loading and rendering are undone afterwards."""

from __future__ import annotations

import gc

from citeform.engine import render_csl
from citeform.engine.pipeline import YOUNG_THRESHOLD, young_collections

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><text variable="title"/></layout></bibliography></style>"""


def test_settings_restored_and_render_unchanged():
    before = gc.get_threshold()
    inside = []
    with young_collections():
        inside.append((gc.get_threshold()[0], gc.get_freeze_count()))
        result = render_csl([{"id": "a", "type": "book", "title": "T"}], STYLE)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    assert inside[0] == (max(before[0], YOUNG_THRESHOLD), inside[0][1])
    assert inside[0][1] > 0  # what existed on entry was frozen
    assert result.bibliography == ["T"]


def test_a_callers_freeze_is_left_alone():
    gc.freeze()
    try:
        count = gc.get_freeze_count()
        with young_collections():
            assert gc.get_freeze_count() >= count
        assert gc.get_freeze_count() == count  # still frozen: not unfrozen by us
    finally:
        gc.unfreeze()


def test_nothing_changes_with_the_collector_off():
    before = gc.get_threshold()
    gc.disable()
    try:
        with young_collections():
            assert gc.get_threshold() == before
            assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_an_error_inside_restores_the_settings():
    before = gc.get_threshold()
    try:
        with young_collections():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
