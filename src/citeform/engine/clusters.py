"""Normalise the citation clusters the API accepts into citeproc-py citations."""

from __future__ import annotations

from typing import Any

from citeproc.source import Citation, CitationItem, Locator

from . import richtext
from .exceptions import EngineError
from .numbers import split_locator_label

CITE_KEYS = ("id", "locator", "label", "prefix", "suffix", "suppress-author", "author-only", "position")


def cluster_cites(cluster: Any) -> tuple[list[dict[str, Any]], int | None]:
    """(list of cite dicts, noteIndex) for a cluster in either accepted shape."""
    if isinstance(cluster, dict):
        if "citationItems" not in cluster:
            if "id" in cluster:
                return [cluster], None
            raise EngineError("a citation object needs 'citationItems'")
        props = cluster.get("properties") or {}
        return list(cluster["citationItems"]), props.get("noteIndex")
    if isinstance(cluster, (list, tuple)):
        return list(cluster), None
    raise EngineError(f"a cluster must be a list of cites or a citation object, not {cluster!r}")


def make_citation(cites: list[dict[str, Any]], known: set[str], note_index: int | None) -> Citation:
    items = []
    for cite in cites:
        if not isinstance(cite, dict) or "id" not in cite:
            raise EngineError(f"a cite needs an 'id': {cite!r}")
        key = str(cite["id"]).lower()
        if key not in known:
            raise EngineError(f"cite of unknown id {cite['id']!r}")
        args: dict[str, Any] = {}
        if cite.get("locator") not in (None, ""):
            label, locator = split_locator_label(str(cite["locator"]), cite.get("label"))
            args["locator"] = Locator(label or "page", locator)
        if cite.get("prefix"):
            args["prefix"] = richtext.parse_affix(cite["prefix"], prefix=True)
        if cite.get("suffix"):
            args["suffix"] = richtext.parse_affix(cite["suffix"])
        item = CitationItem(key, **args)
        item["_cite"] = cite
        items.append(item)
    citation = Citation(items)
    citation["note_index"] = note_index
    return citation
