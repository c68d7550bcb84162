"""Date elements: sortable output in sort mode, implicit year-suffix, no locale mutation.

* citeproc-py's ``Date_Part.process`` merges the style's date-part attributes
  into the *locale's* element for good; we restore them after each use so one
  date's overrides cannot leak into the next.
* In sort mode (a macro rendered as a sort key) a date renders as a
  zero-padded ``YYYYYMMDD`` string so that keys compare chronologically.
* When a style never renders the ``year-suffix`` variable, a disambiguating
  year-suffix is attached to the first year rendered from ``issued``
  (CSL 1.0.2, ``disambiguate-add-year-suffix``).
"""

from __future__ import annotations

from citeproc import model
from citeproc.source import LiteralDate, VariableError
from citeproc.string import String, join

from . import cache
from . import markup as m
from .numbers import day_ordinal
from .sorting import date_key
from .state import get_state
from .textcase import CaseMixin


def _affix(date_el, context, unit: str, which: str) -> str:
    """The prefix or suffix a date-part prints with (the style's overrides the locale's)."""
    for holder in (context, date_el):
        if holder is None:
            continue
        for part in holder.iterchildren():
            if part.get("name") == unit and part.get(which) is not None:
                return part.get(which)
    return ""


def _drop_affix(text: str, affix: str, end: bool) -> str:
    """Text without the affix at its end (a range's first half) or start (its second half)."""
    if not affix:
        return text
    if end and text.endswith(affix):
        return text[: -len(affix)]
    if not end and text.startswith(affix):
        return text[len(affix) :]
    return text


def _range_delimiter(date_el, context, unit: str) -> str:
    for holder in (context, date_el):
        if holder is None:
            continue
        for part in holder.iterchildren():
            if part.get("name") == unit and part.get("range-delimiter") is not None:
                return part.get("range-delimiter")
    return "\u2013"


def _season(part, season, context) -> str | None:
    """A season: 1-4 is the locale's term, any other value is printed as given."""
    try:
        number = int(season)
    except (TypeError, ValueError):
        return str(season)
    if 1 <= number <= 4:
        holder = context if context is not None else part
        return str(holder.get_single_term(name=f"season-{number:02d}"))
    return None


_UNITS = ("year", "month", "day")


def _joined(pieces, joiner: str) -> str:
    """The pieces joined as a single date's parts are (citeproc-py's ``join``): a part's own
    trailing space and the delimiter make one space (``March 17–24, 2019``)."""
    return str(join(pieces, joiner)) if pieces else ""


def _unit(date, name):
    value = date.get(name)
    if name == "month" and value is None:
        value = date.get("season")
    return value


