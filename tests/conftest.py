"""Shared fixtures: paths to the repository's records and the test data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

# Tests never read or write the user's cache of parsed records (tests/test_record_cache.py
# turns it on in a folder of its own).
os.environ["CITEFORM_NO_CACHE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
RECORDS = ROOT / "records"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner):
    """Run the citeform CLI with arguments; returns click's Result (stdout and stderr apart)."""
    from citeform.cli import cli

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None):
        return runner.invoke(cli, list(args), input=input, env=env, catch_exceptions=False)

    return run


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The record cache turned on, in a folder of the test's own (not made yet)."""
    folder = tmp_path / "cache"
    monkeypatch.delenv("CITEFORM_NO_CACHE", raising=False)
    monkeypatch.setenv("CITEFORM_CACHE_DIR", str(folder))
    return folder
