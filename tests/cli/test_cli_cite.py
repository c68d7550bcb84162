"""``citeform cite`` through click's CliRunner, on real files under tests/ and records/."""

from __future__ import annotations

import json
import os

from conftest import DATA, RECORDS

SEED_VANCOUVER = (
    "1. Rousseau R, Bollard C, Heslop H. [Antitumor biotherapies in the treatment of pediatric "
    "leukemias]. Arch Pediatr. 2002;9(3):289–306. French."
)
SEED_APA = (
    "Rousseau, R., Bollard, C., & Heslop, H. (2002). Apport des biothérapies anticancéreuses dans "
    "le traitement des leucémies de l’enfant [Antitumor biotherapies in the treatment of pediatric "
    "leukemias]. Archives de Pediatrie, 9(3), 289–306."
)
# citeproc-js 2.4.63 output for tests/data/csl/refs.json in APA (bibliography, text)
REFS_APA = [
    "Adams, R. (2020). Statistical rethinking (2nd ed.). CRC Press.",
    "Möller, K., & Ng, W. (2018). Gut microbiota in infancy. Pediatric Research, 84, 10–17. "
    "https://doi.org/10.1038/pr.2018.1",
    "Zeta, A. (2019). Sleep and memory consolidation. Journal of Sleep Research, 28(2), e12790.",
]


def test_seed_vancouver_is_the_default_style(invoke):
    result = invoke("cite", "rousseau2002", "-r", str(RECORDS))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == SEED_VANCOUVER + "\n"


def test_seed_apa(invoke):
    result = invoke("cite", "rousseau2002", "-s", "apa", "-r", str(RECORDS))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == SEED_APA + "\n"


def test_default_records_folder_is_records_in_the_current_directory(invoke, runner, tmp_path):
    (tmp_path / "records").mkdir()
    src = RECORDS / "rousseau2002.yaml"
    (tmp_path / "records" / "rousseau2002.yaml").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = invoke("cite", env={"CITEFORM_RECORDS": ""})
    finally:
        os.chdir(cwd)
    assert result.stdout == SEED_VANCOUVER + "\n"


def test_records_from_environment_variable(invoke):
    result = invoke("cite", "rousseau2002", env={"CITEFORM_RECORDS": str(RECORDS)})
    assert result.stdout == SEED_VANCOUVER + "\n"


def test_all_records_one_entry_per_line_numbered(invoke):
    result = invoke("cite", "-r", str(RECORDS))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 11
    assert all(line.startswith(f"{i}. ") for i, line in enumerate(lines, 1))


def test_html_apa_puts_journal_and_volume_in_italics(invoke):
    result = invoke("cite", "rousseau2002", "-s", "apa", "-f", "html", "-r", str(RECORDS))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith('<div class="csl-bib-body">\n  <div class="csl-entry" id="ref-rousseau2002">')
    assert "<i>Archives de Pediatrie</i>, <i>9</i>(3)" in out
    assert "&#38; Heslop" in out


def test_csl_json_file_sorted_as_apa_sorts(invoke):
    result = invoke("cite", "-r", str(DATA / "csl" / "refs.json"), "-s", "apa")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == REFS_APA


def test_stdin_records(invoke):
    text = (DATA / "csl" / "refs.json").read_text(encoding="utf-8")
    result = invoke("cite", "-r", "-", "-s", "apa", input=text)
    assert result.stdout.splitlines() == REFS_APA


def test_in_text_prints_one_line_per_cluster(invoke):
    result = invoke(
        "cite", "-r", str(DATA / "csl" / "refs.json"), "-s", "apa",
        "--in-text", "[@adams2020, p. 290; @zeta2019]", "--in-text", "[@moller2018]",
    )
    assert result.exit_code == 0, result.stderr
    # citeproc-js 2.4.63 output for the same clusters
    assert result.stdout == "(Adams, 2020, p. 290; Zeta, 2019)\n(Möller & Ng, 2018)\n"


def test_in_text_unknown_key_is_a_usage_error(invoke):
    result = invoke("cite", "-r", str(DATA / "csl" / "refs.json"), "--in-text", "[@nobody2000]")
    assert result.exit_code == 2
    assert result.stderr.startswith("citeform: error: unknown record key 'nobody2000'")


def test_markdown_and_rtf(invoke):
    md = invoke("cite", "-r", str(DATA / "csl" / "refs.json"), "-s", "apa", "-f", "markdown")
    assert md.exit_code == 0, md.stderr
    assert "*Statistical rethinking*" in md.stdout
    assert "\n\n" in md.stdout  # entries are paragraphs
    rtf = invoke("cite", "-r", str(DATA / "csl" / "refs.json"), "-s", "apa", "-f", "rtf")
    assert rtf.stdout.startswith("{\\rtf1")
    assert "{\\i Statistical rethinking}" in rtf.stdout


def test_json_output_per_record(invoke):
    result = invoke("cite", "rousseau2002", "-r", str(RECORDS), "-f", "json")
    data = json.loads(result.stdout)
    assert data[0]["id"] == "rousseau2002"
    assert data[0]["citation"] == "(1)"
    assert data[0]["bibliography"] == SEED_VANCOUVER
    assert data[0]["csl"]["custom"]["translated-title"].startswith("Antitumor")


