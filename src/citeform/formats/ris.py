"""Read and write RIS (rispy does the tag syntax; the mapping to CSL-JSON is ours).

RIS has no place for many CSL variables; those travel as ``N1`` note lines in the form
``variable: value`` (the convention citeproc-js reads in notes), so nothing is lost.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import rispy
from rispy.writer import RisWriter

from ..errors import DataError
from ..records.name_parsing import NameError_, parse_name
from ..vocabulary import CSL_TYPES, CSL_VARIABLES, DATE_VARIABLES, LANGUAGES, NAME_VARIABLES
from . import ReadItem, first_error_raises
from .bibtex_names import split_dropping_particle
from .bibtex_types import language_tag
from .duplicates import bare_doi
from .edtf import date_parts, from_edtf, normalise_dates, to_edtf
from .keys import suggest_key, unique_key

# CSL type -> RIS type
RIS_TYPES = {
    "article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "book": "BOOK", "chapter": "CHAP", "paper-conference": "CPAPER", "thesis": "THES",
    "report": "RPRT", "webpage": "ELEC", "post-weblog": "BLOG", "dataset": "DATA",
    "software": "COMP", "manuscript": "MANSCPT", "patent": "PAT", "entry-encyclopedia": "ENCYC",
    "entry-dictionary": "DICT", "map": "MAP", "motion_picture": "MPCT", "broadcast": "VIDEO",
    "song": "SOUND", "graphic": "ART", "figure": "FIGURE", "legal_case": "CASE",
    "legislation": "STAT", "bill": "BILL", "hearing": "HEAR", "personal_communication": "PCOMM",
    "standard": "STAND", "pamphlet": "PAMP", "periodical": "JFULL", "musical_score": "MUSIC",
    "document": "GEN", "classic": "CLSWK", "regulation": "LEGAL",
}
CSL_TYPES_OF_RIS = {ris: csl for csl, ris in RIS_TYPES.items()} | {
    "CONF": "paper-conference", "EJOUR": "article-journal", "INPR": "article-journal",
    "EBOOK": "book", "EDBOOK": "book", "ECHAP": "chapter", "UNPB": "manuscript",
    "WEB": "webpage", "ICOMM": "webpage", "MULTI": "webpage", "GOVDOC": "report",
    "ABST": "article-journal", "SER": "book", "ADVS": "motion_picture", "CTLG": "book",
    "SLIDE": "graphic", "DBASE": "dataset", "AGGR": "dataset", "CHART": "figure",
    "EQUA": "document", "GRANT": "document", "ANCIENT": "classic",
}
# CSL variable -> rispy key, for plain one-to-one text fields
_SIMPLE = {
    "title": "title", "original-title": "original_publication", "title-short": "short_title",
    "collection-title": "tertiary_title", "volume": "volume", "issue": "number",
    "edition": "edition", "number": "note", "publisher": "publisher",
    "publisher-place": "place_published", "genre": "type_of_work", "abstract": "abstract",
    "DOI": "doi", "PMID": "accession_number", "number-of-volumes": "number_of_volumes",
    "container-title-short": "alternate_title1", "section": "section", "call-number": "call_number",
    "archive": "database_provider", "source": "name_of_database",
}
_NAMES = {"author": "authors", "editor": "secondary_authors", "collection-editor": "tertiary_authors",
          "translator": "subsidiary_authors"}
# the order tags are written in
_ORDER = {k: i for i, k in enumerate((
    "type_of_reference", "id", "authors", "secondary_authors", "tertiary_authors",
    "subsidiary_authors", "title", "translated_title", "original_publication", "short_title",
    "secondary_title", "alternate_title1", "tertiary_title", "edition", "volume", "number",
    "note", "start_page", "end_page", "number_of_volumes", "year", "date", "publisher",
    "place_published", "type_of_work", "language", "issn", "doi", "accession_number", "urls",
    "access_date", "keywords", "abstract", "notes",
))}
# rispy keys the reader maps to CSL variables
_HANDLED = frozenset({
    "type_of_reference", "authors", "first_authors", "title", "primary_title", "secondary_title",
    "journal_name", "alternate_title2", "alternate_title3", "start_page", "end_page", "date",
    "year", "publication_year", "access_date", "language", "issn", "urls", "keywords",
    "translated_title", "notes", "id", "notes_abstract", "unknown_tag",
} | set(_SIMPLE.values()) | set(_NAMES.values()))
# rispy's names of the other single-valued tags (L1 file_attachments1, C1 custom1, ...)
_RISPY_KEYS = frozenset(
    name for tag, name in rispy.TAG_KEY_MAPPING.items()
    if tag not in rispy.LIST_TYPE_TAGS and name not in _HANDLED and tag not in ("ER", "UK")
)
# tags of older exports rispy does not know: book title, title
_OLD_TAGS = {"BT": "container-title", "CT": "title"}
# M3 values that are a database's document type (Scopus, Web of Science), not a genre to print
_DOCUMENT_TYPES = frozenset({
    "article", "review", "conference paper", "conference review", "letter", "editorial", "note",
    "short survey", "book chapter", "book", "erratum", "article in press", "data paper",
    "journal article", "proceedings paper", "meeting abstract", "retracted", "early access",
    "article; early access", "article; proceedings paper", "review; early access",
    "book review", "news item", "correction", "abstract", "retraction", "comment",
})
# tags some tools write that rispy does not know: abbreviations, article numbers
# Zotero writes the catalogue a record came from in DP ("DOI.org (Crossref)", "PubMed")
_CATALOG_WORDS = re.compile(
    r"crossref|pubmed|scholar|sciencedirect|jstor|worldcat|xplore|library|springer|wiley|"
    r"ebsco|arxiv|semantic|google|scopus|web of science|ovid|proquest|nature\.com|sage", re.I)
_ABBREVIATION_TAGS = ("J1", "JI")
_ARTICLE_NUMBER_TAGS = ("AR",)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_NOTE_LINE = re.compile(r"^([A-Za-z][\w-]*): (.*)$", re.S)


class _Writer(RisWriter):
    """rispy's RIS writer without the record counter line."""

    def set_header(self, count: int) -> str:
        return ""


