"""A progress bar on standard error for long runs.

Shown only when standard error is a terminal (not ``TERM=dumb``), ``--quiet`` is off,
``CITEFORM_NO_PROGRESS`` is not set and the run is long (enough work, and still going after a second); never when piped, so
logs and redirected output stay clean. The bar is drawn on one line and erased at the end, and
:func:`clear` erases it before a warning is printed (the next update draws it again).
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MIN_TOTAL = 500  # fewer entries than this finish too quickly to need a bar
DELAY = 1.0  # seconds before the first draw: shorter work never shows a bar
WIDTH = 30

_shown: Progress | None = None  # the bar on the screen now, if any


def wanted(total: int, quiet: bool = False, stream: TextIO | None = None,
           minimum: int = MIN_TOTAL) -> bool:
    """Whether a run of ``total`` units of work (entries, unless ``minimum`` says otherwise)
    should show a bar on ``stream``."""
    stream = stream if stream is not None else sys.stderr
    if quiet or total < minimum or os.environ.get("CITEFORM_NO_PROGRESS") \
            or os.environ.get("TERM") == "dumb":  # a terminal that cannot redraw a line
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """``update(n)`` as work gets done; ``close()`` erases the bar."""

    def __init__(self, total: int, label: str = "rendering", stream: TextIO | None = None,
                 enabled: bool = True, percent: bool = False):
        self.total = max(total, 1)
        self.label = label
        self.percent = percent  # "42%" instead of "done/total" (for work counted in bytes)
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.done = 0
        self.start = time.monotonic()
        self.drawn = False
        self.last_draw = 0.0

    def update(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < DELAY or (now - self.last_draw < 0.1 and self.done < self.total):
            return
        self.last_draw = now
        self.draw()

    def line(self) -> str:
        share = min(self.done / self.total, 1.0)
        filled = int(share * WIDTH)
        bar = "#" * filled + "-" * (WIDTH - filled)
        count = f"{int(share * 100)}%" if self.percent else f"{self.done}/{self.total}"
        return f"citeform: {self.label} [{bar}] {count}"

    def draw(self) -> None:
        global _shown
        self.stream.write("\r" + self.line())
        self.stream.flush()
        self.drawn = True
        _shown = self

    def close(self) -> None:
        global _shown
        if self.drawn:
            self.stream.write("\r" + " " * len(self.line()) + "\r")
            self.stream.flush()
            self.drawn = False
        if _shown is self:
            _shown = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def clear() -> None:
    """Erase the bar on the screen, if any, so that a message can take its line."""
    if _shown is not None:
        _shown.close()
