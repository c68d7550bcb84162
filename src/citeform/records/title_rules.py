"""Each style's rule for non-English titles that carry a translation.

The neutral CSL-JSON keeps the translation in ``custom["translated-title"]``; before rendering,
the style's rule (named in ``styles/aliases.yaml``) decides where it goes.
"""

from __future__ import annotations

from typing import Any

from ..vocabulary import is_english, language_name

RULES = ("nlm", "apa", "none")


def apply(item: dict[str, Any], rule: str) -> dict[str, Any]:
    """A copy of ``item`` laid out for the rule, or ``item`` itself when nothing changes."""
    custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
    translated = custom.get("translated-title") if custom else None
    language = item.get("language") if isinstance(item.get("language"), str) else None
    if rule == "nlm":
        return _nlm(item, translated, language)
    if rule == "apa" and translated and item.get("title"):
        return {**item, "title": f"{item['title']} [{translated}]"}
    return item


def _nlm(item: dict[str, Any], translated: str | None, language: str | None) -> dict[str, Any]:
    """Citing Medicine: the English translation in square brackets replaces the title, and the
    language of publication follows the pagination ("... 289-306. French. doi:...")."""
    if is_english(language) and not translated:
        return item
    out = dict(item)
    if translated:
        out["title"] = f"[{translated}]"
    name = language_name(language)
    if name and not is_english(language):
        # citeform's nlm-citation-sequence (styles/) prints "references" after the pagination
        notes = out.get("references")
        out["references"] = f"{name}. {notes}" if notes else name
    return out