# --- writing ------------------------------------------------------------------------------


def _ris_name(name: dict[str, Any]) -> str:
    if "literal" in name or not name.get("family"):
        return str(name.get("literal") or name.get("given") or "")
    family = str(name["family"])
    ndp = name.get("non-dropping-particle")
    if ndp:
        family = f"{ndp}{'' if str(ndp).endswith(('’', chr(39))) else ' '}{family}"
    given = " ".join(str(name[k]) for k in ("given", "dropping-particle") if name.get(k))
    parts = [family, given] + ([str(name["suffix"])] if name.get("suffix") else [])
    return ", ".join(parts)


def _ris_date(date: dict[str, Any]) -> str | None:
    points = date_parts(date)
    if not points:
        return None
    parts = points[0]
    fields = [str(parts[0])] + [f"{p:02d}" for p in parts[1:3]]
    fields += [""] * (3 - len(fields))
    return "/".join(fields) + "/"


def _simple_date(date: dict[str, Any]) -> bool:
    return len(date.get("date-parts") or []) == 1 and set(date) == {"date-parts"}


def _note(var: str, value: Any) -> str:
    if isinstance(value, dict) and var in DATE_VARIABLES and to_edtf(value):
        return f"{var}: {to_edtf(value)}"
    if isinstance(value, (dict, list, bool)):
        return f"{var}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}"
    return f"{var}: {value}"


