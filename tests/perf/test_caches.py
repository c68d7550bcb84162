"""The engine's look-up caches and indexed registry never change output."""

from __future__ import annotations

import pytest

from citeform import render
from citeform.engine import cache


@pytest.mark.parametrize("style", ["apa", "vancouver", "chicago-author-date", "ieee"])
@pytest.mark.parametrize("fmt", ["text"])
def test_bibliography_same_with_and_without_caches(corpus, style, fmt):
    with cache.disabled():
        plain = render(corpus[:50], style, format=fmt)
    fast = render(corpus[:50], style, format=fmt)
    assert fast.bibliography == plain.bibliography
    assert fast.bibliography_ids == plain.bibliography_ids


@pytest.mark.parametrize("style", ["apa", "vancouver", "chicago-notes-bibliography"])
def test_citations_same_with_and_without_caches(corpus, style):
    ids = [item["id"] for item in corpus]
    clusters = [[{"id": ids[i]}, {"id": ids[i + 1], "locator": "12"}] for i in range(0, 45, 3)]
    clusters += [[{"id": ids[i]}] for i in range(0, 80, 7)]
    with cache.disabled():
        plain = render(corpus, style, citations=clusters)
    fast = render(corpus, style, citations=clusters)
    assert fast.citations == plain.citations
    assert fast.bibliography == plain.bibliography


@pytest.mark.parametrize("style", ["apa", "vancouver", "chicago-author-date", "chicago-notes-bibliography"])
def test_repeated_cites_same_with_and_without_caches(corpus, style):
    """Cites of the same items again and again, with and without locators, author-suppressed
    and author-only: the texts remembered per item, locator and flags are the ones rendered."""
    ids = [item["id"] for item in corpus[:12]]
    clusters = []
    for n in range(60):
        key = ids[n % len(ids)]
        variant = n % 5
        if variant == 0:
            clusters.append([{"id": key}])
        elif variant == 1:
            clusters.append([{"id": key, "locator": str(n % 3 + 1)}])
        elif variant == 2:
            clusters.append([{"id": key, "locator": "2", "label": "chapter"}, {"id": ids[(n + 5) % 12]}])
        elif variant == 3:
            clusters.append([{"id": key, "suppress-author": True}])
        else:
            clusters.append([{"id": key, "author-only": True}])
    with cache.disabled():
        plain = render(corpus[:12], style, citations=clusters)
    fast = render(corpus[:12], style, citations=clusters)
    assert fast.citations == plain.citations
    assert fast.bibliography == plain.bibliography


def test_render_twice_is_stable(corpus):
    """Caches that live on a parsed style do not leak state from one render to the next."""
    first = render(corpus, "apa")
    second = render(corpus[:40], "apa")
    third = render(corpus, "apa")
    assert third.bibliography == first.bibliography
    assert len(second.bibliography) == 40


def test_registry_index_matches_list():
    from citeform.engine.registry import KeyList

    keys = KeyList(["b", "a", "c"])
    assert keys.index("a") == 1 and "c" in keys and "z" not in keys
    keys.append("d")
    assert keys.index("d") == 3
    keys.sort()
    assert keys.index("a") == 0 and keys.index("d") == 3
    keys.insert(0, "z")
    assert keys.index("a") == 1
    with pytest.raises(ValueError):
        keys.index("nope")


@pytest.mark.parametrize("style", ["springer-basic-author-date", "harvard-cite-them-right", "apa",
                                   "chicago-author-date", "elsevier-harvard"])
def test_remembered_cites_keep_whether_names_were_tried(style):
    """A cite remembered per document brings back whether its ``cs:names`` was tried (a
    nameless cite continues the named group before it when it was): grouped citations with
    nameless cites, again and again, read the same with and without the memo."""
    from citeform.engine import render_csl
    from citeform.styles import resolve

    items = [
        {"id": key, "type": "article-journal", "title": f"Title {key}", "container-title": "J",
         "issued": {"date-parts": [[year]]},
         **({"author": [{"family": name, "given": "A"}]} if name else {})}
        for key, name, year in (("x", "Xu", 1743), ("n", None, 2016), ("m", None, 2018),
                                ("y", "Yu", 2017), ("x2", "Xu", 2019))
    ]
    clusters = [[{"id": "x"}, {"id": "n"}], [{"id": "n"}, {"id": "y"}], [{"id": "x"}, {"id": "n"}],
                [{"id": "y"}, {"id": "m"}, {"id": "n"}], [{"id": "x"}, {"id": "n"}, {"id": "x2"}]] * 3
    path = resolve(style).path
    with cache.disabled():
        plain = render_csl(items, path, citations=clusters)
    fast = render_csl(items, path, citations=clusters)
    assert fast.citations == plain.citations
