"""``citeform manuscript`` and ``citeform filter`` under inputs a careless or hostile user
gives: the manuscript as its own output, control characters in keys, absurd JSON."""

from __future__ import annotations

from pathlib import Path

from conftest import RECORDS

PAPER = f"---\nbibliography: {RECORDS}\ncsl: apa\n---\nText [@rousseau2002].\n"


def test_output_over_the_manuscript_is_refused(invoke, tmp_path: Path) -> None:
    """Regression: ``manuscript paper.md -o paper.md`` replaced the draft, citations and all,
    with its rendering (as ``cite -o`` refuses to replace a record file it reads)."""
    paper = tmp_path / "paper.md"
    paper.write_text(PAPER, encoding="utf-8")
    result = invoke("manuscript", str(paper), "-o", str(paper))
    assert result.exit_code == 2
    assert result.stderr == (f"citeform: error: -o {paper} is the manuscript INPUT: its "
                             "rendering would replace it; write to another file\n")
    assert paper.read_text(encoding="utf-8") == PAPER


def test_output_through_a_link_to_the_manuscript_is_refused(invoke, tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(PAPER, encoding="utf-8")
    (tmp_path / "out.md").symlink_to(paper)
    result = invoke("manuscript", str(paper), "-o", str(tmp_path / "out.md"))
    assert result.exit_code == 2
    assert "is the manuscript INPUT" in result.stderr
    assert paper.read_text(encoding="utf-8") == PAPER


def test_output_to_a_folder_is_a_usage_error_before_any_work(invoke, tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(PAPER, encoding="utf-8")
    result = invoke("manuscript", str(paper), "-o", str(tmp_path / "nowhere" / "out.md"))
    assert result.exit_code == 2
    assert result.stderr.startswith("citeform: error: cannot write ")
    assert "no such folder" in result.stderr


def test_control_characters_in_a_key_are_escaped_in_the_warning(invoke, tmp_path: Path) -> None:
    """Regression: the warning about an unknown ``@{key}`` printed the key's escape sequences
    raw to the terminal (a key in braces may hold any character)."""
    paper = tmp_path / "paper.md"
    paper.write_bytes(b"See [@{a\x1b[2Jb}].\n")
    result = invoke("manuscript", str(paper), "-r", str(RECORDS))
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr
    assert "\\x1b[2J" in result.stderr


def test_deeply_nested_json_is_one_error_line(invoke) -> None:
    """Regression: 100,000 nested arrays on standard input gave an internal RecursionError."""
    result = invoke("filter", input="[" * 100_000)
    assert result.exit_code == 1
    assert result.stderr.startswith("citeform: error: <stdin>: not pandoc's JSON AST (nested "
                                    "too deeply)")
    assert "internal error" not in result.stderr
