"""Read PubMed's MEDLINE format (``.nbib``, ``.medline``) into neutral CSL-JSON items.

A record is a run of ``TAG - value`` lines (the tag left-justified in four columns), values
continued on lines indented by six spaces, records apart by a blank line.  Administrative
tags (dates of indexing, owner, status) are left out; every other tag without a CSL variable
is kept under ``custom``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..errors import DataError
from ..languages import NO_LANGUAGE, language_tag
from ..records.name_parsing import NameError_, parse_name
from . import ReadItem, first_error_raises
from .duplicates import bare_doi
from .keys import suggest_key, unique_key

_LINE = re.compile(r"^([A-Z][A-Z0-9]{1,3}) {0,2}- ?(.*)$")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_SUFFIXES = frozenset({"Jr", "Sr", "2nd", "3rd", "4th", "II", "III", "IV", "V"})
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
# bookkeeping of the NLM and of PubMed, and SO (the citation made from the other tags)
_ADMIN = frozenset({
    "OWN", "STAT", "DCOM", "LR", "DA", "JID", "SB", "EDAT", "MHDA", "CRDT", "PHST", "PST",
    "SO", "DRDT", "CTDT", "OTO", "JC", "IR", "FIR", "EN", "ISBN_LINK",
})
# tags read into CSL variables (the rest go to custom)
_MAPPED = frozenset({
    "PMID", "PMC", "TI", "TT", "BTI", "CTI", "FAU", "AU", "CN", "FED", "ED", "TA", "JT", "DP",
    "VI", "IP", "PG", "LID", "AID", "LA", "PT", "IS", "ISBN", "PB", "PL", "AB", "OT", "DEP",
    "VTI", "EDN",
})
# Publication types (PT) that say what the item is; any other (Review, Letter, Editorial,
# Case Reports...) describes a journal article
_TYPES = {
    "book chapter": "chapter", "book": "book", "preprint": "article", "dataset": "dataset",
    "congress": "paper-conference", "dissertation": "thesis", "academic dissertation": "thesis",
    "technical report": "report", "patent": "patent", "webcasts": "webpage",
}


def _records(text: str) -> Iterator[tuple[int, list[tuple[int, str, str]], list[str]]]:
    """(first line, [(line, tag, value)], problems) for each record in the text; lines that
    are no MEDLINE line, met outside a record, come as a record of their own without fields."""
    fields: list[tuple[int, str, str]] = []
    problems: list[str] = []
    start = 0
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip().lstrip("\ufeff")
        if not line.strip():
            if fields or problems:
                yield start, fields, problems
                fields, problems = [], []
            continue
        if line.startswith(" ") and fields:  # a continuation line (six spaces in MEDLINE)
            ln, tag, value = fields[-1]
            fields[-1] = (ln, tag, f"{value} {line.strip()}" if value else line.strip())
            continue
        m = _LINE.match(line)
        if not m or line[4:6] != "- " and not line[4:].startswith("-"):
            if not fields and not problems:
                start = n
            problems.append(f"line {n}: not a MEDLINE 'TAG - value' line; left out")
            continue
        tag, value = m.group(1), m.group(2).strip()
        if tag == "PMID" and any(t == "PMID" for _, t, _ in fields):
            yield start, fields, problems  # a record that no blank line ended
            fields, problems = [], []
        if not fields and not problems:
            start = n
        fields.append((n, tag, value))
    if fields or problems:
        yield start, fields, problems


# --- fields -------------------------------------------------------------------------------


def _name(full: str | None, short: str | None) -> dict[str, Any]:
    """A CSL name from FAU (``Rousseau, Robert``), else AU (``Rousseau R``)."""
    if full and "," in full:
        try:
            name = parse_name(" ".join(full.split()))
        except NameError_:
            name = {}
        given = str(name.get("given", ""))
        suffix = given.rsplit(" ", 1)[-1] if " " in given else ""
        if suffix in _SUFFIXES and "suffix" not in name:  # FAU - Smith, John A Jr
            name["given"], name["suffix"] = given[: -len(suffix) - 1], suffix
        if name:
            return name
    text = " ".join((full or short or "").split())
    if full is None and short:
        words = text.split(" ")
        suffix = words.pop() if len(words) > 2 and words[-1] in _SUFFIXES else None
        if len(words) > 1 and words[-1].isupper() and words[-1].isalpha():
            name: dict[str, Any] = {"family": " ".join(words[:-1]), "given": words[-1]}
            if suffix:
                name["suffix"] = suffix
            return name
    return {"family": text} if text else {"literal": ""}


def _names(fields: list[tuple[int, str, str]], full_tag: str, short_tag: str,
           group_tag: str | None) -> list[dict[str, Any]]:
    """Names in order: each FAU with the AU that follows it, lone AU lines, CN groups."""
    out: list[dict[str, Any]] = []
    pending: str | None = None
    for _, tag, value in fields:
        if tag == full_tag:
            if pending is not None:
                out.append(_name(pending, None))
            pending = value
        elif tag == short_tag:
            out.append(_name(pending, value) if pending is not None else _name(None, value))
            pending = None
        elif tag == group_tag and value:
            if pending is not None:
                out.append(_name(pending, None))
                pending = None
            out.append({"literal": value})
    if pending is not None:
        out.append(_name(pending, None))
    return [n for n in out if n.get("family") or n.get("literal")]


def _month(word: str) -> int | None:
    return _MONTHS.get(word.lower()[:3]) if word.isalpha() else None


def _point(words: list[str], year: int | None) -> list[int] | None:
    """``2002``, ``2002 Mar``, ``Mar``, ``2002 Mar 15``, ``15`` (with the year and month
    known from the other end of a range) -> date parts."""
    parts: list[int] = []
    rest = list(words)
    if rest and re.fullmatch(r"\d{4}", rest[0]):
        parts.append(int(rest.pop(0)))
    elif year is not None:
        parts.append(year)
    else:
        return None
    if rest:
        month = _month(rest[0])
        if month is None:
            return None
        parts.append(month)
        rest.pop(0)
    if rest:
        if not (rest[0].isdigit() and 1 <= int(rest[0]) <= 31):
            return None
        parts.append(int(rest.pop(0)))
    return parts if not rest else None


def parse_dp(text: str) -> dict[str, Any] | None:
    """MEDLINE's DP (``2002``, ``2002 Mar``, ``2002 Mar 15``, ``2002 Mar-Apr``, ``2002 Spring``,
    ``2001 Dec-2002 Jan``, ``2002 Mar 15-21``) as a CSL date; None when it is none of these."""
    text = " ".join(text.replace("–", "-").split())
    m = re.fullmatch(r"(\d{4}) (Spring|Summer|Autumn|Fall|Winter)", text, re.I)
    if m:
        return {"date-parts": [[int(m.group(1))]], "season": _SEASONS[m.group(2).lower()]}
    if "-" not in text:
        point = _point(text.split(" "), None)
        return {"date-parts": [point]} if point else None
    left, _, right = text.partition("-")
    start = _point(left.strip().split(" "), None)
    if start is None:
        return None
    right_words = right.strip().split(" ")
    if len(start) == 3 and len(right_words) == 1 and right_words[0].isdigit():
        end: list[int] | None = [start[0], start[1], int(right_words[0])]  # 2002 Mar 15-21
    else:
        end = _point(right_words, start[0])
    if end is None or end < start:
        return None
    return {"date-parts": [start, end]}


def expand_pages(text: str) -> str:
    """MEDLINE's shortened ranges in full: ``289-96`` -> ``289-296``, ``S42-9`` -> ``S42-S49``."""
    out = []
    for part in re.split(r"\s*,\s*", text.strip()):
        m = re.fullmatch(r"([A-Za-z]*)(\d+)-([A-Za-z]*)(\d+)", part)
        if m and (not m.group(3) or m.group(3) == m.group(1)) and len(m.group(4)) < len(m.group(2)):
            prefix, start, end = m.group(1), m.group(2), m.group(4)
            full = start[: len(start) - len(end)] + end
            part = f"{prefix}{start}-{prefix}{full}"
        out.append(part)
    return ", ".join(out)


