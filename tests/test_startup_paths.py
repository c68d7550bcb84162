"""Start-up short cuts give what the slower general tools give."""

from __future__ import annotations

import fnmatch
import json
import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from citeform import styles
from citeform.records.load import file_stem as _stem

ROOT = Path(__file__).resolve().parents[1]


def test_aliases_json_equals_the_yaml() -> None:
    """styles/aliases.json is what ``python -m citeform.styles`` makes of aliases.yaml."""
    folder = ROOT / "styles"
    written = json.loads((folder / "aliases.json").read_text(encoding="utf-8"))
    assert written == styles.read_aliases_yaml(str(folder / "aliases.yaml")), \
        "styles/aliases.json is out of date: run python -m citeform.styles"
    assert list(written["translated-titles"]) == list(
        styles.read_aliases_yaml(str(folder / "aliases.yaml"))["translated-titles"])  # order


def test_config_comes_from_the_json_twin() -> None:
    assert styles._config() == styles.read_aliases_yaml(
        os.path.join(styles.styles_dir(), "aliases.yaml"))


PATHS = ["a.yaml", "dir/a.b.yaml", ".hidden", "x.", "rec", "a/b/", "./a.yaml", "a//b.json",
         "/abs/c.d", "..", "a/..", "x.tar.gz", "a/.", "é.yaml", "..yaml", "...", ".", "", "/",
         "a/./b.c/.", "<stdin>"]


def test_stem_as_pathlib_gives_it() -> None:
    for p in PATHS:
        assert _stem(p) == Path(p).stem, p


@given(st.lists(st.sampled_from(["a", "b.c", ".", "..", "", ".d", "e.", "f.g.h", "é"]),
                min_size=1, max_size=5))
def test_stem_of_any_path(parts: list[str]) -> None:
    path = "/".join(parts)
    assert _stem(path) == Path(path).stem


PATTERNS = ["apa", "apa*", "*", "", "nlm-citation-*", "a?a", "[ab]pa*", "*apa", "a*a*", "ap[",
            "vancouver*"]
NAMES = ["apa", "apa-6th", "ap", "", "nlm-citation-sequence", "bpa", "ieee", "apa\n", "*", "aXa"]


def test_title_patterns_match_as_fnmatch() -> None:
    for pattern in PATTERNS:
        for name in NAMES:
            assert styles._matches(name, pattern) == fnmatch.fnmatchcase(name, pattern), \
                (name, pattern)
