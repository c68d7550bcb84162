"""Encodings: UTF-8 with or without BOM and any line ending is fine; anything else is named
with the line and byte offset of the first bad byte."""

from __future__ import annotations

import pytest

from .helpers import DATA, error_line

ENC = DATA / "encoding"
SEED_LIKE = "1. Rousseau R. Apport des biothérapies. 2002.\n"


@pytest.mark.parametrize("name", ["bom.yaml", "crlf.yaml", "bom_crlf.yaml", "cr_only.yaml"])
def test_bom_and_line_endings_are_fine(invoke, name: str) -> None:
    result = invoke("cite", "-r", str(ENC / name))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == SEED_LIKE
    assert result.stderr == ""


@pytest.mark.parametrize("name, text", [("crlf.json", "1. Café.\n"), ("bom.json", "1. T.\n")])
def test_json_with_bom_and_crlf(invoke, name: str, text: str) -> None:
    result = invoke("cite", "-r", str(ENC / name))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == text


def test_crlf_positions_are_lines_not_bytes(invoke) -> None:
    result = invoke("check", str(ENC / "crlf.yaml"))
    assert result.stdout == "0 errors, 0 warnings in 1 record\n"


ERRORS = {
    "latin1.yaml": "3: not UTF-8 text (byte offset 56)",
    "bom_then_latin1.yaml": "2: not UTF-8 text (byte offset 19)",
    "utf16.yaml": " UTF-16 text; save the file as UTF-8",
    "nul_byte.yaml": "2: binary data, not text (NUL byte at offset 16)",
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_not_utf8_is_named_with_its_offset(invoke, name: str) -> None:
    path = ENC / name
    result = invoke("cite", "-r", str(path))
    assert result.exit_code == 1
    assert error_line(result) == f"citeform: error: {path}:{ERRORS[name]}"


def test_byte_offset_points_at_the_bad_byte() -> None:
    raw = (ENC / "latin1.yaml").read_bytes()
    assert raw[56:57] == b"\xe9"
    raw = (ENC / "bom_then_latin1.yaml").read_bytes()
    assert raw[19:20] == b"\xe9"


def test_stdin_not_utf8(invoke) -> None:
    from click.testing import CliRunner

    from citeform.cli import cli

    result = CliRunner().invoke(cli, ["cite", "-r", "-"], input=b"title: caf\xe9\n")
    assert result.exit_code == 1
    assert error_line(result) == "citeform: error: <stdin>:1: not UTF-8 text (byte offset 10)"
