"""Shared fixtures of the engine tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from citeform.engine import cache


@pytest.fixture(params=["cached", "uncached"])
def caches_on_and_off(request) -> Iterator[None]:
    """The test runs with the render caches on and off: the two paths must agree."""
    if request.param == "uncached":
        with cache.disabled():
            yield
    else:
        yield
