"""BibTeX: unbalanced braces and '@' inside a braced value are errors with line numbers, in
`check`, `cite` and `convert` alike, never fields or entries silently lost or made up."""

from __future__ import annotations

from pathlib import Path

import pytest

STRAY = ("@article{a, title={One}}}}}, journal={J}, year={2001}}\n"
         "@book{c, title={Three}, publisher={P}, year={2003}}\n")
PHANTOM = ("@book{b, title={Two\n"
           "@article{inner, title={X}}\n"
           "}, publisher={P}, year={2002}}\n")
STRAY_LINE = ("1: unbalanced braces: a '}' after the entry at line 1 closes nothing (a value "
              "has more '}' than '{'; the fields after it would be lost)")


@pytest.fixture
def stray(tmp_path: Path) -> Path:
    path = tmp_path / "stray.bib"
    path.write_text(STRAY, encoding="utf-8")
    return path


def test_check_reports_a_stray_brace(invoke, stray: Path) -> None:
    result = invoke("check", str(stray))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"{stray}:{STRAY_LINE}"


def test_cite_refuses_a_stray_brace(invoke, stray: Path) -> None:
    result = invoke("cite", "-r", str(stray), "c")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"citeform: error: {stray}:{STRAY_LINE}"


def test_convert_reports_a_stray_brace(invoke, stray: Path) -> None:
    result = invoke("convert", str(stray), "-t", "csl-json")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"citeform: error: {stray}:{STRAY_LINE}"


def test_an_entry_inside_a_value_is_no_record(invoke, tmp_path: Path) -> None:
    path = tmp_path / "phantom.bib"
    path.write_text(PHANTOM, encoding="utf-8")
    result = invoke("check", str(path))
    assert result.exit_code == 1
    assert f"{path}:2: '@' inside a braced value of the entry at line 1 starts no entry" \
        in result.stdout.splitlines()
    converted = invoke("convert", str(path), "-t", "yaml")
    assert "inner" not in converted.stdout
    assert converted.exit_code == 1


def test_a_balanced_at_sign_in_a_value_is_text(invoke, tmp_path: Path) -> None:
    path = tmp_path / "fine.bib"
    path.write_text("@book{b, title={Two}, note={x @article{inner, y} z}, publisher={P}, "
                    "year={2002}}\n% a comment with a } brace\n", encoding="utf-8")
    result = invoke("check", str(path))
    assert result.exit_code == 0, result.stdout
    assert invoke("cite", "-r", str(path)).stdout == "1. Two. P; 2002.\n"
