"""Mapping a valid record to CSL-JSON and back gives the record again."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given

from citeform.records.mapping import to_csl
from citeform.records.yaml_positions import load

from .strategies import SETTINGS, canonical_records


@SETTINGS
@given(canonical_records())
def test_map_then_unmap_is_the_identity(record: dict[str, Any]) -> None:
    from citeform.formats.unmap import to_record

    mapped = to_csl(record)
    assert mapped.warnings == []
    assert to_record(mapped.item) == record


@SETTINGS
@given(canonical_records())
def test_unmapped_record_maps_to_the_same_item(record: dict[str, Any]) -> None:
    from citeform.formats.unmap import to_record

    item = to_csl(record).item
    assert to_csl(to_record(item)).item == item


@SETTINGS
@given(canonical_records())
def test_yaml_written_by_a_yaml_library_reads_back_the_same(record: dict[str, Any]) -> None:
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    _, data = load("rec.yaml", text)
    assert data == record
