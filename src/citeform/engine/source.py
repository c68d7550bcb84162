"""CSL-JSON items to citeproc-py references (without mutating the caller's dicts)."""

from __future__ import annotations

import re
from typing import Any

from citeproc import DATES, NAMES
from citeproc.source import BibliographySource, Date, DateRange, LiteralDate, Name, Reference
from citeproc.string import String

from . import richtext
from .notefields import apply_note_fields

# CSL 1.0.2 name and date variables citeproc-py 0.11 does not list.
NAME_VARIABLES = frozenset(NAMES) | {
    "chair", "compiler", "contributor", "curator", "director", "editor_translator",
    "executive_producer", "guest", "host", "narrator", "organizer", "performer",
    "producer", "reviewed_author", "script_writer", "series_creator", "translator",
}
DATE_VARIABLES = frozenset(DATES) | {"available_date"}
_NAME_KEYS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")
_ALIASES = {
    "shortTitle": "title-short",
    "journalAbbreviation": "container-title-short",
    "container-title-short": "container-title-short",
}
_RAW_DATE = re.compile(r"^\s*(-?\d{1,4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?\s*$")


class ItemSource(BibliographySource):
    """A citeproc-py bibliography source built from CSL-JSON dicts.

    citeproc-py looks references up by lower-cased id; ``original_ids`` maps
    back to the ids as given.
    """

    def __init__(self, items: list[dict[str, Any]]):
        super().__init__()
        self.original_ids: dict[str, str] = {}
        self.items: dict[str, dict[str, Any]] = {}
        for item in items:
            key = str(item.get("id", "")).lower()
            self.original_ids[key] = str(item.get("id", ""))
            self.items[key] = item
            self.add(make_reference(key, item))


def make_reference(key: str, item: dict[str, Any]) -> Reference:
    item = apply_note_fields(item)
    data: dict[str, Any] = {}
    for raw_key, value in item.items():
        if raw_key in ("id", "type", "key") or value is None:
            continue
        csl_key = _ALIASES.get(raw_key, raw_key)
        py_key = csl_key.replace("-", "_")
        if py_key in NAME_VARIABLES:
            names = parse_names(value)
            if names:
                data[py_key] = names
                if "-" in csl_key:  # citeproc-py's cs:names looks roles up as written
                    data[csl_key] = names
        elif py_key in DATE_VARIABLES:
            date = parse_date(value)
            if date is not None:
                data[py_key] = date
        elif not isinstance(value, (str, int, float)):
            continue
        elif py_key == "language":
            data[py_key] = str(value)
        else:
            if value == "" or value == []:
                continue
            data[py_key] = richtext.parse(value)
    if "citation_label" not in data:
        label = trigraph(data)
        if label:
            data["citation_label"] = String(label)
    return _reference(key, item.get("type", "article"), data)


def _reference(key: str, ref_type: Any, data: dict[str, Any]) -> Reference:
    """``Reference(key, ref_type, **data)``, the same dict, without its check of the field
    names: citeproc-py builds the set of every CSL variable for each reference, only to warn
    about unknown ones (a warning rendering ignores)."""
    reference = Reference.__new__(Reference)
    reference["key"] = key
    reference["type"] = ref_type
    reference.update(data)
    return reference


def trigraph(data: dict[str, Any]) -> str | None:
    """citeproc-js's default citation-label: Aaaa00, AaAa00, AaAA00, AAAA00."""
    names = data.get("author") or data.get("editor") or []
    families = [str(n.get("family") or n.get("literal") or "") for n in names]
    families = [f for f in families if f]
    if not families:
        return None
    if len(families) == 1:
        head = families[0][:4]
    elif len(families) == 2:
        head = families[0][:2] + families[1][:2]
    elif len(families) == 3:
        head = families[0][:2] + families[1][:1] + families[2][:1]
    else:
        head = "".join(f[:1] for f in families[:4])
    issued = data.get("issued")
    year = ""
    try:
        year = str(issued.get("year"))[-2:] if issued is not None and issued.get("year") is not None else ""
    except AttributeError:
        year = ""
    return head + year


def parse_names(value: Any) -> list[Name]:
    names = []
    for entry in value if isinstance(value, list) else [value]:
        if isinstance(entry, str):
            entry = {"literal": entry}
        if isinstance(entry, dict) and entry.get("others") is True and len(entry) == 1:
            # {"others": true} closes a list cut short (BibTeX's "and others"): et al. follows
            mark = Name(literal="")
            mark["_others"] = True
            names.append(mark)
            continue
        fields = {k: _name_part(str(entry[k])) for k in _NAME_KEYS if entry.get(k) not in (None, "")}
        if "literal" in fields:
            fields = {"literal": fields["literal"]}
        elif "family" not in fields and "given" in fields:
            fields["family"] = ""
        if not fields:
            continue
        comma_suffix = bool(entry.get("comma-suffix"))
        if "literal" not in fields and entry.get("parse-names") not in (False, "false"):
            fields = parse_particles(fields)
            given = fields.get("given", "")
            if "," in given and "suffix" not in fields:
                # 'John, III' has a suffix; 'John,! Jr.' one printed after a comma
                head, _, tail = given.partition(",")
                tail = tail.strip()
                if tail.startswith("!"):
                    comma_suffix, tail = True, tail[1:].strip()
                if tail:
                    fields["given"], fields["suffix"] = head.strip(), tail
        name = Name(**fields)
        name["_static"] = bool(entry.get("static-ordering"))
        name["_comma_suffix"] = comma_suffix
        names.append(name)
    return names


_LOWER_START = re.compile(r"^[^\W\d_]")


