"""Paths and small assertions shared by the hostile-input tests."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def error_line(result) -> str:  # type: ignore[no-untyped-def]
    """The one line a failed run printed on stderr (and nothing on stdout)."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    return lines[0]


def as_other_user(function, switch: bool = True) -> int:  # type: ignore[no-untyped-def]
    """Run ``function()`` in a forked child, as user and group 65534 when ``switch`` (needs
    root); returns what it returns (a small int, through the exit status)."""
    import os

    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through its exit status
        status = 255
        try:
            if switch:
                os.setgid(65534)
                os.setuid(65534)
            status = int(function())
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def is_root() -> bool:
    import os

    return hasattr(os, "geteuid") and os.geteuid() == 0
