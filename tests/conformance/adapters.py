"""How the runner calls the product: the public ``citeform.render`` API in HTML."""

from __future__ import annotations

from typing import Any


def public_render(items: list, csl: str, clusters: Any, ids: bool = False):
    """(citations, bibliography) in HTML; with ``ids`` the bibliography's item ids."""
    try:
        from citeform.render import render
    except ImportError:  # the public wrapper is not there yet: call the engine directly
        from citeform.engine import render_csl

        result = render_csl(items, csl, citations=clusters, fmt="html")
    else:
        result = render(items, csl, citations=clusters, format="html")
    if ids:
        return list(result.bibliography_ids)
    return list(result.citations), list(result.bibliography)
