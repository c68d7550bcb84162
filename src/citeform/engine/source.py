"""CSL-JSON items to citeproc-py references (without mutating the caller's dicts)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
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
    back to the ids as given. The dicts themselves are not kept: ``items`` may be an
    iterator that lets each go once its reference is made.
    """

    def __init__(self, items: Iterable[dict[str, Any]]):
        super().__init__()
        self.original_ids: dict[str, str] = {}
        shared = Shared()
        for item in items:
            key = str(item.get("id", "")).lower()
            self.original_ids[key] = str(item.get("id", ""))
            self.add(make_reference(key, item, shared))


class Shared:
    """What the references of one source share: a name written alike in several items is
    one :class:`Name`, equal name parts one string, an equal text field (a journal, a
    publisher) one :class:`String`, a date written alike one date (none is changed once
    made)."""

    __slots__ = ("names", "parts", "texts", "dates")

    def __init__(self) -> None:
        self.names: dict[tuple[Any, ...], Name] = {}
        self.parts: dict[str, str] = {}
        self.texts: dict[str, String] = {}
        self.dates: dict[str, Any] = {}

    def text(self, value: str, make: Callable[[str], String]) -> String:
        """``make(value)``, made once per value."""
        text = self.texts.get(value)
        if text is None:
            text = self.texts[value] = make(value)
        return text

    def date(self, value: Any) -> Any:
        """:func:`parse_date` of a CSL-JSON date, made once per date written alike."""
        alike = repr(value)  # what parse_date reads, types included (2002 is not "2002")
        if alike not in self.dates:
            self.dates[alike] = parse_date(value)
        return self.dates[alike]


def make_reference(key: str, item: dict[str, Any], shared: Shared | None = None) -> Reference:
    item = apply_note_fields(item)
    data: dict[str, Any] = {}
    for raw_key, value in item.items():
        if raw_key in ("id", "type", "key") or value is None:
            continue
        csl_key = _ALIASES.get(raw_key, raw_key)
        py_key = csl_key.replace("-", "_")
        if py_key in NAME_VARIABLES:
            names = parse_names(value, shared)
            if names:
                data[py_key] = names
                if "-" in csl_key:  # citeproc-py's cs:names looks roles up as written
                    data[csl_key] = names
                if _open_names(value):
                    data[OPEN_NAMES] = True
        elif py_key in DATE_VARIABLES:
            date = parse_date(value) if shared is None else shared.date(value)
            if date is not None:
                data[py_key] = date
        elif not isinstance(value, (str, int, float)):
            continue
        elif py_key == "language":
            data[py_key] = str(value)
        else:
            if value == "" or value == []:
                continue
            if shared is None or type(value) is not str:
                data[py_key] = richtext.parse(value)
                continue
            data[py_key] = shared.text(value, richtext.parse)
    if "citation_label" not in data:
        label = trigraph(data)
        if label:
            data["citation_label"] = String(label) if shared is None else shared.text(label, String)
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


# the mark of a reference holding a person's name without a family or a given part (see
# :func:`_open_names`)
OPEN_NAMES = "_cf_open_names"


def _open_names(value: Any) -> bool:
    """Whether a CSL-JSON name list holds a person's name that lacks ``family`` or ``given``
    (not an empty string: the key itself, or null). citeproc-js fills the missing part with
    ``""`` in its stored copy of the item when it renders the name, so the item read again for a
    later citation differs from that copy and is taken as changed (see ``pipeline``)."""
    for entry in value if isinstance(value, list) else (value,):
        if isinstance(entry, dict) and entry.get("literal") in (None, "") and len(entry) > 0 and (
                entry.get("family") is None or entry.get("given") is None) and entry.get("others") is not True:
            return True
    return False


