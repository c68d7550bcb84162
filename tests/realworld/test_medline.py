"""PubMed's MEDLINE format (.nbib, .medline): read, cited, sniffed and checked."""

from __future__ import annotations

from conftest import DATA

from citeform.formats.medline import expand_pages, parse_dp, read_medline
from citeform.records.load import load_records

from .oracle import citeproc_js, laid_out

MEDLINE = DATA / "medline"
SEED_VANCOUVER = (
    "1. Rousseau R, Bollard C, Heslop H. [Antitumor biotherapies in the treatment of pediatric "
    "leukemias]. Arch Pediatr. 2002;9(3):289–306."
)


def _items(name: str) -> list[dict]:
    path = MEDLINE / name
    return [r.item for r in read_medline(path.read_text(encoding="utf-8"), str(path))]


def test_seed_record_renders_the_seed_line_and_its_pmid(invoke):
    result = invoke("cite", "-r", str(MEDLINE / "rousseau2002.nbib"))
    assert result.exit_code == 0, result.stderr
    # the language right after the pagination (Citing Medicine), the PubMed id last
    assert result.stdout == SEED_VANCOUVER + " French. PubMed PMID: 11915504.\n"
    assert result.stderr == ""


def test_seed_record_fields():
    (item,) = _items("rousseau2002.nbib")
    assert item["title"] == ("Apport des biothérapies anticancéreuses dans le traitement des "
                             "leucémies de l'enfant")
    assert item["custom"]["translated-title"] == (
        "Antitumor biotherapies in the treatment of pediatric leukemias")
    assert item["author"] == [{"family": "Rousseau", "given": "R"},
                              {"family": "Bollard", "given": "C"},
                              {"family": "Heslop", "given": "H"}]
    assert item["container-title-short"] == "Arch Pediatr"
    assert item["container-title"].startswith("Archives de pediatrie : organe officiel")
    assert (item["volume"], item["issue"], item["page"]) == ("9", "3", "289-306")
    assert item["issued"] == {"date-parts": [[2002]]}
    assert (item["language"], item["PMID"], item["ISSN"]) == ("fr", "11915504", "0929-693X")
    assert item["custom"]["PII"] == "S0929-693X(01)00755-5"
    assert item["custom"]["PL"] == "France"  # the journal's country, not a place of publication
    assert item["abstract"].startswith("Improvements in the chemotherapeutic and transplant "
                                       "regimens have had a significant impact")
    assert "OWN" not in item["custom"] and "EDAT" not in item["custom"]


def test_multi_record_export():
    huang, mueller, smith, jorgensen = _items("pubmed-export.nbib")
    assert huang["title"] == ("Clinical features of patients infected with 2019 novel "
                              "coronavirus in Wuhan, China")
    assert huang["DOI"] == "10.1016/S0140-6736(20)30183-5"
    assert (huang["PMCID"], huang["ISSN"]) == ("PMC7159299", "0140-6736")
    assert huang["issued"] == {"date-parts": [[2020, 2, 15]]}
    assert huang["available-date"] == {"date-parts": [[2020, 1, 24]]}
    assert huang["language"] == "en"
    assert [n["family"] for n in mueller["author"][:4]] == [
        "Müller", "Ó Súilleabháin", "Núñez-García", "Søreide"]
    assert mueller["author"][2]["given"] == "María José"
    assert mueller["author"][4] == {"literal": "NORMIC Study Group"}
    assert mueller["page"] == "e0198254"
    assert mueller["keyword"] == "infant; microbiome"
    assert smith["author"][0] == {"family": "Smith", "given": "John A", "suffix": "Jr"}
    assert smith["author"][1] == {"family": "Nakamura", "given": "Y"}  # AU alone
    assert smith["page"] == "S42-S49"
    assert smith["issued"] == {"date-parts": [[1999, 3], [1999, 4]]}
    assert smith["language"] == "en" and smith["custom"]["LA"] == ["eng", "ger"]
    assert jorgensen["title"] == "[Treatment of hypertension in general practice]"
    assert jorgensen["issued"] == {"date-parts": [[1998]], "season": 4}
    assert jorgensen["page"] == "255-261"


def test_books_and_chapters():
    chapter, book = _items("genereviews.medline")
    assert chapter["type"] == "chapter"
    assert chapter["container-title"] == "GeneReviews(R)"
    assert [e["family"] for e in chapter["editor"]] == ["Adam", "Feldman", "Mirzaa"]
    assert (chapter["publisher"], chapter["publisher-place"]) == (
        "University of Washington, Seattle", "Seattle (WA)")
    assert book["type"] == "book"
    assert book["title"] == "Dietary Reference Intakes for Calcium and Vitamin D"
    assert book["collection-title"].startswith("The National Academies Collection")
    assert book["author"] == [{"literal": "Institute of Medicine (US) Committee to Review Dietary "
                                          "Reference Intakes for Vitamin D and Calcium"}]
    assert (book["ISBN"], book["DOI"]) == ("9780309163941", "10.17226/13050")


def test_dates_of_every_shape():
    assert parse_dp("2002 Mar 15-21") == {"date-parts": [[2002, 3, 15], [2002, 3, 21]]}
    assert parse_dp("2001 Dec-2002 Jan") == {"date-parts": [[2001, 12], [2002, 1]]}
    assert parse_dp("2002 Fall") == {"date-parts": [[2002]], "season": 3}
    assert parse_dp("2002 Mar-Feb") is None
    assert parse_dp("1st Quarter 2002") is None


