"""cs:sort for bibliographies and citations: typed keys, UCA collation, missing values last.

* text keys are compared with the Unicode Collation Algorithm (``pyuca``), so
  accented and non-ASCII letters sort as readers expect (Å, Ç, Ł, Ö, ’ ...);
* name keys use the sort form of every name (``demote-non-dropping-particle``
  honoured), dates compare as year/month/day numbers, number variables
  numerically, ``citation-number`` by number;
* macro keys render the macro in *sort mode* (names inverted, dates and
  numbers as zero-padded sortable strings) with ``names-min``/``names-use-first``;
* an item without a value for a key sorts after those with one, in both directions.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from citeproc import NUMBERS, model
from citeproc.source import DateRange, LiteralDate, VariableError

from .. import batch
from . import lazysort
from . import markup as m
from .conditions import is_numeric_value
from .names import section_of
from .source import DATE_VARIABLES, NAME_VARIABLES
from .state import get_state


@lru_cache(maxsize=1)
def collator():
    import pyuca

    return pyuca.Collator()


_IGNORED = str.maketrans("", "", "'\u2019\u2018\"\u201c\u201d\u00ab\u00bb[](),.:;!?")


def text_key(text: str) -> tuple:
    """Collation key: quotes, apostrophes, brackets and punctuation marks do not count.

    Spaces and hyphens do ("Baker J Wang" < "Baker J-P"), as in citeproc-js's order.
    """
    cleaned = " ".join(m.strip_tokens(text).translate(_IGNORED).split())
    return collator().sort_key(cleaned.lower()) + (0,) + collator().sort_key(cleaned)


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
    month = date.get("month", 0) or 0
    if not month and date.get("season"):
        try:
            month = 20 + int(date.get("season"))
        except (TypeError, ValueError):
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
    else:
        fam, giv = " ".join(p for p in (ndp, family) if p), " ".join(p for p in (given, dp) if p)
    return f"{fam} {giv}".strip()


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
        demote = (key_el.get_root().get("demote-non-dropping-particle") or "display-and-sort").lower()
        return ("t", text_key("\u0001".join(name_sort_string(n, demote) for n in names)))
    if py in DATE_VARIABLES:
        key = date_key(ref.get(py))
        return None if key is None else ("s", key)
    value = ref.get(py)
    if value is None or str(value) == "":
        return None
    if py in NUMBERS or variable == "locator":
        text = str(value)
        if is_numeric_value(text):
            digits = "".join(ch if ch.isdigit() else " " for ch in text).split()
            return ("n", int(digits[0]))
    return ("t", text_key(str(value)))


def macro_key(key_el, item, context) -> Any:
    state = get_state(key_el)
    # names in a sort key: inverted, parts and names separated by spaces only, so that
    # punctuation does not decide the order ("Baker J. A." < "Baker J. Wang" < "Baker J.-P.")
    options = {
        "name-as-sort-order": "all", "_sort_key": True, "sort-separator": " ", "delimiter": " ", "and": None,
    }
    for option in ("names-min", "names-use-first", "names-use-last"):
        if key_el.get(option) is not None:
            options[option.replace("names", "et-al")] = key_el.get(option)
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
    if text is None or str(text).strip() == "":
        return None
    text = m.strip_tokens(str(text))
    return ("t", text_key(text.strip()))


def _cmp_values(a, b) -> int:
    if a[0] != b[0]:
        return -1 if a[0] < b[0] else 1
    return (a[1] > b[1]) - (a[1] < b[1])


def sort_items(sort_el, items: list, context) -> list:
    keys = [k for k in sort_el.findall("cs:key", sort_el.nsmap)]
    if not keys or len(items) < 2:  # nothing to order (and no collation tables to load)
        return list(items)

    descending = [k.get("sort", "ascending") == "descending" for k in keys]

    def column(j: int, indices: list[int]) -> list:
        key_el = keys[j]
        chosen = [items[i] for i in indices]
        if key_el.get("variable"):
            return [variable_key(key_el, item) for item in chosen]
        # macro keys are rendered: in workers for large bibliographies
        return batch.map_items(lambda item: macro_key(key_el, item, context), chosen)

    # a key is computed only for the items still tied on the keys before it
    order = lazysort.sorted_indices(len(items), len(keys), column, descending, _cmp_values)
    return [items[i] for i in order]


class Sort(model.Sort):
    def sort(self, items, context):
        return sort_items(self, items, context)
