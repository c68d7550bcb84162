"""Numeric variables: ranges, ``page-range-format``, ordinals and label plurals.

A numeric value is a list of items joined by ``,`` or ``&`` (written back as
``, `` and `` & ``).  An item is a range when it is two numbers, each with the
same optional prefix (``N110-N115``, ``8n11564-8n1568``), joined by a hyphen or an
en dash, or two roman numerals (``xxv-xxviii``); a range's hyphen becomes the
range delimiter (the locale's ``page-range-delimiter`` for pages, else an en
dash).  Anything else keeps its hyphens (``3-B``, ``Michaelson-Morely``,
``N110-5``), and ``\\-`` is a literal hyphen that never makes a range.

Page ranges (``page``, and locators labelled ``page``) follow the style's
``page-range-format``: a shortened second number is first expanded from the
first one (``101-8`` is ``101-108``), then written ``expanded``, ``minimal``,
``minimal-two``, ``chicago`` (``chicago-15``) or ``chicago-16``.  Without the
option, a range whose second number is smaller is left as written.

A label is plural when its value holds a range or more than one number;
``number-of-*`` variables are plural above one.

Ordinals follow CSL 1.0.2: the first locale in the chain that defines any
ordinal term supplies all of them; ``ordinal-00``..``ordinal-09`` match the
last digit and ``ordinal-10``..``ordinal-99`` the last two (or as their
``match`` says), a term of the counted noun's ``gender`` is preferred to a
neuter one, and ``ordinal`` is the fallback.  ``long-ordinal-01``..``-10`` work
alike for ``long-ordinal``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from citeproc import model
from citeproc.source import VariableError

from . import cache
from . import markup as m
from .flipflop import parse_markup, unparse_markup

EN_DASH = "\u2013"
CSL_NS = "http://purl.org/net/xbiblio/csl"
NUMERIC_VARIABLES = frozenset(
    """chapter-number citation-number collection-number edition first-reference-note-number
    issue locator number number-of-pages number-of-volumes page page-first part-number
    printing-number section supplement-number version volume""".split()
)
_PREFIX = r"[0-9]*[A-Za-z]+0*"
_RANGE = re.compile(
    rf"^(?P<p1>{_PREFIX})?(?P<n1>[0-9]+[a-z]*)\s*(?P<d>\\?[-\u2013])\s*(?P<p2>{_PREFIX})?(?P<n2>[0-9]+[a-z]*)$"
)
_ROMAN_RANGE = re.compile(r"^([ivxlcdm]+)\s*[-\u2013]\s*([ivxlcdm]+)$", re.IGNORECASE)
_DIGITS = re.compile(r"^[0-9]+")


# Abbreviated labels a locator or a number may start with, and the CSL terms they stand for.
LABEL_ABBREVIATIONS = {
    "add": "addendum", "amend": "amendment", "annot": "annotation", "app": "appendix",
    "art": "article", "bibliog": "bibliography", "bk": "book", "ch": "chapter", "cl": "clause",
    "cmt": "comment", "col": "column", "dec": "decision", "dept": "department", "ex": "example",
    "fig": "figure", "fld": "field", "fol": "folio", "hypo": "hypothetical", "illus": "illustration",
    "intro": "introduction", "l": "line", "n": "note", "no": "issue", "op": "opus", "p": "page",
    "para": "paragraph", "pmbl": "preamble", "pp": "page", "princ": "principle", "pt": "part",
    "pub": "publication", "r": "rule", "rn": "randnummer", "sched": "schedule", "sec": "section",
    "ser": "series", "subch": "subchapter", "subdiv": "subdivision", "subpara": "subparagraph",
    "subsec": "subsection", "supp": "supplement", "sv": "sub-verbo", "tbl": "table", "tit": "title",
    "vol": "volume", "vrs": "verse",
}
_LABELLED = re.compile(r"^(" + "|".join(sorted(LABEL_ABBREVIATIONS, key=len, reverse=True)) + r")\.\s+(.+)$")


_INNER_LABEL = re.compile(r"^([0-9]+[a-z]?)\s+([a-z]+)\.\s+([0-9]+[a-z]?)$")


def split_locator_label(locator: str, label: str | None) -> tuple[str | None, str]:
    """A page locator written ``vol. 1, fol. 186`` takes its label from its start (``volume``)."""
    if label == "sub verbo":
        label = "sub-verbo"
    if label not in (None, "", "page"):
        return label, locator
    match = _LABELLED.match(locator.strip())
    if match is None:
        return label, locator
    return LABEL_ABBREVIATIONS[match.group(1)], match.group(2)


def _int(text: str) -> int:
    match = _DIGITS.match(text)
    return int(match.group()) if match else 0


@functools.lru_cache(maxsize=64)
def _separators(words: tuple[str, ...]) -> re.Pattern[str]:
    """:func:`_split`'s pattern for a locale's words for "and"."""
    alternatives = "|".join(re.escape(w) for w in words if w)
    if alternatives:
        return re.compile(
            rf"(\s*,\s*(?:(?:{alternatives})\s+)?|\s*&\s*|\s+(?:{alternatives})\s+)")
    return re.compile(r"(\s*[,&]\s*)")


def _split(text: str, words: tuple[str, ...] = ("and",), ampersand: str = "&") -> list[str]:
    """Items and normalised separators, alternating (items at even indexes).

    Separators are ``,``, ``&`` (written as ``ampersand``) and the ``words``
    (the locale's "and") between spaces.
    """
    text = text.strip()
    if "," not in text and "&" not in text and len(text.split()) <= 1:
        return [text]  # no separator can be in it (most numbers: "12", "3-7")
    parts = _separators(words).split(text)
    for i in range(1, len(parts), 2):
        mark = " ".join(parts[i].split())
        if mark == "&":
            parts[i] = f" {ampersand} "
        elif mark.startswith(","):
            parts[i] = ", " + (mark[1:].strip() + " " if mark != "," else "")
        else:
            parts[i] = f" {mark} "
    return parts


def is_range(item: str) -> bool:
    match = _RANGE.match(item.strip())
    if match:
        return not match.group("d").startswith("\\") and (match.group("p1") or "") == (
            match.group("p2") or ""
        )
    return bool(_ROMAN_RANGE.match(item.strip()))


_NUMERIC_ITEM = re.compile(r"^(?:[A-Za-z]*[0-9]+[A-Za-z]*|[ivxlcdm]+|[IVXLCDM]+)$")


# a whole number and a dash: an open range (5-) or one to a non-integer (1-1.5), plural in citeproc-js
_NUMBER_DASH = re.compile(r"^[0-9]+\s*[-\u2013]")
_UPPER_ROMAN = re.compile(r"^[IVXLCDM]+\s*[-\u2013]")
# a page value may start with its label: citeproc-js drops "p."/"pp." (5-7 stays a page range)
_PAGE_LABEL = re.compile(r"^pp?\.\s+(?=\S)")


def strip_page_label(text: str) -> str:
    return _PAGE_LABEL.sub("", text)


def _plural_item(item: str) -> bool:
    if _UPPER_ROMAN.match(item):
        return False  # IV-VII is no number to citeproc-js: one page label
    return is_range(item) or bool(_NUMBER_DASH.match(item))


def is_plural(value, words: tuple[str, ...] = ("and",)) -> bool:
    """More than one numeric item, or a range."""
    parts = _split(m.strip_tokens(str(value)), words)
    items = [p for p in parts[0::2] if p]
    return any(_plural_item(p) for p in items) or sum(1 for p in items if _NUMERIC_ITEM.match(p)) > 1


def _minimize(begin: str, end: str, minchars: int) -> str:
    if len(begin) != len(end):
        return end
    keep = len(end)
    for b, e in zip(begin, end, strict=True):
        if b == e and keep > minchars:
            keep -= 1
        else:
            break
    return end[len(end) - keep :]


def _chicago15(begin: int, end: int, written: str) -> str:
    if begin > 100 and begin % 100 and begin // 100 == end // 100:
        return str(end % 100)
    if begin >= 10000:
        return str(end % 1000)
    return written


def _chicago16(begin: int, end: int, written: str) -> str:
    if begin > 100 and begin % 100:
        for i in range(2, len(written)):
            divisor = 10**i
            if begin // divisor == end // divisor:
                return str(end % divisor)
    return written


def format_page_range(p1: str, n1: str, n2: str, range_format: str | None, delimiter: str) -> str:
    """A range of two numbers with the same prefix ``p1`` in ``range_format``."""
    if len(n2) < len(n1):
        n2 = n1[: len(n1) - len(n2)] + n2
    if _int(n1) >= _int(n2):
        return p1 + n1 + delimiter + p1 + n2
    if range_format in ("minimal", "minimal-two"):
        n2 = _minimize(n1, n2, 2 if range_format == "minimal-two" else 0)
    elif range_format in ("chicago", "chicago-15"):
        n2 = _chicago15(_int(n1), _int(n2), n2)
    elif range_format == "chicago-16":
        n2 = _chicago16(_int(n1), _int(n2), n2)
    else:
        return p1 + n1 + delimiter + p1 + n2
    return p1 + n1 + delimiter + n2


def format_numeric(
    text: str,
    delimiter: str = EN_DASH,
    page_format: str | None | bool = False,
    number: Callable[[str], str] | None = None,
    words: tuple[str, ...] = ("and",),
    ampersand: str = "&",
    label_term: Callable[[str, bool], str] | None = None,
    en_dash_ranges: bool = True,
) -> str:
    """Ranges and separators of a numeric value.

    ``page_format`` is the ``page-range-format`` for a page value (None when the
    style sets none) and False for any other value; ``number`` formats each plain
    number (ordinals, roman numerals); ``label_term(term, plural)`` gives the short
    term for an item after the first written with an abbreviated label (``p. 3-8``).
    """
    fmt = number or (lambda n: n)
    parts = _split(text, words, ampersand)
    for i in range(0, len(parts), 2):
        item = parts[i]
        match = _RANGE.match(item)
        if match and not en_dash_ranges and match.group("d") == EN_DASH:
            continue  # a locator typed with an en dash is printed as typed (citeproc-js)
        if match:
            p1, p2 = match.group("p1") or "", match.group("p2") or ""
            n1, n2, dash = match.group("n1"), match.group("n2"), match.group("d")
            if dash.startswith("\\") or p1 != p2:
                parts[i] = p1 + n1 + "-" + p2 + n2
            elif page_format:
                parts[i] = format_page_range(p1, n1, n2, str(page_format), delimiter)
            else:
                first = p1 + n1 if p1 else fmt(n1)
                last = p2 + n2 if p2 else fmt(n2)
                parts[i] = first + delimiter + last
            continue
        roman = _ROMAN_RANGE.match(item)
        if roman:
            parts[i] = roman.group(1) + delimiter + roman.group(2)
            continue
        inner = _INNER_LABEL.match(item) if label_term is not None else None
        if inner and inner.group(2) in LABEL_ABBREVIATIONS:
            # a label inside an item ("23 n. 4"): the locale's term for it (German "23 Anm. 4")
            term = label_term(LABEL_ABBREVIATIONS[inner.group(2)], is_plural(inner.group(3), words))
            if term:
                parts[i] = inner.group(1) + " " + term + " " + inner.group(3)
                continue
        labelled = _LABELLED.match(item) if label_term is not None and i else None
        if labelled:
            value = labelled.group(2)
            term = label_term(LABEL_ABBREVIATIONS[labelled.group(1)], is_plural(value, words))
            parts[i] = (term + " " if term else labelled.group(1) + ". ") + format_numeric(
                value, delimiter, page_format, None, words, ampersand)
            continue
        item = item.replace("\\-", "-")
        parts[i] = fmt(item) if _DIGITS.fullmatch(item) else item
    return "".join(parts)


def first_page(text: str) -> str:
    """The first number of a page value (``page-first``)."""
    first = _split(text)[0]
    match = _RANGE.match(first)
    if match:
        return (match.group("p1") or "") + match.group("n1")
    roman = _ROMAN_RANGE.match(first)
    return roman.group(1) if roman else first


# ---------------------------------------------------------------- ordinals


def _terms(locale, prefix: str) -> list:
    terms = locale.find(f"{{{CSL_NS}}}terms")
    if terms is None:
        return []
    return [t for t in terms if getattr(t, "get", None) and (t.get("name") or "").startswith(prefix)]


def _target(term) -> int | None:
    """The number in a term name such as ``ordinal-03`` (None for ``ordinal`` or a bad name)."""
    try:
        return int((term.get("name") or "").rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return None


def _matches(term, number: int) -> bool:
    target = _target(term)
    if target is None:
        return False
    match = term.get("match") or ("last-digit" if target < 10 else "last-two-digits")
    if match == "whole-number":
        return number == target
    if match == "last-two-digits":
        return number % 100 == target
    return number % 10 == target


def _pick(candidates: list, gender: str | None):
    gendered = [t for t in candidates if gender and t.get("gender-form") == gender]
    if gendered:
        return gendered[0]
    neuter = [t for t in candidates if not t.get("gender-form")]
    return neuter[0] if neuter else None


def _term_text(term) -> str:
    single = term.find(f"{{{CSL_NS}}}single")
    return (single.text if single is not None else term.text) or ""


def ordinal_suffix(element, number: int, gender: str | None) -> str:
    """The ordinal suffix for ``number`` from the first locale defining ordinals."""
    for locale in element.get_root().locales:
        terms = [t for t in _terms(locale, "ordinal") if not t.get("form")]
        if not terms:
            continue
        numbered = [t for t in terms if _target(t) is not None]
        two = [t for t in numbered if _target(t) >= 10 or t.get("match") in ("whole-number", "last-two-digits")]
        one = [t for t in numbered if t not in two]
        for group in (two, one):
            term = _pick([t for t in group if _matches(t, number)], gender)
            if term is not None:
                return _term_text(term)
        term = _pick([t for t in terms if t.get("name") == "ordinal"], gender)
        return _term_text(term) if term is not None else ""
    return ""


def long_ordinal(element, number: int, gender: str | None) -> str | None:
    for locale in element.get_root().locales:
        terms = [
            t for t in _terms(locale, "long-ordinal-") if not t.get("form") and _target(t) == number
        ]
        term = _pick(terms, gender)
        if term is not None:
            return _term_text(term)
    return None


def noun_gender(element, variable: str | None) -> str | None:
    """The grammatical gender of the term named ``variable`` (the counted noun)."""
    if not variable:
        return None
    try:
        term = element.get_term(variable)
    except (IndexError, AttributeError):
        return None
    return term.get("gender") if term is not None else None


def day_ordinal(element, day: int, month: int | None) -> str:
    """An ordinal day; its gender is the month term's (French ``1er octobre``)."""
    gender = noun_gender(element, f"month-{month:02}") if month else None
    return str(day) + ordinal_suffix(element, day, gender)


def format_number_form(element, text: str, form: str, gender: str | None) -> str:
    try:
        number = int(text)
    except ValueError:
        return text
    if form == "ordinal":
        return str(number) + ordinal_suffix(element, number, gender)
    if form == "long-ordinal":
        if 1 <= number <= 10:
            word = long_ordinal(element, number, gender)
            if word is not None:
                return word
        return str(number) + ordinal_suffix(element, number, gender)
    if form == "roman":
        return model.romanize(number).lower() if number > 0 else text
    return str(number)


# ---------------------------------------------------------------- element mixins


def and_terms(element) -> tuple[tuple[str, ...], str]:
    """The words that join numbers ("and" and the locale's "and") and the ampersand (read
    once per style and locale list, as its terms are)."""
    if not cache.ENABLED:
        return _and_terms(element)
    table = cache.root_table(element.get_root(), "numbers")
    found = table.get("and")
    if found is None:
        found = table["and"] = _and_terms(element)
    return found


def _and_terms(element) -> tuple[tuple[str, ...], str]:
    word = str(element.get_single_term(name="and") or "")
    symbol = str(element.get_single_term(name="and", form="symbol") or "")
    if not symbol or symbol == word:  # (citeproc-js: a locale without the symbol form has "&")
        symbol = "&"
    return tuple(dict.fromkeys(w for w in ("and", word) if w)), symbol


def _page_like(variable: str, label: str | None) -> bool:
    return variable in ("page", "page-first") or (variable == "locator" and (label or "page") == "page")


class NumericMixin:
    """Numeric formatting for ``cs:text`` and ``cs:number`` (citeproc-py's ``_process``)."""

    def _range_delimiter(self, page: bool) -> str:
        # citeproc-js joins every numeric range with the locale's page-range-delimiter
        # (a style such as AMA sets it to a hyphen: 82(3-4):2345-2399)
        if not cache.ENABLED:
            return str(self.get_single_term(name="page-range-delimiter") or "") or EN_DASH
        table = cache.root_table(self.get_root(), "numbers")
        delimiter = table.get("range")
        if delimiter is None:
            delimiter = table["range"] = str(self.get_single_term(name="page-range-delimiter") or "") or EN_DASH
        return delimiter

    def _process(self, value, variable, label: str | None = None):
        page = _page_like(variable, label)
        text = m.strip_tokens(str(value))
        if self.tag.endswith("number") and text != str(value):
            text = unparse_markup(str(value))  # cs:number prints markup as typed, as citeproc-js
        if variable in ("page", "page-first"):
            # an en dash typed in a page value is a hyphen to citeproc-js: ranges get the
            # range delimiter below, anything else keeps a hyphen (5–, 1–1.5)
            text = strip_page_label(text).replace("\u2013", "-")
        if variable == "page-first":
            return first_page(text)
        if variable == "locator" and not any(ch.isdigit() for ch in text):
            return parse_markup(text)  # a word (s.v. "gargoyle"): quotes and markup as in item text
        number = None
        if self.tag.endswith("number"):
            form, gender = self.get("form", "numeric"), noun_gender(self, variable)

            def number(n: str) -> str:
                return format_number_form(self, n, form, gender)

        page_format = (self.get_root().get_option("page-range-format") or None) if page else False
        words, ampersand = and_terms(self)

        def label_term(name: str, plural: bool) -> str:
            term = self.get_plural_term(name, "short") if plural else self.get_single_term(name, "short")
            return str(term or "")

        return format_numeric(
            text, self._range_delimiter(page), page_format, number, words, ampersand, label_term,
            en_dash_ranges=variable != "locator",
        )


class TextNumericMixin(NumericMixin):
    """``cs:text`` renders numeric variables through :func:`format_numeric`."""

    def _variable(self, item, context):
        d = self.__dict__
        plan = d.get("_cf_numeric_text")
        if plan is None:
            variable = self.get("variable")
            numeric = variable in NUMERIC_VARIABLES and variable not in (
                "citation-number", "first-reference-note-number")
            key = (variable.replace("-", "_") if variable != "page-first" else "page") if numeric else None
            plan = d["_cf_numeric_text"] = (variable, numeric, key)
        variable, numeric, key = plan
        if not numeric:
            return super()._variable(item, context)
        repressed = context.get_layout().repressed
        if repressed and self.tag in repressed and variable in repressed[self.tag]:
            return None
        if variable == "locator":
            if not getattr(item, "has_locator", False):
                raise VariableError
            return self._process(item.locator.identifier, "locator", item.locator.label)
        reference = item.reference
        if key not in reference:
            raise VariableError  # (what citeproc-py's reference raises, without a KeyError first)
        return self._process(reference[key], variable)


class NumberFormMixin(NumericMixin):
    """``cs:number``: the locator's label decides its page formatting."""

    def process(self, item, context=None, **kwargs):
        if self.get("variable") == "locator":
            try:
                return self._process(item.locator.identifier, "locator", item.locator.label)
            except (KeyError, AttributeError):
                return None
        return super().process(item, context, **kwargs)


_ABSENT = object()


class LabelPluralMixin:
    """``cs:label`` plural detection with :func:`is_plural`."""

    def _is_plural(self, item):
        variable = self.get("variable")
        if variable == "locator":
            value = item.locator.identifier
        else:
            value = dict.get(item.reference, variable.replace("-", "_"), _ABSENT)
            if value is _ABSENT:  # what item.reference[...] raises VariableError for
                return False
            if variable == "page":
                value = strip_page_label(m.strip_tokens(str(value)))
        if variable.startswith("number-of"):
            try:
                return int(str(value)) > 1
            except ValueError:
                return is_plural(value, and_terms(self)[0])
        return is_plural(value, and_terms(self)[0])


# Names used by the element classes.
NUMBER_VARIABLES = NUMERIC_VARIABLES


class NumberFormatMixin(TextNumericMixin):
    """Numeric formatting for ``cs:text`` and ``cs:number``."""

    def process(self, item, context=None, **kwargs):
        variable = self.get("variable")
        if self.tag.endswith("number") and variable == "locator":
            try:
                return self._process(item.locator.identifier, "locator", item.locator.label)
            except (KeyError, AttributeError):
                return None
        if self.tag.endswith("number") and variable and "-" in variable and variable != "page-first":
            # citeproc-py looks "number-of-volumes" up as written; the item holds number_of_volumes
            return self._process(item.reference[variable.replace("-", "_")], variable)
        return super().process(item, context, **kwargs)


def dash_range(text: str) -> str:
    """Hyphens of numeric ranges as en dashes (other hyphens kept)."""
    return format_numeric(text)
