"""Parse the date forms a person writes by hand into CSL-JSON date objects."""

from __future__ import annotations

import re
import sys
from typing import Any

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_ISO = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
_CIRCA = re.compile(r"^(?:circa|ca\.?|c\.)\s*(.+)$|^(.+?)[~?]$", re.I)
MIN_YEAR, MAX_YEAR = -9999, 9999


class DateError(ValueError):
    """A value that cannot be read as a date."""


def _check(parts: list[int]) -> list[int]:
    year = parts[0]
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"year {year} out of range")
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise DateError(f"month {parts[1]} out of range")
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        raise DateError(f"day {parts[2]} out of range")
    return parts


def _point(text: str) -> tuple[list[int], int | None]:
    """One date (no range): returns date-parts and a season number or None."""
    m = _ISO.match(text)
    if m:
        parts = [int(g) for g in m.groups() if g is not None]
        if len(parts) == 2 and 21 <= parts[1] <= 24:  # EDTF seasons
            return _check(parts[:1]), parts[1] - 20
        return _check(parts), None
    words = text.replace(",", " ").split()
    if words and words[0].lower() in _SEASONS and len(words) == 2 and words[1].lstrip("-").isdecimal():
        return _check([int(words[1])]), _SEASONS[words[0].lower()]
    day = month = year = None
    for w in words:
        lw = w.lower().rstrip(".")
        if lw in _MONTHS and month is None:
            month = _MONTHS[lw]
        elif w.isdecimal() and len(w) <= 2 and day is None:
            day = int(w)
        elif w.lstrip("-").isdecimal() and len(w) <= 6 and year is None:
            year = int(w)
        else:
            raise DateError(f"cannot read {text!r} as a date")
    if year is None or (day is not None and month is None):
        raise DateError(f"cannot read {text!r} as a date")
    parts = [year] + ([month] if month else []) + ([day] if month and day else [])
    return _check(parts), None


def parse_date(value: Any) -> dict[str, Any]:
    """Turn ``2002``, ``"2002-03-15"``, ranges, seasons and ``circa`` forms into a CSL date."""
    if isinstance(value, dict):
        if not ({"date-parts", "raw", "literal"} & set(value)):
            raise DateError("a date mapping needs date-parts, raw or literal")
        return dict(value)
    if isinstance(value, bool):
        raise DateError("a date cannot be true or false")
    if isinstance(value, int):
        return {"date-parts": [_check([value])]}
    # (a date object can only exist once its module is loaded: it costs start-up time)
    dt = sys.modules.get("datetime")
    if dt is not None and isinstance(value, dt.datetime):
        value = value.date()
    if dt is not None and isinstance(value, dt.date):
        return {"date-parts": [[value.year, value.month, value.day]]}
    if not isinstance(value, str):
        raise DateError(f"a date must be text or a number, not {type(value).__name__}")
    text = value.strip()
    out: dict[str, Any] = {}
    m = _CIRCA.match(text)
    if m:
        text = (m.group(1) or m.group(2)).strip()
        out["circa"] = True
    ends = [t.strip() for t in re.split(r"/|\s+(?:to|–|-)\s+|–", text)] if text else []
    if not ends or len(ends) > 2 or not all(ends):
        raise DateError(f"cannot read {value!r} as a date")
    parsed = [_point(e) for e in ends]
    out["date-parts"] = [p for p, _ in parsed]
    season = parsed[0][1]
    if season:
        out["season"] = season
    return out


_SEASON_WORDS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}


def season_number(value: Any) -> int | None:
    """A CSL-JSON ``season`` as 1-4 (spring to winter): a number, its text, or the season's
    English name (``"Summer"``, valid CSL-JSON); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 1 <= value <= 4 else None
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _SEASON_WORDS:
            return _SEASON_WORDS[text]
        if text in ("1", "2", "3", "4"):
            return int(text)
    return None


def format_date(date: dict[str, Any]) -> str | int | dict[str, Any]:
    """The canonical written form of a CSL date: ``2002``, ``"2002-03-15"`` or a range."""
    parts = date.get("date-parts")
    if not parts or set(date) - {"date-parts", "season", "circa"}:
        return dict(date)
    try:
        points = ["-".join(f"{int(v):02d}" if i else str(int(v)) for i, v in enumerate(p)) for p in parts]
    except (TypeError, ValueError):
        return dict(date)
    if date.get("season"):
        season = season_number(date["season"])
        if len(parts) != 1 or len(parts[0]) != 1 or season is None:
            return dict(date)
        points = [f"{points[0]}-{20 + season}"]
    text = "/".join(points)
    if date.get("circa"):
        text = f"circa {text}"
    if text.lstrip("-").isdigit():
        return int(text)
    return text