def parse_names(value: Any, shared: Shared | None = None) -> list[Name]:
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
        get = entry.get
        fields = {}
        for k in _NAME_KEYS:
            part = get(k)
            if part is not None and part != "":
                fields[k] = _name_part(part if type(part) is str else str(part))
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
        static = bool(entry.get("static-ordering"))
        if shared is None:
            names.append(_name(fields, static, comma_suffix))
            continue
        alike = (*fields.items(), static, comma_suffix)
        name = shared.names.get(alike)
        if name is None:
            parts = shared.parts
            name = shared.names[alike] = _name(
                {k: parts.setdefault(v, v) for k, v in fields.items()}, static, comma_suffix)
        names.append(name)
    return names


def _name(fields: dict[str, str], static: bool, comma_suffix: bool) -> Name:
    """``Name(**fields)`` with its two flags, without citeproc-py's check of the part names
    (they are all known here: :data:`_NAME_KEYS`, a literal alone)."""
    name = Name.__new__(Name)
    name.update(fields)
    name["_static"] = static
    name["_comma_suffix"] = comma_suffix
    return name


_LOWER_START = re.compile(r"^[^\W\d_]")


def _is_particle(token: str) -> bool:
    return bool(token) and bool(_LOWER_START.match(token)) and token[0].islower()


# citeproc-js's PARTICLE_FAMILY_REGEXP: a word and what ends it (a space, a hyphen or an apostrophe)
_FAMILY_PARTICLE = re.compile(r"^([^ ]+(?:-|\u02bb|\u2019| |') *)(.+)$")
_PARTICLE_HEAD = re.compile(r"^[-'\u02bb\u2019\s]*(.)")


def _may_split(family: str) -> bool:
    return " " in family or "-" in family or "'" in family or "\u2019" in family \
        or "\u02bb" in family


def _particle_word(word: str) -> bool:
    """A particle starts in lower case once leading apostrophes and hyphens are passed ('t, van, d')."""
    head = _PARTICLE_HEAD.match(word)
    first = head.group(1) if head else word
    return first.upper() != first


def parse_particles(fields: dict[str, str]) -> dict[str, str]:
    """Particles written inside family or given, as citeproc-js reads them.

    'van der Vlist' -> non-dropping 'van der' + 'Vlist'; "d'Aubignac" and
    'al-One' split after the apostrophe or hyphen, "in 't Veld" -> "in 't" +
    'Veld' (a particle's case is read after its apostrophes); a family name is
    split only when a given name goes with it ('van Gogh' alone stays whole);
    trailing lower-case words of the given name ('Alexander von') are a
    dropping particle; a family name in double quotes is taken literally,
    without the quotes.
    """
    out = dict(fields)
    family = out.get("family", "")
    if family.startswith('"') and family.endswith('"') and len(family) > 1:
        out["family"] = family[1:-1]
        return out
    if family and out.get("given") and "non-dropping-particle" not in out and "dropping-particle" not in out:
        particle, rest = "", family
        # (the pattern needs a space, hyphen or apostrophe: most family names have none)
        head = _FAMILY_PARTICLE.match(rest) if _may_split(rest) else None
        while head and _particle_word(head.group(1)):
            particle += head.group(1)
            rest = head.group(2)
            head = _FAMILY_PARTICLE.match(rest)
        joined = particle.strip()
        if particle.endswith(" ") and joined[-1:] in ("'", "\u2019"):
            joined += " "  # written "de' Frinkle": the space stays (an apostrophe particle attaches otherwise)
        if joined:
            out["non-dropping-particle"] = joined
            out["family"] = rest
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


def _same_day(begin: dict, end: dict) -> bool:
    """A range whose ends are the same date (the season given once, on the start)."""
    return begin == end or ("season" not in end and {k: v for k, v in begin.items() if k != "season"} == end)


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
        # the season field belongs to the start of a range (citeproc-js: a season_end is
        # never read from it), so 2015–2016, Fall
        dates = [_single(p, season if i == 0 else None) for i, p in enumerate(parts) if p]
        dates = [d for d in dates if d]
        if len(dates) == 1 or (len(dates) == 2 and _same_day(dates[0], dates[1])):
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
