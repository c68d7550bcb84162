"""The compiled render walk: in use, and the same answers as citeproc-py's own pieces."""

from __future__ import annotations

from citeproc import model
from citeproc.string import MixedString, String
from hypothesis import given
from hypothesis import strategies as st

from citeform import styles
from citeform.engine import compiled, render_csl
from citeform.engine.loader import load_style
from citeform.engine.markup import Marked


def test_structural_elements_get_render_functions(corpus):
    """After a render, the groups and chooses of the style are compiled (not the
    generic fallback, which calls the element's ``render``)."""
    source = styles.resolve("apa").source
    render_csl(corpus[:20], source)
    root = load_style(source).root
    compiled_kinds = set()
    for element in root.iter():  # the layouts and the macros they call
        fn = element.__dict__.get("_cf_fn")
        if fn is not None and isinstance(element, (model.Group, model.Choose)):
            compiled_kinds.add(type(element).__name__)
            assert fn.__qualname__.split(".")[0] in ("Group", "Choose")
    assert {"Group", "Choose"} <= compiled_kinds


_pieces = st.sampled_from(["", " ", ".", ",", "a", "b.", " c", ". d", "..", ", ", "  "])


def _text():
    leaf = st.one_of(
        _pieces,
        _pieces.map(String),
        _pieces.map(Marked),
    )
    return st.recursive(leaf, lambda inner: st.lists(inner, max_size=4).map(MixedString), max_leaves=8)


@given(_text(), _text())
def test_seam_same_as_citeprocs(left, other):
    ours = compiled.normalize_seam(left, other)
    theirs = compiled._citeproc_normalize_seam(left, other)
    assert type(ours) is type(theirs)
    assert str(ours) == str(theirs)
    if isinstance(theirs, MixedString):
        assert [str(part) for part in ours] == [str(part) for part in theirs]
