"""One truth for validity: what `check` calls an error `cite` does not render, and what
`convert -t yaml` writes, `check` and `cite` read without a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NUMBERS = [{"id": "n1", "type": "book", "title": "T", "publisher": "P", "language": 2.5}]
FLOAT_YEAR = [{"id": "n2", "type": "book", "title": "T", "publisher": "P",
               "issued": {"date-parts": [[2001.5]]}}]


@pytest.mark.parametrize(("items", "message"), [
    (NUMBERS, "n1: language: expected string, got a number"),
    (FLOAT_YEAR, "n2: issued: date-parts: expected whole numbers or text, got 2001.5"),
])
def test_cite_refuses_what_check_calls_an_error(invoke, tmp_path: Path, items: list,
                                                message: str) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    checked = invoke("check", str(path))
    assert checked.exit_code == 1
    assert message in checked.stdout
    cited = invoke("cite", "-r", str(path))
    assert cited.exit_code == 1
    assert cited.stdout == ""
    assert cited.stderr == f"citeform: error: {path}:1: {message}\n"


SOURCES = {
    "in.bib": ("@article{a, title={T}, journal={J}, year={2001}, author={Smith, J. and others},"
               " file={/x/y.pdf}, language={2.5}, owner={me}}\n"),
    "in.json": json.dumps([{"id": "j", "type": "book", "title": "T", "publisher": "P",
                            "issued": {"season": "Summer", "date-parts": [[2001]]},
                            "custom": {"owner": "me", "year": "x"}, "annote": "n"}]),
    "in.ris": "TY  - JOUR\nTI  - T\nT2  - J\nPY  - 2001\nXX  - odd tag\nL1  - file.pdf\nER  - \n",
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_what_convert_writes_reads_without_warnings(invoke, tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    source.write_text(SOURCES[name], encoding="utf-8")
    converted = invoke("convert", str(source), "-t", "yaml", "-q")
    assert converted.exit_code == 0, converted.stderr
    written = tmp_path / "out.yaml"
    written.write_text(converted.stdout, encoding="utf-8")
    checked = invoke("check", str(written))
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout == "0 errors, 0 warnings in 1 record\n"
    cited = invoke("cite", "-r", str(written))
    assert cited.exit_code == 0
    assert cited.stderr == ""


@pytest.mark.parametrize(("name", "text", "message"), [
    ("rev.yaml", "id: r1\ntype: book\ntitle: T\npublisher: P\ndate: 2005/2001\n",
     "5: r1: date: the range ends before it starts"),
    ("rev.json", '[{"id":"r2","type":"book","title":"T","publisher":"P",'
                 '"issued":{"date-parts":[[2005],[2001]]}}]',
     "1: r2: issued: the range ends before it starts"),
    ("day.yaml", "id: d1\ntype: book\ntitle: T\npublisher: P\ndate: 2001-02-30\n",
     "5: d1: date: day 30 out of range for February 2001"),
])
def test_impossible_dates_stop_cite_as_check_reports_them(invoke, tmp_path: Path, name: str,
                                                          text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    checked = invoke("check", str(path))
    assert checked.exit_code == 1
    assert message.split(": ", 1)[1] in checked.stdout
    cited = invoke("cite", "-r", str(path))
    assert cited.exit_code == 1
    assert cited.stdout == ""
    assert cited.stderr == f"citeform: error: {path}:{message}\n"


@pytest.mark.parametrize(("name", "text", "message"), [
    ("key.yaml", "- id: a b\n  type: book\n  title: T\n  publisher: P\n",
     "1: a b: id: 'a b' is not in the expected form: The record's key, used to cite it "
     "(`@rousseau2002`). Defaults to the file name when a file holds one record"),
    ("doi.yaml", "id: d\ntype: book\ntitle: T\npublisher: P\ndoi: not a doi\n",
     "5: d: doi: 'not a doi' is not in the expected form: Digital Object Identifier, bare "
     "(`10.1038/s41586-021-03819-2`), without `https://doi.org/`"),
    ("url.json", '[{"id":"u","type":"book","title":"T","publisher":"P","URL":"no scheme"}]',
     "1: u: URL: 'no scheme' is not in the expected form: Web address, with its scheme "
     "(`https://...`)"),
    ("pmid.yaml", "id: p\ntype: book\ntitle: T\npublisher: P\npmid: abc\n",
     "5: p: pmid: 'abc' is not in the expected form: PubMed identifier (digits)"),
    ("doi.ris", "TY  - BOOK\nTI  - T\nPB  - P\nID  - r\nDO  - 10.1/a b\nER  - \n",
     "1: r: DOI: '10.1/a b' is not in the expected form: Digital Object Identifier, bare "
     "(`10.1038/s41586-021-03819-2`), without `https://doi.org/`"),
    ("lang.json", '[{"id":"l","type":"book","title":"T","publisher":"P","language":"fr fr"}]',
     "1: l: language: 'fr fr' is not in the expected form: Language of the work: an ISO 639 "
     "code or BCP 47 tag (`fr`, `pt-BR`, `zh-Hant`), or an English language name (`French`)"),
    ("pmcid.bib", "@book{c, title={T}, publisher={P}, year=2001, pmcid={123}}\n",
     "1: c: PMCID: '123' is not in the expected form: PubMed Central identifier "
     "(`PMC` and digits)"),
])
def test_malformed_identifiers_stop_cite_as_check_reports_them(
        invoke, tmp_path: Path, name: str, text: str, message: str) -> None:
    """A key, DOI, URL, PubMed or PMC id that check calls malformed is not rendered by cite."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    checked = invoke("check", str(path))
    assert checked.exit_code == 1
    assert f"{path}:{message.split(':', 1)[0]}" in checked.stdout
    assert message.split(": ", 1)[1] in checked.stdout
    for strict in ([], ["--strict"]):
        cited = invoke("cite", "-r", str(path), *strict)
        assert cited.exit_code == 1
        assert cited.stdout == ""
        assert cited.stderr == f"citeform: error: {path}:{message}\n"


