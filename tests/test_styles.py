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


def _alias_table() -> dict[str, str]:
    from citeform.styles import aliases

    return aliases()


@pytest.mark.parametrize("alias, target", sorted(_alias_table().items()))
def test_every_alias_resolves_to_a_style_that_exists(alias, target):
    style = resolve(alias)
    assert style.name == target
    assert style.path and open(style.path, encoding="utf-8").read(200).lstrip().startswith("<?xml")


@pytest.mark.parametrize("alias, target", sorted(_alias_table().items()))
def test_no_alias_hides_another_style(alias, target):
    """A short name that is itself a CSL repository id would make that style unreachable."""
    from citeform.styles import _repo_file

    assert alias == target or _repo_file(alias) is None


def test_chicago_notes_is_the_real_style_not_a_broken_alias():
    assert resolve("chicago-notes").path.endswith("/chicago-notes.csl")
    assert resolve("chicago-nb").path.endswith("/chicago-notes-bibliography.csl")


def test_an_alias_to_a_missing_style_says_so(monkeypatch):
    import citeform.styles as lib

    monkeypatch.setattr(lib, "aliases", lambda: {"broken": "no-such-style-id"})
    with pytest.raises(UsageError, match="'broken' is a short name for 'no-such-style-id', which is not a style"):
        resolve("broken")


def test_a_style_file_under_another_name_keeps_its_title_rule(tmp_path):
    """Regression: a copy or link of the Vancouver style under another file name (a journal's
    ``vancouver-journal.csl``) lost the NLM rule for translated titles, which was looked up by
    the file name only; the style's own ``<id>`` names it too."""
    from pathlib import Path

    from citeform.styles import styles_dir

    source = Path(styles_dir()) / "nlm-citation-sequence.csl"
    copy = tmp_path / "vancouver-journal.csl"
    copy.write_bytes(source.read_bytes())
    link = tmp_path / "link.csl"
    link.symlink_to(source)
    assert resolve(str(copy)).title_rule == "nlm"
    assert resolve(str(link)).title_rule == "nlm"
