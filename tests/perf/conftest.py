"""Fixtures for the performance features: a generated corpus (correctness only, no timings)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


def load_generator():
    spec = importlib.util.spec_from_file_location("citeform_bench_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generator():
    return load_generator()


@pytest.fixture(scope="session")
def corpus(generator) -> list[dict]:
    """80 varied CSL-JSON items with same-author-same-year clusters."""
    return list(generator.iter_items(80, seed=7))
