"""``citeform check``: every problem at once, each at its field, a count, and the exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeform.records.validate import Problem, find_duplicates, validate_paths

BAD = """\
- id: smith2020
  type: article
  title: [a, list]
  authors: 42
  date: yesterday
  doi: https://doi.org/10.1/x
- id: jones2019
  type: chapter
  title: A chapter
  year: 2019
  date: 2019
- id: thesis1
  type: thesis
  title: A thesis
  authors: Doe, Jane
  date: 2002-02-30
- title: No id here
- just text
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    return write(tmp_path, "bad.yaml", BAD)


def test_every_problem_at_once_with_the_line_of_its_field(invoke, bad: Path) -> None:
    result = invoke("check", str(bad))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{bad}:2:3: smith2020: missing 'journal' (a journal article needs its journal)",
        f"{bad}:3:3: smith2020: title: expected text, got a list",
        f"{bad}:4:3: smith2020: authors: names must be a list, not int",
        f"{bad}:5:3: smith2020: date: cannot read 'yesterday' as a date",
        f"{bad}:6:3: smith2020: doi: 'https://doi.org/10.1/x' is not in the expected form: "
        "Digital Object Identifier, bare (`10.1038/s41586-021-03819-2`), without `https://doi.org/`",
        f"{bad}:8:3: jones2019: missing 'book-title' (a chapter needs the title of its book)",
        f"{bad}:11:3: jones2019: 'date' and 'year' both give issued; keep one",
        f"{bad}:13:3: thesis1: missing 'institution' (a thesis needs the university or "
        "institution that issued it)",
        f"{bad}:16:3: thesis1: date: day 30 out of range for February 2002",
        f"{bad}:17:3: record has no id (needed when a file holds several records)",
        f"{bad}:18:3: a record must be a mapping of fields, not text",
        "11 errors, 0 warnings in 5 records",
    ]
    assert result.stderr == ""


def test_sample_records_are_clean(invoke) -> None:
    from conftest import RECORDS

    result = invoke("check", str(RECORDS))
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("0 errors, ")


def test_default_is_the_records_folder(invoke, tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, "a.yaml", "title: T\nauthors: Doe, Jane\nyear: 2001\n")
    monkeypatch.delenv("CITEFORM_RECORDS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert invoke("check").exit_code == 2  # no ./records here
    result = invoke("check", env={"CITEFORM_RECORDS": str(tmp_path)})
    assert result.exit_code == 0
    assert result.stdout == "0 errors, 0 warnings in 1 record\n"


def test_missing_path_is_a_usage_error(invoke, tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stderr == f"citeform: error: no such file or folder: {tmp_path / 'nope'}\n"


WARNED = "id: ab2001\ntype: article\ntitle: T\nauthors: Doe, Jane\njournal: J Test\nyear: 2001\n"


def test_style_needs_are_warnings_exit_0(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "ab2001.yaml", WARNED)
    result = invoke("check", str(path), "-s", "vancouver")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}:2:1: warning: ab2001: no 'volume' (nlm-citation-sequence gives the volume of a "
        "journal article)",
        f"{path}:2:1: warning: ab2001: no 'pages' (nlm-citation-sequence gives the pages of a "
        "journal article)",
        # the abbreviation the style will print, by the NLM rule (ISO 4 without periods)
        f"{path}:2:1: hint: ab2001: no 'journal-abbreviation'; nlm-citation-sequence will print "
        "'J Test' (by rule: ISO 4 without periods; give 'journal-abbreviation' to choose "
        "another)",
        "0 errors, 2 warnings, 1 hint in 1 record",
    ]


def test_strict_turns_warnings_into_errors(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "ab2001.yaml", WARNED)
    result = invoke("check", "--strict", "-s", "vancouver", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{path}:2:1: ab2001: no 'volume' (nlm-citation-sequence gives the volume of a "
        "journal article)")
    assert result.stdout.splitlines()[-1] == "2 errors, 0 warnings, 1 hint in 1 record"


def test_apa_missing_year_warns_and_missing_doi_is_only_a_hint(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "ab2001.yaml", WARNED.replace("year: 2001\n", ""))
    result = invoke("check", "--strict", "-s", "apa", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:2:1: ab2001: no 'year' (apa prints (n.d.) without a year)",
        f"{path}:2:1: hint: ab2001: no 'doi' or 'url' (apa ends a journal article with its DOI "
        "when it has one)",
        "1 error, 0 warnings, 1 hint in 1 record",
    ]
    with_doi = write(tmp_path, "cd2001.yaml", WARNED + "doi: 10.1000/xyz\n")
    assert invoke("check", "--strict", "-s", "apa", str(with_doi)).stdout == (
        "0 errors, 0 warnings in 1 record\n")


def test_bibtex_needs(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "b.yaml", "type: book\ntitle: T\n")
    result = invoke("check", "-s", "bibtex", str(path))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}:1:1: warning: b: no 'publisher' (BibTeX's @book needs it)",
        f"{path}:1:1: warning: b: no 'authors' or 'editors' (BibTeX entries need one)",
        f"{path}:1:1: warning: b: no 'year' (BibTeX entries need a year)",
        "0 errors, 3 warnings in 1 record",
    ]


def test_unknown_style_is_a_usage_error(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "ab2001.yaml", WARNED)
    result = invoke("check", "-s", "vancuver", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith("citeform: error: unknown style 'vancuver'; did you mean ")


def test_unknown_field_is_a_warning(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "u.yaml", "title: T\nauthors: Doe, J\nyear: 2001\nfoo: bar\n")
    result = invoke("check", str(path))
    assert result.exit_code == 0
    assert result.stdout == (f"{path}:4:1: warning: u: unknown field 'foo' kept under 'custom'\n"
                             "0 errors, 1 warning in 1 record\n")
    strict = invoke("check", "--strict", str(path))
    assert strict.exit_code == 1
    assert strict.stdout.splitlines()[-1] == "1 error, 0 warnings in 1 record"


def test_quiet_prints_only_errors(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "u.yaml", "title: T\nyear: 2001\nfoo: bar\n")
    result = invoke("check", "-q", str(path))
    assert result.stdout == "0 errors, 1 warning in 1 record\n"


def test_file_level_errors_do_not_stop_the_check(invoke, tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "title: [unclosed\n")
    write(tmp_path, "b.yaml", "title: Fine\nyear: 2001\n")
    (tmp_path / "c.yaml").write_bytes(b"title: caf\xe9\n")
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'a.yaml'}:2:1: broken YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts on line 1)",
        f"{tmp_path / 'c.yaml'}:1: not UTF-8 text (byte offset 10)",
        "2 errors, 0 warnings in 1 record",
    ]