class DateMixin:
    def is_locale_date(self) -> bool:
        """citeproc-py's test (a ``cs:locale`` above the element), read once: its look-up
        raises and catches an IndexError for every date of the style, several times a date."""
        d = self.__dict__
        found = d.get("_cf_locale_date")
        if found is None:
            found = super().is_locale_date()
            if cache.ENABLED:
                d["_cf_locale_date"] = found
        return found

    def render_date_range(self, date_range, show_parts=None, context=None):
        """Ranges collapse their shared parts: 2019, July 3–5; 2019–2020; 3 Jul–5 Aug 2019."""
        printed = {p.get("name") for p in self.iterchildren() if p.get("name")}
        show = [u for u in (show_parts or _UNITS) if not printed or u in printed]
        begin, end = date_range.get("begin"), date_range.get("end")
        if end is None:
            return self.render_single_date(begin, show, context)
        if end.is_nil():  # an open range: 1987–
            first = self.render_single_date(begin, show, context)
            return None if first is None else String(str(first) + _range_delimiter(self, context, "year"))
        differing = next((u for u in _UNITS if u in show and _unit(begin, u) != _unit(end, u)), None)
        if differing is None:
            return self.render_single_date(begin, show, context)
        # a part moves when the end has it: a season given once prints after the range
        moving = [
            u for u in _UNITS[_UNITS.index(differing) :]
            if u in show and (_unit(end, u) is not None or _unit(begin, u) is None)
        ]
        delimiter = _range_delimiter(self, context, differing)
        order = [p.get("name") for p in self.iterchildren() if p.get("name") in show]
        if not order:
            return None
        joiner = self.get("delimiter") or (context.get("delimiter") if context is not None else None) or ""
        pieces: list[str] = []
        i = 0
        while i < len(order):  # the parts in the date's own order; the moving ones as one span
            if order[i] not in moving:
                pieces.append(_joined(self.parts(begin, [order[i]], context), joiner))
                i += 1
                continue
            j = i
            while j + 1 < len(order) and order[j + 1] in moving:
                j += 1
            names = order[i : j + 1]
            state = get_state(self)
            dropping = state is not None and state.drop_year
            # an implicit year-suffix goes after the range's last year (citeproc-js: 1992–1994a)
            deferring = state is not None and "year" in names and not state.year_suffix_done
            if deferring:
                state.year_suffix_done = True
            try:
                first = _joined(self.parts(begin, names, context), joiner)
            finally:
                if deferring:
                    state.year_suffix_done = False
            # the first year dropped for a collapse leaves its range delimiter (citeproc-js:
            # "King 2008, –2011")
            dropped = dropping and not state.drop_year
            second = _joined(self.parts(end, names, context), joiner)
            first = _drop_affix(first, _affix(self, context, names[-1], "suffix"), end=True)
            second = _drop_affix(second, _affix(self, context, names[0], "prefix"), end=False)
            if first and second:
                pieces.append(first.rstrip() + delimiter + second.lstrip())
            elif dropped and second and not first:
                pieces.append(delimiter + second.lstrip())
            elif first or second:
                pieces.append(first or second)
            i = j + 1
        pieces = [p for p in pieces if p]
        return String(_joined(pieces, joiner)) if pieces else None

    def render_single_date(self, date, show_parts=None, context=None):
        """Localized dates are joined with the locale date's delimiter."""
        parts = self.parts(date, show_parts, context) if context is not self else self.parts(date, show_parts)
        if not parts:
            return None
        if self.is_locale_date() and context is not None and context.get("delimiter") is None:
            return self.join(parts)
        return (context if self.is_locale_date() else self).join(parts)

    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        state = get_state(self)
        var = variable or self.get("variable")
        if state is not None and state.sort_options is not None and var:
            key = date_key(item.reference.get(var.replace("-", "_")))
            if key is None:
                raise VariableError
            parts = self.get("date-parts")
            children = {p.get("name") for p in self.iterchildren() if p.get("name")}
            if self.get("form") is None and children:  # only the parts this date prints
                parts = "year" if children == {"year"} else ("year-month" if "day" not in children else None)
            width = {"year": 6, "year-month": 8}.get(parts or "", 10)
            # citeproc-js's key is fixed-width: the start and the end (zeros without one), each
            # with the parts the date does not print as zeros, so 2017 (shown as a year) <
            # May 2017 < 2017–2018 and 2022 ties with 2022 shown as YYYY-MM-DD
            begin, end = key[:10], key[10:20]
            key = begin[:width].ljust(10, "0") + end[:width].ljust(10, "0")
            return String(m.wrap(m.SORT_DATE, key))
        if var and not self.is_locale_date() and isinstance(item.reference.get(var.replace("-", "_")), LiteralDate):
            # citeproc-js prints a literal date where the year would go: a date that shows no
            # year (APA's month and day after the year) prints nothing
            if self.get("form") is not None:
                shown = (self.get("date-parts") or "year-month-day").split("-")
            else:
                shown = [p.get("name") for p in self.iterchildren() if isinstance(p.tag, str) and p.get("name")]
            if "year" not in shown:
                raise VariableError
        if state is not None and var:
            previous = state.date_variable
            state.date_variable = var
            try:
                text = super().process(item, variable, show_parts, context, **kwargs)
            finally:
                state.date_variable = previous
            if (
                text is not None
                and (self.get("form") is None or self.is_locale_date())
                and _season_word_only(self, item.reference.get(var.replace("-", "_")), show_parts)
            ):
                state.hollow_date = True
            return _literal_year_suffix(state, item, var, text)
        return super().process(item, variable, show_parts, context, **kwargs)


def _season_word_only(date_el, value, show_parts) -> bool:
    """Whether the date's printed parts hold nothing but a season typed as a word.

    citeproc-js counts a date as a rendered variable only when the data has a value for one
    of the parts the date prints (or a literal), or when a month part prints a season 1-4 as
    its term; a season word it prints all the same, without that count: ``(2018, Spring)``
    beside a year, but a group or macro holding only the word is suppressed (APA 7's month
    and day of a magazine article).
    """
    if value is None or isinstance(value, LiteralDate):
        return False
    begin = value.get("begin") if "begin" in value else value
    if begin is None:
        return False
    shown = show_parts or _UNITS
    units = [name for name in _part_names(date_el) if name in shown]
    if any(begin.get(unit) for unit in units):
        return False
    season = begin.get("season")
    if "month" not in units or not season:
        return False
    try:
        return not 1 <= int(season) <= 4
    except (TypeError, ValueError):
        return True


def _part_names(date_el) -> list:
    """The ``name`` of each child of ``date_el``, in order (read once with the caches on)."""
    if not cache.ENABLED:
        return [p.get("name") for p in date_el.iterchildren()]
    d = date_el.__dict__
    names = d.get("_cf_part_names")
    if names is None:
        names = d["_cf_part_names"] = [p.get("name") for p in date_el.iterchildren()]
    return names


