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
    """``range(count)`` in sort order; ``column(j, indices)`` gives key ``j`` of those items.

    Key ``j`` is asked once, for every item of every group still tied on the keys before
    it (a large call can be shared among workers; many small ones could not).
    """
    groups = [list(range(count))]  # in order; each tied on the keys so far, indices ascending
    for j in range(n_keys):
        tied = [i for group in groups if len(group) > 1 for i in group]
        if not tied:
            break
        values = dict(zip(tied, column(j, tied), strict=True))
        desc = descending[j]

        def compare(a: int, b: int, values: dict = values, desc: bool = desc) -> int:
            ka, kb = values[a], values[b]
            if ka is None and kb is None:
                return 0
            if ka is None:
                return 1
            if kb is None:
                return -1
            result = compare_values(ka, kb)
            return -result if desc else result

        split: list[list[int]] = []
        for group in groups:
            if len(group) < 2:
                split.append(group)
                continue
            ranked = sorted(group, key=cmp_to_key(compare))
            run = [ranked[0]]
            for index in ranked[1:]:
                if compare(run[0], index) == 0:
                    run.append(index)
                else:
                    split.append(sorted(run))
                    run = [index]
            split.append(sorted(run))
        groups = split
    return [i for group in groups for i in group]
