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
