"""Every fixture of the CSL suite renders the same with and without the speed-ups."""

from __future__ import annotations

import warnings

import pytest
from conformance import suite
from conformance.adapters import public_render
from conformance.test_conformance import PATHS, outcomes

from citeform.engine import cache


@pytest.mark.skipif(not PATHS, reason="CSL test suite not found")
def test_suite_output_identical_without_caches():
    fast = {name: actual for name, (_ok, _expected, actual) in outcomes().items()}
    plain = {}
    with warnings.catch_warnings(), cache.disabled():
        warnings.simplefilter("ignore")
        for path in PATHS:
            fixture = suite.load(path)
            try:
                plain[path.stem] = suite.run_fixture(fixture, public_render)
            except Exception as exc:  # same convention as the conformance runner
                plain[path.stem] = f"{type(exc).__name__}: {exc}"
    differ = [name for name in fast if fast[name] != plain[name]]
    assert not differ, f"output changes with the caches on: {differ[:10]}"
