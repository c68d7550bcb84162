"""Dates that parse but cannot be, one rule for ``check`` and ``cite``: date parts that are
not whole numbers, a day out of its month, a range that ends before it starts (errors), a
year in the future (a warning)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from ..vocabulary import DATE_VARIABLES

ERROR, WARNING = "error", "warning"
# calendar.month_name's in the C locale a command runs in (calendar costs 1.5 ms to import)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_SORTED_DATES = tuple(sorted(DATE_VARIABLES))


def _month_days(year: int, month: int) -> int:
    """Days in ``month`` of ``year`` (proleptic Gregorian, as :func:`calendar.monthrange`)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def date_problems(item: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """``(variable, message, severity)`` for each impossible date of a CSL-JSON item."""
    this_year = 0
    for variable in _SORTED_DATES:
        date = item.get(variable)
        if not isinstance(date, dict) or not isinstance(date.get("date-parts"), list):
            continue
        if not this_year:  # as datetime.date.today() (not imported: start-up)
            this_year = time.localtime().tm_year
        points = []
        for parts in date["date-parts"]:
            try:
                nums = [int(p) for p in parts]
            except (TypeError, ValueError, OverflowError):
                yield variable, f"date parts must be numbers, not {parts!r}", ERROR
                break
            if len(nums) == 3 and 1 <= nums[1] <= 12 and nums[0] != 0:
                last = _month_days(nums[0], nums[1]) if 1 <= nums[0] <= 9999 else 31
                if not 1 <= nums[2] <= last:
                    yield (variable, f"day {nums[2]} out of range for "
                                     f"{_MONTHS[nums[1] - 1]} {nums[0]}", ERROR)
            if nums and nums[0] > this_year + 1 and variable != "accessed":
                yield variable, f"year {nums[0]} is in the future", WARNING
            points.append(nums)
        if len(points) == 2 and points[0] and points[1] and points[1] < points[0]:
            yield variable, "the range ends before it starts", ERROR
