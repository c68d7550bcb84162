"""Reading pandoc's JSON AST in tests."""

from __future__ import annotations

from typing import Any


def cite_groups(node: Any) -> list[list[dict]]:
    """The citations of every ``Cite`` under ``node``, in document order (a Cite's own
    citations before any Cite inside its text)."""
    found: list[list[dict]] = []

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            if x.get("t") == "Cite":
                found.append(x["c"][0])
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(node)
    return found
