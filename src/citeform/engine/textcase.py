"""CSL text-case on rendered text, respecting nocase spans and markup tokens.

``title`` applies only to English items (item ``language`` empty or ``en*``,
or, without one, a style whose locale is English): other titles are left as
written.  Words with capitals inside (``iPhone``, ``DNA``) are kept, the parts
of hyphenated words are capitalised (``Long-Term``) and stop words stay
lower-case unless they open the title or a subtitle.
"""

from __future__ import annotations

import re

from citeproc.string import MixedString, NoCase, String

from . import markup as m

STOP_WORDS = frozenset(
    """a about above according across afore after against ahead along alongside amid amidst among amongst an
    and anenst apart apropos apud around as aside astride at athwart atop barring before behind
    below beneath beside besides between beyond but by circa despite down during except for
    forenenst from given in including inside into lest like modulo near next nor notwithstanding of
    off on onto or out over per plus pro qua sans since so than the through thru thruout till to
    toward towards under underneath until unto up upon versus via vs vs. with within without worth
    yet al c ca d' d’ de et v v. van von vis-à-vis""".split()
)
_WORD = re.compile(r"[^\s\u2014\u2013/]+")


def _segments(text) -> list[tuple[str, bool]]:
    if isinstance(text, MixedString):
        out = []
        for seg in text:
            out.extend(_segments(seg))
        return out
    return [(str(text), isinstance(text, NoCase))]


def _rebuild(chars: list[str], mask: list[bool], original):
    """Back to a citeproc string, NoCase segments kept as such."""
    if not any(mask):
        return String("".join(chars))
    parts: list[String] = []
    buf: list[str] = []
    current = mask[0] if mask else False
    for ch, protected in zip(chars, mask, strict=True):
        if protected != current:
            parts.append(NoCase("".join(buf)) if current else String("".join(buf)))
            buf = []
            current = protected
        buf.append(ch)
    if buf:
        parts.append(NoCase("".join(buf)) if current else String("".join(buf)))
    return MixedString(parts)


def _letters(word: str) -> str:
    return "".join(ch for ch in word if ch.isalpha())


def _first_letter(chars: list[str], mask: list[bool], start: int, end: int) -> int | None:
    for i in range(start, end):
        ch = chars[i]
        if ch in m.ALL_TOKENS:
            continue
        if ch.isalpha():
            return None if mask[i] else i
        if ch.isdigit():
            return None
    return None


def apply_case(text, case: str, language: str | None = None):
    if text is None or not case:
        return text
    segs = _segments(text)
    chars: list[str] = []
    mask: list[bool] = []
    for seg, protected in segs:
        chars.extend(seg)
        mask.extend([protected] * len(seg))
    # text inside nocase, small caps, superscript and subscript markup is protected too
    opens = {m.NOCASE[0], m.NODECOR[0], m.SMALLCAPS[0], m.SUPERSCRIPT[0], m.SUBSCRIPT[0]}
    closes = {m.NOCASE[1], m.NODECOR[1], m.SMALLCAPS[1], m.SUPERSCRIPT[1], m.SUBSCRIPT[1]}
    depth = 0
    keep = False  # after a keep-case marker: the next letter is left as typed
    for i, ch in enumerate(chars):
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(depth - 1, 0)
        elif ch == m.KEEPCASE:
            keep = True
        elif keep and ch not in m.ALL_TOKENS:
            mask[i] = case not in ("lowercase", "uppercase")
            keep = False
        if depth:
            mask[i] = True
    full = "".join(chars)
    turkic = (language or "")[:2].lower() in ("tr", "az")  # dotted and dotless i
    if case == "lowercase":
        lower = {"I": "\u0131", "\u0130": "i"} if turkic else {}
        chars = [c if p else lower.get(c, c).lower() for c, p in zip(chars, mask, strict=True)]
    elif case == "uppercase":
        upper = {"i": "\u0130"} if turkic else {}
        chars = [c if p else upper.get(c, c).upper() for c, p in zip(chars, mask, strict=True)]
    elif case == "capitalize-first":
        i = _first_letter(chars, mask, 0, len(chars))
        if i is not None:
            chars[i] = chars[i].upper()
    elif case == "capitalize-all":
        for match in _WORD.finditer(full):
            i = _first_letter(chars, mask, match.start(), match.end())
            if i is not None:
                chars[i] = chars[i].upper()
    elif case == "sentence":
        letters = [c for c, p in zip(chars, mask, strict=True) if c.isalpha() and not p]
        all_upper = bool(letters) and all(c.isupper() for c in letters)
        for match in _WORD.finditer(full):
            word = _letters(m.strip_tokens(match.group()))
            if all_upper or not (len(word) > 1 and word.isupper()):
                for i in range(match.start(), match.end()):
                    if not mask[i]:
                        chars[i] = chars[i].lower()
        i = _first_letter(chars, mask, 0, len(chars))
        if i is not None:
            chars[i] = chars[i].upper()
    elif case == "title":
        if language and not language.lower().startswith("en"):
            return text
        _title(chars, mask, full)
    return _rebuild(chars, mask, text)


