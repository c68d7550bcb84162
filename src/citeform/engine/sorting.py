"""cs:sort for bibliographies and citations: typed keys, UCA collation, missing values last.

* text keys are compared with the Unicode Collation Algorithm (``pyuca``), so
  accented and non-ASCII letters sort as readers expect (Å, Ç, Ł, Ö, ’ ...), each key
  at base strength as citeproc-js compares it (accents and case tie);
* name keys use the sort form of every name (``demote-non-dropping-particle``
  honoured), dates compare as year/month/day numbers, number variables
  numerically, ``citation-number`` by number;
* macro keys render the macro in *sort mode* (names inverted, dates and
  numbers as zero-padded sortable strings) with ``names-min``/``names-use-first``;
* an item without a value for a key sorts after those with one, in both directions.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from citeproc import NUMBERS, model
from citeproc.source import DateRange, LiteralDate, VariableError

from . import cache, lazysort, parallel
from . import markup as m
from .names import level_effect, section_of
from .source import DATE_VARIABLES, NAME_VARIABLES
from .state import get_state


@lru_cache(maxsize=1)
def collator():
    """pyuca's collator, its table read from the file as each first code point is needed."""
    import pyuca

    class LazyCollator(pyuca.Collator):
        def load(self, filename):
            self.table.root.children = _LazyTable(self, filename)

    return LazyCollator()


@lru_cache(maxsize=1)
def full_collator():
    """pyuca's own collator, every table entry read up front (the reference)."""
    import pyuca

    return pyuca.Collator()


class _LazyTable(dict):
    """The first level of pyuca's collation trie, filled on demand.

    pyuca reads all of ``allkeys.txt`` (about 30,000 entries) into a trie before the first
    key. Here the file is only split by first code point; the first time a lookup asks
    whether a code point starts an entry, all entries starting with it (the code point
    itself and every contraction, in file order) are parsed with pyuca's own rules and
    added. Every trie path pyuca then walks is the same as in the full table, so keys
    are identical.
    """

    def __init__(self, owner, filename: str):
        super().__init__()
        import re

        self.owner = owner
        with open(filename, encoding="utf-8") as keys_file:
            text = keys_file.read()
        # "0041" or "004C 00B7" -> "; [.1FA1.0020.0008] # ..." (a repeated key: the last line
        # wins, as in pyuca's trie); contractions listed by their first code point
        self.entries: dict[str, str] = dict(
            re.findall(r"^([0-9A-F]{4,6}(?: [0-9A-F]{4,6})*) *(;[^\n]*)", text, re.M)
        )
        self.contractions: dict[str, list[str]] = {}
        for key in [key for key in self.entries if " " in key]:
            self.contractions.setdefault(key.split(" ", 1)[0], []).append(key)
        self.contraction_starts = {int(first, 16) for first in self.contractions}
        at = text.find("@implicitweights")
        while at != -1:  # as pyuca.BaseCollator.load
            if at == 0 or text[at - 1] == "\n":
                line = text[at : text.find("\n", at)].split("#", 1)[0].rstrip()
                ch_range, base = line[len("@implicitweights") :].split(";")
                range_start, range_end = ch_range.split("..")
                owner.implicit_weights.append([int(range_start, 16), int(range_end, 16), int(base, 16)])
            at = text.find("@implicitweights", at + 1)

    def __contains__(self, codepoint) -> bool:
        if super().__contains__(codepoint):
            return True
        hexed = f"{codepoint:04X}"
        keys = [hexed, *self.contractions.pop(hexed, ())]
        lines = [key + self.entries.pop(key) for key in keys if key in self.entries]
        if lines:
            self._add(lines)
        return super().__contains__(codepoint)

    def _add(self, lines: list[str]) -> None:
        from pyuca.collator import COLL_ELEMENT_PATTERN
        from pyuca.utils import hexstrings2int

        table = self.owner.table
        for raw in lines:  # as pyuca.BaseCollator.load
            line = raw.split("#", 1)[0].rstrip()
            a, b = line.split(";", 1)
            char_list = hexstrings2int(a.split())
            elements = [hexstrings2int(x.groups()) for x in COLL_ELEMENT_PATTERN.finditer(b.strip())]
            table.add(char_list, elements)


_CHARS: dict[str, tuple] = {}  # character -> weights by level and contraction followers, or ()