def test_duplicate_keys_name_both_places(invoke, tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "id: same\ntitle: A\nyear: 2001\n")
    b = write(tmp_path, "b.yaml", "id: same\ntitle: B\nyear: 2002\n")
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{b}:1:1: same: duplicate key 'same', also at {a}:1",
        "1 error, 0 warnings in 2 records",
    ]


def test_duplicates_same_doi_or_same_title_year_first_author(invoke, tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "- id: a\n  title: The Thing\n  authors: Doe, Jane\n  year: 2001\n"
                              "  doi: 10.1000/ABC\n"
                              "- id: b\n  title: Other\n  authors: Roe, R\n  year: 2005\n"
                              "  doi: 10.1000/abc\n"
                              "- id: c\n  title: 'the thing!'\n  authors: 'Dóe, J.'\n  year: 2001\n"
                              "- id: d\n  title: The Thing\n  authors: Doe, Jane\n  year: 2002\n")
    path = tmp_path / "a.yaml"
    plain = invoke("check", str(tmp_path))
    assert plain.stdout == "0 errors, 0 warnings in 4 records\n"
    result = invoke("check", "--duplicates", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}:6:3: warning: b: same publication as 'a' at {path}:1 (same DOI)",
        f"{path}:11:3: warning: c: same publication as 'a' at {path}:1 "
        "(same title, year and first author)",
        "0 errors, 2 warnings in 4 records",
    ]


def test_find_duplicates_on_items() -> None:
    items = [{"id": "a", "DOI": "10.1/X"}, {"id": "b", "DOI": "doi:10.1/x"}, {"id": "c"}]
    assert find_duplicates(items) == [(0, 1, "same DOI")]


def test_csl_json_items_are_checked_with_csl_names(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "refs.json",
                 '[{"id": "x", "type": "article-journal", "title": "T"},'
                 ' {"id": "y", "type": "book", "title": "B", "author": 3}]')
    result = invoke("check", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:1:14: x: missing 'container-title' (a journal article needs its journal)",
        f"{path}:1:98: y: author: names must be a list, not int",
        "2 errors, 0 warnings in 2 records",
    ]


def test_problem_format() -> None:
    p = Problem("f.yaml", 3, 5, "k", "title", "expected text, got a list")
    assert p.format() == "f.yaml:3:5: k: title: expected text, got a list"
    w = Problem("f.yaml", 3, None, None, None, "odd", "warning")
    assert w.format() == "f.yaml:3: warning: odd"


def test_validate_paths_api(bad: Path) -> None:
    report = validate_paths([str(bad)])
    assert report.records == 5
    assert report.count("error") == 11
    assert {p.key for p in report.problems} == {"smith2020", "jones2019", "thesis1", None}


def test_problems_come_file_by_file_in_reading_order(invoke, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    inner = write(tmp_path / "a", "b.yaml", "title: [x]\n")
    outer = write(tmp_path, "a.yaml", "title: [y]\n")
    result = invoke("check", str(tmp_path))
    assert result.stdout.splitlines() == [
        f"{inner}:1:1: b: title: expected text, got a list",
        f"{outer}:1:1: a: title: expected text, got a list",
        "2 errors, 0 warnings in 2 records",
    ]


def test_a_key_with_spaces_cannot_be_cited(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "my paper.yaml", "title: T\nyear: 2001\n")
    result = invoke("check", str(path))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}:1:1: warning: my paper: the key 'my paper' holds white space, so no citation "
        "can name it; give the record an id without spaces",
        "0 errors, 1 warning in 1 record",
    ]
