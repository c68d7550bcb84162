"""The lazy multi-key sort orders exactly as a full lexicographic sort."""

from __future__ import annotations

import random
from functools import cmp_to_key

from citeform.engine.lazysort import sorted_indices


def _cmp(a, b) -> int:
    if a[0] != b[0]:
        return -1 if a[0] < b[0] else 1
    return (a[1] > b[1]) - (a[1] < b[1])


def full_sort(table, descending):
    def compare(a, b):
        for i, desc in enumerate(descending):
            ka, kb = a[1][i], b[1][i]
            if ka is None and kb is None:
                continue
            if ka is None:
                return 1
            if kb is None:
                return -1
            result = _cmp(ka, kb)
            if result:
                return -result if desc else result
        return a[0] - b[0]

    return [i for i, _row in sorted(enumerate(table), key=cmp_to_key(compare))]


def test_same_order_as_full_sort_with_ties_and_missing_values():
    rng = random.Random(5)
    for _ in range(300):
        n_keys = rng.randint(1, 5)
        table = [[None if rng.random() < 0.2 else (rng.choice("nt"), rng.randint(0, 3))
                  for _ in range(n_keys)] for _ in range(rng.randint(0, 40))]
        descending = [rng.random() < 0.3 for _ in range(n_keys)]
        asked: list[tuple[int, int]] = []

        def column(j, indices, table=table, asked=asked):
            asked.extend((j, i) for i in indices)
            return [table[i][j] for i in indices]

        got = sorted_indices(len(table), n_keys, column, descending, _cmp)
        assert got == full_sort(table, descending)
        assert len(asked) == len(set(asked))  # no key computed twice


def test_later_keys_only_for_ties():
    table = [[("t", 2), ("t", 9)], [("t", 1), ("t", 9)], [("t", 1), ("t", 0)]]
    asked: list[tuple[int, int]] = []

    def column(j, indices):
        asked.extend((j, i) for i in indices)
        return [table[i][j] for i in indices]

    assert sorted_indices(3, 2, column, [False, False], _cmp) == [2, 1, 0]
    assert (1, 0) not in asked  # item 0 is alone on the first key


def test_each_key_asked_once_for_all_ties():
    """Key ``j`` comes in one call for every group tied before it, so that a large call can
    be shared among workers."""
    table = [[("t", i % 3), ("t", i % 2), ("t", 0)] for i in range(12)]
    calls: list[tuple[int, list[int]]] = []

    def column(j, indices):
        calls.append((j, list(indices)))
        return [table[i][j] for i in indices]

    got = sorted_indices(len(table), 3, column, [False, False, False], _cmp)
    assert got == full_sort(table, [False, False, False])
    assert [j for j, _ in calls] == [0, 1, 2]
    assert sorted(calls[1][1]) == list(range(12))
