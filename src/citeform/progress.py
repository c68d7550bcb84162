"""A progress bar on standard error for long runs.

Shown only when standard error is a terminal, ``--quiet`` is off and the run is long
(enough entries, and still going after a short delay); never when piped, so logs and
redirected output stay clean. The bar is drawn on one line and erased at the end.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MIN_TOTAL = 500  # fewer entries than this finish too quickly to need a bar
DELAY = 0.5  # seconds before the first draw
WIDTH = 30


def wanted(total: int, quiet: bool = False, stream: TextIO | None = None) -> bool:
    """Whether a run of ``total`` entries should show a bar on ``stream``."""
    stream = stream if stream is not None else sys.stderr
    if quiet or total < MIN_TOTAL or os.environ.get("CITEFORM_NO_PROGRESS"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """``update(n)`` as work gets done; ``close()`` erases the bar."""

    def __init__(self, total: int, label: str = "rendering", stream: TextIO | None = None,
                 enabled: bool = True):
        self.total = max(total, 1)
        self.label = label
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
        return f"citeform: {self.label} [{bar}] {self.done}/{self.total}"

    def draw(self) -> None:
        self.stream.write("\r" + self.line())
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * len(self.line()) + "\r")
            self.stream.flush()
            self.drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