def to_ris_dict(item: dict[str, Any]) -> dict[str, Any]:
    """One CSL-JSON item as a rispy reference."""
    item = normalise_dates(item)
    csl_type = item.get("type", "document")
    ref: dict[str, Any] = {"type_of_reference": RIS_TYPES.get(csl_type, "GEN")}
    notes: list[str] = []
    if CSL_TYPES_OF_RIS.get(ref["type_of_reference"]) != csl_type:
        notes.append(f"type: {csl_type}")  # a CSL type RIS has no tag for
    done = {"type", "custom"}
    if item.get("id") is not None:
        ref["id"] = str(item["id"])
        done.add("id")
    for var, key in _NAMES.items():
        if isinstance(item.get(var), list):
            ref[key] = [_ris_name(n) for n in item[var] if isinstance(n, dict)]
            done.add(var)
    for var, key in _SIMPLE.items():
        if item.get(var) not in (None, ""):
            ref[key] = str(item[var])
            done.add(var)
    if item.get("container-title"):
        ref["secondary_title"] = str(item["container-title"])
        done.add("container-title")
    page = str(item.get("page", "")).strip()
    if page:
        m = re.fullmatch(r"(\w+)\s*[-–]+\s*(\w+)", page)
        if m:
            ref["start_page"], ref["end_page"] = m.groups()
        else:
            ref["start_page"] = page
        done.add("page")
    issued = item.get("issued")
    points = date_parts(issued)
    if points:
        ref["year"] = str(points[0][0])
        if _simple_date(issued):  # type: ignore[arg-type]
            if len(points[0]) > 1:
                ref["date"] = _ris_date(issued)  # type: ignore[arg-type]
            done.add("issued")
    accessed = item.get("accessed")
    if isinstance(accessed, dict) and _simple_date(accessed) and _ris_date(accessed):
        ref["access_date"] = _ris_date(accessed)
        done.add("accessed")
    if item.get("language"):
        tag = str(item["language"])
        ref["language"] = LANGUAGES.get(tag.lower(), tag)
        done.add("language")
    for var in ("ISBN", "ISSN"):
        if item.get(var) and "issn" not in ref:
            ref["issn"] = str(item[var])
            done.add(var)
    if item.get("URL"):
        ref["urls"] = [str(item["URL"])]
        done.add("URL")
    if item.get("keyword"):
        ref["keywords"] = [k.strip() for k in str(item["keyword"]).split(";") if k.strip()]
        done.add("keyword")
    custom = dict(item.get("custom") or {})
    if custom.get("translated-title"):
        ref["translated_title"] = str(custom.pop("translated-title"))
    if item.get("note"):
        notes.append(str(item["note"]))
        done.add("note")
    for var, value in item.items():
        if var not in done and value not in (None, "", []):
            notes.append(_note(var, value))
    for key, value in custom.items():
        if key in _RISPY_KEYS and key not in ref and isinstance(value, str):
            ref[key] = value  # read from a RIS tag with no CSL variable: back to that tag
        else:
            notes.append(_note(f"custom.{key}" if key in CSL_VARIABLES else key, value))
    if notes:
        ref["notes"] = notes
    return dict(sorted(ref.items(), key=lambda kv: _ORDER.get(kv[0], len(_ORDER))))


def to_ris(items: Iterable[dict[str, Any]]) -> str:
    """RIS text for CSL-JSON items (a value is one line: a line break in it would end the
    tag, or start a new record)."""
    from ..safe_text import one_line

    def flat(value: Any) -> Any:
        if isinstance(value, str):
            return one_line(value)
        if isinstance(value, list):
            return [flat(v) for v in value]
        return value

    return _Writer().formats([{k: flat(v) for k, v in to_ris_dict(i).items()} for i in items])


# --- reading ------------------------------------------------------------------------------


def parse_ris_name(text: str) -> dict[str, Any]:
    """``Family, Given, Suffix`` to a CSL name; a name without a comma is an institution."""
    text = " ".join(text.split())
    if "," not in text:
        return {"literal": text}
    parts = [p.strip() for p in text.split(",")]
    try:
        if len(parts) >= 3:
            name = parse_name(f"{parts[0]}, {', '.join(parts[1:-1])}")
            name["suffix"] = parts[-1]
        else:
            name = parse_name(text if parts[1] else f"{parts[0]},")
    except NameError_:
        return {"literal": text}
    if "literal" in name:
        name = {"family": parts[0]}
    return split_dropping_particle(name)


