"""``citeform cite`` read without click (citeform.cli.quick) is the command click runs:
the same parameters for every command line it takes, the same output, errors and exit codes,
and every other command line left to click."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from citeform.cli import main, quick
from citeform.cli.cite import cite

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "records" / "rousseau2002.yaml")

TAKEN = [
    ["cite"],
    ["cite", "rousseau2002"],
    ["cite", "rousseau2002", "-s", "apa", "-r", SEED],
    ["cite", "-s", "apa", "a", "b", "--records", "x", "-r", "y", "-q"],
    ["cite", "a", "-f", "html", "--format", "markdown", "--style", "ieee", "-s", "apa"],
    ["cite", "-o", "out.txt", "-l", "de-DE", "--locale", "en-GB", "--output", "-", "k"],
    ["cite", "-r", "-", "--strict", "--ascii", "--quiet", "k"],
    ["cite", "-s", "", "k", "-o", "-"],
    ["cite", "k", "-f", "json", "-r", "a b", "-r", "ü"],
]
DECLINED = [
    [], ["--help"], ["cite", "--help"], ["cite", "-h"], ["--debug", "cite"], ["cite", "--debug"],
    ["convert", "x"], ["styles"], ["cite", "--style=apa"], ["cite", "-sapa"], ["cite", "-s"],
    ["cite", "k", "-s", "-x"], ["cite", "-r", "--records"], ["cite", "-f", "pdf"],
    ["cite", "-f", "HTML"], ["cite", "--", "-k"], ["cite", "-"], ["cite", "-j", "2"],
    ["cite", "--in-text", "[@a]"], ["cite", "--from", "bibtex"], ["cite", "-qs", "apa"],
    ["cite", "--nocite-all"], ["cite", "--sty", "apa"], ["cite", "--version"],
]


@pytest.mark.parametrize("args", TAKEN, ids=" ".join)
def test_parameters_are_clicks(args):
    ctx = cite.make_context("cite", list(args[1:]))
    assert quick.parse(args) == ctx.params


@pytest.mark.parametrize("args", DECLINED, ids=lambda a: " ".join(a) or "(none)")
def test_other_command_lines_are_left_to_click(args):
    assert quick.parse(args) is None


def test_every_option_of_cite_is_known_to_click():
    """The options read here are options of click's command, with the same parameter."""
    options = {opt: p.name for p in cite.params for opt in p.opts}
    for table in (quick._VALUES, quick._FLAGS):
        for opt, name in table.items():
            assert options[opt] == name
    assert set(quick.defaults()) == {p.name for p in cite.params}


def test_completion_is_left_to_click(monkeypatch):
    monkeypatch.setenv("_CITEFORM_COMPLETE", "bash_complete")
    assert quick.run_quick(["cite", "k"]) is False


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    code = ("import sys\nfrom citeform.cli import main\nmain(sys.argv[1:])\n")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, env={**__import__("os").environ, "CITEFORM_NO_CACHE": "1",
                                         **env})


