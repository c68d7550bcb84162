"""One language table: ISO 639-1, 639-2/B and /T codes, BCP 47 tags and English names."""

from __future__ import annotations

import pytest

from citeform.languages import is_english, language_name, language_tag
from citeform.records.mapping import to_csl


@pytest.mark.parametrize("text", ["fr", "fre", "fra", "French", "french", "FRE", " fr "])
def test_every_spelling_of_french_is_fr(text):
    assert language_tag(text) == "fr"
    assert language_name(text) == "French"


@pytest.mark.parametrize("text, tag", [
    ("fr_ca", "fr-CA"), ("fra-CA", "fr-CA"), ("zh-hant-tw", "zh-Hant-TW"), ("ger", "de"),
    ("deu", "de"), ("dut", "nl"), ("chi", "zh"), ("scc", "sr"), ("scr", "hr"), ("nob", "nb"),
    ("en-GB", "en-GB"), ("Portuguese", "pt"), ("brazilian", "pt-BR"),
])
def test_codes_and_tags(text, tag):
    assert language_tag(text) == tag


@pytest.mark.parametrize("text", ["xq", "und", "mul", "Klingonese", "", "12"])
def test_unknown_or_no_language(text):
    assert language_tag(text) is None


def test_english_in_every_spelling():
    assert all(is_english(t) for t in ("en", "eng", "English", "en-US", None, ""))
    assert not is_english("fre")


@pytest.mark.parametrize("value", ["fre", "fra", "French"])
def test_records_read_every_spelling(value):
    item = to_csl({"id": "x", "title": "T", "year": 2002, "language": value}).item
    assert item["language"] == "fr"


def test_check_warns_about_a_language_it_cannot_read(tmp_path, invoke):
    f = tmp_path / "x.yaml"
    f.write_text("type: book\ntitle: T\npublisher: P\nlanguage: xq\n", encoding="utf-8")
    result = invoke("check", str(f))
    assert result.exit_code == 0
    assert f"{f}:4:1: warning: x: language: unknown language 'xq'" in result.output
    f.write_text("type: book\ntitle: T\npublisher: P\nlanguage: fre\n", encoding="utf-8")
    assert invoke("check", str(f)).output == "0 errors, 0 warnings in 1 record\n"


@pytest.mark.parametrize("text, warning", [
    ("@book{a, title={T}, publisher={P}, year=2000, langid={klingon}}\n",
     "<stdin>:1: warning: a: language 'klingon' is not a language known here; kept under custom"),
    ("TY  - BOOK\nTI  - T\nPB  - P\nPY  - 2000\nLA  - xx\nER  - \n",
     "<stdin>:1: warning: t2000: LA 'xx' is not a language known here; kept under custom"),
    ("PMID- 1\nTI  - T.\nDP  - 2000\nLA  - xxx\n",
     "<stdin>:1: warning: t2000: LA (line 4) 'xxx' is not a language known here; kept under "
     "custom"),
])
def test_check_warns_about_a_language_an_import_cannot_read(invoke, text, warning):
    result = invoke("check", "-", input=text)
    assert warning in result.stdout.splitlines()


@pytest.mark.parametrize("text", [
    "@article{a, title={T}, journal={J}, year=2000, langid={french}}\n",
    "TY  - JOUR\nTI  - T\nT2  - J\nPY  - 2000\nLA  - fre\nER  - \n",
    "PMID- 1\nTI  - T.\nJT  - J\nDP  - 2000\nLA  - fre\n",
])
def test_every_import_reads_french(invoke, text):
    result = invoke("cite", "-r", "-", "-s", "vancouver", "-q", input=text)
    assert " 2000. French." in result.stdout
