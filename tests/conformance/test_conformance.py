"""The CSL processor test suite through the public API, held by a ratchet file.

Every fixture either passes or is listed in ``expected_failures.txt`` with a
reason.  A listed fixture that passes fails the test (remove it from the list);
an unlisted fixture that fails fails the test.  The per-category table and the
``N passed, M failed`` line are printed at the end of the session.
"""

from __future__ import annotations

import warnings
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from . import suite
from .adapters import public_render

HERE = Path(__file__).parent
RATCHET = HERE / "expected_failures.txt"
RAW_PASSES = HERE / "raw_passes.txt"
PATHS = suite.fixture_paths()
NAMES = [p.stem for p in PATHS]

pytestmark = pytest.mark.skipif(
    not PATHS,
    reason=f"CSL test suite not found at {suite.suite_dir()} (set {suite.SUITE_ENV})",
)


@lru_cache(maxsize=1)
def outcomes() -> dict[str, tuple[bool, str, str]]:
    """name -> (passed, expected, actual), computed once per session."""
    results = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in PATHS:
            fixture = suite.load(path)
            try:
                actual = suite.run_fixture(fixture, public_render)
            except Exception as exc:  # an engine error is a failed fixture, not a crash
                actual = f"{type(exc).__name__}: {exc}"
            results[path.stem] = (suite.matches(fixture["result"], actual), fixture["result"], actual)
    return results


def summary() -> tuple[Counter, Counter]:
    totals, wins = Counter(), Counter()
    for name, (passed, _e, _a) in outcomes().items():
        totals[suite.category(name)] += 1
        wins[suite.category(name)] += passed
    return totals, wins


@pytest.mark.parametrize("name", NAMES)
def test_fixture(name: str) -> None:
    passed, expected, actual = outcomes()[name]
    listed = suite.read_ratchet(RATCHET)
    if passed:
        assert name not in listed, f"{name} passes now: remove it from {RATCHET.name}"
    else:
        assert name in listed, f"{name} fails:\nexpected: {expected!r}\nactual:   {actual!r}"


def test_ratchet_is_well_formed() -> None:
    listed = suite.read_ratchet(RATCHET)
    unknown = sorted(set(listed) - set(NAMES))
    assert not unknown, f"ratchet lists fixtures that do not exist: {unknown}"
    assert all(listed.values()), "every ratchet entry needs a reason"


def test_core_categories_have_real_reasons() -> None:
    """disambiguate, collapse, sort and display failures must say why, not "not implemented"."""
    vague = ("not implemented", "not yet analysed", "todo")
    bad = [
        name
        for name, reason in suite.read_ratchet(RATCHET).items()
        if suite.category(name) in ("disambiguate", "collapse", "sort", "display")
        and any(word in reason.lower() for word in vague)
    ]
    assert not bad, f"give these a real reason: {bad}"


def test_no_fixture_raw_citeproc_passes_is_lost() -> None:
    raw = set(RAW_PASSES.read_text(encoding="utf-8").split())
    lost = sorted(name for name in raw & set(NAMES) if not outcomes()[name][0])
    assert not lost, f"raw citeproc-py passes these but the engine does not: {lost}"