def _date(text: str, year: str = "") -> dict[str, Any] | None:
    """``2020/02/15/``, ``2020///``, ``2020/02/15/12:00:00`` (Zotero's Y2) and Web of
    Science's ``FEB 15`` or ``2020 FEB`` (the year then from PY)."""
    text = text.strip()
    if re.search(r"[A-Za-z]", text) and "/" not in text:
        words = text.replace(",", " ").replace(".", " ").split()
        parts: list[int] = []
        if words and re.fullmatch(r"\d{4}", words[0]):
            parts.append(int(words.pop(0)))
        elif year.isdigit():
            parts.append(int(year))
        else:
            return None
        month = _MONTHS.get(words[0].lower()[:3]) if words and words[0].isalpha() else None
        if month is None or len(words) > 2:
            return None
        parts.append(month)
        if len(words) == 2:
            if not (words[1].isdigit() and 1 <= int(words[1]) <= 31):
                return None
            parts.append(int(words[1]))
        return {"date-parts": [parts]}
    fields = [f.strip() for f in text.split("/")]
    parts = []
    for f in fields[:3]:
        if not f.isdigit() or (parts and int(f) == 0):
            break  # a part left empty, or 00 for one not known: none after it either
        parts.append(int(f))
    # a month past 12 would be read as a season (13-16, 21-24 in CSL-JSON), a day past 31
    # is no day: not a date rather than a wrong one
    if (len(parts) > 1 and not 1 <= parts[1] <= 12) or (len(parts) > 2 and parts[2] > 31):
        return None
    return {"date-parts": [parts]} if parts else None


def _identifiers(ref: dict[str, Any], item: dict[str, Any], custom: dict[str, Any]) -> None:
    """The ids tools put in general-purpose tags: Scopus's C2 (PubMed id), EndNote's C2
    (PMCID), AN (a PubMed id, or a database's accession number), C7 (article number),
    Mendeley's ``M3 - doi: ...``, PubMed's ``U1 - 123[pmid]``."""
    accession = str(item.pop("PMID", "") or "").strip()
    if accession:
        if re.fullmatch(r"\d{1,9}", accession):
            item["PMID"] = accession
        else:
            custom["AN"] = accession  # WOS:000..., an EndNote record number: not a PubMed id
    for rkey in ("custom2", "custom1", "custom3"):
        value = str(ref.get(rkey) or "").strip()
        if re.fullmatch(r"PMC\d+", value) and "PMCID" not in item:
            item["PMCID"] = value
        elif rkey == "custom2" and re.fullmatch(r"\d{1,9}", value) and "PMID" not in item:
            item["PMID"] = value
        else:
            continue
        ref.pop(rkey)
    catalog = str(item.get("archive") or "")
    if catalog and ("source" not in item and (re.fullmatch(r"[\w-]+(\.[\w-]+)+", catalog)
                                              or _CATALOG_WORDS.search(catalog))):
        item["source"] = item.pop("archive")  # Zotero's DP: the catalogue it came from
    number = str(ref.get("custom7") or "").strip()
    if number and "number" not in item:
        item["number"] = number
        ref.pop("custom7")
    genre = str(item.get("genre", ""))
    if genre.lower().startswith("doi:") and "DOI" not in item:
        item["DOI"] = genre[4:].strip()
        del item["genre"]
    elif genre.strip().lower() in _DOCUMENT_TYPES:
        custom["document-type"] = item.pop("genre")
    unknown = ref.get("unknown_tag") or {}
    for tag in list(unknown):
        values = [str(v).strip() for v in unknown[tag] if str(v).strip()]
        for value in values:
            m = re.fullmatch(r"(\S+?)\s*\[(pmid|pmc|pmcid|doi)\]", value, re.I)
            if m:
                var = {"pmid": "PMID", "pmc": "PMCID", "pmcid": "PMCID", "doi": "DOI"}[
                    m.group(2).lower()]
                item.setdefault(var, m.group(1))
                unknown[tag] = [v for v in unknown[tag] if str(v).strip() != value]
        if tag in _ABBREVIATION_TAGS and values and "container-title-short" not in item:
            item["container-title-short"] = values[0]
            del unknown[tag]
        elif tag in _ARTICLE_NUMBER_TAGS and values and "number" not in item:
            item["number"] = values[0]
            del unknown[tag]
        elif tag in unknown and not unknown[tag]:
            del unknown[tag]