def test_pages_in_full():
    assert expand_pages("289-96") == "289-296"
    assert expand_pages("1123-9, 1130") == "1123-1129, 1130"
    assert expand_pages("e123") == "e123"


def test_a_date_not_understood_is_a_warning_naming_file_and_line(tmp_path, invoke):
    f = tmp_path / "odd.nbib"
    f.write_text("PMID- 1\nTI  - A title.\nFAU - Doe, Jane\nAU  - Doe J\nDP  - 2002 1st Quarter\n"
                 "TA  - J Odd\nJT  - Journal of Oddities\nVI  - 1\nPG  - 1-2\n", encoding="utf-8")
    result = invoke("cite", "-r", str(f))
    assert result.exit_code == 0
    assert f"{f}:1: doend: DP (line 5) '2002 1st Quarter' is not a MEDLINE date; kept as written" \
        in result.stderr.replace("citeform: warning: ", "")


def test_stdin_is_sniffed(invoke):
    text = (MEDLINE / "pubmed-export.nbib").read_text(encoding="utf-8")
    result = invoke("cite", "-r", "-", input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 4


def test_folders_pick_up_nbib_and_medline_files():
    keys = {r.key for r in load_records([str(MEDLINE)], warn=lambda m: None)}
    assert {"rousseau2002", "huang2020", "stoller1993", "institute2011"} <= keys


def test_vancouver_and_apa_match_citeproc_js(invoke):
    items = [i for name in ("rousseau2002.nbib", "pubmed-export.nbib", "genereviews.medline")
             for i in _items(name)]
    for style in ("vancouver", "apa"):
        expected = citeproc_js(laid_out(items, style), style)
        ours = invoke("cite", "-s", style, *[a for name in ("rousseau2002.nbib",
                                                             "pubmed-export.nbib",
                                                             "genereviews.medline")
                                              for a in ("-r", str(MEDLINE / name))])
        assert ours.stdout.splitlines() == expected, style


def test_a_file_that_is_not_medline_is_an_error_naming_it(tmp_path, invoke):
    f = tmp_path / "page.nbib"
    f.write_text("<html>\n<body>no records</body>\n", encoding="utf-8")
    result = invoke("cite", "-r", str(f))
    assert result.exit_code == 1
    assert result.stderr == (f"citeform: error: {f}:1: not a MEDLINE record: line 1 is not a "
                             "'TAG - value' line\n")


def test_a_stray_line_in_a_record_is_a_warning_naming_it(tmp_path, invoke):
    f = tmp_path / "stray.nbib"
    f.write_text("PMID- 1\nTI  - A title.\nFAU - Doe, Jane\nTA  - J Odd\nJT  - J Odd\nVI  - 1\n"
                 "PG  - 1-2\nDP  - 2002\nstray words\n", encoding="utf-8")
    result = invoke("cite", "-r", str(f))
    assert result.exit_code == 0
    assert result.stdout == "1. Doe J. A title. J Odd. 2002;1:1–2. PubMed PMID: 1.\n"
    assert "line 9: not a MEDLINE 'TAG - value' line; left out" in result.stderr


def test_from_medline_reads_any_file_name(tmp_path, invoke):
    f = tmp_path / "pubmed-result.txt"
    f.write_bytes((MEDLINE / "rousseau2002.nbib").read_bytes())
    result = invoke("cite", "-r", str(f), "--from", "medline")
    assert result.stdout.startswith(SEED_VANCOUVER)
    checked = invoke("check", str(f), "--from", "medline", "-s", "vancouver")
    assert checked.exit_code == 0 and "1 record" in checked.stdout


def test_a_ris_file_read_as_medline_is_an_error(invoke):
    """RIS lines look like MEDLINE's ('TY  - JOUR'): --from medline on a RIS export made
    records of the wrong fields (no journal, no year), with warnings only about the journal."""
    scopus = DATA / "ris" / "scopus.ris"
    result = invoke("cite", "-r", str(scopus), "--from", "medline")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        f"citeform: error: {scopus}:1: not a MEDLINE record: line 1 is RIS's 'TY  - ' "
        "(read it with --from ris)")


def test_journal_known_only_by_its_abbreviation_is_printed(tmp_path, invoke):
    """A record with TA but no JT (older exports, hand-made files) printed no journal at all
    and warned that it was missing: the abbreviation is the journal's name MEDLINE gives."""
    f = tmp_path / "ta-only.nbib"
    f.write_text("PMID- 123\nTI  - A study of things.\nFAU - Smith, John\nAU  - Smith J\n"
                 "TA  - N Engl J Med\nDP  - 2020 Jan\nVI  - 382\nPG  - 1-10\n"
                 "PT  - Journal Article\n", encoding="utf-8")
    (item,) = [r.item for r in read_medline(f.read_text(encoding="utf-8"), str(f))]
    assert item["container-title"] == item["container-title-short"] == "N Engl J Med"
    result = invoke("cite", "-r", str(f))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == citeproc_js(laid_out([item], "vancouver"), "vancouver")[0] + "\n"
    assert "N Engl J Med. 2020 Jan;382:1–10." in result.stdout
