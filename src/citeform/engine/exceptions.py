"""The engine's single error type."""

from __future__ import annotations


class EngineError(ValueError):
    """A style, locale or citation the engine cannot render."""
