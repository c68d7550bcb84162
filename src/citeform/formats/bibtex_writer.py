"""Write CSL-JSON items as BibTeX or BibLaTeX entries.

Choices (see docs/convert.md): the record key is the citation key; a translated title goes
to ``titleaddon`` and an original title to ``origtitle`` (BibLaTeX's fields, ignored by
BibTeX styles); a CSL type with no exact entry type is kept in ``entrysubtype``; CSL
variables with no BibTeX field are written under their CSL names so that nothing is lost.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from ..safe_text import one_line
from ..vocabulary import DATE_VARIABLES, LANGUAGES, NAME_VARIABLES
from .bibtex_types import (
    ARTICLE_TYPES,
    CSL_TYPES_OF_ENTRIES,
    ENTRY_TYPES,
    MONTH_MACROS,
    SERIES_NUMBER_ENTRIES,
    babel_name,
)
from .edtf import normalise_dates, to_edtf
from .latex import encode

_KEY_BAD = re.compile(r"[\s,{}()=\"#%'~\\@\x00-\x1f\x7f-\x9f\u2028\u2029]")
_FIELD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_\-:.+]*$")

# written order of the fields; anything else follows in alphabetical order
FIELD_ORDER = (
    "author", "bookauthor", "editor", "translator", "title", "titleaddon", "origtitle", "shorttitle",
    "journal", "journaltitle", "shortjournal", "booktitle", "eventtitle", "venue", "series",
    "edition", "volume", "number", "eid", "chapter", "pages", "pagetotal", "volumes",
    "publisher", "school", "institution", "address", "location", "year", "month", "date",
    "eventdate", "origdate", "type", "entrysubtype", "pubstate", "note", "language", "langid",
    "isbn", "issn", "doi", "eprint", "eprinttype", "pmid", "pmcid", "url", "urldate",
    "keywords", "abstract",
)
_ORDER = {name: i for i, name in enumerate(FIELD_ORDER)}
_TITLES = frozenset({"title", "titleaddon", "origtitle", "shorttitle"})


def entry_type(csl_type: str, genre: str | None, biblatex: bool) -> str:
    """The entry type for a CSL type (theses by genre: master's or PhD)."""
    bibtex, blx = ENTRY_TYPES.get(csl_type, ("misc", "misc"))
    if csl_type == "thesis" and not biblatex and genre and re.search(r"master|\bm\.?(a|sc|phil)\b", genre, re.I):
        return "mastersthesis"
    return blx if biblatex else bibtex


def citation_key(item_id: Any, n: int) -> str:
    """The item's id, with characters BibTeX cannot take in a key replaced."""
    key = _KEY_BAD.sub("_", str(item_id)) if item_id not in (None, "") else ""
    return key or f"item{n}"


def _protect_part(text: str, ascii: bool) -> str:
    out = encode(text, ascii=ascii)
    # a comma or a lone " and " inside a part would split the name: brace the part
    if "," in text or re.search(r"\band\b", text, re.I):
        return "{" + out + "}"
    return out


def format_name(name: dict[str, Any], ascii: bool) -> str:
    """One CSL name as BibTeX writes it: ``von Last, Jr, First``; institutions braced."""
    if "literal" in name or not name.get("family"):
        text = name.get("literal") or name.get("given") or ""
        return "{" + encode(str(text), ascii=ascii) + "}"
    family = str(name["family"])
    particle = str(name.get("non-dropping-particle") or "")
    family_part = _protect_part(family, ascii)
    if not family_part.startswith("{") and any(w[:1].islower() for w in family.split()[1:]):
        # "Ramón y Cajal": a lower-case word inside a family name is not BibTeX's "von"
        family_part = "{" + family_part + "}"
    if particle:
        # lower-case words before the last name are BibTeX's "von" part
        glue = "" if particle.endswith(("'", "’")) else " "
        family_part = encode(particle, ascii=ascii) + glue + family_part
    parts = [family_part]
    if name.get("suffix"):
        parts.append(_protect_part(str(name["suffix"]), ascii))
    # a dropping particle follows the given name, as citeproc-js reads it: "Ferdinand de"
    given = " ".join(str(name[k]) for k in ("given", "dropping-particle") if name.get(k))
    if given:
        parts.append(_protect_part(given, ascii))
    elif name.get("suffix"):
        parts.append("")
    return ", ".join(parts)


def format_names(names: list[dict[str, Any]], ascii: bool, others: bool = False) -> str:
    """A name list joined with ``and``; ``and others`` when the list was cut short."""
    out = [format_name(n, ascii) for n in names if isinstance(n, dict)]
    if others:
        out.append("others")
    return " and ".join(out)


def format_pages(page: str) -> str:
    """``289-306`` -> ``289--306`` (en dashes in BibTeX are two hyphens)."""
    return re.sub(r"\s*(?:-+|–|—)\s*", "--", page)


def _verbatim(text: str) -> str:
    """Identifiers and URLs go in as they are; only unbalanced braces, which would end the
    field early, are percent-encoded."""
    depth = 0
    for c in text:
        depth += (c == "{") - (c == "}")
        if depth < 0:
            break
    if depth:
        return text.replace("{", "%7B").replace("}", "%7D")
    return text


def _text(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _keywords(keyword: str, ascii: bool) -> str:
    words = [w.strip() for w in re.split(r";", keyword) if w.strip()]
    return ", ".join("{" + encode(w, ascii=ascii) + "}" if "," in w else encode(w, ascii=ascii) for w in words)


def _language(tag: str, biblatex: bool) -> tuple[str, str]:
    if biblatex:
        babel = babel_name(tag)
        return ("langid", babel) if babel else ("language", tag)
    return ("language", LANGUAGES.get(tag.lower(), tag))


def _date_fields(issued: dict[str, Any], biblatex: bool) -> dict[str, str]:
    """``year``/``month`` for BibTeX (plus ``date`` when they cannot hold it all)."""
    out: dict[str, str] = {}
    edtf = to_edtf(issued)
    if edtf is None:
        text = issued.get("literal") or issued.get("raw")
        if text:
            out["date" if biblatex else "year"] = str(text)
        return out
    if biblatex:
        return {"date": edtf}
    first = issued["date-parts"][0]
    out["year"] = str(first[0])
    if len(first) > 1 and 1 <= int(first[1]) <= 12:
        out["month"] = MONTH_MACROS[int(first[1]) - 1]
    simple = len(issued["date-parts"]) == 1 and len(first) <= 2 and not issued.get("circa") \
        and not issued.get("season")
    if not simple:
        out["date"] = edtf
    return out


def _fields(item: dict[str, Any], etype: str, biblatex: bool, ascii: bool) -> dict[str, str]:
    """The entry's fields as ``name -> already encoded value``."""
    csl_type = item.get("type", "document")
    custom = dict(item.get("custom") or {})
    raw: dict[str, Any] = {}  # fields needing the plain text encoding
    out: dict[str, str] = {}
    done = {"id", "type", "custom"}

    for var, field in (("author", "author"), ("editor", "editor"), ("translator", "translator"),
                       ("container-author", "bookauthor")):
        if item.get(var):
            out[field] = format_names(item[var], ascii, bool(custom.pop(f"{var}-others", False)))
            done.add(var)

    def put(var: str, field: str) -> None:
        if item.get(var) not in (None, "", []) and field not in raw:
            raw[field] = item[var]
            done.add(var)

    put("title", "title")
    if custom.get("translated-title"):
        raw["titleaddon"] = custom.pop("translated-title")
    put("original-title", "origtitle")
    put("title-short", "shorttitle")
    if csl_type in ARTICLE_TYPES:
        put("container-title", "journaltitle" if biblatex else "journal")
        put("container-title-short", "shortjournal")
        put("issue", "number")
        put("number", "eid")  # an article number
    else:
        put("container-title", "booktitle")
    put("event-title", "eventtitle")
    put("event-place", "venue")
    put("collection-title", "series")
    put("edition", "edition")
    put("volume", "volume")
    if etype in SERIES_NUMBER_ENTRIES:
        put("collection-number", "number")
    else:
        put("number", "number")
    put("chapter-number", "chapter")
    if item.get("page"):
        out["pages"] = encode(format_pages(str(item["page"])), ascii=ascii)
        done.add("page")
    put("number-of-pages", "pagetotal")
    put("number-of-volumes", "volumes")
    if csl_type == "thesis":
        put("publisher", "institution" if biblatex else "school")
    elif csl_type == "report":
        put("publisher", "institution")
    else:
        put("publisher", "publisher")
    put("publisher-place", "location" if biblatex else "address")
    if isinstance(item.get("issued"), dict):
        out.update(_date_fields(item["issued"], biblatex))
        done.add("issued")
    for var, field in (("event-date", "eventdate"), ("original-date", "origdate"), ("accessed", "urldate")):
        if isinstance(item.get(var), dict) and to_edtf(item[var]):
            out[field] = to_edtf(item[var])  # type: ignore[assignment]
            done.add(var)
    put("genre", "type")
    if biblatex and "type" not in raw and etype in ("thesis", "report"):
        # BibLaTeX needs the kind of thesis or report; these keys print localised words
        out["type"] = "techreport" if etype == "report" else "phdthesis"
    # what a reader takes the entry for: @misc with a URL and no publisher is a web page
    misc_web = etype == "misc" and bool(item.get("URL")) and not item.get("publisher")
    if ("webpage" if misc_web else CSL_TYPES_OF_ENTRIES.get(etype)) != csl_type:
        out["entrysubtype"] = csl_type.split("-")[-1] if csl_type in ARTICLE_TYPES and csl_type != "article" \
            else csl_type
    put("status", "pubstate")
    put("note", "note")
    if item.get("language"):
        field, value = _language(str(item["language"]), biblatex)
        out[field] = value
        done.add("language")
    for var in ("ISBN", "ISSN", "DOI", "URL", "PMCID"):
        if item.get(var):
            out[var.lower()] = _verbatim(str(item[var]).strip())
            done.add(var)
    if item.get("PMID"):
        if biblatex and "eprint" not in custom:
            out["eprint"], out["eprinttype"] = str(item["PMID"]), "pubmed"
        else:
            out["pmid"] = str(item["PMID"])
        done.add("PMID")
    if item.get("keyword"):
        out["keywords"] = _keywords(str(item["keyword"]), ascii)
        done.add("keyword")
    put("abstract", "abstract")

    # everything else under its own name, so that nothing is lost
    for var, value in item.items():
        if var in done or value in (None, "", []):
            continue
        name = var if var.lower() not in _ORDER and var.lower() not in out else f"csl-{var}"
        if var in NAME_VARIABLES and isinstance(value, list):
            out[name] = format_names(value, ascii, bool(custom.pop(f"{var}-others", False)))
        elif var in DATE_VARIABLES and isinstance(value, dict) and to_edtf(value):
            out[name] = to_edtf(value)  # type: ignore[assignment]
        else:
            raw[name] = _text(value)
    for key, value in custom.items():
        name = key if _FIELD_NAME.match(key) else "x-" + re.sub(r"[^A-Za-z0-9_\-:.+]", "-", key)
        if name.lower() not in out and name.lower() not in raw and value not in (None, "", []):
            raw[name] = "true" if value is True else _text(value)

    for field, value in raw.items():
        out[field] = encode(str(value), ascii=ascii, protect_case=field in _TITLES)
    return out


def _sort_key(field: str) -> tuple[int, str]:
    return (_ORDER.get(field, len(_ORDER)), field)


def format_entry(item: dict[str, Any], *, n: int = 1, ascii: bool = False, biblatex: bool = False) -> str:
    """One entry, fields in a fixed order, values braced (month macros bare)."""
    item = normalise_dates(item)
    etype = entry_type(item.get("type", "document"), item.get("genre"), biblatex)
    fields = _fields(item, etype, biblatex, ascii)
    lines = [f"@{etype}{{{citation_key(item.get('id'), n)},"]
    for field in sorted(fields, key=_sort_key):
        value = one_line(fields[field])  # a line break or control would reach a terminal raw
        if field == "month" and value in MONTH_MACROS:
            lines.append(f"  {field} = {value},")
        else:
            lines.append(f"  {field} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_bibtex(items: Iterable[dict[str, Any]], *, ascii: bool = False, biblatex: bool = False) -> str:
    """BibTeX (or BibLaTeX) for CSL-JSON items, entries separated by a blank line."""
    return "\n".join(
        format_entry(item, n=n, ascii=ascii, biblatex=biblatex) for n, item in enumerate(items, 1)
    )