def _note_value(var: str, value: str) -> Any:
    if var in DATE_VARIABLES:
        return from_edtf(value) or {"literal": value}
    # RecursionError: nesting too deep for the JSON parser is not JSON we take
    if var in NAME_VARIABLES:
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            return [parse_ris_name(n) for n in value.split(";")]
    if value[:1] in "[{" or value in ("true", "false"):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            return value
    return value


def to_csl_item(ref: dict[str, Any], key: str, warnings: list[str]) -> dict[str, Any]:
    """One rispy reference to a CSL-JSON item."""
    ris_type = str(ref.get("type_of_reference", "GEN")).strip().upper()
    csl_type = CSL_TYPES_OF_RIS.get(ris_type)
    if csl_type is None:
        warnings.append(f"RIS type {ris_type!r} has no CSL type; read as a document")
        csl_type = "document"
    item: dict[str, Any] = {"id": key, "type": csl_type}
    custom: dict[str, Any] = {}
    authors = list(ref.get("authors") or []) + list(ref.get("first_authors") or [])
    for var, names in [("author", authors)] + [(v, ref.get(k) or []) for v, k in _NAMES.items()
                                                if v != "author"]:
        parsed = [parse_ris_name(n) for n in names if str(n).strip()]
        if parsed:
            item[var] = parsed
    title = ref.get("title") or ref.get("primary_title")
    if title:
        # PubMed's bracketed translation keeps MEDLINE's closing period: [Title].
        item["title"] = title[:-1] if title.endswith("].") else title
    for var, rkey in _SIMPLE.items():
        if ref.get(rkey) and var not in item:
            item[var] = str(ref[rkey]).strip()
    container = ref.get("secondary_title") or ref.get("journal_name") or ref.get("alternate_title3")
    if container:
        item["container-title"] = container
    if not item.get("container-title-short") and ref.get("alternate_title2"):
        item["container-title-short"] = ref["alternate_title2"]
    start, end = ref.get("start_page"), ref.get("end_page")
    if start or end:
        item["page"] = f"{start}-{end}" if start and end else (start or end)
    ref = dict(ref)
    _identifiers(ref, item, custom)
    published = str(ref.get("year") or ref.get("publication_year") or "")
    year = published.split("/")[0].strip()
    date = _date(ref["date"], year) if ref.get("date") else None
    if ref.get("date") and date is None:
        warnings.append(f"DA {ref['date']!r} is not a RIS date; left out")
    if date and (not year or str(date["date-parts"][0][0]) == year):
        item["issued"] = date
    elif "/" in published and _date(published):
        item["issued"] = _date(published)  # PY/Y1 in the full YYYY/MM/DD/ form
    elif year.lstrip("-").isdigit():
        if "/" in published:  # YYYY/MM/DD/ with a month or day that cannot be
            tag = "PY" if ref.get("year") else "Y1"
            warnings.append(f"{tag} {published!r} is not a RIS date; only its year kept")
        item["issued"] = {"date-parts": [[int(year)]]}
    elif year:
        item["issued"] = {"literal": year}
    if ref.get("access_date") and _date(ref["access_date"]):
        item["accessed"] = _date(ref["access_date"])
    if ref.get("language"):
        tag = language_tag(ref["language"])
        if tag:
            item["language"] = tag
        else:
            custom["language"] = ref["language"]
            warnings.append(f"LA {ref['language']!r} is not a language known here; kept under "
                            "custom")
    if item.get("DOI"):
        item["DOI"] = bare_doi(item["DOI"])
    if ref.get("issn"):
        sn = str(ref["issn"]).strip().split(" (")[0]  # PubMed: 0929-693X (Print)
        digits = re.sub(r"[^0-9Xx]", "", sn)
        item["ISSN" if len(digits) == 8 else "ISBN"] = sn
    if ref.get("urls"):
        item["URL"] = ref["urls"][0]
        if len(ref["urls"]) > 1:
            custom["urls"] = ref["urls"][1:]
    if ref.get("keywords"):
        item["keyword"] = "; ".join(k.strip() for k in ref["keywords"] if k.strip())
    if ref.get("translated_title"):
        custom["translated-title"] = ref["translated_title"]
    if ref.get("notes_abstract"):  # N2: the abstract in older exports
        if "abstract" in item:
            custom["N2"] = ref["notes_abstract"]
        else:
            item["abstract"] = ref["notes_abstract"]
    notes = []
    for note in ref.get("notes") or []:
        m = _NOTE_LINE.match(note.strip())
        name = m.group(1) if m else ""
        if m and name == "type" and m.group(2).strip() in CSL_TYPES:
            item["type"] = m.group(2).strip()
        elif m and name.startswith("custom."):
            custom[name[7:]] = _note_value("", m.group(2))
        elif m and name in CSL_VARIABLES:
            item[name] = _note_value(name, m.group(2))
        elif m and "\n" not in note and name.islower() and name not in ("note", "see"):
            custom[name] = _note_value("", m.group(2))
        else:
            notes.append(note)
    if notes:
        item["note"] = "\n".join(notes)
    for rkey, value in ref.items():
        if rkey not in _HANDLED and value not in (None, "", []):
            custom[rkey] = value
    for tag, values in (ref.get("unknown_tag") or {}).items():
        values = [v for v in values if str(v).strip()]
        if tag == "ED" and values and "editor" not in item:  # editors in older exports
            item["editor"] = [parse_ris_name(v) for v in values]
        elif tag in _OLD_TAGS and values and _OLD_TAGS[tag] not in item:
            item[_OLD_TAGS[tag]] = values[0]
        elif values:
            custom[tag] = values[0] if len(values) == 1 else values
    if custom:
        item["custom"] = custom
    return item


