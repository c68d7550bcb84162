"""Conventions of good command-line tools: NO_COLOR, shell completion, progress bars that stay
out of the way, "did you mean" for commands."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from conftest import RECORDS

from citeform import progress


@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_errors_are_coloured_only_when_colour_is_wanted(runner, env):
    from citeform.cli import cli

    result = runner.invoke(cli, ["cite", "nosuchkey", "-r", str(RECORDS)], color=True,
                           env={"NO_COLOR": None, "TERM": "xterm", **env})
    assert result.exit_code == 2
    assert "citeform: error: unknown record key 'nosuchkey'" in result.stderr
    assert ("\x1b[" in result.stderr) == (not env)


def test_mistyped_command_gets_did_you_mean(invoke):
    result = invoke("citee")
    assert result.exit_code == 2
    assert "No such command 'citee'. (Did you mean 'cite'?)" in result.stderr
    result = invoke("convrt", "x")
    assert "(Did you mean 'convert'?)" in result.stderr
    assert "Did you mean" not in invoke("zzzz").stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_the_script(invoke, shell):
    result = invoke("completion", shell)
    assert result.exit_code == 0
    assert "_CITEFORM_COMPLETE" in result.stdout
    assert f"{shell}_complete" in result.stdout


def _complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash completion offers for the last word of ``words`` (as the script asks)."""
    parts = words.split(" ")
    run_env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1),
               "_CITEFORM_COMPLETE": "bash_complete", **(env or {})}
    out = subprocess.run([sys.executable, "-c", "from citeform.cli import main; main()"],
                         env=run_env, capture_output=True, text=True, timeout=60, cwd=RECORDS.parent)
    assert out.returncode == 0, out.stderr
    return [line.split(",", 1)[1] for line in out.stdout.splitlines() if line]


def test_completion_of_commands_options_styles_formats_and_keys():
    assert _complete("citeform co") == ["convert", "completion"]
    assert "--in-text" in _complete("citeform cite --in")
    assert _complete("citeform cite -s vanc")[0] == "vancouver"
    assert "chicago-nb" in _complete("citeform cite -s chicago-n")
    assert _complete("citeform cite -f ") == ["text", "html", "markdown", "rtf", "json"]
    assert _complete("citeform cite rous") == ["rousseau2002"]
    assert {"apa", "apa7", "apa-6th-edition"} <= set(_complete("citeform check -s ap"))


def test_completion_after_a_mistyped_command_is_quiet():
    assert "--help" in _complete("citeform citee -")


def test_completion_of_keys_follows_records_given_with_r(tmp_path):
    (tmp_path / "mine.yaml").write_text("type: book\ntitle: T\nauthors: [A, B]\nyear: 2000\n",
                                        encoding="utf-8")
    assert _complete(f"citeform cite -r {tmp_path} m") == ["mine"]
    assert _complete("citeform cite m", env={"CITEFORM_RECORDS": str(tmp_path)}) == ["mine"]


def test_completion_of_keys_with_broken_records_offers_nothing(tmp_path):
    (tmp_path / "bad.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    assert _complete(f"citeform cite -r {tmp_path} ") == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_completion_never_waits_on_a_fifo_or_standard_input(tmp_path):
    """Tab after '-r FIFO' (or '-r /dev/stdin') must not block the shell: completion reads
    only regular files and folders."""
    fifo = tmp_path / "refs.yaml"
    os.mkfifo(fifo)
    assert _complete(f"citeform cite -r {fifo} ") == []
    assert _complete("citeform cite -r /dev/stdin ") == []
    assert _complete("citeform cite ", env={"CITEFORM_RECORDS": str(fifo)}) == []
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "mine.yaml").write_text("type: book\ntitle: T\npublisher: P\n",
                                                  encoding="utf-8")
    assert _complete(f"citeform cite -r {fifo} -r {tmp_path / 'more'} ") == ["mine"]


def test_completion_offers_no_key_a_citation_cannot_name(tmp_path):
    """Keys with white space or control characters (errors for check and cite) would break
    the shell's list of candidates into bogus words."""
    (tmp_path / "k.yaml").write_text(
        '- id: "a\\nb,c\\e[31m"\n  type: book\n  title: T\n'
        '- id: "a b"\n  type: book\n  title: T\n'
        "- id: ab\n  type: book\n  title: T\n", encoding="utf-8")
    assert _complete(f"citeform cite -r {tmp_path} a") == ["ab"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_for_long_work(monkeypatch):
    monkeypatch.delenv("CITEFORM_NO_PROGRESS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert progress.wanted(10_000, stream=_Terminal())
    assert not progress.wanted(10_000, stream=io.StringIO())  # piped
    assert not progress.wanted(10, stream=_Terminal())  # too little work
    assert not progress.wanted(10_000, quiet=True, stream=_Terminal())
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.wanted(10_000, stream=_Terminal())
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("CITEFORM_NO_PROGRESS", "1")
    assert not progress.wanted(10_000, stream=_Terminal())


def test_progress_waits_a_second_before_drawing():
    screen = _Terminal()
    bar = progress.Progress(8, label="converting", stream=screen)
    for _ in range(8):
        bar.update()
    bar.close()
    assert screen.getvalue() == ""  # quick work never shows a bar


def test_a_warning_erases_the_bar_first(capsys):
    from citeform.cli import warner

    screen = _Terminal()
    bar = progress.Progress(100, stream=screen)
    bar.update(40)
    bar.draw()
    assert "40/100" in screen.getvalue()
    warner()("something odd")
    assert screen.getvalue().endswith("\r")  # erased before the warning was printed
    assert not bar.drawn
    assert capsys.readouterr().err == "citeform: warning: something odd\n"
    bar.start -= 10
    bar.update(10)  # the next update draws it again
    assert screen.getvalue().endswith("50/100")
    bar.close()


def test_quiet_warner_prints_nothing(capsys):
    from citeform.cli import warner

    warner(quiet=True)("x")
    assert capsys.readouterr().err == ""


def test_dry_run_summary_says_would_convert(invoke):
    result = invoke("convert", str(RECORDS / "rousseau2002.yaml"), "-t", "ris", "--dry-run")
    assert result.exit_code == 0
    assert "would convert 1 record from 1 file; 0 errors" in result.stderr


def test_reading_many_files_shows_a_bar_erased_before_a_warning(tmp_path, monkeypatch):
    """Every long command has a bar: here reading many record files for cite. A warning met
    on the way erases the bar first, so it starts a clean line."""
    import sys

    from citeform.cli import cli

    for n in range(150):
        extra = "shelf: B12\n" if n == 100 else ""
        (tmp_path / f"r{n:03}.yaml").write_text(
            f"type: book\ntitle: Book {n}\nauthors: [Writer, A.]\nyear: 2000\n{extra}",
            encoding="utf-8")
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.delenv("CITEFORM_NO_PROGRESS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    with pytest.raises(SystemExit) as end:
        cli.main(["cite", "r001", "-r", str(tmp_path)])
    assert end.value.code == 0
    text = screen.getvalue()
    assert "citeform: reading [" in text
    before, warning, after = text.partition("citeform: warning: ")
    assert warning and "unknown field 'shelf'" in after
    assert before.endswith("\r")  # the bar's line was wiped before the warning
    assert re.search(r"\r +\r$", before)
    assert text.endswith("\r")  # and the bar is gone at the end
