"""The collation keys of sorting are pyuca's, whatever shortcut computes them."""

from __future__ import annotations

import random

from citeform.engine import cache, sorting


def _same_trie(a, b) -> bool:
    if a.value != b.value:
        return False
    if (a.children is None) != (b.children is None):
        return False
    if a.children is None:
        return True
    if set(dict(a.children)) != set(dict(b.children)):
        return False
    return all(_same_trie(a.children[k], b.children[k]) for k in dict(a.children))


def test_table_read_on_demand_equals_the_full_table():
    lazy = sorting.collator()
    full = sorting.full_collator()
    root = lazy.table.root.children
    for key in list(root.entries):
        if key in root.entries:
            assert int(key.split()[0], 16) in root  # reads its entries
    assert not root.entries and not root.contractions
    assert lazy.implicit_weights == full.implicit_weights
    assert _same_trie(lazy.table.root, full.table.root)


def _contractions() -> dict[str, list[str]]:
    """The characters that start a contraction, with the characters that may follow."""
    full = sorting.full_collator()
    return {chr(cp): [chr(c) for c in node.children]
            for cp, node in full.table.root.children.items() if node.children}


SAMPLES = [
    "", " ", "Baker J Wang", "Baker J-P", "baker j-p", "Ångström", "Çelik", "Łukasz", "Øster",
    "Şahin", "Ó Súilleabháin", "e\u0301", "\u00e9", "l\u00b7l", "L\u00b7L", "ch", "Ch",
    "김민준", "山田太郎", "王小明", "Παπαδόπουλος", "Иванов Сергей", "\U00017000\u4e00",
    "a\u0301\u0323", "a\u0323\u0301", "\u0301", "\u0e40\u0e01", "\u0418\u0306", "\u00df", "\ufb01",
    "x\u0000y", "\u2019t Hooft", "d\u2019Alembert", "van der Berg", "1984", "A\u0308\u0304",
]


def test_keys_equal_pyuca_keys():
    full = sorting.full_collator()
    contractions = _contractions()
    marks = "\u0300\u0301\u0302\u0308\u0323\u0327\u0338\u05b4\u0e48\u3099"
    pool = sorted({ch for s in SAMPLES for ch in s} | set(contractions) | set(marks))
    rng = random.Random(7)
    strings = list(SAMPLES) + ["".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
                               for _ in range(5000)]
    for start, followers in contractions.items():
        for after in followers:
            strings += [start + after, "a" + start + after + "b", start + "\u0301" + after, start + "b"]
    for string in strings:
        assert sorting.sort_key(string) == sorting.as_text(full.sort_key(string)), repr(string)


def test_text_keys_order_as_pyuca_keys():
    rng = random.Random(3)
    keys = [tuple(rng.choice((0, 1, 2, 0x20, 0x1C47, 0xD800, 0xFFFF)) for _ in range(rng.randint(0, 5)))
            for _ in range(2000)]
    by_tuple = sorted(range(len(keys)), key=keys.__getitem__)
    by_text = sorted(range(len(keys)), key=lambda i: sorting.as_text(keys[i]))
    assert by_tuple == by_text


def test_contraction_starts_are_the_table_s():
    full = sorting.full_collator()
    sorting.sort_key("a")
    starts = sorting.collator().table.root.children.contraction_starts
    assert starts == {cp for cp, node in full.table.root.children.items() if node.children}


def test_text_keys_equal_with_and_without_caches():
    enabled = [sorting.text_key(s) for s in SAMPLES]
    with cache.disabled():
        plain = [sorting.text_key(s) for s in SAMPLES]
    assert enabled == plain
    assert sorted(range(len(SAMPLES)), key=enabled.__getitem__) == sorted(
        range(len(SAMPLES)), key=plain.__getitem__)