def _char_entry(char: str) -> tuple:
    """``(primary, secondary, tertiary, followers)``: a character's weights by level.

    ``followers`` is None when no contraction starts with the character, else the characters
    that may follow it in one. A starter without a table entry of its own has pyuca's
    implicit weights. The tuple is empty for any other character (left to pyuca).
    """
    entry = _CHARS.get(char)
    if entry is None:
        entry = ()
        coll = collator()
        table = coll.table.root.children
        elements, followers = None, None
        if ord(char) in table:
            node = table[ord(char)]
            if node.value:
                elements = node.value
                followers = None if node.children is None else frozenset(map(chr, node.children))
        elif not unicodedata.combining(char):
            elements = coll.implicit_weight(ord(char))
        if elements and all(len(e) == 3 for e in elements):
            entry = (*(tuple(e[level] for e in elements if e[level]) for level in range(3)), followers)
        _CHARS[char] = entry
    return entry


class _NotSimple(Exception):
    """A character whose weights depend on its neighbours (or are pyuca's business)."""


class _LevelTable(dict):
    """``str.translate`` table: code point -> its weights at one level, as characters."""

    def __init__(self, level: int):
        super().__init__()
        self.level = level

    def __missing__(self, codepoint: int) -> str:
        entry = _char_entry(chr(codepoint))
        if not entry:
            raise _NotSimple  # not a LookupError: translate would keep the character
        weights = self[codepoint] = "".join(map(chr, entry[self.level]))
        return weights


_LEVELS = (_LevelTable(0), _LevelTable(1), _LevelTable(2))


@lru_cache(maxsize=1)
def _contraction_starts():
    """A pattern matching each character that starts a contraction."""
    import re

    starts = collator().table.root.children.contraction_starts
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(starts)) + "]")


def as_text(key: tuple) -> str:
    """A pyuca key as a string that orders the same (each weight, 0 included, as one character)."""
    return "".join(map(chr, key))


def sort_key(string: str) -> str:
    """pyuca's ``sort_key`` (UCA, DUCET 9.0.0) as text (:func:`as_text`), per character when it can be.

    pyuca matches the longest table entry at each position, then lets unblocked
    non-starters (combining marks) that follow extend it. A character that starts no
    contraction, or one followed by a starter that does not continue any, therefore
    matches exactly its own entry and contributes exactly its collation elements; a
    string made only of such characters has the weights of its characters, level by
    level, with a 0 after each level. Any other string goes to pyuca.
    """
    normalized = unicodedata.normalize("NFD", string)
    for found in _contraction_starts().finditer(normalized):
        entry = _char_entry(found.group())
        after = normalized[found.end() : found.end() + 1]
        if not entry or (after and (after in (entry[3] or ()) or unicodedata.combining(after))):
            return as_text(collator().sort_key(string))
    first, second, third = _LEVELS
    try:
        return (normalized.translate(first) + "\0" + normalized.translate(second) + "\0"
                + normalized.translate(third) + "\0")
    except _NotSimple:
        return as_text(collator().sort_key(string))


# no-break spaces too: citeproc-js's keys hold each plain space as a separator that counts
# ("|"), any other white space is left to the collator, which ignores it
_IGNORED = str.maketrans("", "", "'\u2019\u2018\"\u201c\u201d\u00ab\u00bb[](),.:;!?-\u2013\u2014\u00a0\u202f")
_remove_ignored = m.translator(_IGNORED)
_TEXT_KEYS: dict[str, str] = {}
_TEXT_KEYS_MAX = 10000  # distinct texts remembered (the table is emptied when full)


# runs of up to five digits; longer ones are the fixed-width date keys of sort mode (dates.py)
_DIGITS = re.compile(r"(?<!\d)\d{1,5}(?!\d)")


def _numeric(match: re.Match) -> str:
    digits = match.group().lstrip("0") or "0"
    return f"{len(digits)}{digits}"


_SPACES = re.compile(r"\s+")


def _space_run(match: re.Match) -> str:
    run = match.group()
    return run if run.count(" ") == len(run) else " "


def _clean(text: str) -> str:
    """The text as compared: no markup or ignored marks, runs of digits as numbers ("T2" < "T10",
    citeproc-js collates with ``numeric: true``)."""
    # each plain space counts, as each is a separator ("|") in citeproc-js's keys, trailing
    # ones too: "Olsen  de la C." (a given name initialised with a space in front) sorts
    # before "Olsen Ch.", "Wait...?" before "Wait. . ." ("wait|||")
    cleaned = _SPACES.sub(_space_run, _remove_ignored(m.strip_tokens(text)).lstrip())
    return _DIGITS.sub(_numeric, cleaned)


