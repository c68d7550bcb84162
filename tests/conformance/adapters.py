"""How the runner calls the product: the public ``citeform.render`` API in HTML."""

from __future__ import annotations

from typing import Any

import citeform


def public_render(items: list, csl: str, clusters: Any, ids: bool = False, alone: bool = False):
    """(citations, bibliography) in HTML; with ``ids`` the bibliography's item ids; with
    ``alone`` each cluster sorted on the style's keys alone (``grouped_sort=False``)."""
    result = citeform.render(items, csl, citations=clusters, format="html", grouped_sort=not alone)
    if ids:
        return list(result.bibliography_ids)
    return list(result.citations), list(result.bibliography)
