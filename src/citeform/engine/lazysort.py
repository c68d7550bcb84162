"""Multi-key sorting that computes a key only for items still tied on the keys before it.

A CSL ``cs:sort`` can list many keys (APA's bibliography has eleven), most of them macros
rendered in sort mode, but the first key (the author) already orders nearly every item.
:func:`sorted_indices` gives the order of a full lexicographic sort (each key ascending
or descending, an item without a value after those with one in both directions, ties
kept in input order) while asking for key ``j`` only within groups tied on keys
``0 .. j-1``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cmp_to_key
from typing import Any

Column = Callable[[int, list[int]], Sequence[Any]]  # (key index, item indices) -> key values


def sorted_indices(count: int, n_keys: int, column: Column, descending: Sequence[bool],
                   compare_values: Callable[[Any, Any], int]) -> list[int]:
    """``range(count)`` in sort order; ``column(j, indices)`` gives key ``j`` of those items."""

    def order(indices: list[int], j: int) -> list[int]:
        if len(indices) < 2 or j == n_keys:
            return sorted(indices)
        values = dict(zip(indices, column(j, indices), strict=True))
        desc = descending[j]

        def compare(a: int, b: int) -> int:
            ka, kb = values[a], values[b]
            if ka is None and kb is None:
                return 0
            if ka is None:
                return 1
            if kb is None:
                return -1
            result = compare_values(ka, kb)
            return -result if desc else result

        ranked = sorted(indices, key=cmp_to_key(compare))
        out: list[int] = []
        group = [ranked[0]]
        for index in ranked[1:]:
            if compare(group[0], index) == 0:
                group.append(index)
            else:
                out += order(group, j + 1)
                group = [index]
        out += order(group, j + 1)
        return out

    return order(list(range(count)), 0)
