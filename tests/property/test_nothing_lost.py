"""Every record given is either loaded or named in an error: none is dropped silently."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from citeform.errors import DataError
from citeform.records.load import load_records
from citeform.records.validate import validate_paths

from .strategies import SETTINGS, records

GOOD = "title: Good {n}\nyear: 2001\n"
BAD = [
    b"title: [unclosed\n",
    b"title: caf\xe9\n",
    b"title: T\ndate: yesterday\n",
    b"title: [a, list]\n",
    b"id: dup\ntitle: T\n",
    b"- just text\n",
    b"title: T\n\tyear: 2001\n",
    b"a: &a [*a]\n",
]


@SETTINGS
@given(st.lists(st.one_of(st.none(), st.sampled_from(BAD)), min_size=1, max_size=12),
       st.data())
def test_every_file_is_loaded_or_named_in_an_error(contents, data) -> None:
    with tempfile.TemporaryDirectory() as folder:
        top = Path(folder)
        files = []
        for n, raw in enumerate(contents):
            sub = top / data.draw(st.sampled_from(["", "a", "a/b"]), label="folder")
            sub.mkdir(parents=True, exist_ok=True)
            path = sub / f"r{n}.yaml"
            path.write_bytes(raw if raw is not None else GOOD.format(n=n).encode())
            files.append(str(path))
        errors: list[DataError] = []
        records = load_records([folder], warn=lambda _m: None, on_error=errors.append)
        loaded = {r.file for r in records}
        failed = {e.file for e in errors}
        assert loaded | failed == set(files)
        assert {f for f, raw in zip(files, contents) if raw is None} <= loaded
        checked = validate_paths([folder])
        assert {p.file for p in checked.problems if p.severity == "error"} == failed


@SETTINGS
@given(records())
def test_check_finds_an_error_in_every_record_load_refuses(data) -> None:
    from citeform.records.load import RawRecord, make_record
    from citeform.records.validate import check_record

    raw = RawRecord(data, "r.yaml", 1, 1, stem="r")
    try:
        make_record(raw, warn=lambda _m: None)
    except DataError:
        assert any(p.severity == "error" for p in check_record(raw).problems)
