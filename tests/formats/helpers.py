"""Shared helpers for the format tests: the repository's records as CSL-JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from citeform.records.load import load_records

RECORDS = Path(__file__).resolve().parents[2] / "records"
DATA = Path(__file__).resolve().parent / "data"


def record_items() -> list[dict[str, Any]]:
    """CSL-JSON of every record in ``records/``."""
    return [r.csl for r in load_records([str(RECORDS)], warn=lambda _m: None)]
