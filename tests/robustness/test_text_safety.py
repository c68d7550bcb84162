"""Text that reaches a terminal or a file: no control characters from fields in rendered
entries, no field that starts a new record in a writer, escaped names in messages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import error_line

HOSTILE = ("Evil\nER  - \nTY  - JOUR\nTI  - Fake"  # a second RIS record
           "\x1b[2J\x1b[H"  # clear the screen, cursor home
           "\x1b]52;c;cHduZWQ=\x07"  # OSC 52: write the clipboard
           "\x9b31m\x85\u2028"  # C1 CSI, NEL, line separator
           "}}}{{@article{x,\x00\x7f end")
RECORD = {"id": "evil", "type": "article-journal", "title": HOSTILE,
          "author": [{"family": "Smith", "given": "John"}],
          "container-title": "J\r\nof\tThings", "issued": {"date-parts": [[2001]]}}
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "evil.json"
    path.write_text(json.dumps([RECORD]), encoding="utf-8")
    return path


def test_text_output_keeps_one_entry_on_one_line(invoke, hostile: Path) -> None:
    result = invoke("cite", "-r", str(hostile), "-s", "apa")
    assert result.exit_code == 0
    assert result.stdout == ("Smith, J. (2001). Evil ER  -  TY  - JOUR TI  - Fake[2J[H]52;c;cHduZWQ=31m"
                             "  }}}{{@article{x, end. J  of Things.\n")


@pytest.mark.parametrize("fmt", ["text", "html", "markdown", "rtf", "json"])
@pytest.mark.parametrize("style", ["apa", "vancouver"])
def test_no_control_character_reaches_the_output(invoke, hostile: Path, fmt: str,
                                                 style: str) -> None:
    for args in (["cite", "-r", str(hostile), "-s", style, "-f", fmt],
                 ["cite", "-r", str(hostile), "-s", style, "-f", fmt, "--in-text", "[@evil]",
                  "--bibliography"]):
        result = invoke(*args)
        assert result.exit_code == 0, result.stderr
        assert not UNSAFE.search(result.stdout), repr(result.stdout)


@pytest.mark.parametrize("to", ["ris", "bibtex", "biblatex", "yaml", "csl-json", "csl-yaml"])
def test_writers_keep_fields_inside_their_record(invoke, hostile: Path, tmp_path: Path,
                                                 to: str) -> None:
    result = invoke("convert", str(hostile), "-t", to)
    assert result.exit_code == 0, result.stderr
    assert not UNSAFE.search(result.stdout), repr(result.stdout)
    if to == "ris":
        assert [line[:6] for line in result.stdout.splitlines()] == [
            "TY  - ", "ID  - ", "AU  - ", "TI  - ", "T2  - ", "PY  - ", "ER  - "]
    if to in ("bibtex", "biblatex"):
        assert result.stdout.count("@") == 2  # the entry's own and the one inside the title
        body = result.stdout.split("\n", 1)[1]
        assert all(line.startswith(("  ", "}")) for line in body.splitlines())
    # whatever was written reads back as one record with the same title, less the controls
    out = tmp_path / {"ris": "o.ris", "bibtex": "o.bib", "biblatex": "o.bib", "yaml": "o.yaml",
                      "csl-json": "o.json", "csl-yaml": "o.yaml"}[to]
    out.write_text(result.stdout, encoding="utf-8")
    back = invoke("convert", str(out), "-t", "csl-json")
    assert back.exit_code == 0, back.stderr
    items = json.loads(back.stdout)
    assert [i["id"] for i in items] == ["evil"]
    if to in ("yaml", "csl-json", "csl-yaml"):
        assert items[0]["title"] == HOSTILE  # these formats can hold anything, escaped


def test_json_output_is_ascii_safe_json(invoke, hostile: Path) -> None:
    result = invoke("cite", "-r", str(hostile), "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["csl"]["title"] == HOSTILE
    assert "\\u009b" in result.stdout and "\\u2028" in result.stdout


@pytest.mark.parametrize("command", ["cite", "convert", "check"])
def test_a_file_name_with_controls_is_escaped_in_errors(invoke, tmp_path: Path,
                                                        command: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / "bad\x1b[2J\r.yaml"
    bad.write_text("id: x\ntitle: [broken\n", encoding="utf-8")
    args = {"cite": ["cite", "-r", str(folder)], "convert": ["convert", str(folder), "-t", "ris"],
            "check": ["check", str(folder)]}[command]
    result = invoke(*args)
    assert result.exit_code == 1
    expected = (repr(f"{bad}:3:1") + ": broken YAML: did not find expected ',' or ']' (while "
                "parsing a flow sequence that starts on line 2)")
    if command == "check":
        assert result.stdout.splitlines()[0] == expected
    elif command == "cite":
        assert error_line(result) == f"citeform: error: {expected}"
    else:
        assert result.stderr.splitlines()[0] == f"citeform: error: {expected}"
    assert "\x1b" not in result.stdout + result.stderr and "\r" not in result.stdout + result.stderr


def test_a_key_with_controls_is_escaped_in_errors(invoke, tmp_path: Path) -> None:
    paths = [tmp_path / "d1.yaml", tmp_path / "d2.yaml"]
    for path in paths:
        path.write_text('id: "k\\e[2J"\ntype: book\ntitle: T\n', encoding="utf-8")
    result = invoke("cite", "-r", str(paths[0]), "-r", str(paths[1]))
    assert result.exit_code == 1
    assert error_line(result) == (f"citeform: error: {paths[1]}:1: 'k\\x1b[2J': duplicate key "
                                  f"'k\\x1b[2J', also at {paths[0]}:1")
    result = invoke("cite", "no\x1b[2J", "-r", str(paths[0]))
    assert result.exit_code == 2
    assert error_line(result) == ("citeform: error: unknown record key 'no\\x1b[2J' (did you mean "
                                  "'k\\x1b[2J'?)")


def test_a_hostile_key_stays_one_key(invoke, tmp_path: Path) -> None:
    path = tmp_path / "key.json"
    path.write_text(json.dumps([{"id": "k\n@misc{x,\x1b}", "type": "book", "title": "T",
                                 "publisher": "P"}]), encoding="utf-8")
    bib = invoke("convert", str(path), "-t", "bibtex", "-q")
    assert bib.stdout.splitlines()[0] == "@book{k__misc_x___,"
    ris = invoke("convert", str(path), "-t", "ris", "-q")
    assert ris.stdout.splitlines()[1] == "ID  - k @misc{x,}"
    for result in (bib, ris):
        assert not UNSAFE.search(result.stdout)
