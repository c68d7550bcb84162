"""How the runner calls the product: the public ``citeform.render`` API in HTML."""

from __future__ import annotations

from typing import Any

import citeform


def public_render(items: list, csl: str, clusters: Any, ids: bool = False):
    """(citations, bibliography) in HTML; with ``ids`` the bibliography's item ids."""
    result = citeform.render(items, csl, citations=clusters, format="html")
    if ids:
        return list(result.bibliography_ids)
    return list(result.citations), list(result.bibliography)