def test_keys_that_differ_only_in_case_are_an_error_in_check_and_cite(invoke,
                                                                       tmp_path: Path) -> None:
    """The renderer tells keys apart without case: 'CON' and 'con' made one bibliography entry
    of two records, silently. Both commands name the clash instead."""
    path = tmp_path / "keys.yaml"
    path.write_text("- id: CON\n  type: book\n  title: T5\n  publisher: P\n"
                    "- id: con\n  type: book\n  title: T6\n  publisher: P\n", encoding="utf-8")
    message = (f"con: key 'con' differs only in case from 'CON' (at {path}:1), which "
               "citations do not tell apart; give one of them another key")
    checked = invoke("check", str(path))
    assert checked.exit_code == 1
    assert f"{path}:5:3: {message}\n" in checked.stdout
    cited = invoke("cite", "-r", str(path))
    assert cited.exit_code == 1
    assert cited.stdout == ""
    assert cited.stderr == f"citeform: error: {path}:5: {message}\n"


INVALID = Path(__file__).resolve().parents[1] / "data" / "invalid"
SHAPES = {
    "page-list.yaml": "references:\n  - id: s\n    type: book\n    title: T\n    publisher: P\n"
                      "    page: [379, 423]\n",
    "volume-mapping.json": '[{"id": "s", "type": "book", "title": "T", "publisher": "P", '
                           '"volume": {"a": 1}}]',
    "editor-extra.json": '[{"id": "s", "type": "book", "title": "T", "publisher": "P", '
                         '"editor": [{"literal": "X", "extra": 1}]}]',
    "accessed-extra.yaml": "id: s\ntype: book\ntitle: T\npublisher: P\n"
                           "accessed: {raw: '2001', foo: 1}\n",
}


@pytest.mark.parametrize("name", [*sorted(SHAPES), "name-unknown-part.yaml",
                                  "pandoc-page-list.yaml", "date-object-extra-key.yaml"])
def test_values_of_a_shape_check_refuses_are_not_dropped_by_cite(invoke, tmp_path: Path,
                                                                 name: str) -> None:
    """A name part, date key or text variable of a shape check calls an error (a name's
    'first:', a date's 'month:', a page given as a list) was dropped silently by cite (the
    given name, the month, the pages gone): cite stops on it with check's words."""
    path = tmp_path / name
    path.write_text(SHAPES[name] if name in SHAPES else
                    (INVALID / name).read_text(encoding="utf-8"), encoding="utf-8")
    checked = invoke("check", str(path))
    assert checked.exit_code == 1
    first = checked.stdout.splitlines()[0]
    where, message = first.split(": ", 1)
    line = where.split(":")[-2] if where.count(":") >= 2 else None
    cited = invoke("cite", "-r", str(path))
    assert cited.exit_code == 1
    assert cited.stdout == ""
    assert cited.stderr == f"citeform: error: {path}:{line}: {message}\n"
