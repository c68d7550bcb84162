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