def _is_particle(token: str) -> bool:
    return bool(token) and bool(_LOWER_START.match(token)) and token[0].islower()


def parse_particles(fields: dict[str, str]) -> dict[str, str]:
    """Particles written inside family or given, as citeproc-js reads them.

    'van der Vlist' -> non-dropping 'van der' + 'Vlist'; "d'Aubignac" and
    'al-One' split after the apostrophe or hyphen; trailing lower-case words of
    the given name ('Alexander von') are a dropping particle; a family name in
    double quotes is taken literally, without the quotes.
    """
    out = dict(fields)
    family = out.get("family", "")
    if family.startswith('"') and family.endswith('"') and len(family) > 1:
        out["family"] = family[1:-1]
        return out
    if family and "non-dropping-particle" not in out and "dropping-particle" not in out:
        words = family.split(" ")
        particle: list[str] = []
        while len(words) > 1 and _is_particle(words[0]):
            particle.append(words.pop(0))
        head = re.match(r"^([a-z]+['\u2019]|[a-z]+-)(\w.*)$", words[0]) if len(words) == 1 else None
        if head and head.group(2)[:1].isupper():
            particle.append(head.group(1))
            words = [head.group(2)]
        if particle and words:
            joined = " ".join(particle)
            if head is None and joined[-1:] in "'\u2019":
                joined += " "  # written "de' Frinkle": the space stays (an apostrophe particle attaches otherwise)
            out["non-dropping-particle"] = joined
            out["family"] = " ".join(words)
    given = out.get("given", "")
    if given and "dropping-particle" not in out:
        words = given.split(" ")
        trailing: list[str] = []
        while len(words) > 1 and _is_particle(words[-1]):
            trailing.insert(0, words.pop())
        if trailing:
            out["dropping-particle"] = " ".join(trailing)
            out["given"] = " ".join(words)
    return out


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _single(parts: list[Any], season: Any) -> dict[str, int] | None:
    out: dict[str, int] = {}
    for name, raw in zip(("year", "month", "day"), parts, strict=False):
        number = _int(raw)
        if number is None or (name != "year" and number == 0):
            break
        out[name] = number
    if "year" not in out:
        return None
    if "month" in out and not 1 <= out["month"] <= 12:
        if 13 <= out["month"] <= 24:  # citeproc-js: 13-16 and 21-24 (and between) are seasons
            season = season or (out["month"] - 13) % 4 + 1
        del out["month"]
        out.pop("day", None)
    if season and "month" not in out:
        number = _int(season)
        out["season"] = number if number is not None else str(season)
    return out


_MONTH_NAMES = "january february march april may june july august september october november december".split()
_MONTHS = {name[:3]: number for number, name in enumerate(_MONTH_NAMES, 1)}
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_RAW_WORD = re.compile(r"[^\W\d_]+\.?|\d+")


def _raw_words(raw: str) -> dict[str, int] | None:
    """A raw date written with an English month or season name (``March 4, 2020``, ``4 Mar
    2020``, ``Spring 2020``), read as citeproc-js's parser reads it: the first month named, a
    day of one or two digits, a year of four; None when anything else is in it."""
    year = month = day = season = None
    for token in _RAW_WORD.findall(raw.lower()):
        word = token.rstrip(".")
        if token.isdigit():
            if len(token) >= 3 and year is None:
                year = int(token)
            elif len(token) <= 2 and day is None:
                day = int(token)
            else:
                return None
        elif word in _SEASONS and season is None:
            season = _SEASONS[word]
        elif len(word) >= 3 and (word == "sept" or any(name.startswith(word) for name in _MONTH_NAMES)):
            if month is None:
                month = _MONTHS[word[:3]]
        elif word == "ca":
            continue
        else:
            return None
    if year is None or (month is None and season is None and not re.match(r"\s*ca\.?\s", raw.lower())):
        return None  # ("ca. 1850" is read as 1850, as citeproc-js reads it)
    out = {"year": year}
    if month is not None:
        out["month"] = month
        if day is not None and 1 <= day <= 31:
            out["day"] = day
    elif season is not None:
        out["season"] = season
    return out


def parse_date(value: Any):
    """CSL-JSON date (date-parts, raw, literal, season, circa) to citeproc-py."""
    if isinstance(value, (str, int)):
        value = {"raw": str(value)}
    if not isinstance(value, dict):
        return None
    circa = bool(value.get("circa"))
    season = value.get("season")
    parts = value.get("date-parts")
    if not parts and value.get("raw"):
        raw = str(value["raw"])
        pieces = [p for p in re.split(r"\s*/\s*(?=\d{4})", raw) if p]
        parsed = [_RAW_DATE.match(p) for p in pieces]
        if parsed and all(parsed):
            parts = [[int(x) for x in p.groups() if x] for p in parsed if p]
        else:
            words = _raw_words(raw)
            if words is None:
                return LiteralDate(raw, circa=circa)
            return Date(circa=circa, **words)
    if parts:
        dates = [_single(p, season) for p in parts if p]
        dates = [d for d in dates if d]
        if len(dates) == 1 or (len(dates) == 2 and dates[0] == dates[1]):
            return Date(circa=circa, **dates[0])
        if len(dates) == 2:
            return DateRange(begin=Date(**dates[0]), end=Date(**dates[1]), circa=circa)
        if not dates and value.get("literal"):
            return LiteralDate(str(value["literal"]), circa=circa)
        return None
    if value.get("literal"):
        return LiteralDate(str(value["literal"]), circa=circa)
    return None


def _name_part(text: str) -> str:
    """Typewriter apostrophes in name parts are typographic ones; markup tags become tokens."""
    if "<" in text:
        return richtext.parse_markup(text)
    return text.replace("'", "\u2019")