def test_a_one_record_cite_imports_no_click():
    code = ("import sys\nfrom citeform.cli import main\n"
            "try:\n"
            f"    main(['cite', 'rousseau2002', '-s', 'apa', '-r', {SEED!r}])\n"
            "except SystemExit as e:\n    assert e.code == 0, e.code\n"
            "print('click' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    assert done.stdout.splitlines()[-1] == "False"
    assert done.stdout.startswith("Rousseau, R., Bollard, C., & Heslop, H. (2002).")


@pytest.mark.parametrize("quick_args, click_args", [
    (["cite", "rousseau2002", "-s", "apa", "-r", SEED],
     ["cite", "rousseau2002", "--style=apa", "--records=" + SEED]),
    (["cite", "nosuchkey", "-r", SEED], ["cite", "nosuchkey", "--records=" + SEED]),
    (["cite", "-s", "nosuchstyle", "-r", SEED], ["cite", "--style=nosuchstyle", "-r", SEED]),
    (["cite", "-r", "no/such/folder"], ["cite", "--records=no/such/folder"]),
    (["cite", "-r", SEED, "-o", "no/such/dir/out.txt"],
     ["cite", "-r", SEED, "--output=no/such/dir/out.txt"]),
])
def test_output_errors_and_exit_codes_are_clicks(quick_args, click_args):
    assert quick.parse(quick_args) is not None and quick.parse(click_args) is None
    ours, theirs = _run(quick_args), _run(click_args)
    assert (ours.returncode, ours.stdout, ours.stderr) == \
        (theirs.returncode, theirs.stdout, theirs.stderr)


@pytest.mark.parametrize("error, code, message", [
    (KeyboardInterrupt(), 130, "\nciteform: interrupted\n"),
    (RuntimeError("boom"), 1,
     "citeform: internal error: RuntimeError: boom (run with --debug for details)\n"),
])
def test_an_error_in_the_command_is_reported_as_click_reports_it(monkeypatch, capsys, error,
                                                                   code, message):
    from citeform import cite_job

    def fail(**_kwargs):
        raise error

    monkeypatch.setattr(cite_job, "run", fail)
    monkeypatch.delenv("CITEFORM_DEBUG", raising=False)
    results = []
    for args in (["cite", "k", "-r", SEED], ["cite", "k", "--records=" + SEED]):
        with pytest.raises(SystemExit) as exit_:
            main(args)
        results.append((exit_.value.code, capsys.readouterr()))
    assert results[0] == results[1]
    assert results[0][0] == code and results[0][1].err == message


def test_warnings_are_printed_as_click_prints_them(tmp_path):
    path = tmp_path / "items.json"
    path.write_text('[{"id": "a", "type": "book"}]', encoding="utf-8")
    ours, theirs = _run(["cite", "-r", str(path)]), _run(["cite", "--records=" + str(path)])
    assert ours.stderr and "warning" in ours.stderr
    assert (ours.returncode, ours.stdout, ours.stderr) == \
        (theirs.returncode, theirs.stdout, theirs.stderr)


def test_options_read_from_the_environment_are_left_to_click(monkeypatch, tmp_path):
    """CITEFORM_ABBREVIATIONS sets --abbreviations through click: a command line read here
    ignored it, so the same 'cite' printed other journal names than click's."""
    envvars = {p.envvar for p in cite.params if getattr(p, "envvar", None)}
    assert envvars == set(quick.ENVVARS)
    for name in envvars:
        monkeypatch.setenv(name, str(tmp_path / "x"))
        assert quick.parse(["cite", "k"]) is None
        monkeypatch.delenv(name)
    assert quick.parse(["cite", "k"]) is not None


def test_abbreviations_from_the_environment_are_used(tmp_path):
    records = tmp_path / "r.json"
    records.write_text('[{"id": "a", "type": "article-journal", "title": "T", "author": '
                       '[{"family": "Doe", "given": "J"}], "container-title": "Journal of Odd '
                       'Things", "issued": {"date-parts": [[2000]]}}]', encoding="utf-8")
    abbreviations = tmp_path / "abbr.json"
    abbreviations.write_text('{"default": {"container-title": {"Journal of Odd Things": '
                             '"J Odd Th"}}}', encoding="utf-8")
    ours = _run(["cite", "-r", str(records)], CITEFORM_ABBREVIATIONS=str(abbreviations))
    theirs = _run(["cite", "--records=" + str(records)],
                  CITEFORM_ABBREVIATIONS=str(abbreviations))
    assert "J Odd Th" in theirs.stdout
    assert (ours.returncode, ours.stdout, ours.stderr) == \
        (theirs.returncode, theirs.stdout, theirs.stderr)


# ``citeform manuscript`` read without click
MANUSCRIPT = str(ROOT / "tests" / "data" / "manuscript" / "quick" / "paper.md")
UNKNOWN = str(ROOT / "tests" / "data" / "manuscript" / "quick" / "unknown.md")
MS_TAKEN = [
    ["manuscript", "paper.md"],
    ["manuscript", "-"],
    ["manuscript", "paper.md", "-s", "apa", "-r", "a.json", "--records", "b.bib", "-q"],
    ["manuscript", "-o", "out.md", "paper.md", "-l", "de-DE", "--locale", "en-GB", "--strict"],
    ["manuscript", "paper.md", "--link-citations", "--no-bibliography", "--quiet"],
    ["manuscript", "paper.md", "--no-link-citations", "--bibliography", "--output", "-"],
    ["manuscript", "paper.md", "--style", "vancouver", "-r", "-", "-o", "-"],
]
MS_DECLINED = [
    ["manuscript"], ["manuscript", "a.md", "b.md"], ["manuscript", "--help"],
    ["manuscript", "a.md", "-j", "2"], ["manuscript", "a.md", "--debug"],
    ["manuscript", "a.md", "--style=apa"], ["manuscript", "a.md", "-s"],
    ["manuscript", "a.md", "-r", "--strict"], ["manuscript", "--", "-a.md"],
    ["manuscript", "a.md", "-qs", "apa"], ["manuscript", "a.md", "--sty", "apa"],
    ["manuscript", "a.md", "-o", "."], ["filter"], ["cite", "--in-text", "[@a]"],
]


@pytest.mark.parametrize("args", MS_TAKEN, ids=" ".join)
def test_manuscript_parameters_are_clicks(args):
    from citeform.cli.manuscript_command import manuscript

    ctx = manuscript.make_context("manuscript", list(args[1:]))
    assert quick.parse_manuscript(args) == ctx.params
    assert set(quick.manuscript_defaults()) == {p.name for p in manuscript.params}


@pytest.mark.parametrize("args", MS_DECLINED, ids=" ".join)
def test_other_manuscript_command_lines_are_left_to_click(args):
    assert quick.parse_manuscript(args) is None


def test_every_option_of_manuscript_is_known_to_click():
    from citeform.cli.manuscript_command import manuscript

    options = {opt: p.name for p in manuscript.params for opt in p.opts + p.secondary_opts}
    for opt, name in quick._MS_VALUES.items():
        assert options[opt] == name
    for opt, (name, _flag) in quick._MS_FLAGS.items():
        assert options[opt] == name


def test_an_output_click_refuses_is_left_to_click(tmp_path):
    """``-o`` is a ``click.Path(dir_okay=False, writable=True)``: a folder or a file that
    may not be written is click's usage error, not the command's."""
    read_only = tmp_path / "ro.md"
    read_only.write_text("x", encoding="utf-8")
    read_only.chmod(0o444)
    assert quick.parse_manuscript(["manuscript", "a.md", "-o", str(tmp_path)]) is None
    import os

    if os.access(read_only, os.W_OK):  # root writes anything
        assert quick.parse_manuscript(["manuscript", "a.md", "-o", str(read_only)])
    else:
        assert quick.parse_manuscript(["manuscript", "a.md", "-o", str(read_only)]) is None
    assert quick.parse_manuscript(["manuscript", "a.md", "-o", str(tmp_path / "new.md")])


@pytest.mark.parametrize("quick_args, click_args", [
    (["manuscript", MANUSCRIPT, "-r", SEED, "-s", "apa"],
     ["manuscript", MANUSCRIPT, "--records=" + SEED, "--style=apa"]),
    (["manuscript", MANUSCRIPT, "-r", SEED, "--link-citations", "--no-bibliography"],
     ["manuscript", MANUSCRIPT, "--records=" + SEED, "--link-citations", "--no-bibliography"]),
    (["manuscript", MANUSCRIPT, "-r", SEED, "-s", "nosuchstyle"],
     ["manuscript", MANUSCRIPT, "-r", SEED, "--style=nosuchstyle"]),
    (["manuscript", "no/such/paper.md", "-r", SEED], ["manuscript", "no/such/paper.md",
                                                      "--records=" + SEED]),
    (["manuscript", MANUSCRIPT, "-r", SEED, "-o", MANUSCRIPT],
     ["manuscript", MANUSCRIPT, "-r", SEED, "--output=" + MANUSCRIPT]),
    (["manuscript", MANUSCRIPT, "-r", "no/such/folder"],
     ["manuscript", MANUSCRIPT, "--records=no/such/folder"]),
])
def test_manuscript_output_errors_and_exit_codes_are_clicks(quick_args, click_args):
    assert quick.parse_manuscript(quick_args) is not None
    assert quick.parse_manuscript(click_args) is None
    ours, theirs = _run(quick_args), _run(click_args)
    assert (ours.returncode, ours.stdout, ours.stderr) == \
        (theirs.returncode, theirs.stdout, theirs.stderr)


def test_manuscript_warnings_are_printed_as_click_prints_them():
    ours = _run(["manuscript", UNKNOWN, "-r", SEED])
    theirs = _run(["manuscript", UNKNOWN, "--records=" + SEED])
    assert "nosuchkey" in ours.stderr and "**nosuchkey?**" in ours.stdout
    assert (ours.returncode, ours.stdout, ours.stderr) == \
        (theirs.returncode, theirs.stdout, theirs.stderr)


def test_a_manuscript_imports_no_click():
    code = ("import sys\nfrom citeform.cli import main\n"
            "try:\n"
            f"    main(['manuscript', {MANUSCRIPT!r}, '-s', 'apa', '-r', {SEED!r}])\n"
            "except SystemExit as e:\n    assert e.code == 0, e.code\n"
            "print('click' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    assert done.stdout.splitlines()[-1] == "False"
    assert "As Rousseau et al. (2002) says" in done.stdout


def test_an_output_that_may_not_be_read_is_left_to_click(tmp_path, monkeypatch):
    """click's ``Path`` is ``readable=True`` by default: an existing ``-o`` file its user may
    write but not read ('File ... is not readable', exit 2) was written by the quick path.
    Root reads every file, so the user's view of the file is simulated."""
    import os

    from citeform.cli.manuscript_command import manuscript

    write_only = tmp_path / "wo.md"
    write_only.write_text("draft", encoding="utf-8")
    real_access = os.access

    def access(path, mode, **kwargs):
        if os.fspath(path) == str(write_only) and mode & os.R_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    args = ["manuscript", "a.md", "-o", str(write_only)]
    with pytest.raises(Exception, match="is not readable"):
        manuscript.make_context("manuscript", args[1:])
    assert quick.parse_manuscript(args) is None