def text_key(text: str) -> str:
    """Collation key: quotes, apostrophes, brackets, punctuation marks and dashes do not count
    (``The U.S.`` < ``Tran`` < ``T-SNE``, citeproc-js collates with ``ignorePunctuation``).

    Spaces do ("Baker J Wang" < "Baker J-P"), as in citeproc-js's order.
    The key is the first (base) level of the UCA key of the lower-cased text (:func:`as_text`):
    citeproc-js collates with ``sensitivity: "base"``, so accents and case do not count and
    ``Young, É.`` ties with ``Young, E.``, leaving the order to the next key.
    """
    if not cache.ENABLED:  # the reference: pyuca with its full table, nothing remembered
        cleaned = _clean(text)
        full = full_collator()
        primary = full.sort_key(cleaned.lower())
        return as_text(primary[: primary.index(0)] if 0 in primary else primary)
    key = _TEXT_KEYS.get(text)
    if key is None:
        cleaned = _clean(text)
        if len(_TEXT_KEYS) >= _TEXT_KEYS_MAX:
            _TEXT_KEYS.clear()
        key = _TEXT_KEYS[text] = sort_key(cleaned.lower()).split("\0", 1)[0]
    return key


def author_string_key(text: str) -> str:
    """Collation key of an author string as citeproc-js's grouped sort compares two: lower-cased,
    spaces and punctuation ignored, base letters only (``Intl.Collator`` with
    ``ignorePunctuation`` and base sensitivity): ``Pham, Bailey, et al.`` < ``Pham et al.``."""
    cleaned = "".join(ch for ch in text.lower()
                      if not (ch.isspace() or unicodedata.category(ch).startswith(("P", "Z"))))
    return sort_key(cleaned).split("\0", 1)[0]


def date_key(date) -> str | None:
    if date is None:
        return None
    if isinstance(date, DateRange):
        begin = date_key(date.get("begin")) or ""
        end = date_key(date.get("end")) if date.get("end") is not None else "00000000"
        return begin + (end or "")
    if isinstance(date, LiteralDate):
        return None
    try:
        year = int(date.get("year"))
    except (AttributeError, VariableError, TypeError, ValueError):
        return None
    # citeproc-js's key holds a month 1-12 only: a season (or a month 13-24 standing for
    # one) sorts as a year alone, "2024, Summer" ties with "2024" and precedes "2024, March"
    try:
        month = int(date.get("month", 0) or 0)
    except (TypeError, ValueError):
        month = 0
    if not 1 <= month <= 12:
        month = 0
    day = date.get("day", 0) or 0
    return f"{year + 50000:06d}{int(month):02d}{int(day):02d}"


def name_sort_string(name, demote: str) -> str:
    if "literal" in name:
        return str(name["literal"])
    given = name.get("given") or ""
    family = name.get("family") or ""
    dp = name.get("dropping-particle") or ""
    ndp = name.get("non-dropping-particle") or ""
    if demote in ("sort-only", "display-and-sort"):
        fam, giv = family, " ".join(p for p in (given, dp, ndp) if p)
    else:  # citeproc-js: the dropping particle stays with the family name ('Rijn van R.')
        fam, giv = " ".join(p for p in (ndp, family, dp) if p), given
    return f"{fam} {giv}".strip()


def _et_al_cut(key_el, names: list) -> list:
    """The names a name-variable key compares: citeproc-js renders them with et-al-min and
    et-al-use-first taken from the key (``names-min``, ``names-use-first``), else from the
    enclosing cs:citation or cs:bibliography, else the style (no "et al." in the key)."""
    options = key_el.__dict__.get("_cf_et_al")
    if options is None:
        holders = [key_el.getparent().getparent(), key_el.get_root()]
        values = []
        for own, inherited in (("names-min", "et-al-min"), ("names-use-first", "et-al-use-first")):
            value = key_el.get(own)
            for holder in holders:
                if value is None and holder is not None:
                    value = holder.get(inherited)
            try:
                values.append(int(value) if value is not None else None)
            except ValueError:
                values.append(None)
        options = key_el.__dict__["_cf_et_al"] = tuple(values)
    et_al_min, use_first = options
    if et_al_min and use_first and len(names) >= et_al_min and len(names) > use_first:
        return names[:use_first]
    return names


def variable_key(key_el, item) -> Any:
    variable = key_el.get("variable")
    py = variable.replace("-", "_")
    ref = item.reference
    if variable == "citation-number":
        return ("n", item.number)
    if py in NAME_VARIABLES:
        names = ref.get(py)
        if not names:
            return None
        names = _et_al_cut(key_el, list(names))
        demote = (key_el.get_root().get("demote-non-dropping-particle") or "display-and-sort").lower()
        return ("t", text_key("\u0001".join(name_sort_string(n, demote) for n in names)))
    if py in DATE_VARIABLES:
        key = date_key(ref.get(py))
        return None if key is None else ("s", key)
    value = ref.get(py)
    if value is None or str(value) == "":
        return None
    if py in _NUMERIC_KEYS:
        found = _FIRST_INTEGER.search(str(value))
        if found:
            number = int(found.group(1))
            # (citeproc-js's padding puts a negative number after every other)
            return ("n", number if number >= 0 else 10**20 + number)
    return ("t", text_key(str(value)))


