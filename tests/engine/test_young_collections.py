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


def test_nested_blocks_restore_once_and_inner_freeze_works():
    before = gc.get_threshold()
    with young_collections(freeze=False):
        assert gc.get_freeze_count() == 0
        with young_collections():
            assert gc.get_freeze_count() > 0
            assert gc.get_threshold()[0] == max(before[0], YOUNG_THRESHOLD)
        assert gc.get_freeze_count() == 0
        assert gc.get_threshold()[0] == max(before[0], YOUNG_THRESHOLD)
    assert gc.get_threshold() == before


def test_overlapping_blocks_in_threads_restore_the_threshold():
    import threading

    before = gc.get_threshold()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

    def first():
        with young_collections():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second():
        first_in.wait(5)
        with young_collections():
            second_in.set()
            first_out.wait(5)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
