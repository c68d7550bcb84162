"""Values at the edges: lone surrogates and non-finite numbers are data errors naming the
file and place, in `check`, `cite` and `convert` alike; `-f json` is always valid JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

SURROGATE = '[{"id":"s1","type":"book","title":"A\\ud800B","publisher":"P"}]'
HUGE = '[{"id":"n1","type":"book","title":"T","publisher":"P","volume":1e400}]'
# the same text inside a string earlier in the file is not the refused number
HUGE_AFTER_TEXT = ('[{"id":"n0","type":"book","title":"see 1e400 or 12345678901234567890"},\n'
                   ' {"id":"n1","type":"book","title":"T","volume":1e400}]')
LONG_INT_AFTER_TEXT = ('[{"id":"n0","type":"book","title":"see 12345678901234567890, NaN"},\n'
                       ' {"id":"n1","type":"book","title":"T","volume":12345678901234567890}]')
NAN_AFTER_TEXT = ('[{"id":"n0","type":"book","title":"NaN \\" NaN"},\n'
                  ' {"id":"n1","type":"book","title":"T","volume":NaN}]')


@pytest.mark.parametrize(("text", "message"), [
    (SURROGATE, "1:37: broken JSON: a \\u escape gives half of a UTF-16 pair (a lone "
                "surrogate), not a character"),
    (HUGE, "1:64: broken JSON: number 1e400 is out of range"),
    (HUGE_AFTER_TEXT, "2:48: broken JSON: number 1e400 is out of range"),
    (LONG_INT_AFTER_TEXT, "2:48: broken JSON: number longer than 18 digits; quote it to keep it "
                          "as text"),
    (NAN_AFTER_TEXT, "2:48: broken JSON: NaN is not a JSON value"),
])
def test_check_cite_and_convert_agree(invoke, tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    expected = f"{path}:{message}"
    checked = invoke("check", str(path))
    assert checked.exit_code == 1
    assert checked.stdout == f"{expected}\n1 error, 0 warnings in 0 records\n"
    for args in (["cite", "-r", str(path)], ["cite", "-r", str(path), "-f", "json"]):
        cited = invoke(*args)
        assert cited.exit_code == 1
        assert cited.stdout == ""
        assert cited.stderr == f"citeform: error: {expected}\n"
    converted = invoke("convert", str(path), "-t", "csl-json")
    assert converted.exit_code == 1
    assert converted.stdout == "[]\n"
    assert converted.stderr == (f"citeform: error: {expected}\n"
                                "converted 0 records from 1 file; 1 error\n")


def test_a_surrogate_pair_is_a_character(invoke, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text('[{"id":"s1","type":"book","title":"A\\ud83d\\ude00B","publisher":"P"}]',
                    encoding="utf-8")
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 0
    assert result.stdout == "1. A\U0001f600B. P.\n"


def test_long_and_non_latin_keys_give_bounded_file_names(invoke, tmp_path: Path) -> None:
    import json

    cjk = "文" * 100
    items = [{"id": cjk, "type": "book", "title": "T1", "publisher": "P"},
             {"id": cjk + "x", "type": "book", "title": "T2", "publisher": "P"},
             {"id": "a" * 300, "type": "book", "title": "T3", "publisher": "P"}]
    source = tmp_path / "keys.json"
    source.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("convert", str(source), "-t", "yaml", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "converted 3 records from 1 file; 0 errors\n"
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 3
    assert all(len(n.encode("utf-8")) <= 125 for n in names)
    back = invoke("cite", "-r", str(out), "-f", "json")
    assert back.exit_code == 0, back.stderr
    assert sorted(e["id"] for e in json.loads(back.stdout)) == sorted(i["id"] for i in items)


def test_seasons_given_as_words_convert_and_read_back(invoke, tmp_path: Path) -> None:
    source = tmp_path / "season.json"
    source.write_text('[{"id":"s1","type":"book","title":"T","publisher":"P",'
                      '"issued":{"season":"Summer","date-parts":[[2001]]}}]', encoding="utf-8")
    result = invoke("convert", str(source), "-t", "yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "- id: s1\n  type: book\n  title: T\n  date: 2001-22\n  publisher: P\n"
    written = tmp_path / "s1.yaml"
    written.write_text(result.stdout, encoding="utf-8")
    checked = invoke("check", str(written))
    assert checked.stdout == "0 errors, 0 warnings in 1 record\n"
    cited = invoke("cite", "-r", str(written), "-f", "json")
    assert '"season": 2' in cited.stdout


@pytest.mark.parametrize("text", ["", "~\n", "# only a comment\n"])
def test_a_file_without_records_is_named_in_a_warning(invoke, tmp_path: Path, text: str) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text(text, encoding="utf-8")
    warning = f"{empty}: no records in this file (it is empty or holds only a null)"
    checked = invoke("check", str(empty))
    assert checked.exit_code == 0
    assert checked.stdout == (f"{empty}: warning: no records in this file (it is empty or holds "
                              "only a null)\n0 errors, 1 warning in 0 records\n")
    cited = invoke("cite", "-r", str(empty))
    assert cited.exit_code == 2
    assert cited.stderr == (f"citeform: warning: {warning}\n"
                            f"citeform: error: no records found in {empty}\n")


def test_empty_standard_input_is_named_as_standard_input(invoke) -> None:
    """'-r -' with nothing on standard input: the error names standard input, as the warning
    does, not a file called '-'."""
    cited = invoke("cite", "-r", "-", input="")
    assert cited.exit_code == 2
    assert cited.stderr == ("citeform: warning: <stdin>: no records in this file (it is empty "
                            "or holds only a null)\n"
                            "citeform: error: no records found in standard input\n")
