"""Paths and small assertions shared by the hostile-input tests."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def error_line(result) -> str:  # type: ignore[no-untyped-def]
    """The one line a failed run printed on stderr (and nothing on stdout)."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    return lines[0]
