"""Text made safe for a terminal or a one-line message (a shared leaf: imports nothing).

- :func:`shown`: a file name, key or field as ``check`` shows it in a message: as it is when
  every character is printable, else as a Python literal (``'a\\x1bb'``).
- :func:`escaped`: a whole message line with every unprintable character written as its
  escape, so that nothing in it moves the cursor, clears the screen or starts a new line.
- :func:`one_line`: rendered text for output: tab, CR, LF (and the Unicode line and
  paragraph separators) become a space, the other C0 and C1 controls and DEL are dropped.
"""

from __future__ import annotations

import re

_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(name: str) -> str:
    """A key, field or file name as it can be shown in a one-line message."""
    return name if name.isprintable() else repr(name)


def escaped(line: str) -> str:
    """``line`` with each unprintable character (but the space) as its backslash escape."""
    if line.isprintable():
        return line
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in line)


def one_line(text: str) -> str:
    """Rendered text without control characters: line breaks and tabs as spaces, the rest
    dropped (so one entry stays one line and nothing reaches a terminal raw)."""
    if not _ANY_CONTROL.search(text):
        return text
    return _CONTROLS.sub("", _BREAKS.sub(" ", text))


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a C0 or C1 control character or a line separator."""
    return _ANY_CONTROL.search(text) is not None


_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def escape_controls(json_text: str) -> str:
    """JSON text with DEL, the C1 controls and the line and paragraph separators as ``\\u``
    escapes (:mod:`json` escapes only C0): they can stand only inside strings, and raw they
    would reach a terminal or split a line."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
