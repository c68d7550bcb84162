"""``citeform convert`` through click's CliRunner."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import bibtexparser
import pytest
import yaml
from conftest import RECORDS
from formats.generate import generate

from citeform.formats.bibtex_writer import to_bibtex
from citeform.formats.csl_json import to_csl_json, validation_errors
from citeform.formats.yaml_writer import records_yaml
from citeform.records.mapping import to_csl

FORMATS_DATA = Path(__file__).resolve().parents[1] / "formats" / "data"
LIBRARY = FORMATS_DATA / "library.bib"
EXPORT = FORMATS_DATA / "export.ris"


def test_bib_to_one_yaml_file_per_record(invoke, tmp_path):
    out = tmp_path / "records"
    result = invoke("convert", str(LIBRARY), "-t", "yaml", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert "rousseau2002.yaml" in names and "Einstein1905.yaml" in names and len(names) == 13
    text = (out / "rousseau2002.yaml").read_text("utf-8")
    assert text.startswith("type: article\ntitle: Apport des biothérapies")  # no id: the name is the key
    assert "  - Rousseau, R.\n" in text
    assert result.stderr.splitlines()[-1] == "converted 13 records from 1 file; 0 errors"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_existing_files_are_not_overwritten_without_force(invoke, tmp_path):
    out = tmp_path / "records"
    out.mkdir()
    (out / "nash1950.yaml").write_text("title: mine\n", "utf-8")
    result = invoke("convert", str(LIBRARY), "-t", "yaml", "-o", str(out))
    assert result.exit_code == 1
    assert "nash1950.yaml exists; use --force" in result.stderr
    assert (out / "nash1950.yaml").read_text("utf-8") == "title: mine\n"
    assert result.stderr.splitlines()[-1] == "converted 12 records from 1 file; 1 error"
    result = invoke("convert", str(LIBRARY), "-t", "yaml", "-o", str(out), "--force")
    assert result.exit_code == 0
    assert "Non-Cooperative Games" in (out / "nash1950.yaml").read_text("utf-8")


def test_dry_run_lists_and_writes_nothing(invoke, tmp_path):
    out = tmp_path / "records"
    result = invoke("convert", str(EXPORT), "-t", "yaml", "-o", str(out), "--dry-run")
    assert result.exit_code == 0
    assert f"write {out / 'rousseau2002.yaml'}" in result.stdout.splitlines()
    assert len(result.stdout.splitlines()) == 9
    assert not out.exists()


def test_safe_file_names_keep_the_key(invoke, tmp_path):
    src = tmp_path / "odd.json"
    src.write_text(json.dumps([{"id": "a/b:c", "type": "book", "title": "T"},
                               {"id": "con", "type": "book", "title": "U"}]), "utf-8")
    out = tmp_path / "out"
    result = invoke("convert", str(src), "-t", "yaml", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load((out / "a_b_c.yaml").read_text("utf-8"))["id"] == "a/b:c"
    assert (out / "con_.yaml").exists()


def test_records_to_bibtex_on_stdout_parse_back(invoke):
    result = invoke("convert", str(RECORDS), "-t", "bibtex")
    assert result.exit_code == 0, result.stderr
    library = bibtexparser.parse_string(result.stdout)
    assert not library.failed_blocks
    keys = {e.key for e in library.entries}
    assert {"rousseau2002", "who2000", "shannon1948"} <= keys
    assert "author = {Rousseau, R. and Bollard, C. and Heslop, H.}" in result.stdout


def test_biblatex_ascii(invoke):
    result = invoke("convert", str(RECORDS / "rousseau2002.yaml"), "-t", "biblatex", "--ascii")
    assert result.exit_code == 0
    assert result.stdout.isascii()
    assert "langid = {french}" in result.stdout


def test_csl_json_output_validates(invoke, tmp_path):
    out = tmp_path / "refs.json"
    result = invoke("convert", str(RECORDS), str(LIBRARY), str(EXPORT), "-t", "csl-json", "-o", str(out))
    # the records and the .bib both have the key rousseau2002: the second is reported and skipped
    assert f"{LIBRARY}:13: rousseau2002: duplicate key 'rousseau2002', also at {RECORDS}" in result.stderr
    # the RIS export has no keys: the ones made from author and year give way to taken ones
    assert f"{EXPORT}:1: key rousseau2002 is taken" in result.stderr
    data = json.loads(out.read_text("utf-8"))
    assert validation_errors(data) == []
    keys = [i["id"] for i in data]
    assert len(set(keys)) == len(keys) and "rousseau2002a" in keys


def test_stdin_and_from(invoke, tmp_path):
    ris = invoke("convert", str(EXPORT), "-t", "ris").stdout
    result = invoke("convert", "-", "-t", "csl-yaml", input=ris)
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load(result.stdout)["references"][0]["id"] == "rousseau2002"
    odd = tmp_path / "export.txt"
    odd.write_text(ris, "utf-8")
    result = invoke("convert", str(odd), "-t", "csl-json")
    assert result.exit_code == 2
    assert "--from" in result.stderr
    result = invoke("convert", str(odd), "--from", "ris", "-t", "csl-json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 9


def test_output_file_is_not_overwritten_without_force(invoke, tmp_path):
    out = tmp_path / "refs.bib"
    out.write_text("% mine\n", "utf-8")
    result = invoke("convert", str(RECORDS), "-t", "bibtex", "-o", str(out))
    assert result.exit_code == 2
    assert out.read_text("utf-8") == "% mine\n"
    result = invoke("convert", str(RECORDS), "-t", "bibtex", "-o", str(out), "--force")
    assert result.exit_code == 0
    assert out.read_text("utf-8").startswith("@")


def test_a_bad_record_is_named_and_the_others_convert(invoke, tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{good, title = {G}, year = 2000}\n\n@book{bad title = {B}}\n"
                   "@book{also, title = {A}, year = 2001}\n", "utf-8")
    recs = tmp_path / "recs.yaml"
    recs.write_text("- id: fine\n  title: F\n  year: 2000\n- id: broken\n  title: B\n  year: March\n",
                    "utf-8")
    result = invoke("convert", str(bib), str(recs), "-t", "csl-json")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("citeform: error:")]
    assert len(errors) == 2
    assert errors[0].startswith(f"citeform: error: {bib}:3:")
    assert f"{recs}:" in errors[1] and "broken" in errors[1]
    assert [i["id"] for i in json.loads(result.stdout)] == ["good", "also", "fine"]
    assert result.stderr.splitlines()[-1] == "converted 3 records from 2 files; 2 errors"


def test_no_progress_bar_when_stderr_is_not_a_terminal(invoke):
    result = invoke("convert", str(RECORDS), "-t", "ris")
    assert "converting" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_duplicates_are_reported_with_both_places(invoke, tmp_path):
    copy = tmp_path / "copy.json"
    item = to_csl({"id": "seed-copy", "type": "article", "title": "Apport des biothérapies anticancéreuses "
                   "dans le traitement des leucémies de l'enfant", "authors": ["Rousseau, R."],
                   "journal": "Arch Pediatr", "year": 2002}).item
    copy.write_text(json.dumps([item]), "utf-8")
    result = invoke("convert", str(RECORDS / "rousseau2002.yaml"), str(copy), "-t", "ris", "--duplicates")
    assert result.exit_code == 0
    [line] = [x for x in result.stderr.splitlines() if "same publication" in x]
    assert line.startswith(f"citeform: warning: {copy}")
    assert line.endswith(f"seed-copy: same publication as rousseau2002 at "
                         f"{RECORDS / 'rousseau2002.yaml'}:2 (same title, year and first author)")


def test_ten_thousand_records_in_one_call(invoke, tmp_path):
    records = generate(10_000)
    items = [to_csl(r).item for r in records]
    items[10]["type"] = "not-a-type"  # fails CSL-JSON validation
    (tmp_path / "a.json").write_text(to_csl_json(items[:4000]), "utf-8")
    (tmp_path / "b.yaml").write_text(records_yaml(records[4000:6000]).replace(
        "id: rec04500\n", "id: rec04500\n  original-date: someday\n", 1), "utf-8")
    (tmp_path / "c.bib").write_text(to_bibtex(items[6000:]), "utf-8")
    out = tmp_path / "all.json"
    result = invoke("convert", str(tmp_path / "a.json"), str(tmp_path / "b.yaml"),
                    str(tmp_path / "c.bib"), "-t", "csl-json", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "converted 9,998 records from 3 files; 2 errors"
    assert "rec00010" in result.stderr and "rec04500" in result.stderr
    assert len(json.loads(out.read_text("utf-8"))) == 9_998


@pytest.mark.parametrize("source", [LIBRARY, EXPORT], ids=["bib", "ris"])
@pytest.mark.parametrize("style", ["apa", "vancouver"])
def test_cite_reads_bib_and_ris_like_converted_yaml(invoke, tmp_path, source, style):
    out = tmp_path / "records"
    assert invoke("convert", str(source), "-t", "yaml", "-o", str(out)).exit_code == 0
    direct = invoke("cite", "-r", str(source), "-s", style)
    from_yaml = invoke("cite", "-r", str(out), "-s", style)
    assert direct.exit_code == 0, direct.stderr
    # a folder is read in file-name order, a file in its own order: numbered styles number
    # the entries differently, so entries are compared without their numbers
    def entries(text: str) -> list[str]:
        return sorted(re.sub(r"^\d+\. ", "", line) for line in text.splitlines())

    assert entries(direct.stdout) == entries(from_yaml.stdout)
    if style == "apa":
        assert direct.stdout == from_yaml.stdout
    assert "Rousseau" in direct.stdout and len(direct.stdout.splitlines()) >= 9


def test_yaml_to_one_file_holds_a_list(invoke, tmp_path):
    out = tmp_path / "all.yaml"
    result = invoke("convert", str(EXPORT), "-t", "yaml", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(out.read_text("utf-8"))
    assert [r["id"] for r in data][:2] == ["rousseau2002", "kernighan1988"]
    cited = invoke("cite", "-r", str(out), "rousseau2002")
    assert cited.exit_code == 0, cited.stderr
    assert cited.stdout.startswith("1. Rousseau R, Bollard C, Heslop H. [Antitumor biotherapies")


def test_zotero_style_csl_json_to_records(invoke, tmp_path):
    src = tmp_path / "zotero.json"
    src.write_text(json.dumps([{
        "id": "http://zotero.org/users/1/items/ABCD", "type": "article-journal",
        "title": "Sleep and memory", "container-title": "Journal of Sleep Research",
        "author": [{"family": "Zeta", "given": "A."}], "issued": {"date-parts": [["2019", 4, 2]]},
        "volume": "28", "issue": "2", "page": "e12790", "DOI": "10.1111/jsr.12790",
        "shortTitle": "Sleep", "citation-key": "zeta2019"}]), "utf-8")
    result = invoke("convert", str(src), "-t", "yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("- id: http://zotero.org/users/1/items/ABCD\n  type: article\n")
    assert "  journal: Journal of Sleep Research\n" in result.stdout
    assert "  date: 2019-04-02\n" in result.stdout
    assert "  volume: 28\n" in result.stdout


def test_outputs_that_cannot_be_written_are_usage_errors(invoke, tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("", "utf-8")
    result = invoke("convert", str(RECORDS), "-t", "yaml", "-o", str(afile))
    assert result.exit_code == 2 and "is a file" in result.stderr
    result = invoke("convert", str(RECORDS), "-t", "bibtex", "-o", str(tmp_path / "no" / "x.bib"))
    assert result.exit_code == 2 and "no such folder" in result.stderr
    result = invoke("convert", str(RECORDS), "-t", "bibtex", "-o", str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.stderr
    result = invoke("convert", str(tmp_path / "missing.bib"), "-t", "bibtex")
    assert result.exit_code == 2 and "no such file" in result.stderr


def _stderr_on_a_terminal(args: list[str]) -> str:
    """Run citeform as a real process whose standard error is a terminal; what it printed."""
    import subprocess
    import sys

    master, slave = os.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CITEFORM_NO_PROGRESS"}
    process = subprocess.Popen([sys.executable, "-c", "from citeform.cli import main; main()", *args],
                               stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert process.wait() == 0
    return seen.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_for_a_long_batch(tmp_path, monkeypatch):
    """A batch still going after the delay draws the bar to 100%, erased before the summary.

    In-process with standard error a terminal and no delay: a batch long enough to take a
    second on every machine would slow the suite down."""
    import io
    import sys

    from citeform import progress
    from citeform.cli import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    (tmp_path / "many.json").write_text(to_csl_json([to_csl(r).item for r in generate(500)]), "utf-8")
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.delenv("CITEFORM_NO_PROGRESS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    with pytest.raises(SystemExit) as end:
        cli.main(["convert", str(tmp_path / "many.json"), "-t", "ris", "-o", str(tmp_path / "out.ris")])
    assert end.value.code == 0
    text = screen.getvalue()
    assert "converting [" in text and "100%" in text
    bar_end = text.rindex("100%") + len("100%")
    assert text[bar_end:].startswith("\r" + " " * 20)  # erased
    assert text.rstrip().endswith("converted 500 records from 1 file; 0 errors")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_progress_bar_for_a_short_batch(tmp_path):
    """Regression: 8 records drew a bar, and a warning landed in the middle of it."""
    text = _stderr_on_a_terminal(["convert", str(RECORDS), "-t", "ris", "-o", str(tmp_path / "out.ris")])
    assert "converting" not in text and "\r" not in text.replace("\r\n", "\n")
    assert text.rstrip().endswith("0 errors")