def _title(chars: list[str], mask: list[bool], full: str) -> None:
    words = list(_WORD.finditer(full))
    start_of_phrase = True
    last = len(words) - 1
    for n, match in enumerate(words):
        pos = match.start()
        # hyphens and apostrophes inside a word separate its parts
        parts = re.split(r"(-|(?<=\w)[’'](?=\w))", match.group())
        previous = ""
        for k, part in enumerate(parts):
            if part in ("-", "’", "'") or not part:
                pos += len(part)
                continue
            bare = m.strip_tokens(part).strip("\"'“”‘’()[]«»¿¡").rstrip(".,;:!?")
            lower = bare.lower()
            hyphenated = len(parts) > 1
            protected_position = start_of_phrase or n == 0 or n == last
            is_stop = lower in STOP_WORDS and (k > 0 or (not hyphenated and not protected_position))
            # after an apostrophe nothing changes (you’re, l’Égypte); a single letter before one
            # (l’, d’) is capitalised only where a title or subtitle starts
            elided = (k > 0 and parts[k - 1] in ("’", "'")) or (
                len(bare) == 1
                and k + 1 < len(parts)
                and parts[k + 1] in ("’", "'")
                and not (k == 0 and (start_of_phrase or n == 0))
            )
            if bare and bare == lower and not is_stop and not elided and not any(ch.isdigit() for ch in previous):
                i = _first_letter(chars, mask, pos, pos + len(part))
                # as citeproc-js: a one-letter word only where the title or a subtitle starts,
                # and never a lone Greek letter
                single = len(bare) == 1 and (not (start_of_phrase or n == 0) or "\u0370" <= bare <= "\u03ff")
                if i is not None and not single:
                    chars[i] = chars[i].upper()
            previous = part
            pos += len(part)
        trailing = m.strip_tokens(match.group()).rstrip("\"'“”‘’)]»")
        start_of_phrase = trailing.endswith((":", "?", "!"))


def m_tokens() -> str:
    return "".join(m.ALL_TOKENS)


class CaseMixin:
    """Our text-case in place of citeproc-py's ``TextCased.case``."""

    def case(self, text, language=None):
        text_case = self.get("text-case")
        if not text_case or text is None:
            return text
        if language is None:
            # terms (labels) are in the style's language; data in the item's
            holder_is_term = self.tag.endswith("}label")
            language = _style_language(self) if holder_is_term else _item_language(self)
            if text_case == "title" and (holder_is_term or self.get("term")):
                language = None  # terms are title-cased in any language (as citeproc-js)
        return apply_case(text, text_case, language)


def _item_language(element) -> str | None:
    from .state import get_state

    state = get_state(element)
    item = state.current_item if state is not None else None
    if item is None:
        return _style_language(element)
    try:
        lang = item.reference.get("language")
    except AttributeError:
        lang = None
    return str(lang) if lang else _style_language(element)


_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _style_language(element) -> str:
    """The language of the output locale (a forced locale wins over the style's default)."""
    root = element.get_root()
    locales = getattr(root, "locales", None)
    known = root.__dict__.get("_cf_style_language")
    if known is not None and known[0] is locales:  # valid while the locale list is the same
        return known[1]
    language = _find_style_language(root, locales)
    root.__dict__["_cf_style_language"] = (locales, language)
    return language


def _find_style_language(root, locales) -> str:
    for locale in locales or ():
        lang = locale.get(_LANG)
        if lang:
            return lang
    return root.get("default-locale", "en") or "en"
