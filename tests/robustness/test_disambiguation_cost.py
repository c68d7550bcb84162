"""Disambiguation cost grows near-linearly with the number of names (APA adds names, then
year suffixes, for records with the same long author list and year).

The cost is counted, not timed: each cite rendered to test ambiguity costs time in proportion
to the names it holds, so near-linear means a number of such renders that does not grow with
the length of the author list (the quadratic search rendered one per name count)."""

from __future__ import annotations

import pytest

from citeform import render
from citeform.engine import disambiguation


def same_authors(records: int, authors: int) -> list[dict]:
    names = [{"family": f"Fam{i}", "given": f"Given{i}"} for i in range(authors)]
    return [{"id": f"r{r}", "type": "book", "title": f"Title {r}", "publisher": "P",
             "author": names, "issued": {"date-parts": [[2001]]}} for r in range(records)]


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """The keys of the cites disambiguation renders, one per render."""
    seen: list[str] = []
    original = disambiguation.Disambiguator._text

    def counted(self, key: str) -> str:
        seen.append(key)
        return original(self, key)

    monkeypatch.setattr(disambiguation.Disambiguator, "_text", counted)
    return seen


def rendered(records: int, authors: int) -> list[str]:
    result = render(same_authors(records, authors), "apa",
                    citations=[[{"id": f"r{r}"} for r in range(records)]])
    return result.citations + result.bibliography


def test_three_records_of_ten_thousand_identical_authors(renders: list[str]) -> None:
    texts = rendered(3, 10_000)
    assert texts[0] == "(Fam0 et al., 2001a, 2001b, 2001c)"
    assert texts[1].endswith("… Fam9999, G. (2001a). Title 0. P.")
    assert len(renders) < 100, len(renders)  # one per name count would be some 30,000


def test_the_number_of_renders_does_not_grow_with_the_names(renders: list[str]) -> None:
    rendered(2, 1_000)
    small = len(renders)
    renders.clear()
    rendered(2, 8_000)
    assert len(renders) <= small + 2, (small, len(renders))


def test_lists_that_differ_late_are_still_told_apart() -> None:
    items = same_authors(2, 40)
    items[1] = {**items[1], "author": [*items[0]["author"][:30],
                                       {"family": "Other", "given": "Person"},
                                       *items[0]["author"][31:]]}
    result = render(items, "apa", citations=[[{"id": "r0"}], [{"id": "r1"}]])
    assert result.citations[0] != result.citations[1]
