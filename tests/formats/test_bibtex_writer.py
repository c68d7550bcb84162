"""The BibTeX/BibLaTeX writer: entry shape, and output that bibtexparser and pybtex read back."""

from __future__ import annotations

import re
from typing import Any

import bibtexparser
import pytest
from pybtex.database import parse_string as pybtex_parse

from citeform.formats.bibtex_writer import format_name, to_bibtex
from citeform.formats.latex import decode
from citeform.records.mapping import to_csl

from .generate import generate
from .helpers import record_items

SEED = {
    "id": "rousseau2002", "type": "article",
    "title": "Apport des biothérapies anticancéreuses dans le traitement des leucémies de l'enfant",
    "translated-title": "Antitumor biotherapies in the treatment of pediatric leukemias",
    "authors": ["Rousseau, R.", "Bollard, C.", "Heslop, H."], "journal": "Archives de Pediatrie",
    "journal-abbreviation": "Arch Pediatr", "year": 2002, "volume": 9, "issue": 3,
    "pages": "289-306", "language": "fr",
    "keywords": ["Child", "Gene therapy", "Immunotherapy, adoptive", "Leukemia", "Vaccines"],
}


def csl(record: dict[str, Any]) -> dict[str, Any]:
    return to_csl(record).item


def test_seed_record_as_bibtex() -> None:
    assert to_bibtex([csl(SEED)]) == (
        "@article{rousseau2002,\n"
        "  author = {Rousseau, R. and Bollard, C. and Heslop, H.},\n"
        "  title = {Apport des biothérapies anticancéreuses dans le traitement des leucémies de l'enfant},\n"
        "  titleaddon = {Antitumor biotherapies in the treatment of pediatric leukemias},\n"
        "  journal = {Archives de Pediatrie},\n"
        "  shortjournal = {Arch Pediatr},\n"
        "  volume = {9},\n"
        "  number = {3},\n"
        "  pages = {289--306},\n"
        "  year = {2002},\n"
        "  language = {French},\n"
        "  keywords = {Child, Gene therapy, {Immunotherapy, adoptive}, Leukemia, Vaccines},\n"
        "}\n"
    )


def test_seed_record_as_biblatex_ascii() -> None:
    out = to_bibtex([csl(SEED)], biblatex=True, ascii=True)
    assert out.isascii()
    assert r"title = {Apport des bioth{\'e}rapies" in out
    assert "journaltitle = {Archives de Pediatrie}" in out
    assert "date = {2002}" in out
    assert "langid = {french}" in out
    assert "year =" not in out


