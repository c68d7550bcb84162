"""citeform's CSL engine: citeproc-py plus the behaviours it lacks.

The one entry point is :func:`render_csl`; see ``docs/engine.md``.
"""

from __future__ import annotations

from .exceptions import EngineError
from .pipeline import EngineResult, render_csl

__all__ = ["EngineError", "EngineResult", "render_csl"]