# citeproc-js's NUMERIC_VARIABLES: as a sort key, the first integer anywhere in the value stands
# for it, whatever surrounds it ("Suppl 1" is 1, before 140); a value without one sorts as text
_NUMERIC_KEYS = frozenset(NUMBERS) | frozenset((
    "call_number", "division", "page", "locator", "locator_extra", "part_number", "printing_number",
    "section", "supplement_number", "version", "supplement",
))
_FIRST_INTEGER = re.compile(r"\s*(-?[0-9]+)")


def _text_value(text: str | None) -> Any:
    return None if text is None else ("t", text_key(text))


def _sort_options(key_el) -> dict:
    """The options a key's macro is rendered with (read once per key; never changed)."""
    options = key_el.__dict__.get("_cf_sort_options")
    if options is None:
        # names in a sort key: inverted, parts and names separated by spaces only, so that
        # punctuation does not decide the order ("Baker J. A." < "Baker J. Wang" < "Baker J.-P.")
        options = {
            "name-as-sort-order": "all", "_sort_key": True, "sort-separator": " ", "delimiter": " ", "and": None,
        }
        for option in ("names-min", "names-use-first", "names-use-last"):
            if key_el.get(option) is not None:
                options[option.replace("names", "et-al")] = key_el.get(option)
        key_el.__dict__["_cf_sort_options"] = options
    return options


def macro_text(key_el, item, context) -> str | None:
    """The macro of a sort key rendered in sort mode, as plain text (None when empty)."""
    state = get_state(key_el)
    options = _sort_options(key_el)
    macro = key_el.get_macro(key_el.get("macro"))
    layout = context.get_layout() if context is not None else None
    if layout is not None:
        layout.repressed = {}
    previous = state.sort_options if state is not None else None
    if state is not None:
        state.sort_options = options
        state.begin_cite(section=section_of(context) if context is not None else "citation")
    try:
        text = macro.render(item, context=context)
    except VariableError:
        text = None
    finally:
        if state is not None:
            state.sort_options = previous
    if text is not None and has_date(macro):
        text = dates_only(text)
    if text is None or str(text).strip() == "":
        return None
    return m.strip_tokens(str(text)).strip()


_SORT_DATES = re.compile(re.escape(m.SORT_DATE[0]) + "[^" + re.escape(m.SORT_DATE[1]) + "]*" + re.escape(m.SORT_DATE[1]))


def dates_only(text) -> str | None:
    """A macro's sort-mode output reduced to its dates (None without any): citeproc-js sorts a
    macro holding a ``cs:date`` on its rendered dates alone, dropping names, titles and terms
    (so an undated item has no key and sorts last)."""
    dates = _SORT_DATES.findall(str(text)) if text is not None else []
    # citeproc-js runs the dates' keys together into one number, which it collates
    # numerically: more dates make a larger number ('1999' < '(1641) 1999' < '(1990) 1999');
    # the count in front gives that order to keys of our varying widths
    return f"{len(dates)}" + "".join(dates) if dates else None


def has_date(macro) -> bool:
    """Whether a ``cs:macro`` holds a ``cs:date`` itself (citeproc-js's macro-has-date; a date
    in a macro it calls does not count)."""
    d = macro.__dict__
    found = d.get("_cf_has_date")
    if found is None:
        found = d["_cf_has_date"] = bool(
            macro.findall(".//cs:date", {"cs": "http://purl.org/net/xbiblio/csl"})
        )
    return found


def _cmp_values(a, b) -> int:
    if a[0] != b[0]:
        return -1 if a[0] < b[0] else 1
    return (a[1] > b[1]) - (a[1] < b[1])


def sort_items(sort_el, items: list, context, shifted: bool = False) -> list:
    """The items ordered by the keys of ``sort_el`` (ties in the order given). ``shifted``: each
    key after the first takes the direction of the key before it, as citeproc-js's plain sort of
    a citation does once its grouped sort has put a copy of the first key's direction in front."""
    keys = [k for k in sort_el.findall("cs:key", sort_el.nsmap)]
    if not keys or len(items) < 2:  # nothing to order (and no collation tables to load)
        return list(items)

    descending = [k.get("sort", "ascending") == "descending" for k in keys]
    if shifted:
        descending = descending[:1] + descending[:-1]

    def column(j: int, indices: list[int]) -> list:
        return key_values(keys[j], [items[i] for i in indices], context)

    # a key is computed only for the items still tied on the keys before it
    order = lazysort.sorted_indices(len(items), len(keys), column, descending, _cmp_values)
    return [items[i] for i in order]


