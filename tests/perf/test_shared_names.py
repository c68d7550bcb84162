"""The engine's references share what items write alike (names, name parts, text fields,
dates) without changing a rendering."""

from __future__ import annotations

import json

import pytest

from citeform import api
from citeform.engine import source as engine_source
from citeform.engine.source import ItemSource, make_reference

# citeproc-py warns about variables it does not list (the pipeline silences that too)
pytestmark = pytest.mark.filterwarnings("ignore:The following arguments:UserWarning")


def test_names_written_alike_are_one_object(corpus):
    src = ItemSource(corpus)
    seen: dict[tuple, object] = {}
    shared = 0
    for ref in src.values():
        for name in ref.get("author", []):
            alike = tuple(name.items())
            if alike in seen:
                assert seen[alike] is name
                shared += 1
            seen[alike] = name
    assert shared  # the corpus has clusters of papers by the same authors


def test_shared_names_equal_unshared_ones(corpus):
    src = ItemSource(corpus)
    for item in corpus:
        key = str(item["id"]).lower()
        alone = make_reference(key, item)
        assert dict(src[key]) == dict(alone)
        for variable in ("author", "editor"):
            assert [dict(n) for n in src[key].get(variable, [])] == \
                [dict(n) for n in alone.get(variable, [])]


def test_names_differing_only_in_flags_are_not_merged():
    names = [{"family": "Ng", "given": "A"}, {"family": "Ng", "given": "A", "static-ordering": True},
             {"family": "Ng", "given": "A, Jr."}, {"family": "Ng", "given": "A", "comma-suffix": True}]
    shared = engine_source.Shared()
    made = engine_source.parse_names(names, shared)
    assert len({id(n) for n in made}) == 4
    assert engine_source.parse_names(names, shared) == made
    assert all(a is b for a, b in zip(engine_source.parse_names(names, shared), made))


def test_rendering_with_shared_names_is_unchanged(corpus, monkeypatch):
    styles = ("apa", "vancouver", "chicago-author-date")
    shared = {s: api.render(json.loads(json.dumps(corpus)), s).bibliography for s in styles}
    real = engine_source.make_reference
    monkeypatch.setattr(engine_source, "make_reference",
                        lambda key, item, _shared=None: real(key, item))
    alone = {s: api.render(json.loads(json.dumps(corpus)), s).bibliography for s in styles}
    assert shared == alone


def test_equal_texts_and_dates_are_one_object(corpus):
    src = ItemSource(corpus)
    journals: dict[str, object] = {}
    dates: dict[str, object] = {}
    refs_with_date = 0
    for ref in src.values():
        journal = ref.get("container_title")
        if journal is not None:
            assert journals.setdefault(str(journal), journal) is journal
        issued = ref.get("issued")
        if issued is not None:
            refs_with_date += 1
            assert dates.setdefault(repr(sorted(issued.items())), issued) is issued
    assert journals and len(dates) < refs_with_date  # dates repeat in the corpus


def test_dates_written_differently_stay_apart():
    shared = engine_source.Shared()
    a = shared.date({"date-parts": [[2002]]})
    b = shared.date({"date-parts": [["2002"]]})
    c = shared.date({"raw": "2002"})
    assert a is shared.date({"date-parts": [[2002]]})
    assert a is not b and a is not c and dict(a) == dict(b) == dict(c)
    assert shared.date({"literal": "n.d."}) is shared.date({"literal": "n.d."})
    assert shared.date({}) is None
