"""RIS as Scopus, Web of Science, PubMed, Zotero, Mendeley and EndNote write it."""

from __future__ import annotations

import pytest
from conftest import DATA

from citeform.formats.ris import read_ris
from citeform.records.load import load_records

from .oracle import citeproc_js, laid_out

RIS = DATA / "ris"
TOOLS = ("scopus", "wos", "pubmed", "zotero", "mendeley", "endnote")


def _items(tool: str) -> list[dict]:
    path = RIS / f"{tool}.ris"
    return [r.item for r in read_ris(path.read_text(encoding="utf-8"), str(path))]


def test_scopus():
    seed, cui, he = _items("scopus")
    assert seed["PMID"] == "11915504"  # C2: the PubMed id
    assert seed["language"] == "fr"  # LA - French
    assert seed["custom"]["document-type"] == "Short Survey"  # M3: not a genre
    assert "genre" not in seed
    assert seed["container-title-short"] == "Arch. Pediatr."
    assert seed["ISSN"] == "0929693X"
    assert (cui["number"], cui["PMID"]) == ("111901", "31790851")  # C7: the article number
    assert "custom7" not in cui.get("custom", {})
    assert he["type"] == "paper-conference" and "genre" not in he


def test_scopus_article_number_and_language_are_printed(invoke):
    out = invoke("cite", "-r", str(RIS / "scopus.ris")).stdout.splitlines()
    assert out[0] == (
        "1. Rousseau R, Bollard C, Heslop H. [Antitumor biotherapies in the treatment of pediatric "
        "leukemias]. Arch Pediatr. 2002;9(3):289–306. French. doi:10.1016/S0929-693X(01)00755-5 "
        "PubMed PMID: 11915504.")
    assert "Biosens Bioelectron. 2020;150:111901." in out[1]
    assert "[Article]" not in "".join(out) and "[Review]" not in "".join(out)


def test_web_of_science():
    huang, mueller = _items("wos")
    assert huang["issued"] == {"date-parts": [[2020, 2, 15]]}  # DA - FEB 15 with PY - 2020
    assert "PMID" not in huang and huang["custom"]["AN"] == "WOS:000513300700018"
    assert huang["container-title-short"] == "Lancet"  # JI
    assert mueller["number"] == "e0198254"  # AR: the article number
    assert mueller["container-title-short"] == "PLoS One"


def test_pubmed_ris():
    (item,) = _items("pubmed")
    assert item["title"] == "[Antitumor biotherapies in the treatment of pediatric leukemias]"
    assert (item["language"], item["PMID"], item["ISSN"]) == ("fr", "11915504", "0929-693X")
    assert item["container-title-short"] == "Arch Pediatr"
    assert item["issued"] == {"date-parts": [[2002, 3]]}


def test_zotero():
    jumper, nash = _items("zotero")
    assert jumper["source"] == "www.nature.com"  # DP: the catalogue, not an archive
    assert "archive" not in jumper
    assert jumper["accessed"] == {"date-parts": [[2026, 11, 29]]}
    assert jumper["language"] == "en"
    assert nash["genre"] == "PhD Thesis" and nash["language"] == "en"


def test_mendeley():
    (item,) = _items("mendeley")
    assert item["DOI"] == "10.1007/978-3-319-46493-0_38"  # M3 - doi: ...
    assert item["abstract"].startswith("Deep residual networks")
    assert item["id"] == "He2016a"


def test_endnote():
    (item,) = _items("endnote")
    assert (item["PMID"], item["PMCID"]) == ("31986264", "PMC7159299")
    assert item["container-title-short"] == "Lancet"  # J1
    assert item["issued"] == {"date-parts": [[2020, 2, 15]]}


@pytest.mark.parametrize("style", ["vancouver", "apa"])
def test_every_export_matches_citeproc_js(invoke, style):
    paths = [str(RIS / f"{tool}.ris") for tool in TOOLS]
    items = [r.csl for r in load_records(paths, warn=lambda m: None)]
    assert len({i["id"] for i in items}) == len(items) == 10  # keys made twice gave way
    expected = citeproc_js(laid_out(items, style), style)
    args = [a for p in paths for a in ("-r", p)]
    ours = invoke("cite", "-s", style, *args)
    assert ours.stdout.splitlines() == expected


@pytest.mark.parametrize(("line", "issued", "warning"), [
    # month 13 and up are seasons in CSL-JSON: a RIS month past 12 printed "2001 Spring"
    ("DA  - 2001/13/45/", [[2001]], "DA '2001/13/45/' is not a RIS date; left out"),
    ("DA  - 2001/21/", [[2001]], "DA '2001/21/' is not a RIS date; left out"),
    ("PY  - 2001/14/", [[2001]], "PY '2001/14/' is not a RIS date; only its year kept"),
    ("PY  - 2001/02/45/", [[2001]], "PY '2001/02/45/' is not a RIS date; only its year kept"),
    # 00 is how some tools write a part they do not know
    ("PY  - 2001/00/00/", [[2001]], None),
    ("PY  - 2001/03/00/", [[2001, 3]], None),
])
def test_ris_date_parts_out_of_range_are_never_seasons(invoke, tmp_path, line, issued, warning):
    path = tmp_path / "d.ris"
    path.write_text(f"TY  - JOUR\nTI  - A\nJO  - J\nPY  - 2001\n{line}\nER  - \n"
                    if line.startswith("DA") else f"TY  - JOUR\nTI  - A\nJO  - J\n{line}\nER  - \n",
                    encoding="utf-8")
    warnings: list[str] = []
    (record,) = load_records([str(path)], warn=warnings.append)
    assert record.csl["issued"] == {"date-parts": issued}
    assert warnings == ([f"{path}:1: a2001: {warning}"] if warning else [])
    cited = invoke("cite", "-r", str(path))
    assert cited.exit_code == 0
    assert "Spring" not in cited.stdout and "Summer" not in cited.stdout


def test_a_file_that_is_not_ris_read_as_ris_is_an_error(invoke, tmp_path):
    """--from ris on a YAML file said 'no records in this file (it is empty or holds only a
    null)': the file is not empty, it is not RIS."""
    path = tmp_path / "refs.yaml"
    path.write_text("\n# my records\nid: a\ntype: book\ntitle: T\n", encoding="utf-8")
    result = invoke("cite", "-r", str(path), "--from", "ris")
    assert result.exit_code == 1
    assert result.stderr == (f"citeform: error: {path}:2: not a RIS file: no 'TY  - ' line "
                             "starts a record\n")
    empty = tmp_path / "empty.ris"
    empty.write_text("\n\n", encoding="utf-8")
    assert "no records in this file" in invoke("cite", "-r", str(empty)).stderr
    bom = tmp_path / "bom.ris"  # a byte order mark and CRLF lines are still RIS
    bom.write_text("\ufeffTY  - BOOK\r\nTI  - T\r\nPB  - P\r\nPY  - 2001\r\nER  - \r\n",
                   encoding="utf-8")
    assert invoke("cite", "-r", str(bom)).stdout == "1. T. P; 2001.\n"
