"""BibTeX and RIS files read as records: every broken entry is reported, bombs are refused."""

from __future__ import annotations

from pathlib import Path

from .helpers import DATA, error_line

FOREIGN = DATA / "foreign"


def test_bibtex_macro_bomb_is_refused(invoke) -> None:
    path = FOREIGN / "macro_bomb.bib"
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"citeform: error: {path}:20: bomb: macro 's17' expands to more than 100,000 characters")


def test_every_broken_bibtex_entry_is_reported(invoke) -> None:
    path = FOREIGN / "broken_entries.bib"
    result = invoke("check", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:2: good: duplicate key 'good', also at line 1",
        f"{path}:4: cannot read this entry: Unexpectedly reached end of file",
        "2 errors, 0 warnings in 4 records",
    ]
    cite = invoke("cite", "-r", str(path))
    assert cite.exit_code == 1
    assert f"citeform: error: {path}:2: good: duplicate key 'good', also at line 1" in cite.stderr
    assert f"{path}:4: cannot read this entry: Unexpectedly reached end of file" in cite.stderr


def test_every_broken_ris_record_is_reported(invoke) -> None:
    path = FOREIGN / "broken.ris"
    result = invoke("check", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:1: doe2001: missing 'container-title' (a journal article needs its journal)",
        f"{path}:6: tag TI outside a record (no TY before it)",
        f"{path}:7: tag ER outside a record (no TY before it)",
        "3 errors, 0 warnings in 3 records",
    ]


def test_a_broken_bibtex_entry_prints_only_our_line(invoke, tmp_path: Path) -> None:
    path = tmp_path / "x.bib"
    path.write_text("@article{a, title={T}, author={Doe, J}, year={2001}, journal={J}}\n@misc{\n",
                    encoding="utf-8")
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"citeform: error: {path}:2: cannot read this entry: Unexpectedly reached end of file")


def test_bibtex_macro_bomb_is_stopped_while_expanding(invoke) -> None:
    path = FOREIGN / "macro_bomb.bib"
    result = invoke("convert", str(path), "-t", "csl-json")
    assert result.exit_code == 1
    assert "lol" * 40_000 not in result.stdout


def test_a_ris_note_holding_deeply_nested_json_is_kept_as_text(invoke, tmp_path: Path) -> None:
    """citeform's own 'N1 - custom.x: VALUE' notes are read as JSON when they look like it;
    nesting too deep for the parser leaves the value as written (it was an internal error in
    cite, check and convert)."""
    deep = "[" * 5000 + "]" * 5000
    path = tmp_path / "deep.ris"
    path.write_text(f"TY  - BOOK\nTI  - T\nPB  - P\nPY  - 2000\nN1  - custom.x: {deep}\n"
                    "ER  - \n", encoding="utf-8")
    cited = invoke("cite", "-r", str(path))
    assert (cited.exit_code, cited.stdout, cited.stderr) == (0, "1. T. P; 2000.\n", "")
    names = tmp_path / "names.ris"  # names in a note: not JSON, so read as names
    names.write_text(f"TY  - BOOK\nTI  - T\nPB  - P\nPY  - 2000\nN1  - editor: {deep}\n"
                     "ER  - \n", encoding="utf-8")
    cited = invoke("cite", "-r", str(names))
    assert (cited.exit_code, cited.stderr) == (0, "")
    checked = invoke("check", str(path))
    assert checked.exit_code == 0, checked.stdout
    converted = invoke("convert", str(path), "-t", "csl-json", "-q")
    assert converted.exit_code == 0, converted.stderr
    assert '"note": "custom.x: [[[' in converted.stdout
