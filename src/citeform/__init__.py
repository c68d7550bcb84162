"""citeform: format citations and bibliographies from YAML records with CSL styles.

The public API is :func:`citeform.render`; it is imported lazily so that
``import citeform`` (and the CLI's start-up) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

__all__ = ["render", "RenderResult", "load_records", "CiteformError", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import RenderResult, render
    from .errors import CiteformError
    from .records.load import load_records


def __getattr__(name: str) -> Any:
    if name in ("render", "RenderResult"):
        from . import api as _render

        return getattr(_render, name)
    if name == "load_records":
        from .records.load import load_records

        return load_records
    if name == "CiteformError":
        from .errors import CiteformError

        return CiteformError
    raise AttributeError(name)
