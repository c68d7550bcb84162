"""The BibTeX/BibLaTeX reader: a real-looking library imports to the expected records."""

from __future__ import annotations

from typing import Any

import pytest

from citeform.errors import DataError
from citeform.formats.bibtex_names import parse_bibtex_name
from citeform.formats.bibtex_reader import iter_bibtex, read_bibtex
from citeform.formats.unmap import to_record

from .helpers import DATA


@pytest.fixture(scope="module")
def library() -> dict[str, Any]:
    reads = read_bibtex((DATA / "library.bib").read_text("utf-8"), "library.bib")
    return {r.item["id"]: r for r in reads}


def records(library: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k: to_record(r.item) for k, r in library.items()}


def test_every_entry_is_read_with_its_line(library: dict[str, Any]) -> None:
    assert list(library) == [
        "rousseau2002", "Einstein1905", "vanderwaals1873", "dijkstra1968", "nato1968", "who2000",
        "nash1950", "rumelhart1986", "jumper2021", "accents", "vanrossum2001", "biblatexonline",
        "nodate",
    ]
    assert library["rousseau2002"].line == 13
    assert library["Einstein1905"].line == 30


def test_seed_article(library: dict[str, Any]) -> None:
    assert records(library)["rousseau2002"] == {
        "id": "rousseau2002", "type": "article",
        "title": "Apport des biothérapies anticancéreuses dans le traitement des leucémies de l'enfant",
        "translated-title": "Antitumor biotherapies in the treatment of pediatric leukemias",
        "authors": ["Rousseau, R.", "Bollard, C.", "Heslop, H."],
        "journal": "Archives de Pédiatrie",  # from an @string macro with a LaTeX accent
        "journal-abbreviation": "Arch Pediatr",
        "volume": 9, "issue": 3, "pages": "289-306",
        "date": "2002-03",  # month macro
        "language": "fr", "doi": "10.1016/S0929-693X(01)00755-5", "pmid": "11915504",
        "keywords": ["Child", "Gene therapy", "Immunotherapy, adoptive", "Leukemia", "Vaccines"],
    }


def test_upper_case_fields_quoted_values_and_given_family_names(library: dict[str, Any]) -> None:
    rec = records(library)["Einstein1905"]
    assert rec["authors"] == ["Einstein, Albert"]
    assert rec["title"] == "Zur Elektrodynamik bewegter Körper"
    assert rec["journal"] == "Annalen der Physik"
    assert rec["date"] == "1905-06"
    assert rec["language"] == "de"


def test_particles_and_suffixes(library: dict[str, Any]) -> None:
    recs = records(library)
    assert recs["vanderwaals1873"]["authors"] == ["van der Waals, Johannes Diderik"]
    assert recs["vanderwaals1873"]["title"] == "Over de continuïteit van den gas- en vloeistoftoestand"
    assert recs["nash1950"]["authors"] == ["Nash, Jr., John Forbes"]
    assert recs["nash1950"]["university"] == "Princeton University"
    assert recs["accents"]["authors"][-1] == "de la Vallée Poussin, Charles-Jean"


def test_accents_in_all_common_forms(library: dict[str, Any]) -> None:
    rec = records(library)["accents"]
    assert rec["authors"][:9] == [
        "Dvořák, Antonín", "Erdős, Pál", "Gödel, Kurt", "Ørsted, Hans Christian",
        "Łukasiewicz, Jan", "François, Françoise", "Straßmann, Jürgen", "Mañana, José",
        "Ångström, Anders Jonas",
    ]
    assert rec["title"] == "Études sur l'œuvre de Poincaré & 50% des cas"
    assert rec["publisher"] == "Springer Berlin"  # macros joined with #
    assert rec["place"] == "Berlin"


def test_corporate_authors_stay_whole(library: dict[str, Any]) -> None:
    recs = records(library)
    assert recs["who2000"]["authors"] == [{"literal": "World Health Organization"}]
    assert recs["who2000"]["publisher"] == "World Health Organization"
    assert recs["who2000"]["genre"] == "Annual report"
    assert recs["rumelhart1986"]["editors"][-1] == {"literal": "PDP Research Group"}


def test_crossref_fills_in_from_the_parent(library: dict[str, Any]) -> None:
    rec = records(library)["dijkstra1968"]
    assert rec["type"] == "conference-paper"
    assert rec["book-title"] == "Programming Languages: NATO Advanced Study Institute"
    assert rec["editors"] == ["Genuys, F."]
    assert rec["publisher"] == "Academic Press"
    assert rec["year"] == 1968
    assert rec["pages"] == "43-112"


