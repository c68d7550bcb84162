"""Keys for records that come without one: first author's family name and year."""

from __future__ import annotations

import re
import unicodedata
from typing import Any


def _ascii_word(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def suggest_key(item: dict[str, Any]) -> str:
    """``rousseau2002`` from the first name and the year (``anon`` / ``nd`` when missing)."""
    names = item.get("author") or item.get("editor") or []
    first = names[0] if names and isinstance(names[0], dict) else {}
    if first.get("family"):
        word = _ascii_word(f"{first.get('non-dropping-particle', '')}{first['family']}")
    else:
        word = _ascii_word(str(first.get("literal") or "").split(" ")[0])
    if not word:
        word = _ascii_word(" ".join(str(item.get("title", "")).split()[:1])) or "anon"
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    year = str(parts[0][0]) if parts and parts[0] else "nd"
    return f"{word}{year}"


def unique_key(base: str, taken: set[str]) -> str:
    """``base``, else ``basea``, ``baseb``... (the same-author-same-year convention)."""
    key, n = base, 0
    while key in taken:
        n += 1
        suffix = ""
        m = n
        while m:
            m, r = divmod(m - 1, 26)
            suffix = chr(97 + r) + suffix
        key = base + suffix
    taken.add(key)
    return key
