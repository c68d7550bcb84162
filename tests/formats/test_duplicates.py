"""Records that are the same publication are found, with both places."""

from __future__ import annotations

from citeform.formats.duplicates import find_duplicates, normalise_doi, normalise_text


def item(**fields: object) -> dict[str, object]:
    return {"type": "article-journal", **fields}


def test_same_doi_in_any_spelling() -> None:
    dups = find_duplicates([
        ("a", "a.yaml:1", item(DOI="10.1038/S41586-021-03819-2")),
        ("b", "refs.bib:30", item(DOI="https://doi.org/10.1038/s41586-021-03819-2")),
    ])
    assert len(dups) == 1
    assert dups[0].format() == "refs.bib:30: b: same publication as a at a.yaml:1 (same DOI)"


def test_same_title_year_and_first_author() -> None:
    one = item(title="Über die Wärme", author=[{"family": "Müller", "given": "A."}],
               issued={"date-parts": [[1905]]})
    two = item(title="Uber die  warme.", author=[{"family": "Muller", "given": "Anna"}],
               issued={"date-parts": [[1905, 3]]})
    other_year = {**two, "issued": {"date-parts": [[1906]]}}
    dups = find_duplicates([("a", "p1", one), ("b", "p2", two), ("c", "p3", other_year)])
    assert [(d.key, d.other_key, d.reason) for d in dups] == [
        ("b", "a", "same title, year and first author")]


def test_different_publications_are_not_duplicates() -> None:
    assert find_duplicates([
        ("a", "p1", item(title="Zur Elektrodynamik bewegter Körper", issued={"date-parts": [[1905]]},
                         author=[{"family": "Einstein"}])),
        ("b", "p2", item(title="Über einen heuristischen Gesichtspunkt", issued={"date-parts": [[1905]]},
                         author=[{"family": "Einstein"}])),
    ]) == []


def test_normalisation() -> None:
    assert normalise_doi("doi:10.1/ABC") == "10.1/abc"
    assert normalise_text("<i>The</i> DNA — of Paris!") == "the dna of paris"
