"""Read BibTeX and BibLaTeX into neutral CSL-JSON items (bibtexparser 2 + pylatexenc).

Macros (``@string``, month names, ``#`` concatenation) and ``crossref`` are resolved here;
LaTeX becomes Unicode; names follow BibTeX's von/last/jr/first rules and a wholly braced
name is an institution.  A field with no CSL variable is kept under ``custom``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import bibtexparser
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock, String

from ..errors import DataError
from ..vocabulary import CSL_VARIABLES, DATE_VARIABLES, NAME_VARIABLES
from . import ReadItem, first_error_raises
from .bibtex_macros import MacroTooLong, resolve
from .bibtex_names import parse_bibtex_names
from .bibtex_structure import scan
from .bibtex_types import (
    ARTICLE_TYPES,
    CSL_TYPES_OF_ENTRIES,
    MONTH_MACROS,
    SERIES_NUMBER_ENTRIES,
    language_tag,
)
from .duplicates import bare_doi
from .edtf import from_edtf
from .keys import suggest_key, unique_key
from .latex import decode, decode_verbatim

_MONTH_NAMES = {
    **{m: i for i, m in enumerate(MONTH_MACROS, 1)},
    **{m: i for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"), 1)},
    "sept": 9,
}
# BibLaTeX ``type`` keys -> genre (None: the entry type says it already)
_TYPE_KEYS = {"phdthesis": None, "techreport": None, "mathesis": "Master's thesis",
              "mastersthesis": "Master's thesis", "candthesis": "Candidate thesis",
              "resreport": "Research report"}
# what people write in ``year`` for works not out yet
_STATUS_WORDS = frozenset({"in press", "forthcoming", "submitted", "accepted", "in preparation"})
_SUBTYPES = {"magazine": "article-magazine", "newspaper": "article-newspaper"}
# BibTeX field -> CSL variable, for fields that map one to one
_SIMPLE = {
    "origtitle": "original-title",
    "shorttitle": "title-short",
    "shortjournal": "container-title-short",
    "journalabbrev": "container-title-short",
    "eventtitle": "event-title",
    "venue": "event-place",
    "series": "collection-title",
    "edition": "edition",
    "volume": "volume",
    "chapter": "chapter-number",
    "pagetotal": "number-of-pages",
    "volumes": "number-of-volumes",
    "type": "genre",
    "pubstate": "status",
    "note": "note",
    "annote": "annote",
    "annotation": "annote",
    "abstract": "abstract",
    "issue": "issue",
    "version": "version",
}
_VERBATIM = {"doi": "DOI", "url": "URL", "isbn": "ISBN", "issn": "ISSN", "pmid": "PMID", "pmcid": "PMCID"}
_DATES = {"urldate": "accessed", "eventdate": "event-date", "origdate": "original-date"}
_CONSUMED = {
    "author", "editor", "translator", "title", "titleaddon", "journal", "journaltitle",
    "booktitle", "number", "pages", "publisher", "school", "institution", "organization",
    "address", "location", "year", "month", "day", "date", "entrysubtype", "language", "langid",
    "hyphenation", "keywords", "crossref", "eprint", "eprinttype", "subtitle", "journalsubtitle",
    "booksubtitle", "bookauthor", "eid",
} | set(_SIMPLE) | set(_VERBATIM) | set(_DATES)
_NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator"}


# --- fields -------------------------------------------------------------------------------


def _month(text: str) -> int | None:
    word = text.strip().lower().rstrip(".")
    if word.isdigit() and 1 <= int(word) <= 12:
        return int(word)
    return _MONTH_NAMES.get(word) or _MONTH_NAMES.get(word[:3])


def _month_day(text: str) -> list[int] | None:
    """``aug``, ``8``, ``10 aug``, ``August 10`` -> [month] or [month, day]; None otherwise."""
    words = text.split()
    if len(words) == 1:
        month = _month(words[0])
        return [month] if month else None
    if len(words) != 2:
        return None
    named = [w for w in words if not w.isdigit()]
    if len(named) != 1:
        return None  # "10 8": which is the month?
    month = _month(named[0])
    day = next(w for w in words if w.isdigit())
    if month is None or not 1 <= int(day) <= 31:
        return None
    return [month, int(day)]


def parse_month(text: str) -> list[list[int]] | None:
    """A ``month`` field as one or two points of [month(, day)]: ``aug``, ``8``, ``10~aug``
    (Google Scholar's ``"10~" # aug``), ``{10 August}``, ``Jul--Aug``, ``Jul/Aug``;
    None when it is none of these."""
    text = re.sub(r"[~\u00a0,.]", " ", text).strip()
    sides = [s.strip() for s in re.split(r"\s*(?:--?|[–—/])\s*", text) if s.strip()]
    if not 1 <= len(sides) <= 2:
        return None
    points = [_month_day(s) for s in sides]
    if len(sides) == 2 and sides[0].isdigit() and points[1] is not None and len(points[1]) == 2:
        points[0] = [points[1][0], int(sides[0])]  # 1--15 Aug: days of one month
    if any(p is None for p in points):
        return None
    return points  # type: ignore[return-value]


def _date(fields: dict[str, str], warnings: list[str],
          lines: dict[str, int] | None = None) -> dict[str, Any] | None:
    def where(name: str) -> str:
        line = (lines or {}).get(name)
        return f"{name} (line {line})" if line else name

    if fields.get("date"):
        date = from_edtf(fields["date"])
        if date:
            return date
        warnings.append(f"{where('date')} {fields['date']!r} is not an EDTF date; kept as written")
        return {"literal": decode(fields["date"])}
    year = fields.get("year", "").strip()
    if not year:
        return None
    if not re.fullmatch(r"-?\d{1,4}", year):
        return {"literal": decode(year)}
    parts = [int(year)]
    month_text = fields.get("month", "")
    if month_text:
        points = parse_month(decode(month_text))
        if points is None:
            warnings.append(f"{where('month')} {month_text!r} not understood; left out")
        elif len(points) == 2:
            if points[1] < points[0] and len(points[0]) == len(points[1]):
                warnings.append(f"{where('month')} {month_text!r} ends before it starts; "
                                "left out")
            else:
                return {"date-parts": [parts + points[0], parts + points[1]]}
        else:
            parts += points[0]
            day = str(fields.get("day") or "").strip().rstrip(",")
            if len(parts) == 2 and day:
                if day.isdigit() and 1 <= int(day) <= 31:
                    parts.append(int(day))
                else:
                    warnings.append(f"{where('day')} {day!r} not understood; left out")
    return {"date-parts": [parts]}


def _with_subtitle(title: str, subtitle: str | None) -> str:
    """BibLaTeX's ``subtitle`` joins the title after a colon, as CSL keeps titles."""
    text = decode(title)
    return f"{text}: {decode(subtitle)}" if subtitle and subtitle.strip() else text


def _keywords(raw: str) -> str:
    """Split at top-level commas or semicolons (a braced keyword keeps its commas)."""
    words, depth, start = [], 0, 0
    for i, c in enumerate(raw):
        depth += c == "{"
        depth -= c == "}"
        if c in ",;" and depth == 0:
            words.append(raw[start:i])
            start = i + 1
    words.append(raw[start:])
    return "; ".join(w for w in (decode(w.strip()) for w in words) if w)


def _pages(raw: str) -> str:
    return re.sub(r"\s*[–—]\s*", "-", decode(raw.replace("--", "-")))


def _csl_type(etype: str, fields: dict[str, str], warnings: list[str]) -> str:
    sub = fields.get("entrysubtype", "").strip().lower()
    if sub in _SUBTYPES:
        return _SUBTYPES[sub]
    from ..vocabulary import CSL_TYPES

    if sub in CSL_TYPES:
        return sub
    if etype in CSL_TYPES_OF_ENTRIES:
        csl = CSL_TYPES_OF_ENTRIES[etype]
        if etype == "misc" and (fields.get("url") or "\\url" in fields.get("howpublished", "")) \
                and not fields.get("publisher"):
            return "webpage"
        return csl
    warnings.append(f"entry type @{etype} has no CSL type; read as a document")
    return "document"


def to_csl_item(etype: str, key: str, fields: dict[str, str], warnings: list[str],
                lines: dict[str, int] | None = None) -> dict[str, Any]:
    """One resolved BibTeX entry (field values still LaTeX) to a CSL-JSON item; ``lines``
    (field -> line) places the warnings."""
    f = {k.lower(): v for k, v in fields.items()}
    csl_type = _csl_type(etype, f, warnings)
    item: dict[str, Any] = {"id": key, "type": csl_type}
    custom: dict[str, Any] = {}

    for field, var in _NAME_FIELDS.items():
        if f.get(field, "").strip():
            names, others = parse_bibtex_names(f[field])
            if names:
                item[var] = names
            if others:
                custom[f"{var}-others"] = True
    if f.get("title"):
        item["title"] = _with_subtitle(f["title"], f.get("subtitle"))
    if f.get("titleaddon"):
        custom["translated-title"] = decode(f["titleaddon"])
    if f.get("journaltitle") or f.get("journal"):
        container = _with_subtitle(f.get("journaltitle") or f["journal"], f.get("journalsubtitle"))
    elif f.get("booktitle"):
        container = _with_subtitle(f["booktitle"], f.get("booksubtitle"))
    else:
        container = ""
    if container:
        item["container-title"] = container
    if f.get("booktitle") and (f.get("journaltitle") or f.get("journal")):
        custom["booktitle"] = decode(f["booktitle"])
    if f.get("bookauthor", "").strip():
        names, others = parse_bibtex_names(f["bookauthor"])
        if names:
            item["container-author"] = names
        if others:
            custom["container-author-others"] = True
    if f.get("eid"):
        item["number"] = decode(f["eid"])
    if f.get("number"):
        if csl_type in ARTICLE_TYPES:
            var = "issue"
        elif etype in SERIES_NUMBER_ENTRIES:
            var = "collection-number"
        else:
            var = "number"
        item[var] = decode(f["number"])
    if f.get("pages"):
        item["page"] = _pages(f["pages"])
    for field, var in _SIMPLE.items():
        if f.get(field) and var not in item:
            item[var] = decode(f[field])
    if item.get("genre", "").lower() in _TYPE_KEYS:
        # BibLaTeX's localisation keys say "PhD thesis" in the document's language
        genre = _TYPE_KEYS[item.pop("genre").lower()]
        if genre:
            item["genre"] = genre
    publishers = ("school", "institution", "publisher", "organization") \
        if csl_type in ("thesis", "report") else ("publisher", "institution", "school", "organization")
    found = [p for p in publishers if f.get(p)]
    if found:
        item["publisher"] = decode(f[found[0]])
        for extra in found[1:]:
            custom[extra] = decode(f[extra])
    place = f.get("location") or f.get("address")
    if place:
        item["publisher-place"] = decode(place)
    issued = _date(f, warnings, lines)
    if issued and str(issued.get("literal", "")).lower() in _STATUS_WORDS and "status" not in item:
        item["status"] = issued["literal"]  # year = {in press}: a status, not a date
    elif issued:
        item["issued"] = issued
    for field, var in _DATES.items():
        if f.get(field):
            date = from_edtf(f[field])
            if date is None:
                line = (lines or {}).get(field)
                warnings.append(f"{field}{f' (line {line})' if line else ''} {f[field]!r} is not "
                                "an EDTF date; kept as written")
            item[var] = date or {"literal": decode(f[field])}
    lang = f.get("langid") or f.get("language") or f.get("hyphenation")
    if lang:
        tag = language_tag(decode(lang).split(",")[0].split(" and ")[0])
        if tag:
            item["language"] = tag
        else:
            custom["language"] = decode(lang)
            warnings.append(f"language {decode(lang)!r} is not a language known here; kept "
                            "under custom")
    for field, var in _VERBATIM.items():
        if f.get(field):
            item[var] = decode_verbatim(f[field])
    if item.get("DOI"):
        item["DOI"] = bare_doi(item["DOI"])
    if f.get("eprint"):
        kind = f.get("eprinttype", "").strip().lower()
        if kind in ("pubmed", "pmid") and "PMID" not in item:
            item["PMID"] = decode_verbatim(f["eprint"])
        elif kind in ("pmc", "pmcid") and "PMCID" not in item:
            item["PMCID"] = decode_verbatim(f["eprint"])
        else:
            custom["eprint"] = decode_verbatim(f["eprint"])
            if kind:
                custom["eprinttype"] = kind
    if f.get("keywords"):
        item["keyword"] = _keywords(f["keywords"])

    # every other field: CSL variables under their own names, the rest under custom
    for field, value in fields.items():
        low = field.lower()
        if low in _CONSUMED or not value.strip():
            continue
        var = field[4:] if low.startswith("csl-") else field
        if var in NAME_VARIABLES:
            item[var], others = parse_bibtex_names(value)
            if others:
                custom[f"{var}-others"] = True
        elif var in DATE_VARIABLES:
            item[var] = from_edtf(value) or {"literal": decode(value)}
        elif var in CSL_VARIABLES and var not in item:
            item[var] = decode(value)
        elif low == "howpublished" and "\\url" in value and "URL" not in item:
            m = re.search(r"\\url\{([^}]*)\}", value)
            item["URL"] = decode_verbatim(m.group(1)) if m else decode(value)
        else:
            custom[field] = decode_verbatim(value) if low in ("file", "eprintclass") else decode(value)
    if custom:
        item["custom"] = custom
    return item


# --- files --------------------------------------------------------------------------------


def _fields_of(entry: Entry, macros: dict[str, str], warnings: list[str],
               too_long: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for field in entry.fields:
        value = field.value if isinstance(field.value, str) else str(field.value)
        if field.key.lower() == "month" and value.strip().lower() in MONTH_MACROS:
            out[field.key] = value.strip().lower()
        else:
            out[field.key] = resolve(value, macros, warnings, too_long)
    return out


def _inherit(child: dict[str, str], parent: dict[str, str], parent_type: str) -> None:
    """``crossref``: the child takes the fields it lacks; the parent's title is its booktitle."""
    lower = {k.lower() for k in child}
    for key, value in parent.items():
        low = key.lower()
        if low == "title":
            if "booktitle" not in lower and parent_type in ("book", "proceedings", "collection",
                                                              "mvbook", "reference", "mvproceedings",
                                                              "mvcollection", "periodical"):
                child["booktitle"] = value
            continue
        if low in ("crossref", "ids", "key", "shorttitle", "titleaddon") or low in lower:
            continue
        child[key] = value


def iter_bibtex(text: str, source: str) -> Iterator[ReadItem | DataError]:
    """Each entry as a :class:`ReadItem`, or the :class:`DataError` that stopped it."""
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # we report broken entries
    library = bibtexparser.parse_string(text, parse_stack=[])
    structure = scan(text)
    for line, message in structure.problems:
        yield DataError(message, file=source, line=line)
    taken = {b.key for b in library.entries}
    macros: dict[str, str] = {}
    too_long: set[str] = set()
    bombs: dict[int, str] = {}  # entries whose values could not be expanded
    resolved: list[tuple[Entry | ParsingFailedBlock, dict[str, str], list[str]]] = []
    by_key: dict[str, tuple[str, dict[str, str]]] = {}
    for block in library.blocks:
        if isinstance(block, String):
            try:
                macros[block.key.lower()] = resolve(block.value, macros, too_long=too_long)
            except MacroTooLong:
                too_long.add(block.key.lower())
        elif isinstance(block, Entry):
            warnings: list[str] = []
            try:
                fields = _fields_of(block, macros, warnings, too_long)
            except MacroTooLong as e:
                bombs[id(block)] = str(e)
                fields = {}
            resolved.append((block, fields, warnings))
            by_key[block.key.lower()] = (block.entry_type.lower(), fields)
        elif isinstance(block, ParsingFailedBlock):
            resolved.append((block, {}, []))
    for block, fields, warnings in resolved:
        line = block.start_line + 1 if block.start_line is not None else None
        outer = structure.inside(line) if line is not None else None
        if outer is not None:
            yield DataError(f"'@' inside a braced value of the entry at line {outer} starts no "
                            "entry", file=source, line=line)
            continue
        if isinstance(block, DuplicateBlockKeyBlock):
            prev = block.previous_block.start_line
            yield DataError(f"duplicate key {block.key!r}, also at line {prev + 1}", file=source,
                            line=line, key=block.key)
            continue
        if isinstance(block, ParsingFailedBlock):
            error = block.error
            reason = getattr(error, "abort_reason", None) or str(error) or "broken entry"
            reason = " ".join(reason.split()).rstrip(".")
            yield DataError(f"cannot read this entry: {reason}", file=source, line=line)
            continue
        if id(block) in bombs:
            yield DataError(bombs[id(block)], file=source, line=line, key=block.key)
            continue
        crossref = next((v for k, v in fields.items() if k.lower() == "crossref"), None)
        if crossref:
            parent = by_key.get(crossref.strip().lower())
            if parent:
                _inherit(fields, parent[1], parent[0])
            else:
                warnings.append(f"crossref {crossref!r} not found in this file")
        try:
            lines = {fl.key.lower(): fl.start_line + 1 for fl in block.fields
                     if getattr(fl, "start_line", None) is not None}
            item = to_csl_item(block.entry_type.lower(), block.key, fields, warnings, lines)
        except RecursionError:
            yield DataError("cannot read this entry: braces nested too deeply", file=source,
                            line=line, key=block.key)
            continue
        except Exception as e:  # a reader must name the entry, whatever went wrong
            yield DataError(f"cannot read this entry: {e}", file=source, line=line, key=block.key)
            continue
        if not block.key.strip():
            item["id"] = unique_key(suggest_key(item), taken)
            warnings.append(f"entry has no key; {item['id']} given")
        yield ReadItem(item, line, [f"{item['id']}: {w}" for w in warnings],
                       key_made=not block.key.strip())


def read_bibtex(text: str, source: str) -> list[ReadItem]:
    """Every entry of a BibTeX/BibLaTeX file; the first broken entry raises DataError."""
    return first_error_raises(iter_bibtex(text, source))