def key_values(key_el, items: list, context) -> list:
    """One ``cs:key``'s value for each item (None: no value)."""
    if key_el.get("variable"):
        return [variable_key(key_el, item) for item in items]
    memo = _kept_texts(key_el, context)
    if memo is not None:
        return [_text_value(text) for text in _kept_macro_texts(key_el, items, context, memo)]
    # macro keys are rendered in workers for large bibliographies, collated here
    texts = parallel.map_items(lambda item: macro_text(key_el, item, context), items)
    return [_text_value(text) for text in texts]


# what a sort key may read that can change between two sorts of one bibliography and that
# :func:`_other_state` does not hold: the order (citation numbers) and the citations (a
# bibliography item has no locator or position of its own)
_UNSTABLE = frozenset(("citation-number", "citation-label", "first-reference-note-number",
                       "first-container-reference-note-number"))


def _kept_texts(key_el, context) -> dict | None:
    """The texts of a bibliography's macro key kept from one sort to the next (item key ->
    (text, levels read, state read)), or None when they cannot be kept: caches off, not the
    bibliography, or a macro that reads what a later sort may find changed (a citation
    number, a position or ``disambiguate`` test...)."""
    state = get_state(key_el)
    if not cache.ENABLED or state is None or context is None or section_of(context) != "bibliography":
        return None
    d = key_el.__dict__
    stable = d.get("_cf_stable_key")
    if stable is None:
        stable = d["_cf_stable_key"] = _stable_macro(key_el)
    return state.sort_texts.setdefault(key_el, {}) if stable else None


def _stable_macro(key_el) -> bool:
    """Whether the key's macro (and every macro it calls) reads nothing of :data:`_UNSTABLE`
    and tests no ``position`` or ``disambiguate``."""
    todo, seen = [key_el.get("macro")], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        macro = key_el.get_macro(name)
        if macro is None:
            return False
        for el in macro.iter():
            if not isinstance(el.tag, str):
                continue
            for attr, value in el.attrib.items():
                if attr in ("position", "disambiguate") or not _UNSTABLE.isdisjoint(value.split()):
                    return False
            if el.get("macro") is not None:
                todo.append(el.get("macro"))
    return True


def _kept_macro_texts(key_el, items: list, context, memo: dict) -> list:
    """:func:`macro_text` for each item, kept in ``memo`` from an earlier sort when the item's
    state it depends on has not changed: the given-name levels of the names it printed (by
    their effect on those names) and its other overrides and year-suffix."""
    state = get_state(key_el)
    texts: list = [None] * len(items)
    todo: list[int] = []
    for n, item in enumerate(items):
        kept = memo.get(item.key)
        if kept is not None and _still_valid(kept, state.current(item.key), item):
            texts[n] = kept[0]
        else:
            todo.append(n)

    def render(item) -> tuple:
        state.level_reads = []
        try:
            text = macro_text(key_el, item, context)
            return text, tuple(state.level_reads)
        finally:
            state.level_reads = None

    found = parallel.map_items(render, [items[n] for n in todo])
    for n, (text, reads) in zip(todo, found, strict=True):
        item = items[n]
        memo[item.key] = (text, reads, _other_state(state.current(item.key), item))
        texts[n] = text
    return texts


def _other_state(entry, item) -> tuple:
    """What of an item's state a sort key may read besides its given-name levels."""
    names, condition = (None, False) if entry is None else (entry.names, entry.condition)
    return names, condition, str(item.reference.get("year_suffix"))


def _still_valid(kept: tuple, entry, item) -> bool:
    _text, reads, other = kept
    if _other_state(entry, item) != other:
        return False
    given = {} if entry is None else entry.given
    for variable, form, initialized, levels in reads:
        now = given.get(variable) or {}
        for index, level in levels:
            if level_effect(form, initialized, now.get(index, 0)) != level_effect(form, initialized, level):
                return False
    return True


def compare_keys(a, b, descending: bool) -> int:
    """Two values of one key: in its direction, a missing value after any other."""
    if a is None or b is None:
        return (a is None) - (b is None)
    result = _cmp_values(a, b)
    return -result if descending else result


class Sort(model.Sort):
    def sort(self, items, context):
        return sort_items(self, items, context)
