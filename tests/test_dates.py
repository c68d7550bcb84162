"""Dates as people write them -> CSL-JSON dates."""

from __future__ import annotations

import datetime

import pytest

from citeform.records.date_parsing import DateError, format_date, parse_date


@pytest.mark.parametrize(
    "value, expected",
    [
        (2002, {"date-parts": [[2002]]}),
        ("2002", {"date-parts": [[2002]]}),
        ("2002-03", {"date-parts": [[2002, 3]]}),
        ("2002-03-15", {"date-parts": [[2002, 3, 15]]}),
        (datetime.date(2002, 3, 15), {"date-parts": [[2002, 3, 15]]}),
        ("2001/2002", {"date-parts": [[2001], [2002]]}),
        ("2002-03-01/2002-03-05", {"date-parts": [[2002, 3, 1], [2002, 3, 5]]}),
        ("2002-21", {"date-parts": [[2002]], "season": 1}),
        ("Winter 2002", {"date-parts": [[2002]], "season": 4}),
        ("circa 1900", {"date-parts": [[1900]], "circa": True}),
        ("ca. 1900", {"date-parts": [[1900]], "circa": True}),
        ("1900~", {"date-parts": [[1900]], "circa": True}),
        ("March 2002", {"date-parts": [[2002, 3]]}),
        ("15 March 2002", {"date-parts": [[2002, 3, 15]]}),
        ("June 3, 2001", {"date-parts": [[2001, 6, 3]]}),
        ({"literal": "n.d."}, {"literal": "n.d."}),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("bad", ["sometime soon", "spring", "2002-13", "20021", True, ["2002"], {"x": 1}])
def test_bad_dates(bad):
    with pytest.raises(DateError):
        parse_date(bad)


@pytest.mark.parametrize("text", [2002, "2002-03", "2002-03-15", "2001/2002", "2002-21", "circa 1900"])
def test_format_date_round_trips(text):
    assert format_date(parse_date(text)) == text


def test_days_of_a_month_are_calendars():
    """date_checks counts a month's days itself (without importing calendar), as calendar
    does, in every year it is asked about."""
    import calendar

    from citeform.records.date_checks import _MONTHS, _month_days

    assert all(_month_days(y, m) == calendar.monthrange(y, m)[1]
               for y in range(1, 10000) for m in range(1, 13))
    assert list(_MONTHS) == list(calendar.month_name)[1:]


def test_date_objects_are_read_without_importing_datetime_first():
    """A date object (from a Python caller, or a YAML timestamp) gives its parts; the parser
    does not import datetime itself (start-up time)."""
    import datetime

    assert parse_date(datetime.date(2002, 3, 15)) == {"date-parts": [[2002, 3, 15]]}
    assert parse_date(datetime.datetime(1999, 12, 31, 23, 59)) == {"date-parts": [[1999, 12, 31]]}
