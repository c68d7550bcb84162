"""Every record error and check problem in docs/errors.md, with its exact line and exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import error_line

CITE_ERRORS = [
    ("id: [a, b]\ntitle: T\n", "1: id must be text"),
    ("title: T\nauthors: ''\n", "2: r: authors: empty name"),
    ("title: T\nauthors: {given: ''}\n", "2: r: authors: a name needs family, given or literal"),
    ("title: T\nauthors: [{family: [a]}]\n", "2: r: authors: name part 'family' must be text"),
    ("title: T\ndate: true\n", "2: r: date: a date cannot be true or false"),
    ("title: T\ndate: {season: 1}\n", "2: r: date: a date mapping needs date-parts, raw or literal"),
    ("title: T\ndate: [2001]\n", "2: r: date: a date must be text or a number, not list"),
    ("title: T\ndate: 2001-02-32\n", "2: r: date: day 32 out of range"),
    ("title: T\nlanguage: Klingon\n", "2: r: language: unknown language 'Klingon' (use a code such as 'fr')"),
    ("title: T\ntype: novel\n", "2: r: type: unknown type 'novel'"),
    ("title: T\ndoi: 10.1/x\nDOI: 10.1/x\n", "3: r: 'DOI' and 'doi' both give DOI; keep one"),
    ("title: {a: b}\n", "1: r: title: expected text, got a mapping"),
    ("title: T\njournal: true\n", "2: r: journal: expected text, got true/false"),
]


@pytest.mark.parametrize("text, line", CITE_ERRORS)
def test_record_error_lines(invoke, tmp_path: Path, text: str, line: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    assert error_line(result) == f"citeform: error: {path}:{line}"


def test_loading_warnings(invoke, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("title: T\nyear: 2001\nfoo: bar\nnote:\n", encoding="utf-8")
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 0
    assert result.stdout == "1. T. 2001.\n"
    assert result.stderr.splitlines() == [
        f"citeform: warning: {path}:3: r: unknown field 'foo' kept under 'custom'",
        f"citeform: warning: {path}:4: r: empty field ignored",
    ]


CHECK = [
    ("type: conference-paper\ntitle: T\nyear: 2001\n", None,
     ["1:1: r: missing 'book-title' (a conference paper needs its proceedings (book-title) or "
      "its conference)"], 1),
    ("type: report\ntitle: T\nyear: 2001\n", None,
     ["1:1: r: missing 'institution' (a report needs the institution that issued it)"], 1),
    ("type: web\ntitle: T\nyear: 2001\n", None,
     ["1:1: r: missing 'url' (a web page needs its address)"], 1),
    ("type: book\nyear: 2001\n", None,
     ["1:1: r: missing 'title' (every record needs one, letters and interviews excepted)"], 1),
    ("type: personal_communication\nauthors: Doe, J\nyear: 2001\n", None, [], 0),
    ("title: ''\nyear: 2001\n", None, ["1:1: r: title is empty"], 1),
    ("title: T\ndate: 2005/2001\n", None, ["2:1: r: date: the range ends before it starts"], 1),
    ("title: T\ndate: 2001-04-31\n", None, ["2:1: r: date: day 31 out of range for April 2001"], 1),
    ("title: T\nyear: 2999\n", None, ["2:1: warning: r: year 2999 is in the future"], 0),
    ("title: T\nyear: 2001\ndoi: doi.org/10.1/x\n", None,
     ["3:1: r: doi: 'doi.org/10.1/x' is not in the expected form: Digital Object Identifier, "
      "bare (`10.1038/s41586-021-03819-2`), without `https://doi.org/`"], 1),
    ("type: book\ntitle: T\nyear: 2001\n", "vancouver",
     ["1:1: warning: r: no 'publisher' (nlm-citation-sequence gives the publisher of a book)",
      "1:1: warning: r: no 'place' (nlm-citation-sequence gives the place of publication of a "
      "book)"], 0),
    ("type: book\ntitle: T\nyear: 2001\nplace: P\npublisher: Q\n", "vancouver", [], 0),
    ("type: chapter\ntitle: T\nbook-title: B\n", "apa",
     ["1:1: warning: r: no 'year' (apa prints (n.d.) without a year)",
      "1:1: warning: r: no 'publisher' (apa gives the publisher of a book)"], 0),
    ("type: article\ntitle: T\njournal: J\nauthors: Doe, J\nyear: 2001\n", "bibtex", [], 0),
    ("type: article\ntitle: T\nauthors: Doe, J\nyear: 2001\njournal: J\n", "chicago", [], 0),
    ("type: article\ntitle: T\nauthors: Doe, J\njournal: J\n", "chicago",
     ["1:1: warning: r: no 'year' (chicago-author-date gives the year)"], 0),
]


@pytest.mark.parametrize("text, style, lines, code", CHECK)
def test_check_problem_lines(invoke, tmp_path: Path, text: str, style: str | None,
                             lines: list[str], code: int) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    args = ["check", str(path)] + (["-s", style] if style else [])
    result = invoke(*args)
    assert result.exit_code == code
    assert result.stdout.splitlines()[:-1] == [f"{path}:{line}" for line in lines]


def test_stdin_record_without_id(invoke) -> None:
    result = invoke("cite", "-r", "-", input="title: T\nyear: 2001\n")
    assert result.exit_code == 1
    assert error_line(result) == (
        "citeform: error: <stdin>:1: record has no id (needed for records read from standard input)")