def _literal_year_suffix(state, item, var: str, text):
    """A literal date (``in press``) holds no year for the implicit year-suffix, except in a cite
    that continues a collapsed group: citeproc-js adds the letter there all the same (its
    ``have_collapsed`` test), so ``1726, p. iv, in pressc``."""
    if (
        text is None
        or not state.continues_group
        or not state.implicit_year_suffix
        or state.year_suffix_done
        or state.sort_options is not None
        or not isinstance(item.reference.get(var.replace("-", "_")), LiteralDate)
    ):
        return text
    suffix = item.reference.get("year_suffix")
    if not suffix:
        return text
    state.year_suffix_done = True
    return text + String(str(suffix))


def _overrides(context, name) -> bool:
    """Whether ``context`` (a style's ``cs:date``) holds a ``cs:date-part`` named ``name``,
    whose attributes citeproc-py's ``Date_Part.process`` merges into the part (read once)."""
    d = context.__dict__
    table = d.get("_cf_part_overrides")
    if table is None:
        table = d["_cf_part_overrides"] = {}
    found = table.get(name)
    if found is None:
        try:
            found = bool(context.xpath_search(f'./cs:date-part[@name="{name}"]'))
        except AttributeError:
            found = False
        table[name] = found
    return found


def _plain_process(part, date, context):
    """citeproc-py's ``Date_Part.process`` for a part whose ``context`` merges nothing into it
    (see :func:`_overrides`), its attributes read once; None for what it leaves to that
    method (a missing month, a year before 1000, an ordinal day, other forms)."""
    d = part.__dict__
    plan = d.get("_cf_part_plan")
    if plan is None:
        name = part.get("name")
        form = part.get("form", "numeric" if name == "day" else "long")
        plan = d["_cf_part_plan"] = (name, form)
    name, form = plan
    if name == "year" and form in ("long", "short"):
        year = date.year
        if type(year) is not int:
            return None
        if form == "long" and year >= 1000:
            return str(year)
        if form == "short":
            return str(year)[-2:]
        return None
    if name == "month" and form in ("long", "short", "numeric", "numeric-leading-zeros"):
        if "month" not in date:
            return None
        index = date.month
        if type(index) is not int:
            return None
        if form == "long" or form == "short":
            return (context if context is not None else part).get_single_term(
                name=f"month-{index:02}", form="short" if form == "short" else None)
        if form == "numeric":
            return f"{index}"
        if form == "numeric-leading-zeros":
            return f"{index:02}"
        return None
    if name == "day" and form in ("numeric", "numeric-leading-zeros"):
        day = date.day  # (a missing day raises VariableError, as there)
        if type(day) is not int:
            return None
        return day if form == "numeric" else f"{day:02}"
    return None


class Date_Part(CaseMixin, model.Date_Part):  # noqa: N801 - CSL tag name mapping
    def render(self, date, context=None):
        if cache.ENABLED and (context is None or not _overrides(context, self.get("name"))):
            # with no context, or one holding no cs:date-part of this name, citeproc-py
            # merges nothing into the element: nothing to undo
            return self._render(date, context, True)
        saved = dict(self.attrib)
        try:
            # citeproc-py merges the style's date-part attributes into this (often
            # locale) element while rendering; we undo that afterwards
            return self._render(date, context)
        finally:
            if dict(self.attrib) != saved:
                self.attrib.clear()
                self.attrib.update(saved)

    def _render(self, date, context, unmerged=False):
        state = get_state(self)
        if (self.get("name") == "year" and state is not None and state.drop_year
                and state.date_variable is not None and state.sort_options is None):
            state.drop_year = False  # only the first year printed (citeproc-js's years_used)
            return None
        if self.get("name") == "month" and date.get("month") is None and date.get("season"):
            text = _season(self, date.get("season"), context)
        else:
            text = _plain_process(self, date, context) if unmerged else None
            if text is None:
                text = model.Date_Part.process(self, date, context)
        if self.get("name") == "day" and self.get("form") == "ordinal" and text != date.day:
            text = day_ordinal(context if context is not None else self, date.day, date.get("month"))
        state = get_state(self)
        if (
            text is not None
            and self.get("name") == "year"
            and state is not None
            and state.implicit_year_suffix
            and state.date_variable is not None  # the first year printed, of any date (citeproc-js)
            and not state.year_suffix_done
            and state.current_item is not None
        ):
            suffix = state.current_item.reference.get("year_suffix")
            if suffix:
                state.year_suffix_done = True
                text = str(text) + str(suffix)
        return self.markup(text)
