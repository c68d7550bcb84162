"""Hostile CSL styles: entity tricks, bombs and broken files fail with one line and read
nothing they point at; styles that are merely odd render or fail cleanly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .helpers import DATA, error_line

STYLES = DATA / "styles"
SECRET = "TOPSECRET-7f3a"
RECORD = "id: a\ntitle: Hello\nyear: 2001\n"


@pytest.fixture
def record(tmp_path: Path) -> Path:
    path = tmp_path / "a.yaml"
    path.write_text(RECORD, encoding="utf-8")
    return path


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def pointed_at(name: str, secret: Path, tmp_path: Path) -> Path:
    """A copy of a hostile style whose entity points at our secret file instead."""
    raw = (STYLES / name).read_bytes().replace(b"file:///etc/passwd", secret.as_uri().encode())
    path = tmp_path / name
    path.write_bytes(raw)
    return path


FAILS = {
    "xxe_file.csl": "style is not well-formed XML: Attribute references external entity 'xxe'",
    "billion_laughs.csl": "style is not well-formed XML: ",
    "deep_nesting.csl": "style is not well-formed XML: Excessive depth in document: 256",
    "not_csl.csl": "not a CSL style (root element is not <style> in the CSL namespace)",
    "malformed.csl": "style is not well-formed XML: Opening and ending tag mismatch",
    "empty.csl": "style is not well-formed XML: Document is empty",
    "binary.csl": "style is not well-formed XML: Start tag expected",
    "xxe_text.csl": "entity reference &xxe; is not allowed in a style",
    "xinclude.csl": "XInclude elements are not allowed in a style",
}


@pytest.mark.parametrize("name", sorted(FAILS))
def test_hostile_style_fails_with_one_line(invoke, record: Path, secret: Path, tmp_path: Path,
                                           name: str) -> None:
    style = pointed_at(name, secret, tmp_path)
    result = invoke("cite", "-r", str(record), "-s", str(style))
    assert result.exit_code == 1
    line = error_line(result)
    assert line.startswith(f"citeform: error: {style}: {FAILS[name]}")
    assert SECRET not in result.stdout + result.stderr


@pytest.mark.parametrize("name", ["xxe_file.csl", "xxe_text.csl", "xinclude.csl"])
def test_entities_do_not_read_etc_passwd(invoke, record: Path, name: str) -> None:
    result = invoke("cite", "-r", str(record), "-s", str(STYLES / name))
    assert result.exit_code == 1
    error_line(result)
    assert "root:" not in result.stdout + result.stderr


def test_parameter_entity_dtd_is_not_loaded(invoke, record: Path, tmp_path: Path) -> None:
    # leak.dtd defines &leak; — were it loaded, its text would be printed
    for name in ("xxe_parameter.csl", "leak.dtd"):
        shutil.copy(STYLES / name, tmp_path / name)
    result = invoke("cite", "-r", str(record), "-s", str(tmp_path / "xxe_parameter.csl"))
    assert "LEAKED-FROM-DTD" not in result.stdout + result.stderr
    assert result.exit_code == 0
    assert result.stdout == "Hello\n"


def test_network_dtd_is_not_fetched(invoke, record: Path) -> None:
    result = invoke("cite", "-r", str(record), "-s", str(STYLES / "dtd_network.csl"))
    assert result.exit_code == 0
    assert result.stdout == "Hello\n"
    assert result.stderr == ""


def test_billion_laughs_is_refused_not_expanded(invoke, record: Path) -> None:
    style = STYLES / "billion_laughs.csl"
    result = invoke("cite", "-r", str(record), "-s", str(style))
    assert result.exit_code == 1
    assert "lollollol" not in result.stdout + result.stderr
    assert error_line(result).startswith(f"citeform: error: {style}: style is not "
                                         "well-formed XML: ")


def test_macro_loop_is_a_data_error(invoke, record: Path) -> None:
    style = STYLES / "macro_loop.csl"
    result = invoke("cite", "-r", str(record), "-s", str(style))
    assert result.exit_code == 1
    assert error_line(result) == f"citeform: error: {style}: macro 'a' calls itself (a -> b -> a)"


def test_undefined_macro_is_named(invoke, record: Path) -> None:
    style = STYLES / "undefined_macro.csl"
    result = invoke("cite", "-r", str(record), "-s", str(style))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"citeform: error: {style}: calls macro 'nowhere', which the style does not define")


def test_style_errors_name_the_file_given(invoke, record: Path) -> None:
    style = STYLES / "xxe_file.csl"
    result = invoke("cite", "-r", str(record), "-s", str(style))
    assert error_line(result).startswith(f"citeform: error: {style}: ")


@pytest.mark.parametrize("locale", ["../../../etc/passwd", "xx-YY", "/etc/passwd"])
def test_locale_is_a_name_not_a_path(invoke, record: Path, locale: str) -> None:
    result = invoke("cite", "-r", str(record), "-s", "apa", "-l", locale)
    assert result.exit_code == 2
    assert error_line(result) == f"citeform: error: apa: unknown locale {locale!r}"
    assert "root:" not in result.stdout + result.stderr


def test_unknown_locale_is_a_usage_error(invoke, record: Path) -> None:
    result = invoke("cite", "-r", str(record), "-s", "apa", "-l", "xx-YY")
    assert result.exit_code == 2


@pytest.mark.parametrize("name", ["xxe_file.csl", "billion_laughs.csl", "not_csl.csl"])
def test_api_with_hostile_xml_text_raises_our_error(name: str, secret: Path,
                                                    tmp_path: Path) -> None:
    from citeform import render
    from citeform.errors import CiteformError

    xml = pointed_at(name, secret, tmp_path).read_text(encoding="utf-8")
    with pytest.raises(CiteformError) as info:
        render([{"id": "a", "type": "book", "title": "Hello"}], xml)
    assert "\n" not in info.value.format()
    assert SECRET not in info.value.format()


@pytest.mark.parametrize("name", ["xxe_text.csl", "xinclude.csl"])
def test_entities_and_xinclude_are_named_at_load(invoke, record: Path, name: str) -> None:
    style = STYLES / name
    result = invoke("cite", "-r", str(record), "-s", str(style))
    assert result.exit_code == 1
    line = error_line(result)
    assert "AttributeError" not in line
    assert "entity" in line or "include" in line


@pytest.mark.parametrize(("locale", "meant"), [("en_GB", "en-GB"), ("EN-gb", "en-GB"),
                                               ("de_de", "de-DE")])
def test_a_locale_written_another_way_gets_a_did_you_mean(invoke, record: Path, locale: str,
                                                          meant: str) -> None:
    """'en_GB' (the POSIX way) was only 'unknown locale', with no hint of the CSL spelling."""
    result = invoke("cite", "-r", str(record), "-s", "apa", "-l", locale)
    assert result.exit_code == 2
    assert error_line(result) == (
        f"citeform: error: apa: unknown locale {locale!r} (did you mean {meant!r}?)")
    assert result.stdout == ""
