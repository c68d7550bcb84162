"""Disambiguation cost grows near-linearly with the number of names (APA adds names, then
year suffixes, for records with the same long author list and year)."""

from __future__ import annotations

import time

from citeform import render


def same_authors(records: int, authors: int) -> list[dict]:
    names = [{"family": f"Fam{i}", "given": f"Given{i}"} for i in range(authors)]
    return [{"id": f"r{r}", "type": "book", "title": f"Title {r}", "publisher": "P",
             "author": names, "issued": {"date-parts": [[2001]]}} for r in range(records)]


def timed(records: int, authors: int) -> tuple[float, list[str]]:
    started = time.process_time()
    result = render(same_authors(records, authors), "apa",
                    citations=[[{"id": f"r{r}"} for r in range(records)]])
    return time.process_time() - started, result.citations + result.bibliography


def test_three_records_of_ten_thousand_identical_authors_take_under_three_seconds() -> None:
    seconds, texts = timed(3, 10_000)
    assert seconds < 3.0, seconds
    assert texts[0] == "(Fam0 et al., 2001a, 2001b, 2001c)"
    assert texts[1].endswith("… Fam9999, G. (2001a). Title 0. P.")


def test_the_cost_grows_near_linearly() -> None:
    timed(2, 100)  # warm up: style and locale loaded
    small, _ = timed(2, 1_000)
    large, _ = timed(2, 8_000)
    assert large < 8 * small * 2.5 + 0.5, (small, large)  # quadratic would be some 64 times


def test_lists_that_differ_late_are_still_told_apart() -> None:
    items = same_authors(2, 40)
    items[1] = {**items[1], "author": [*items[0]["author"][:30],
                                       {"family": "Other", "given": "Person"},
                                       *items[0]["author"][31:]]}
    result = render(items, "apa", citations=[[{"id": "r0"}], [{"id": "r1"}]])
    assert result.citations[0] != result.citations[1]