def test_and_others_is_kept_without_a_warning(library: dict[str, Any]) -> None:
    read = library["jumper2021"]
    assert to_record(read.item)["authors"] == ["Jumper, John", "Evans, Richard", "Pritzel, Alexander"]
    assert read.item["custom"]["author-others"] is True
    # a list cut short is data, printed as et al.: nothing to warn about
    assert not any("others" in w for w in read.warnings)
    assert to_record(read.item)["date"] == "2021-08-26"  # aug # "~26"


def test_biblatex_fields(library: dict[str, Any]) -> None:
    rec = records(library)["biblatexonline"]
    assert rec["type"] == "web"
    assert rec["title"] == "The TeXbook errata"
    assert rec["date"] == "2023-05-14"
    assert rec["accessed"] == "2024-02-01"
    assert rec["language"] == "en"
    assert rec["place"] == "Stanford"
    assert rec["url"] == "https://ctan.org/tex-archive/systems/knuth/dist/errata?lang=en&x=1"


def test_url_in_howpublished(library: dict[str, Any]) -> None:
    rec = records(library)["vanrossum2001"]
    assert rec["type"] == "web"
    assert rec["url"] == "https://peps.python.org/pep-0008/"
    assert rec["title"] == "PEP 8 – Style Guide for Python Code"


def test_missing_fields_and_unmapped_fields_kept(library: dict[str, Any]) -> None:
    rec = records(library)["nodate"]
    assert "authors" not in rec and "year" not in rec and "date" not in rec
    assert rec["custom"]["owner"] == "alice"  # unmapped: kept under custom, read back as such
    assert library["nodate"].item["custom"]["timestamp"] == "2020-01-01"


def test_undefined_macro_warns() -> None:
    [read] = read_bibtex("@article{k, journal = nosuchmacro, title = {T}, year = 2000}", "x.bib")
    assert read.item["container-title"] == "nosuchmacro"
    assert any("undefined macro 'nosuchmacro'" in w for w in read.warnings)


def test_broken_entry_raises_with_its_line() -> None:
    text = "@article{good, title = {T}}\n\n@article{bad title = {x}}\n\n@book{after, title = {B}}\n"
    with pytest.raises(DataError) as e:
        read_bibtex(text, "x.bib")
    assert e.value.file == "x.bib" and e.value.line == 3
    reads = list(iter_bibtex(text, "x.bib"))
    assert [type(r).__name__ for r in reads] == ["ReadItem", "DataError", "ReadItem"]


def test_duplicate_key_names_both_lines() -> None:
    reads = list(iter_bibtex("@book{a, title={X}}\n@book{a, title={Y}}\n", "x.bib"))
    error = reads[1]
    assert isinstance(error, DataError)
    assert "duplicate key 'a', also at line 1" in error.format()


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Ludwig van Beethoven", {"family": "Beethoven", "non-dropping-particle": "van", "given": "Ludwig"}),
        ("{Barnes and Noble, Inc.}", {"literal": "Barnes and Noble, Inc."}),
        ("{\\relax Ch}ristopher Marlowe", {"family": "Marlowe", "given": "Christopher"}),
        ("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin",
         {"family": "Vallée Poussin", "non-dropping-particle": "de la",
          "given": "Charles Louis Xavier Joseph"}),
        ("R.~Rousseau", {"family": "Rousseau", "given": "R."}),
    ],
)
def test_bibtex_name_rules(raw: str, name: dict[str, Any]) -> None:
    assert parse_bibtex_name(raw) == name


def test_biblatex_subtitles_book_authors_and_article_numbers() -> None:
    [read] = read_bibtex(
        "@incollection{k, title = {Main}, subtitle = {A Sub}, booktitle = {Book},"
        " booksubtitle = {Its Sub}, bookauthor = {Doe, Jane}, year = 2020}\n"
        "@article{a, title = {T}, journaltitle = {J}, journalsubtitle = {S}, eid = {e12790},"
        " date = {2019-04}}\n", "x.bib")[:1]
    assert read.item["title"] == "Main: A Sub"
    assert read.item["container-title"] == "Book: Its Sub"
    assert read.item["container-author"] == [{"family": "Doe", "given": "Jane"}]
    article = read_bibtex("@article{a, title = {T}, journaltitle = {J}, eid = {e12790}, date = {2019-04}}",
                          "x.bib")[0].item
    assert article["number"] == "e12790"
    assert article["issued"] == {"date-parts": [[2019, 4]]}


