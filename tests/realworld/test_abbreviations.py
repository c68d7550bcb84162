"""NLM journal abbreviations: the user's list, the built-in rule and its measured accuracy."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, RECORDS

from citeform.records.journal_abbreviations import Abbreviations, nlm_abbreviation, read_list

LISTS = DATA / "abbreviations"
SEED = (RECORDS / "rousseau2002.yaml").read_text(encoding="utf-8")
SEED_LINE = ("1. Rousseau R, Bollard C, Heslop H. [Antitumor biotherapies in the treatment of "
             "pediatric leukemias]. Arch Pediatr. 2002;9(3):289–306. French.\n")


def _pairs(name: str) -> list[tuple[str, str]]:
    lines = (LISTS / name).read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


def _accuracy(name: str) -> tuple[int, int, list[str]]:
    pairs = _pairs(name)
    misses = [f"{t} -> {nlm_abbreviation(t)} (NLM: {a})" for t, a in pairs
              if nlm_abbreviation(t) != a]
    return len(pairs) - len(misses), len(pairs), misses


def test_accuracy_on_the_titles_the_rule_was_written_with():
    right, total, misses = _accuracy("nlm-journals.tsv")
    print(f"\nNLM abbreviations, tuning list: {right}/{total} ({right / total:.1%})")
    assert total >= 100
    assert right / total >= 0.99, misses


def test_accuracy_on_titles_held_out():
    # not used to write the exceptions or the word table; the NLM's place qualifiers
    # ("Rheumatology (Oxford)") cannot be told by rule
    right, total, misses = _accuracy("nlm-journals-heldout.tsv")
    print(f"\nNLM abbreviations, held-out list: {right}/{total} ({right / total:.1%})")
    assert total >= 100
    assert right / total >= 0.93, misses


def test_rule_details():
    assert nlm_abbreviation("Archives de pediatrie : organe officiel de la Societe francaise "
                            "de pediatrie") == "Arch Pediatr"  # the subtitle goes
    assert nlm_abbreviation("Lancet (London, England)") == "Lancet"
    assert nlm_abbreviation("Tobacco Control") == "Tob Control"  # pyiso4 fails on it alone
    assert nlm_abbreviation("Journal of Alzheimer's Disease") == "J Alzheimers Dis"
    assert nlm_abbreviation("") is None
    assert nlm_abbreviation("Журнал неврологии и психиатрии") is None  # the NLM romanises
    assert nlm_abbreviation("Journal of Research " * 100) is None  # not a journal title


@pytest.mark.parametrize("title", ["Journal\x9b of Physics", "Journal of\x00 Physics",
                                   "Journal\u200bof Physics", "Journal of\x7f\x85Physics"])
def test_rule_abbreviations_hold_no_control_characters(title):
    """A control character (or a zero-width space) is no word: it neither stays in the
    abbreviation nor leaves a double space where the rendered entry drops it."""
    assert nlm_abbreviation(title) == "J Phys"


def test_seed_without_its_abbreviation_prints_the_nlm_one(invoke, tmp_path):
    path = tmp_path / "rousseau2002.yaml"
    path.write_text(SEED.replace("journal-abbreviation: Arch Pediatr\n", ""), encoding="utf-8")
    assert invoke("cite", "-r", str(path)).stdout == SEED_LINE
    # APA prints the full title: the rule is for the styles that follow the NLM
    assert "Archives de Pediatrie, 9(3)" in invoke("cite", "-r", str(path), "-s", "apa").stdout
    hint = invoke("check", str(path), "-s", "vancouver").stdout
    assert "hint: rousseau2002: no 'journal-abbreviation'; nlm-citation-sequence will print " \
        "'Arch Pediatr' (by rule: ISO 4 without periods" in hint


def test_user_list_from_option_and_environment(invoke, tmp_path):
    path = tmp_path / "rousseau2002.yaml"
    path.write_text(SEED.replace("journal-abbreviation: Arch Pediatr\n", ""), encoding="utf-8")
    abbreviations = tmp_path / "journals.json"
    abbreviations.write_text(json.dumps(
        {"default": {"container-title": {"Archives de Pédiatrie": "Arch. Pédiatr."}}}),
        encoding="utf-8")
    by_option = invoke("cite", "-r", str(path), "--abbreviations", str(abbreviations))
    assert "]. Arch Pédiatr. 2002;" in by_option.stdout  # the style strips the periods
    by_env = invoke("cite", "-r", str(path), "-s", "ieee",
                    env={"CITEFORM_ABBREVIATIONS": str(abbreviations)})
    assert "Arch. Pédiatr., vol. 9" in by_env.stdout  # every style that prints the short form
    checked = invoke("check", str(path), "-s", "vancouver", "--abbreviations", str(abbreviations))
    assert "will print 'Arch. Pédiatr.' (from the abbreviation list" in checked.stdout
    # a record's own abbreviation wins
    own = invoke("cite", "-r", str(RECORDS / "rousseau2002.yaml"), "--abbreviations",
                 str(abbreviations))
    assert own.stdout == SEED_LINE


@pytest.mark.parametrize("text, message", [
    ("[1, 2]", "abbreviation list: write {\"default\""),
    ('{"default": []}', "abbreviation list: 'default' is not a mapping"),
    ('{"default": {"container-title": {"A": 1}}}', "must map titles to abbreviations"),
    ('{"default": ', "abbreviation list is not JSON"),
    ("[" * 100_000 + "]" * 100_000, "abbreviation list is nested too deeply"),
    ('{"a": ' * 100_000 + "1" + "}" * 100_000, "abbreviation list is nested too deeply"),
])
def test_bad_lists_are_one_line_errors(invoke, tmp_path, text, message):
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    result = invoke("cite", "-r", str(RECORDS / "rousseau2002.yaml"), "--abbreviations", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"citeform: error: {bad}")
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_missing_list_is_an_error(invoke, tmp_path):
    result = invoke("cite", "-r", str(RECORDS / "rousseau2002.yaml"), "--abbreviations",
                    str(tmp_path / "none.json"))
    assert result.exit_code == 1
    assert "cannot read abbreviation list" in result.stderr


def test_lists_match_titles_without_case_accents_or_punctuation(tmp_path):
    path = tmp_path / "l.json"
    path.write_text('{"default": {"container-title": {"The Journal of X & Y": "J X Y"}}}',
                    encoding="utf-8")
    abbr = Abbreviations(read_list(str(path)))
    assert abbr.lookup("the journal of x and y") == ("J X Y", "list")
    assert abbr.apply({"type": "chapter", "container-title": "The Journal of X & Y"})[
        "container-title-short"] == "J X Y"
    assert Abbreviations({}, rule=True).apply(
        {"type": "chapter", "container-title": "Proceedings of Things"}) == {
        "type": "chapter", "container-title": "Proceedings of Things"}  # rule: journals only