def _title(text: str) -> str:
    """A title without MEDLINE's closing period (a question keeps its mark)."""
    text = " ".join(text.split())
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _bracketed(title: str) -> str | None:
    """The English translation MEDLINE gives in brackets for a non-English title."""
    if title.startswith("[") and title.endswith("]") and title.count("[") == 1:
        return title[1:-1].strip()
    return None


def _issn(values: list[str]) -> str | None:
    """The print ISSN when there is one, else the first (IS: ``0929-693X (Print)``)."""
    found = [(v.split(" ")[0], v) for v in values if re.match(r"\d{4}-?\d{3}[\dXx]", v)]
    for number, value in found:
        if "(Print)" in value:
            return number
    return found[0][0] if found else None


def to_csl_item(fields: list[tuple[int, str, str]], warnings: list[str]) -> dict[str, Any]:
    """One MEDLINE record (its ``(line, tag, value)`` lines) as a CSL-JSON item."""
    values: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    for n, tag, value in fields:
        values.setdefault(tag, []).append(value)
        lines.setdefault(tag, n)

    def first(tag: str) -> str:
        return values.get(tag, [""])[0].strip()

    types = [t.strip().lower() for t in values.get("PT", [])]
    csl_type = next((_TYPES[t] for t in types if t in _TYPES), None)
    if csl_type is None:
        if first("BTI") and not first("TA") and not first("JT"):
            csl_type = "chapter" if first("TI") else "book"
        else:
            csl_type = "article-journal"
    if csl_type == "chapter" and not first("TI"):
        csl_type = "book"
    item: dict[str, Any] = {"type": csl_type}
    custom: dict[str, Any] = {}

    authors = _names(fields, "FAU", "AU", "CN")
    if authors:
        item["author"] = authors
    editors = _names(fields, "FED", "ED", None)
    if editors:
        item["editor"] = editors

    title = _title(first("TI")) if first("TI") else ""
    vernacular = _title(first("TT")) if first("TT") else ""
    english = _bracketed(title) if title else None
    if vernacular:
        item["title"] = vernacular
        if title:
            custom["translated-title"] = english or title
    elif title:
        item["title"] = title  # a bracketed translation with no original kept as MEDLINE gives it
    book = _title(first("BTI")) if first("BTI") else ""
    if csl_type == "book" and book:
        if title and title != book:
            custom["BTI"] = book
        else:
            item["title"] = book
    elif book:
        item["container-title"] = book
    if first("CTI"):
        item["collection-title"] = _title(first("CTI"))
    if first("VTI"):
        item["volume-title"] = _title(first("VTI"))
    if first("TA"):
        item["container-title-short"] = first("TA")
    if first("JT") or first("TA"):
        # without JT the abbreviation is the only name of the journal the record gives
        item["container-title"] = first("JT") or first("TA")

    if first("DP"):
        date = parse_dp(first("DP"))
        if date is None:
            warnings.append(f"DP (line {lines['DP']}) {first('DP')!r} is not a MEDLINE date; "
                            "kept as written")
            date = {"literal": first("DP")}
        item["issued"] = date
    if first("DEP") and re.fullmatch(r"\d{8}", first("DEP")):
        dep = first("DEP")
        item["available-date"] = {"date-parts": [[int(dep[:4]), int(dep[4:6]), int(dep[6:])]]}
    for tag, var in (("VI", "volume"), ("IP", "issue"), ("EDN", "edition"), ("PB", "publisher"),
                     ("AB", "abstract")):
        if first(tag):
            item[var] = " ".join(first(tag).split())
    if first("PG"):
        item["page"] = expand_pages(first("PG"))
    if first("PL"):
        if csl_type in ("book", "chapter", "report", "thesis"):
            item["publisher-place"] = first("PL")
        else:
            custom["PL"] = first("PL")  # a journal's country, not a place of publication

    for value in values.get("LID", []) + values.get("AID", []):
        m = re.fullmatch(r"(.+?)\s*\[(\w+)\]", value.strip())
        if not m:
            continue
        ident, kind = m.group(1).strip(), m.group(2).lower()
        if kind == "doi" and "DOI" not in item:
            item["DOI"] = bare_doi(ident)
        elif kind in ("pii", "bookaccession") and kind.upper() not in custom:
            custom[kind.upper() if kind == "pii" else "bookaccession"] = ident
    if first("PMID"):
        item["PMID"] = first("PMID")
    if first("PMC"):
        item["PMCID"] = first("PMC")
    issn = _issn(values.get("IS", []))
    if issn:
        item["ISSN"] = issn
    isbn = first("ISBN") or next((v.split(" ")[0] for v in values.get("IS", [])
                                  if len(re.sub(r"[^0-9Xx]", "", v.split(" ")[0])) in (10, 13)
                                  and not _issn([v])), "")
    if isbn:
        item["ISBN"] = isbn

    languages = [v.strip() for v in values.get("LA", []) if v.strip()]
    tags = [language_tag(v) for v in languages if v.lower() not in NO_LANGUAGE]
    known = [t for t in tags if t]
    if known:
        item["language"] = known[0]
    unread = [v for v, t in zip(languages, tags) if not t]
    if unread or len(known) > 1:
        custom["LA"] = languages if len(languages) > 1 else languages[0]
    if unread:
        warnings.append(f"LA (line {lines['LA']}) {unread[0]!r} is not a language known here; "
                        "kept under custom")
    if values.get("OT"):
        item["keyword"] = "; ".join(v.strip() for v in values["OT"] if v.strip())
    if values.get("PT"):
        custom["PT"] = values["PT"] if len(values["PT"]) > 1 else values["PT"][0]

    for tag, found in values.items():
        if tag in _MAPPED or tag in _ADMIN:
            continue
        found = [v for v in found if v.strip()]
        if found:
            custom[tag] = found[0] if len(found) == 1 else found
    if custom:
        item["custom"] = custom
    return item


