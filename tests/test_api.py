"""The Python API: ``citeform.render`` and ``citeform.load_records``."""

from __future__ import annotations

import pytest
from conftest import DATA, RECORDS

import citeform
from citeform import CiteformError, load_records, render
from citeform.errors import DataError, UsageError

SEED = {
    "id": "seed", "type": "article",
    "title": "Apport des biothérapies anticancéreuses dans le traitement des leucémies de l'enfant",
    "translated-title": "Antitumor biotherapies in the treatment of pediatric leukemias",
    "authors": ["Rousseau, R.", "Bollard, C.", "Heslop, H."], "journal": "Archives de Pediatrie",
    "journal-abbreviation": "Arch Pediatr", "year": 2002, "volume": 9, "issue": 3,
    "pages": "289-306", "language": "fr",
}


def test_render_record_dicts_vancouver_and_apa():
    van = render([SEED], "vancouver")
    assert van.bibliography == [
        "1. Rousseau R, Bollard C, Heslop H. [Antitumor biotherapies in the treatment of pediatric "
        "leukemias]. Arch Pediatr. 2002;9(3):289–306. French."
    ]
    assert van.citations == [] and van.bibliography_ids == ["seed"]
    apa = render([SEED], "apa")
    assert apa.bibliography[0].startswith("Rousseau, R., Bollard, C., & Heslop, H. (2002). Apport")
    assert "l’enfant [Antitumor biotherapies in the treatment of pediatric leukemias]." in apa.bibliography[0]


def test_record_without_translation_keeps_its_title():
    rec = {k: v for k, v in SEED.items() if k != "translated-title"}
    van = render([rec], "vancouver").bibliography[0]
    assert "Apport des biothérapies" in van and "[" not in van
    assert van.endswith("French.")
    apa = render([rec], "apa").bibliography[0]
    assert "de l’enfant. Archives de Pediatrie" in apa


def test_render_loaded_records_and_clusters():
    records = load_records([str(RECORDS)])
    res = render(records, "apa", citations=[
        [{"id": "rousseau2002", "locator": "290", "label": "page"}],
        {"citationItems": [{"id": "kernighan1988"}], "properties": {"noteIndex": 0}},
    ])
    assert res.citations == ["(Rousseau et al., 2002, p. 290)", "(Kernighan & Ritchie, 1988)"]
    assert res.bibliography_ids == ["kernighan1988", "rousseau2002"]  # only cited items


def test_csl_json_items_and_style_as_xml_text():
    from citeform.styles import resolve

    xml = open(resolve("apa").path, encoding="utf-8").read()
    items = [{"id": "a", "type": "book", "title": "A book", "author": [{"family": "Zed", "given": "A."}],
              "issued": {"date-parts": [[1999]]}, "publisher": "P"}]
    assert render(items, xml).bibliography == ["Zed, A. (1999). A book. P."]


def test_html_format():
    res = render([SEED], "apa", format="html")
    assert "<i>Archives de Pediatrie</i>, <i>9</i>(3)" in res.bibliography[0]


def test_errors_are_citeform_errors():
    with pytest.raises(UsageError):
        render([SEED], "no-such-style-at-all")
    with pytest.raises(UsageError):
        render([SEED], "apa", format="pdf")
    with pytest.raises(DataError) as e:
        render([{"title": "x", "date": "soon", "id": "k"}], "apa")
    assert e.value.key == "k" and e.value.field == "date"
    with pytest.raises(CiteformError):
        render([42], "apa")


def test_load_records_keeps_places():
    records = load_records([str(DATA / "multi")], warn=lambda m: None)
    assert [r.key for r in records] == ["kim2021", "lee2019"]
    kim = records[0]
    assert kim.file.endswith("lab.yaml") and kim.line == 2
    assert kim.field_lines["funding"] == 13


def test_lazy_public_names():
    assert citeform.render is render
    with pytest.raises(AttributeError):
        citeform.nothing_here  # noqa: B018


BAINES = [
    {"id": "b1", "type": "article-journal", "title": "The servitization of manufacturing",
     "author": [{"family": "Baines", "given": "T. S."}, {"family": "Lightfoot", "given": "H. W."},
                {"family": "Benedettini", "given": "O."}, {"family": "Kay", "given": "J. M."}],
     "issued": {"date-parts": [[2009]]}},
    {"id": "b2", "type": "article-journal", "title": "Servitized manufacture",
     "author": [{"family": "Baines", "given": "T. S."}, {"family": "Lightfoot", "given": "H. W."},
                {"family": "Kay", "given": "J. M."}],
     "issued": {"date-parts": [[2009, 9, 1]]}},
]


def test_render_grouped_sort_of_a_collapsing_citation():
    """The cites tie on the style's keys (citeproc-js keys them without the names that
    disambiguation adds). A document's citation (citeproc-js 2.4.63, processCitationCluster)
    then orders them by their author strings; ``grouped_sort=False`` keeps the order they were
    given in, as citeproc-js 2.4.63's makeCitationCluster prints it (the CSL suite's
    disambiguate_ByCiteIncremental2)."""
    style = str(DATA / "csl" / "grouped-sort.csl")
    cluster = [[{"id": "b1"}, {"id": "b2"}]]
    assert render(BAINES, style, citations=cluster).citations == [
        "(Baines, Lightfoot, and Kay, 2009; Baines, Lightfoot, Benedettini, et al., 2009)"
    ]
    assert render(BAINES, style, citations=cluster, grouped_sort=False).citations == [
        "(Baines, Lightfoot, Benedettini, et al., 2009; Baines, Lightfoot, and Kay, 2009)"
    ]


def test_render_grouped_sort_false_shifts_key_directions():
    """citeproc-js's grouped sort puts a copy of the first key's direction in front of the
    style's, so its plain sort of a collapsing style gives each later key the direction of the
    key before: Elsevier's descending year sorts ascending in makeCitationCluster (citeproc-js
    2.4.63 printed both)."""
    items = [
        {"id": "p02", "type": "book", "title": "B", "author": [{"family": "Popescu", "given": "Wm."}],
         "issued": {"date-parts": [[2002]]}},
        {"id": "p99", "type": "book", "title": "A", "author": [{"family": "Popescu", "given": "Wm."}],
         "issued": {"date-parts": [[1999]]}},
    ]
    cluster = [[{"id": "p02"}, {"id": "p99"}]]
    assert render(items, "elsevier-harvard", citations=cluster).citations == ["(Popescu, 2002, 1999)"]
    assert render(items, "elsevier-harvard", citations=cluster, grouped_sort=False).citations == [
        "(Popescu, 1999, 2002)"
    ]


@pytest.mark.parametrize("value", ["false", 0, None, []])
def test_render_grouped_sort_must_be_a_bool(value):
    """A string "false" is truthy: taking it as True would silently give the other sort."""
    with pytest.raises(UsageError, match="grouped_sort"):
        render(BAINES, "apa", citations=[[{"id": "b1"}]], grouped_sort=value)
