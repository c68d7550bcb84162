"""Records streamed one file at a time are the records loaded all at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeform.errors import DataError
from citeform.records.load import iter_records, load_records

RECORDS = Path(__file__).resolve().parents[2] / "records"


def _same(a, b) -> None:
    assert [(r.key, r.csl, r.file, r.line) for r in a] == [(r.key, r.csl, r.file, r.line) for r in b]


def test_stream_equals_load_on_sample_records():
    _same(list(iter_records([str(RECORDS)], warn=lambda _m: None)),
          load_records([str(RECORDS)], warn=lambda _m: None))


def test_stream_equals_load_on_a_folder_of_files(tmp_path, corpus, generator):
    generator.write_json_folder(iter(corpus), str(tmp_path / "many"), 25)
    streamed = list(iter_records([str(tmp_path / "many")], warn=lambda _m: None))
    _same(streamed, load_records([str(tmp_path / "many")], warn=lambda _m: None))
    assert [r.key for r in streamed] == [item["id"] for item in corpus]


def test_stream_yields_before_reading_later_files(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"id": "a1", "type": "book", "title": "A"}]))
    (tmp_path / "b.json").write_text("[ not json")
    stream = iter_records([str(tmp_path)], warn=lambda _m: None)
    first = next(stream)
    assert first.key == "a1"
    with pytest.raises(DataError):
        next(stream)  # the broken file is reported at the end, as load_records does


def test_stream_reports_duplicates_like_load(tmp_path):
    item = {"id": "same", "type": "book", "title": "A"}
    (tmp_path / "a.json").write_text(json.dumps([item]))
    (tmp_path / "b.json").write_text(json.dumps([item]))
    errors: list[DataError] = []
    kept = list(iter_records([str(tmp_path)], warn=lambda _m: None, on_error=errors.append))
    assert [r.key for r in kept] == ["same"]
    assert len(errors) == 1 and "duplicate key 'same'" in errors[0].message
    with pytest.raises(DataError) as caught:
        load_records([str(tmp_path)], warn=lambda _m: None)
    assert caught.value.message == errors[0].message


def test_cite_job_lets_the_records_go_before_rendering(monkeypatch, tmp_path):
    """While the bibliography renders, the records as written (and their positions) are gone:
    only their CSL-JSON is kept, so a large input holds less at its peak."""
    import gc
    import weakref

    from citeform import api, cite_job
    from citeform.records import load

    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"id": f"k{i}", "type": "book", "title": f"T{i}"} for i in range(5)]))
    loaded: list = []
    real_load, real_render = load.iter_records, api.render

    def spy_load(*args, **kwargs):
        for record in real_load(*args, **kwargs):
            loaded.append(weakref.ref(record))
            yield record

    alive: list[int] = []

    def spy_render(items, *args, **kwargs):
        gc.collect()
        alive.append(sum(ref() is not None for ref in loaded))
        return real_render(items, *args, **kwargs)

    monkeypatch.setattr(load, "iter_records", spy_load)
    monkeypatch.setattr(api, "render", spy_render)
    for keys in ([], ["k3", "k1"]):  # every record (read one by one) or some (read at once)
        loaded.clear()
        alive.clear()
        text = cite_job.run(keys=keys, paths=[str(path)], style="apa", jobs=1)
        assert len(loaded) == 5 and alive == [0]
        assert text.splitlines()[0] == ("T0. (n.d.)." if not keys else "T1. (n.d.).")


def _item_dicts_alive(title: str) -> int:
    """Item dicts with this title that are alive (an item with a name list is tracked by
    the collector, so ``gc.get_objects`` finds it; rendering freezes what exists, which
    that does not list)."""
    import gc

    frozen = gc.get_freeze_count()
    gc.unfreeze()
    gc.collect()
    found = sum(1 for o in gc.get_objects() if type(o) is dict and o.get("title") == title)
    if frozen:
        gc.freeze()
    return found


@pytest.mark.parametrize("fmt, kept", [("text", False), ("rtf", False), ("html", True),
                                       ("markdown", True)])
def test_cite_job_lets_the_csl_json_go_once_the_engine_has_it(monkeypatch, tmp_path, fmt, kept):
    """While the engine sorts and renders, the items' CSL-JSON is gone (the engine holds
    its own references), except where links are made from it afterwards (DOIs, URLs)."""
    from citeform import cite_job
    from citeform.engine import pipeline

    items = [{"id": f"k{i}", "type": "book", "title": f"Unique title {i}",
              "author": [{"family": f"Family{i}", "given": "A"}], "DOI": f"10.1234/x{i}"}
             for i in range(3)]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items))
    del items  # only the loaded ones count
    alive: list[int] = []
    real = pipeline.disambiguate

    def spy(*args, **kwargs):
        alive.append(_item_dicts_alive("Unique title 1"))
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "disambiguate", spy)
    text = cite_job.run(paths=[str(path)], style="apa", fmt=fmt, jobs=1)
    assert "Unique title 1" in text and ("https://doi.org/10.1234/x1" in text
                                         if kept else True)
    assert alive == [1 if kept else 0]


def test_render_consume_empties_the_list_and_keeps_the_output():
    from citeform import api

    items = [{"id": f"k{i}", "type": "book", "title": f"T{i}",
              "author": [{"family": f"F{i}", "given": "A\tB"}]} for i in range(4)]
    kept = api.render(list(items), "apa")
    given = list(items)
    consumed = api.render(given, "apa", consume=True)
    assert given == [] and consumed.items == {}
    assert (consumed.bibliography, consumed.bibliography_ids) == (kept.bibliography,
                                                                kept.bibliography_ids)
    assert kept.items == {it["id"]: it for it in items}


def test_one_line_values_copy_only_what_changes():
    from citeform.api import _one_line_values

    clean = {"id": "a", "title": "T", "author": [{"family": "F"}], "issued": {"date-parts": [[2000]]}}
    assert _one_line_values(clean) is clean
    dirty = {**clean, "author": [{"family": "F\tG"}, {"family": "H"}]}
    out = _one_line_values(dirty)
    assert out["author"] == [{"family": "F G"}, {"family": "H"}]
    assert out["author"][1] is dirty["author"][1] and out["issued"] is clean["issued"]
    assert dirty["author"][0] == {"family": "F\tG"}  # the caller's item is left as it was
