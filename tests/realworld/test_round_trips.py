"""Point 8: a real export through ``convert -t yaml`` cites the same as the export itself."""

from __future__ import annotations

import json

import pytest
from conftest import DATA

EXPORTS = [
    DATA / "medline" / "pubmed-export.nbib",
    DATA / "medline" / "rousseau2002.nbib",
    DATA / "medline" / "genereviews.medline",
    DATA / "ris" / "scopus.ris",
    DATA / "ris" / "wos.ris",
    DATA / "bibtex" / "scholar.bib",
    DATA / "bibtex" / "jabref.bib",
]


@pytest.mark.parametrize("export", EXPORTS, ids=lambda p: p.name)
@pytest.mark.parametrize("style", ["vancouver", "apa"])
def test_export_and_its_yaml_records_cite_the_same(invoke, tmp_path, export, style):
    straight = invoke("cite", "-s", style, "-r", str(export), "-q")
    assert straight.exit_code == 0, straight.stderr
    keys = [e["id"] for e in json.loads(invoke("cite", "-r", str(export), "-f", "json",
                                               "-q").stdout)]
    folder = tmp_path / "records"
    converted = invoke("convert", str(export), "-t", "yaml", "-o", str(folder), "-q")
    assert converted.exit_code == 0, converted.stderr
    # one file per record: the keys give the order the export had (a folder is read by name)
    via_yaml = invoke("cite", *keys, "-s", style, "-r", str(folder), "-q")
    assert via_yaml.exit_code == 0, via_yaml.stderr
    assert via_yaml.stdout == straight.stdout
    assert straight.stdout.count("\n") >= 1


@pytest.mark.parametrize("export", EXPORTS, ids=lambda p: p.name)
def test_one_yaml_file_and_csl_json_cite_the_same(invoke, tmp_path, export):
    straight = invoke("cite", "-r", str(export), "-q").stdout
    for to, name in (("yaml", "all.yaml"), ("csl-json", "all.json")):
        out = tmp_path / name
        assert invoke("convert", str(export), "-t", to, "-o", str(out), "-q").exit_code == 0
        assert invoke("cite", "-r", str(out), "-q").stdout == straight, to
