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

from . import cache
from . import markup as m

# citeproc-js's CSL.SKIP_WORDS (the multi-word entries can never match one word; " thru" has a
# leading space there, so "thru" is no stop word)
STOP_WORDS = frozenset(
    """about above across afore after against al along alongside amid amidst among amongst anenst
    apropos apud around as aside astride at athwart atop barring before behind below beneath beside
    besides between beyond but by circa despite down during et except for forenenst from given in
    inside into lest like modulo near next notwithstanding of off on onto out over per plus pro qua
    sans since than through throughout thruout till to toward towards under underneath until unto
    up upon versus vs. v. vs v via vis-à-vis with within without or yet so and nor a an the de d'
    von van c ca""".split()
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


_CASED: dict[tuple, String] = {}
_CASED_MAX = 20000  # texts remembered (the table is emptied when full)


def apply_case(text, case: str, language: str | None = None):
    """``text`` in the text case ``case`` (for an item or style in ``language``).

    Memoised for a plain string: the same terms and labels ("Ed.", "Eds.") and the same
    values come back for every entry."""
    if text is None or not case:
        return text
    kind = type(text)
    if (kind is String or kind is str) and cache.ENABLED:
        key = (kind, text, case, language)
        found = _CASED.get(key)
        if found is None:
            found = _apply_case(text, case, language)
            if type(found) is not String and found is not text:  # (a MixedString is a list)
                return found
            if len(_CASED) >= _CASED_MAX:
                _CASED.clear()
            _CASED[key] = found
        return found
    return _apply_case(text, case, language)


def _apply_case(text, case: str, language: str | None):
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


# what splits a title into chunks for citeproc-js's title case: quotes, dashes, slashes,
# punctuation, brackets (and markup, here tokens)
_TAG_CHARS = frozenset("\u2018\u2019\u201c\u201d\"'-\u2013\u2014/.,;?!:[]()")
_QUOTE_TAGS = {
    m.CURLY_DOUBLE[0]: "\u201c", m.CURLY_DOUBLE[1]: "\u201d", m.CURLY_SINGLE[0]: "\u2018",
    m.CURLY_SINGLE[1]: "\u2019", m.QUOTE[0]: '"', m.QUOTE[1]: '"', m.SQUOTE[0]: "'", m.SQUOTE[1]: "'",
}
# (opener, closer) pushed for an opening quote tag, as citeproc-js's quoteParams
_QUOTE_PARAMS = {' "': (" '", '"'), " '": (' "', "'"), "\u2018": ("\u2018", "\u2019"),
                 "\u201c": ("\u201c", "\u201d")}


_APOSTROPHE_TAG = "apostrophe"


def _title_chunks(chars: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """(start, end) of each string between tags, and the tags (as citeproc-js writes them)."""
    strings: list[tuple[int, int]] = []
    tags: list[str] = []
    start = 0
    i = 0
    n = len(chars)
    joined = "".join(chars) if "<" in chars else ""
    while i < n:
        ch = chars[i]
        if ch == "<" and joined:
            # a tag left as text (unmatched in the data) still cuts the string, as in citeproc-js
            literal = _LITERAL_TAG.match(joined, i)
            if literal:
                strings.append((start, i))
                tags.append(literal.group())
                start = i = literal.end()
                continue
        if ch == "\u2019" and chars[i + 1 : i + 2] == [m.APOSTROPHE]:
            # made of a straight ': a cut, but no quote mark for citeproc-js
            strings.append((start, i))
            tags.append(_APOSTROPHE_TAG)
            start = i + 2
            i += 2
            continue
        if ch in m.ALL_TOKENS or ch in _TAG_CHARS:
            tag = _QUOTE_TAGS.get(ch, ch)
            end = i
            # a space before an opening straight quote belongs to its tag (' "' and " '")
            if tag in ('"', "'") and ch not in (m.QUOTE[1], m.SQUOTE[1]) and i > start and chars[i - 1] == " ":
                end = i - 1
                tag = " " + tag
            strings.append((start, end))
            tags.append(tag)
            start = i + 1
        i += 1
    strings.append((start, n))
    return strings, tags


# citeproc-js's markup tags, recognised in title case even where the data leaves one unmatched
_LITERAL_TAG = re.compile(
    r'</?(?:i|b|sup|sub|sc)>|<span (?:class="no(?:case|decor)"|style="font-variant:\s*small-caps;?")>'
    r"|</span>")


def _protect_open_nocase(chars: list[str], mask: list[bool]) -> None:
    """An unmatched ``<span class="nocase">`` left as text protects what follows it, up to a
    ``</span>`` or the end, as citeproc-js's title case does."""
    joined = "".join(chars)
    for found in re.finditer(r'<span class="nocase">', joined):
        close = joined.find("</span>", found.end())
        for i in range(found.start(), len(joined) if close < 0 else close):
            mask[i] = True


_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u205f\u3000]+")
_SPACES_SPLIT = re.compile(r"([ \u00a0\u2000-\u200b\u205f\u3000]+)")
_QUOTE_TAG = re.compile(r"(^(?:\u2018|\u2019|\u201c|\u201d|\"|')|(?: \"| ')$)")


def _title(chars: list[str], mask: list[bool], full: str) -> None:
    """citeproc-js 2.4.63's title case, rule for rule (its ``title`` formatter): the text is cut
    into strings at punctuation, quotes, dashes and markup; in each, a word of two letters or
    more that is not a stop word is capitalised, and so is the first word, a word after ``?``,
    ``!`` or ``:``, and (in the first string only, where citeproc-js passes the following tag) a
    word right before a hyphen (``T-Test``); a word with any capital is left alone; the last
    word is capitalised even if a stop word, unless a quote or apostrophe came after it; a
    string after an unmatched quote keeps its first letter as written."""
    original = list(chars)
    if "<" in chars:
        _protect_open_nocase(chars, mask)
    strings, tags = _title_chunks(chars)
    state = {"first": True, "after_punct": False, "last": None}

    def words_of(start: int, end: int) -> list[tuple[int, int]]:
        out = []
        pos = start
        for word in _SPACES_SPLIT.split("".join(chars[start:end])):
            if word and not _SPACES.fullmatch(word):
                out.append((pos, pos + len(word)))
            pos += len(word)
        return out

    def capitalise(index: int, followed_by: str | None, after_apostrophe: bool = False) -> None:
        start, end = strings[index]
        if not "".join(chars[start:end]).strip():
            return
        words = words_of(start, end)
        for j, (a, b) in enumerate(words):
            word = "".join(chars[a:b])
            lower = word.lower()
            if mask[a] or (after_apostrophe and j == 0 and a == start):
                # (the rest of a word after a straight apostrophe stays as typed, and is no
                # last word to capitalise: citeproc-js's ``O’neill``, ``per’s``)
                state["after_punct"] = state["first"] = False
                state["last"] = None
                continue
            cap = (
                (len(word) > 1 and lower not in STOP_WORDS)
                or (j == len(words) - 1 and followed_by == "-")
                or state["first"] or state["after_punct"]
            )
            if cap and word == lower and not ("\u0370" <= word <= "\u03ff" and len(word) == 1):
                chars[a] = chars[a].upper()
            state["after_punct"] = state["first"] = False
            state["last"] = (a, b)

    def restore(index: int) -> None:
        start, end = strings[index]
        if start < end and not mask[start]:
            chars[start] = original[start]

    quotes: list[dict] = []

    def quote_fix(tag: str, index: int) -> int | None:
        match = _QUOTE_TAG.match(tag)
        if not match:
            return None
        quote = match.group(1) or match.group(2)
        if quote in ("\u201c", "\u2018", ' "', " '"):
            opener, closer = _QUOTE_PARAMS[quote]
            if not quotes or quote == quotes[-1]["opener"]:
                quotes.append({"opener": opener, "closer": closer, "pos": index})
                return None
            previous = quotes.pop()["pos"]
            quotes.append({"opener": opener, "closer": closer, "pos": None})
            return previous
        if quotes and quote == quotes[-1]["closer"]:
            quotes.pop()
            return None
        return index

    if "".join(chars[strings[0][0]:strings[0][1]]).strip():
        capitalise(0, tags[0] if tags else None)
    for i, tag in enumerate(tags):
        start, end = strings[i + 1]
        text = "".join(chars[start:end])
        if tag == _APOSTROPHE_TAG:
            capitalise(i + 1, None, after_apostrophe=True)
            continue
        if tag[-1:] in "!?:":
            state["after_punct"] = True
        capitalise(i + 1, None)  # citeproc-js passes no following tag after the first string
        position = quote_fix(tag, i)
        if position is not None:
            restore(position + 1)
            state["last"] = None
        if text.strip():
            state["first"] = False
            state["after_punct"] = False
    for quote in quotes:
        if quote["pos"] is not None:
            restore(quote["pos"] + 1)
    if state["last"] is not None:
        a, b = state["last"]
        word = "".join(chars[a:b])
        if len(word) > 1 and word.lower() in STOP_WORDS:
            chars[a] = chars[a].upper()


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