def test_output_file_written(invoke, tmp_path):
    out = tmp_path / "refs.txt"
    out.write_text("old\n", encoding="utf-8")
    result = invoke("cite", "rousseau2002", "-r", str(RECORDS), "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == SEED_VANCOUVER + "\n"
    assert [p.name for p in tmp_path.iterdir()] == ["refs.txt"]  # no temporary file left


def test_failed_run_leaves_previous_output_intact(invoke, tmp_path):
    out = tmp_path / "refs.txt"
    out.write_text("old\n", encoding="utf-8")
    result = invoke("cite", "nosuchkey", "-r", str(RECORDS), "-o", str(out))
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "old\n"


def test_locale_override(invoke):
    result = invoke("cite", "-r", str(DATA / "csl" / "refs.json"), "-s", "apa", "-l", "de-DE",
                    "adams2020")
    assert result.exit_code == 0, result.stderr
    assert "Aufl.)" in result.stdout


def test_locale_override_ordinals(invoke):
    result = invoke("cite", "-r", str(DATA / "csl" / "refs.json"), "-s", "apa", "-l", "de-DE",
                    "adams2020")
    # citeproc-js 2.4.63 output
    assert result.stdout == "Adams, R. (2020). Statistical rethinking (2. Aufl.). CRC Press.\n"


def test_unknown_key_suggests(invoke):
    result = invoke("cite", "rousseau200", "-r", str(RECORDS))
    assert result.exit_code == 2
    assert result.stderr == (
        "citeform: error: unknown record key 'rousseau200' (did you mean 'rousseau2002'?)\n"
    )


def test_unknown_style_suggests(invoke):
    result = invoke("cite", "-r", str(RECORDS), "-s", "apaa")
    assert result.exit_code == 2
    assert result.stderr.startswith("citeform: error: unknown style 'apaa'; did you mean apa")


def test_style_by_file_and_dependent_style(invoke):
    from citeform.styles import resolve

    path = resolve("apa").path
    by_file = invoke("cite", "rousseau2002", "-r", str(RECORDS), "-s", path)
    assert by_file.stdout == SEED_APA + "\n"
    dependent = invoke("cite", "rousseau2002", "-r", str(RECORDS), "-s", "nature-digest")
    assert dependent.exit_code == 0, dependent.stderr
    assert "Rousseau" in dependent.stdout


def test_broken_yaml_names_file_line_and_column(invoke):
    path = DATA / "bad" / "broken.yaml"
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"citeform: error: {path}:3:5: broken YAML")
    assert "Traceback" not in result.stderr


def test_bad_field_names_file_line_key_and_field(invoke):
    path = DATA / "bad" / "baddate.yaml"
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"citeform: error: {path}:5: baddate: date: cannot read 'sometime soon' as a date\n"
    )


def test_duplicate_key_names_both_places(invoke):
    result = invoke("cite", "-r", str(DATA / "dupes"))
    assert result.exit_code == 1
    assert "duplicate key 'same2020'" in result.stderr
    assert "a.yaml" in result.stderr and "b.yaml:7" in result.stderr


def test_unknown_field_warns_and_is_kept(invoke):
    result = invoke("cite", "kim2021", "-r", str(DATA / "multi"), "-f", "json")
    assert result.exit_code == 0
    assert "lab.yaml:13: kim2021: unknown field 'funding' kept under 'custom'" in result.stderr
    assert json.loads(result.stdout)[0]["csl"]["custom"] == {"funding": "Grant 1234"}


def test_quiet_silences_warnings(invoke):
    result = invoke("cite", "kim2021", "-r", str(DATA / "multi"), "-q")
    assert result.stderr == ""


def test_debug_shows_traceback(runner):
    from citeform.cli import cli
    from citeform.errors import UsageError

    result = runner.invoke(cli, ["--debug", "cite", "nosuchkey", "-r", str(RECORDS)])
    assert isinstance(result.exception, UsageError)


def test_bibtex_style(invoke):
    result = invoke("cite", "rousseau2002", "-r", str(RECORDS), "-s", "bibtex")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("@article{rousseau2002,")
    assert "author = {Rousseau, R. and Bollard, C. and Heslop, H.}" in result.stdout
    assert "pages = {289--306}" in result.stdout


def test_help_lists_commands(invoke):
    result = invoke("--help")
    assert result.exit_code == 0
    assert "cite" in result.stdout and "styles" in result.stdout


def test_in_text_author_in_text_and_suppressed_author(invoke):
    result = invoke("cite", "-r", str(RECORDS), "-s", "apa",
                    "--in-text", "@kernighan1988 [p. 33]", "--in-text", "[-@kernighan1988]")
    # citeproc-js 2.4.63: author-only cluster, then the suppress-author cluster
    assert result.stdout == "Kernighan & Ritchie (1988, p. 33)\n(1988)\n"


def test_bibtex_ascii_writes_latex_accents(invoke):
    utf8 = invoke("cite", "dalembert1743", "-r", str(RECORDS), "-s", "bibtex")
    assert "title = {Traité de dynamique}" in utf8.stdout
    ascii_ = invoke("cite", "dalembert1743", "-r", str(RECORDS), "-s", "bibtex", "--ascii")
    assert "title = {Trait{\\'e} de dynamique}" in ascii_.stdout
    assert ascii_.stdout.isascii()


def test_record_missing_what_its_type_needs_is_a_warning(invoke):
    path = DATA / "bad" / "nojournal.yaml"
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 0
    assert result.stdout == "1. Smith J. No journal here. 2020.\n"
    assert result.stderr == (
        f"citeform: warning: {path}:1: nojournal: missing 'journal' (a journal article needs its "
        "journal); rendered without it\n"
    )


def test_strict_record_missing_what_its_type_needs_is_a_data_error(invoke):
    path = DATA / "bad" / "nojournal.yaml"
    result = invoke("cite", "--strict", "-r", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"citeform: error: {path}:1: nojournal: missing 'journal' (a journal article needs its journal)\n"
    )