_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def _chunks(text: str) -> Iterator[tuple[int, list[str] | None, str | None]]:
    """(line, lines of one record, None) or (line, None, problem) for each record."""
    current: list[str] | None = None
    start = 0
    for n, line in enumerate(text.splitlines(), 1):
        line = line.lstrip("\ufeff")
        m = _TAG_LINE.match(line.rstrip())
        tag = m.group(1) if m else None
        if tag == "TY":
            if current is not None:
                yield start, None, "record has no ER line before the next TY"
            current, start = [line], n
        elif current is None:
            if line.strip() and tag is not None:
                yield n, None, f"tag {tag} outside a record (no TY before it)"
        else:
            current.append(line)
            if tag == "ER":
                yield start, current, None
                current = None
    if current is not None:
        yield start, None, "record has no ER line"


def iter_ris(text: str, source: str) -> Iterator[ReadItem | DataError]:
    """Each RIS record as a :class:`ReadItem`, or the :class:`DataError` that stopped it."""
    taken: set[str] = set()
    for line, lines, problem in _chunks(text):
        if problem or lines is None:
            yield DataError(problem or "broken record", file=source, line=line)
            continue
        try:
            refs = rispy.loads("\n".join(lines) + "\n")
        except Exception as e:  # rispy raises several kinds on malformed lines
            yield DataError(f"cannot read this record: {e}", file=source, line=line)
            continue
        if len(refs) != 1:
            yield DataError("cannot read this record", file=source, line=line)
            continue
        warnings: list[str] = []
        ref = refs[0]
        key = str(ref.get("id") or "").strip()
        item = to_csl_item(ref, key, warnings)
        made = not key
        if made:
            item["id"] = key = unique_key(suggest_key(item), taken)
        else:
            taken.add(key)
        yield ReadItem(item, line, [f"{key}: {w}" for w in warnings], key_made=made)


def read_ris(text: str, source: str) -> list[ReadItem]:
    """Every record of a RIS file; the first broken record raises DataError."""
    return first_error_raises(iter_ris(text, source))
