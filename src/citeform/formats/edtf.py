"""CSL-JSON dates <-> EDTF level 1 strings (BibLaTeX ``date``, RIS-free forms)."""

from __future__ import annotations

import re
from typing import Any

_POINT = re.compile(r"^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_parts(date: Any) -> list[list[int]] | None:
    """A CSL date's parts as integers (one or two points of 1-3 numbers); None when they
    are not that."""
    if not isinstance(date, dict) or not isinstance(date.get("date-parts"), list):
        return None
    points = date["date-parts"]
    if not 1 <= len(points) <= 2:
        return None
    out = []
    for point in points:
        if not isinstance(point, list) or not 1 <= len(point) <= 3:
            return None
        try:
            out.append([int(p) for p in point])
        except (TypeError, ValueError):
            return None
    return out


def _point(numbers: list[int]) -> str | None:
    if not numbers:
        return None
    year = f"{numbers[0]:04d}" if numbers[0] >= 0 else f"-{-numbers[0]:04d}"
    return "-".join([year] + [f"{n:02d}" for n in numbers[1:3]])


def to_edtf(date: dict[str, Any]) -> str | None:
    """``{"date-parts": [[2002, 3]]}`` -> ``2002-03``; ranges, seasons and circa included."""
    parts = date_parts(date)
    if not parts:
        return None
    points = [_point(p) for p in parts]
    if not all(points):
        return None
    from ..records.date_parsing import season_number

    season = season_number(date.get("season"))
    if season and len(points) == 1 and "-" not in points[0].lstrip("-"):
        points[0] = f"{points[0]}-{20 + season}"
    text = "/".join(points)  # type: ignore[arg-type]
    if date.get("circa"):
        text += "~"
    return text


def from_edtf(text: str) -> dict[str, Any] | None:
    """Inverse of :func:`to_edtf`; None when the text is not such a date."""
    text = text.strip()
    out: dict[str, Any] = {}
    if text.endswith(("~", "%")):
        out["circa"] = True
        text = text[:-1]
    text = text.replace("?", "")
    date_parts: list[list[int]] = []
    for end in text.split("/"):
        m = _POINT.match(end.strip())
        if not m:
            return None
        parts = [int(g) for g in m.groups() if g is not None]
        if len(parts) == 2 and 21 <= parts[1] <= 24:
            out["season"] = parts[1] - 20
            parts = parts[:1]
        elif (len(parts) > 1 and not 1 <= parts[1] <= 12) or (len(parts) > 2
                                                              and not 1 <= parts[2] <= 31):
            return None  # month 13 would print as a season: not EDTF, not a date
        date_parts.append(parts)
    if not 1 <= len(date_parts) <= 2:
        return None
    return {"date-parts": date_parts, **out}


def normalise_dates(item: dict[str, Any]) -> dict[str, Any]:
    """The item with dates given as text (CSL-JSON allows EDTF strings) as date objects."""
    from ..records.date_parsing import DateError, parse_date
    from ..vocabulary import DATE_VARIABLES

    if not any(isinstance(item.get(v), (str, int)) for v in DATE_VARIABLES):
        return item
    out = dict(item)
    for var in DATE_VARIABLES:
        value = out.get(var)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            try:
                out[var] = from_edtf(value) if isinstance(value, str) and from_edtf(value) \
                    else parse_date(value)
            except DateError:
                out[var] = {"literal": str(value)}
    return out