@pytest.mark.parametrize(
    ("month", "parts"),
    [("mar", [2002, 3]), ("{March}", [2002, 3]), ("3", [2002, 3]), ('"Sept."', [2002, 9]),
     ("mar # {~15}", [2002, 3, 15])],
)
def test_month_forms(month: str, parts: list[int]) -> None:
    [read] = read_bibtex(f"@misc{{k, title = {{T}}, year = 2002, month = {month}}}", "x.bib")
    assert read.item["issued"] == {"date-parts": [parts]}


def test_string_macros_build_on_each_other() -> None:
    text = ('@string{pub = "Springer"}\n@string{pubplace = pub # " Berlin"}\n'
            "@book{k, title = {T}, publisher = pubplace # {, Heidelberg}, year = {1999}}\n")
    assert read_bibtex(text, "x.bib")[0].item["publisher"] == "Springer Berlin, Heidelberg"


def test_odd_entries_are_read_without_crashing() -> None:
    text = ("@book{k}\n@book{, title={x}, author = {Smith, Jan}, year = 1999}\n"
            "@misc{z, author = { and }, title = {}}\n@article{y, author = {{}}, year = {abcd}}\n")
    reads = read_bibtex(text, "x.bib")
    assert [r.item["id"] for r in reads] == ["k", "smith1999", "z", "y"]
    assert "entry has no key" in reads[1].warnings[0]
    assert "author" not in reads[2].item and "author" not in reads[3].item
    assert reads[3].item["issued"] == {"literal": "abcd"}


def test_broken_entry_names_the_reason() -> None:
    with pytest.raises(DataError) as e:
        read_bibtex("@book{k, title = {unbalanced\n", "x.bib")
    assert e.value.format() == "x.bib:1: cannot read this entry: Unexpectedly reached end of file"


def test_doi_urls_become_dois() -> None:
    [read] = read_bibtex("@article{k, title={T}, doi = {https://doi.org/10.1000/ABC_1}}", "x.bib")
    assert read.item["DOI"] == "10.1000/ABC_1"


@pytest.mark.parametrize("biblatex", [False, True])
@pytest.mark.parametrize("ascii", [False, True])
def test_a_library_read_and_written_again_keeps_everything(library: dict[str, Any], biblatex: bool,
                                                           ascii: bool) -> None:
    from citeform.formats.bibtex_writer import to_bibtex

    items = [r.item for r in library.values()]
    again = read_bibtex(to_bibtex(items, biblatex=biblatex, ascii=ascii), "again.bib")
    assert [r.item for r in again] == items


def test_a_macro_bomb_is_refused_and_the_other_entries_read() -> None:
    strings = "".join(f"@string{{s{i} = s{i - 1} # s{i - 1}}}\n" for i in range(1, 40))
    text = f'@string{{s0 = "lol"}}\n{strings}@article{{bomb, title = s39}}\n@article{{ok, title = {{T}}}}\n'
    reads = list(iter_bibtex(text, "bomb.bib"))
    assert isinstance(reads[0], DataError)
    assert reads[0].format() == "bomb.bib:41: bomb: macro 's39' expands to more than 100,000 characters"
    assert reads[1].item["title"] == "T"


def test_braces_nested_too_deeply_are_one_error() -> None:
    text = "@article{deep, title = {" + "{" * 5000 + "x" + "}" * 5000 + "}}\n@article{ok, title={T}}\n"
    reads = list(iter_bibtex(text, "d.bib"))
    assert reads[0].format() == "d.bib:1: deep: cannot read this entry: braces nested too deeply"
    assert reads[1].item["title"] == "T"


def test_in_press_in_the_year_is_a_status() -> None:
    [read] = read_bibtex("@article{k, title = {T}, journal = {J}, year = {in press}}", "x.bib")
    assert read.item["status"] == "in press" and "issued" not in read.item


def test_a_name_read_again_is_a_new_dict_with_the_same_reading():
    """Names are read once per text and reused: a caller changing one changes no other."""
    from citeform.formats.bibtex_names import _parse_bibtex_name, parse_bibtex_name

    first = parse_bibtex_name("van der Berg, Jan")
    first["family"] = "changed"
    again = parse_bibtex_name("van der Berg, Jan")
    assert again == _parse_bibtex_name("van der Berg, Jan") and again["family"] != "changed"