def iter_medline(text: str, source: str) -> Iterator[ReadItem | DataError]:
    """Each MEDLINE record as a :class:`ReadItem`, or the :class:`DataError` that stopped it."""
    taken: set[str] = set()
    for line, fields, problems in _records(text):
        if not any(tag in ("TI", "BTI", "PMID") for _, tag, _ in fields):
            why = "no PMID, TI or BTI line" if not problems else \
                f"{problems[0].split(':')[0]} is not a 'TAG - value' line"
            yield DataError(f"not a MEDLINE record: {why}", file=source, line=line)
            continue
        ris = next((n for n, tag, _ in fields if tag in ("TY", "ER")), None)
        if ris is not None:  # RIS's lines look like MEDLINE's; MEDLINE has no TY or ER
            tag = next(t for n, t, _ in fields if n == ris)
            yield DataError(f"not a MEDLINE record: line {ris} is RIS's '{tag}  - ' (read it "
                            "with --from ris)", file=source, line=line)
            continue
        warnings = list(problems)
        try:
            item = to_csl_item(fields, warnings)
        except (ValueError, TypeError, RecursionError) as e:  # a reader must name the record
            yield DataError(f"cannot read this record: {e}", file=source, line=line)
            continue
        key = unique_key(suggest_key(item), taken)
        taken.add(key)
        item = {"id": key, **item}
        yield ReadItem(item, line, [f"{key}: {w}" for w in warnings], key_made=True)


def read_medline(text: str, source: str) -> list[ReadItem]:
    """Every record of a MEDLINE file; the first broken record raises DataError."""
    return first_error_raises(iter_medline(text, source))
