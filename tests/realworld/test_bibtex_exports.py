"""BibTeX as Google Scholar and JabRef write it: months, ranges, ``and others``, comments."""

from __future__ import annotations

import json

import pytest
from conftest import DATA

from citeform.formats.bibtex_reader import parse_month, read_bibtex
from citeform.records.load import sniff_content

BIB = DATA / "bibtex"


def _items(name: str) -> dict[str, dict]:
    path = BIB / name
    return {r.item["id"]: r.item for r in read_bibtex(path.read_text(encoding="utf-8"), str(path))}


@pytest.mark.parametrize("text, points", [
    ("aug", [[8]]), ("8", [[8]]), ("August", [[8]]), ("10~aug", [[8, 10]]),
    ("10 August", [[8, 10]]), ("August 10,", [[8, 10]]), ("Jul--Aug", [[7], [8]]),
    ("Jul/Aug", [[7], [8]]), ("Jul–Aug", [[7], [8]]), ("1--15 Aug", [[8, 1], [8, 15]]),
])
def test_months(text, points):
    assert parse_month(text) == points


@pytest.mark.parametrize("text", ["13", "10 8", "Sommer", "spring", "1st"])
def test_months_not_understood(text):
    assert parse_month(text) is None


def test_scholar_export():
    items = _items("scholar.bib")
    assert items["huang2020clinical"]["issued"] == {"date-parts": [[2020, 2, 15]]}  # "15~" # feb
    assert items["jumper2021highly"]["issued"] == {"date-parts": [[2021, 8, 26]]}  # {26 August}
    assert items["cui2020advancing"]["issued"] == {"date-parts": [[2020, 11], [2020, 12]]}
    assert items["huang2020clinical"]["custom"]["author-others"] is True
    assert len(items["huang2020clinical"]["author"]) == 3


def test_jabref_export_and_its_warnings(invoke):
    items = _items("jabref.bib")
    assert items["Rousseau2002"]["issued"] == {"date-parts": [[2002, 3]]}  # date: EDTF
    assert items["Rousseau2002"]["accessed"] == {"date-parts": [[2026, 11, 29]]}
    assert items["Rousseau2002"]["language"] == "fr"  # langid = {french}
    assert items["Nash1950"]["issued"] == {"date-parts": [[1950, 1]]}
    assert items["Odd2001"]["issued"] == {"date-parts": [[2001]]}  # month left out, and said
    path = BIB / "jabref.bib"
    result = invoke("check", str(path))
    assert f"{path}:28: warning: Odd2001: month (line 33) 'Sommer' not understood; left out" \
        in result.stdout
    assert f"{path}:28: warning: Odd2001: urldate (line 34) 'last Tuesday' is not an EDTF " \
        "date; kept as written" in result.stdout


def test_and_others_is_et_al_in_every_style(invoke):
    path = str(BIB / "scholar.bib")
    vancouver = invoke("cite", "huang2020clinical", "-r", path).stdout
    assert vancouver.startswith("1. Huang C, Wang Y, Li X, et al. Clinical features")
    apa = invoke("cite", "huang2020clinical", "-r", path, "-s", "apa").stdout
    assert apa.startswith("Huang, C., Wang, Y., Li, X., et al. (2020).")
    ieee = invoke("cite", "jumper2021highly", "-r", path, "-s", "ieee").stdout
    assert ieee.startswith("[1] J. Jumper, R. Evans, A. Pritzel, et al., “Highly accurate")


@pytest.mark.parametrize("to", ["bibtex", "biblatex", "ris", "csl-json", "csl-yaml", "yaml"])
def test_and_others_round_trips_through_every_writer(invoke, tmp_path, to):
    out = tmp_path / f"out.{to}"
    converted = invoke("convert", str(BIB / "scholar.bib"), "-t", to, "-o", str(out), "-q")
    assert converted.exit_code == 0, converted.stderr
    fmt = {"yaml": "yaml"}.get(to, to)
    cited = invoke("cite", "huang2020clinical", "-r", str(out), "--from", fmt)
    assert cited.stdout.startswith("1. Huang C, Wang Y, Li X, et al.")
    checked = invoke("check", str(out), "--from", fmt)
    assert "huang2020clinical" not in checked.stdout  # nothing to say about "and others"


def test_comment_before_the_first_entry_is_sniffed(invoke):
    text = (BIB / "jabref.bib").read_text(encoding="utf-8")
    assert text.startswith("% Encoding: UTF-8")
    assert sniff_content(text) == "bibtex"
    result = invoke("cite", "Nash1950", "-r", "-", input=text)
    assert result.exit_code == 0, result.stderr
    assert "Nash JF Jr. Equilibrium points in n-person games." in result.stdout


@pytest.mark.parametrize("text, fmt", [
    ("# my records\n\n- id: a\n  title: T\n", "yaml"),
    ("---\nid: a\ntitle: T\n", "yaml"),
    ("%YAML 1.2\n---\nid: a\n", "yaml"),
    ("\n\n% Encoding: UTF-8\n\n@article{a, title={T}}\n", "bibtex"),
    ("\nTY  - JOUR\nER  - \n", "ris"),
    ("\nPMID- 123\nTI  - T.\n", "medline"),
    ("  \n[{\"id\": \"a\"}]", "json"),
])
def test_sniffing_past_comments_and_blank_lines(text, fmt):
    assert sniff_content(text) == fmt


def test_one_incomplete_record_does_not_stop_the_bibliography(invoke):
    path = BIB / "scholar.bib"
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 5  # every entry, the one without a journal too
    assert result.stderr == (
        f"citeform: warning: {path}:48: smith2019preprint: missing 'container-title' (a journal "
        "article needs its journal); rendered without it\n")
    strict = invoke("cite", "--strict", "-r", str(path))
    assert strict.exit_code == 1 and strict.stdout == ""
    assert "smith2019preprint: missing 'container-title'" in strict.stderr


def test_cite_json_output_keeps_the_others_mark(invoke):
    result = invoke("cite", "huang2020clinical", "-r", str(BIB / "scholar.bib"), "-f", "json")
    (entry,) = json.loads(result.stdout)
    assert entry["csl"]["custom"]["author-others"] is True
    assert entry["bibliography"].startswith("1. Huang C, Wang Y, Li X, et al.")


@pytest.mark.parametrize(("date", "printed"), [
    ("2001-13", "2001-13"),  # month 13 is no EDTF: it printed as "2001 Spring"
    ("2001-25", "2001-25"),
    ("2001-02-00", "2001-02-00"),
    ("2001-02-32", "2001-02-32"),
    ("2001-21", "2001 Spring"),  # EDTF's seasons stay seasons
])
def test_an_edtf_date_out_of_range_is_a_warning_not_a_season(invoke, tmp_path, date, printed):
    path = tmp_path / "d.bib"
    path.write_text(f"@article{{a, title={{T}}, journal={{J}}, date={{{date}}}}}\n",
                    encoding="utf-8")
    cited = invoke("cite", "-r", str(path))
    assert cited.exit_code == 0
    assert cited.stdout == f"1. T. J. {printed}.\n"
    warning = f"{path}:1: a: date (line 1) '{date}' is not an EDTF date; kept as written"
    assert cited.stderr == ("" if "Spring" in printed else f"citeform: warning: {warning}\n")