@pytest.mark.parametrize(
    ("name", "bibtex"),
    [
        ({"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}, "van der Berg, Jan"),
        ({"family": "King", "given": "Martin Luther", "suffix": "Jr."}, "King, Jr., Martin Luther"),
        ({"family": "Alembert", "given": "Jean", "non-dropping-particle": "d'"}, "d'Alembert, Jean"),
        ({"family": "Saussure", "given": "Ferdinand", "dropping-particle": "de"}, "Saussure, Ferdinand de"),
        ({"literal": "World Health Organization"}, "{World Health Organization}"),
        ({"literal": "AT&T Bell Laboratories"}, r"{AT{\&}T Bell Laboratories}"),
        ({"family": "Smith, Jones"}, "{Smith, Jones}"),
        ({"family": "Ramón y Cajal", "given": "Santiago"}, "{Ramón y Cajal}, Santiago"),
    ],
)
def test_names_follow_bibtex_rules(name: dict[str, Any], bibtex: str) -> None:
    assert format_name(name, ascii=False) == bibtex


def test_institution_author_is_double_braced() -> None:
    out = to_bibtex([csl({"id": "who", "type": "report", "title": "Report",
                          "authors": [{"literal": "World Health Organization"}],
                          "publisher": "WHO", "year": 2000})])
    assert "author = {{World Health Organization}}" in out
    assert out.startswith("@techreport{who,")
    assert "institution = {WHO}" in out


@pytest.mark.parametrize(
    ("record", "entry"),
    [
        ({"type": "book"}, "book"), ({"type": "chapter"}, "incollection"),
        ({"type": "conference-paper"}, "inproceedings"), ({"type": "thesis"}, "phdthesis"),
        ({"type": "thesis", "genre": "Master's thesis"}, "mastersthesis"),
        ({"type": "report"}, "techreport"), ({"type": "web", "url": "https://x.org"}, "misc"),
    ],
)
def test_entry_types(record: dict[str, Any], entry: str) -> None:
    out = to_bibtex([csl({"id": "k", "title": "T", "year": 2000, **record})])
    assert out.startswith(f"@{entry}{{k,")


def test_web_page_is_online_in_biblatex() -> None:
    out = to_bibtex([csl({"id": "k", "type": "web", "title": "T", "url": "https://x.org/a_b%20c"})],
                    biblatex=True)
    assert out.startswith("@online{k,")
    assert "url = {https://x.org/a_b%20c}" in out  # verbatim: no escaping in URLs


def test_months_are_macros_and_full_dates_kept() -> None:
    out = to_bibtex([csl({"id": "k", "type": "article", "title": "T", "journal": "J",
                          "date": "2002-03-15"})])
    assert "month = mar," in out
    assert "date = {2002-03-15}" in out
    blx = to_bibtex([csl({"id": "k", "type": "article", "title": "T", "journal": "J",
                          "date": "circa 1900"})], biblatex=True)
    assert "date = {1900~}" in blx


def test_field_order_is_deterministic() -> None:
    items = [csl(r) for r in generate(50)]
    assert to_bibtex(items) == to_bibtex(items)
    for entry in to_bibtex(items).split("\n\n"):
        names = re.findall(r"^  ([\w:.+-]+) =", entry, re.M)
        assert len(names) == len(set(names))


# --- parse back with bibtexparser 2 and pybtex ----------------------------------------------


def _plain(value: str) -> str:
    return decode(value)


def _expected(item: dict[str, Any], biblatex: bool) -> dict[str, str]:
    """The fields both parsers must give back, as plain text."""
    out: dict[str, str] = {}
    if item.get("title"):
        out["title"] = item["title"]
    journal = "journaltitle" if biblatex else "journal"
    if item.get("container-title") and item.get("type", "").startswith("article"):
        out[journal] = item["container-title"]
    for var in ("volume", "DOI", "URL", "ISBN"):
        if item.get(var):
            out[var.lower()] = str(item[var])
    if item.get("issue") and item.get("type", "").startswith("article"):
        out["number"] = str(item["issue"])
    if item.get("page"):
        out["pages"] = str(item["page"]).replace("-", "–")
    parts = (item.get("issued") or {}).get("date-parts")
    if parts and not biblatex:
        out["year"] = str(parts[0][0])
    return out


def _name_parts(item: dict[str, Any], var: str) -> list[tuple[str, str]]:
    out = []
    for n in item.get(var) or []:
        if "literal" in n:
            out.append((n["literal"], ""))
        else:
            family = " ".join(p for p in (n.get("non-dropping-particle"), n["family"]) if p)
            family = family.replace("' ", "'")
            given = " ".join(p for p in (n.get("given"), n.get("dropping-particle")) if p)
            out.append((family, given))
    return out


def _pybtex_names(persons: list[Any]) -> list[tuple[str, str]]:
    out = []
    for p in persons:
        family = " ".join(p.prelast_names + p.last_names)
        family = decode(family).replace("' ", "'")
        out.append((family, decode(" ".join(p.first_names + p.middle_names))))
    return out


def _bibtexparser_names(raw: str) -> list[tuple[str, str]]:
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    out = []
    for name in split_multiple_persons_names(raw):
        parts = parse_single_name_into_parts(name, strict=False)
        family = decode(" ".join(parts.von + parts.last)).replace("' ", "'")
        out.append((family, decode(" ".join(parts.first))))
    return out


def _check_parses_back(items: list[dict[str, Any]], *, biblatex: bool, ascii: bool) -> None:
    text = to_bibtex(items, biblatex=biblatex, ascii=ascii)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    by_key = {e.key: e for e in library.entries}
    pyb = pybtex_parse(text, "bibtex").entries
    assert len(by_key) == len(pyb) == len(items)
    for item in items:
        key = item["id"]
        bp, pb = by_key[key], pyb[key]
        for field, value in _expected(item, biblatex).items():
            assert _plain(bp[field]).replace("--", "–") == value.replace("--", "–") or field in ("pages",), (key, field)
            assert _plain(pb.fields[field]) == _plain(bp[field]), (key, field)
        if item.get("page"):
            assert bp["pages"] == pb.fields["pages"] == str(item["page"]).replace("-", "--")
        for var in ("author", "editor"):
            if item.get(var):
                want = _name_parts(item, var)
                assert _bibtexparser_names(bp[var]) == want, key
                assert _pybtex_names(pb.persons[var]) == want, key


@pytest.mark.parametrize("biblatex", [False, True])
@pytest.mark.parametrize("ascii", [False, True])
def test_records_parse_back_with_bibtexparser_and_pybtex(biblatex: bool, ascii: bool) -> None:
    _check_parses_back(record_items(), biblatex=biblatex, ascii=ascii)


@pytest.mark.parametrize("biblatex", [False, True])
def test_generated_records_parse_back_with_bibtexparser_and_pybtex(biblatex: bool) -> None:
    _check_parses_back([csl(r) for r in generate(1000)], biblatex=biblatex, ascii=biblatex)


def test_biblatex_theses_and_reports_carry_their_kind() -> None:
    thesis = to_bibtex([csl({"id": "t", "type": "thesis", "title": "T", "university": "U", "year": 1950})],
                       biblatex=True)
    assert thesis.startswith("@thesis{t,") and "type = {phdthesis}" in thesis
    assert "institution = {U}" in thesis
    master = to_bibtex([csl({"id": "m", "type": "thesis", "genre": "Master's thesis", "title": "T",
                             "university": "U", "year": 1950})])
    assert master.startswith("@mastersthesis{m,") and "school = {U}" in master
    report = to_bibtex([csl({"id": "r", "type": "report", "title": "T", "publisher": "P", "year": 2000})],
                       biblatex=True)
    assert report.startswith("@report{r,") and "type = {techreport}" in report


def test_urls_are_verbatim_unless_their_braces_would_break_the_field() -> None:
    page = csl({"id": "k", "type": "web", "title": "T", "url": "https://x.org/a}b?q=%20&r=a_b"})
    out = to_bibtex([page])
    assert "url = {https://x.org/a%7Db?q=%20&r=a_b}," in out
    assert "entrysubtype" not in out  # @misc with a URL reads back as a web page anyway
    assert bibtexparser.parse_string(out).entries[0]["url"] == "https://x.org/a%7Db?q=%20&r=a_b"
