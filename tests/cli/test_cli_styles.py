"""``citeform styles``."""

from __future__ import annotations

from conftest import RECORDS


def test_search_by_word(invoke):
    result = invoke("styles", "nature")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "nature\tNature" in lines


def test_aliases_are_listed_with_their_target(invoke):
    result = invoke("styles", "vancouver")
    assert any(line.startswith("vancouver\t") and "nlm-citation-sequence" in line
               for line in result.stdout.splitlines())


def test_ids_only(invoke):
    result = invoke("styles", "--ids", "apa")
    assert "apa" in result.stdout.splitlines()


def test_no_match_is_an_error(invoke):
    result = invoke("styles", "zzzzqqqq")
    assert result.exit_code == 1
    assert "no style matches" in result.stderr


def test_titles_are_plain_text(invoke):
    result = invoke("styles", "taylor-and-francis-national-library-of-medicine")
    assert "Taylor & Francis - NLM/Vancouver" in result.stdout


def test_aliases_option_lists_short_names_with_targets(invoke):
    result = invoke("styles", "--aliases")
    assert result.exit_code == 0
    rows = dict(line.split("\t") for line in result.stdout.splitlines())
    assert rows["vancouver"] == "nlm-citation-sequence"
    assert rows["chicago-nb"] == "chicago-notes-bibliography"
    assert "chicago-notes" not in rows


def test_chicago_notes_cites_with_the_real_style(invoke):
    """Regression: the alias chicago-notes pointed to a style id that does not exist."""
    result = invoke("cite", "--in-text", "[@kernighan1988]", "-s", "chicago-notes",
                    "-r", str(RECORDS))
    assert result.exit_code == 0, result.stderr
    assert "Kernighan" in result.stdout
