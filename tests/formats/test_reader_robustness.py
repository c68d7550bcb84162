"""Readers never crash: any text gives entries or DataErrors, and every entry can be written."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeform.errors import DataError
from citeform.formats import ReadItem
from citeform.formats.bibtex_reader import iter_bibtex
from citeform.formats.bibtex_writer import to_bibtex
from citeform.formats.ris import iter_ris, to_ris
from citeform.formats.unmap import to_record

PIECES = list("@{}\"#,=%\\'`~^$_ \n\tabc0123456789éß-") + [
    "@article{", "@string{", "author = ", "month = ", "crossref = {", " # ", " and ", "others",
    "\\'", "{\\", "TY  - ", "ER  - ", "AU  - ", "PY  - ", "JOUR",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def _write_every_way(read: ReadItem) -> None:
    to_record(read.item)
    to_bibtex([read.item])
    to_bibtex([read.item], biblatex=True, ascii=True)
    to_ris([read.item])


@SETTINGS
@given(TEXT)
def test_bibtex_reader_never_crashes(text: str) -> None:
    for read in iter_bibtex(text, "x.bib"):
        assert isinstance(read, (ReadItem, DataError))
        if isinstance(read, ReadItem):
            _write_every_way(read)


@SETTINGS
@given(TEXT)
def test_ris_reader_never_crashes(text: str) -> None:
    for read in iter_ris(text, "x.ris"):
        assert isinstance(read, (ReadItem, DataError))
        if isinstance(read, ReadItem):
            _write_every_way(read)


ODD_ITEMS = [
    {"id": 0, "type": "article", "accessed": {"date-parts": [[None, ""]]}},
    {"id": "a", "type": "article", "author": [{"family": "0", "given": 0}]},
    {"id": "b", "type": "book", "issued": {"date-parts": [[2002, "x"], [2003], [2004]]}},
    {"id": "c", "type": "book", "issued": {"literal": "circa 1900"}, "page": 5, "title": 12},
    {"id": "d", "type": "webpage", "issued": "not a date", "custom": {"a b": [1, {"x": 2}]}},
]


def test_writers_take_odd_shapes_of_csl_json() -> None:
    from citeform.formats.csl_yaml import to_csl_yaml
    from citeform.formats.yaml_writer import record_yaml

    for item in ODD_ITEMS:
        to_bibtex([item])
        to_bibtex([item], biblatex=True, ascii=True)
        to_ris([item])
        record_yaml(to_record(item))
        to_csl_yaml([item])
