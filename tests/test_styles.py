"""Style resolution: aliases, repository ids, dependent styles, files, XML, suggestions."""

from __future__ import annotations

import pytest

from citeform.errors import UsageError
from citeform.styles import resolve, search, title_rule


def test_aliases():
    assert resolve("vancouver").name == "nlm-citation-sequence"
    assert resolve("Vancouver").path.endswith("nlm-citation-sequence.csl")
    assert resolve("apa").path.endswith("apa.csl")


def test_dependent_style_resolves_to_parent_with_its_locale():
    style = resolve("nature-digest")
    assert style.path.endswith("nature.csl")
    assert style.default_locale == "en-GB"


def test_writers():
    assert resolve("bibtex").writer == "bibtex"
    assert resolve("BibLaTeX").writer == "biblatex"


def test_file_and_xml(tmp_path):
    src = resolve("apa").path
    assert resolve(src).path == src
    xml = open(src, encoding="utf-8").read()
    assert resolve(xml).xml == xml.strip()


def test_unknown_style_did_you_mean():
    with pytest.raises(UsageError, match=r"unknown style 'vancover'; did you mean vancouver"):
        resolve("vancover")
    with pytest.raises(UsageError, match="style file not found"):
        resolve("missing/file.csl")


def test_title_rules():
    assert title_rule("nlm-citation-sequence") == "nlm"
    assert title_rule("apa") == "apa"
    assert resolve("vancouver").title_rule == "nlm"
    assert resolve("ieee").title_rule == "apa"


def test_search_puts_exact_id_first():
    rows = search("nature")
    assert rows[0] == ("nature", "Nature")
