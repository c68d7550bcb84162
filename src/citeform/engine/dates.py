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
from citeproc.source import VariableError
from citeproc.string import String

from .sorting import date_key
from .state import get_state
from .textcase import CaseMixin


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


class DateMixin:
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
            if parts == "year":
                key = key[:6]
            elif parts == "year-month":
                key = key[:8]
            return String(key)
        if state is not None and var:
            previous = state.date_variable
            state.date_variable = var
            try:
                return super().process(item, variable, show_parts, context, **kwargs)
            finally:
                state.date_variable = previous
        return super().process(item, variable, show_parts, context, **kwargs)


class Date_Part(CaseMixin, model.Date_Part):  # noqa: N801 - CSL tag name mapping
    def render(self, date, context=None):
        saved = dict(self.attrib)
        try:
            # citeproc-py merges the style's date-part attributes into this (often
            # locale) element while rendering; we undo that afterwards
            if self.get("name") == "month" and date.get("month") is None and date.get("season"):
                text = _season(self, date.get("season"), context)
            else:
                text = model.Date_Part.process(self, date, context)
            state = get_state(self)
            if (
                text is not None
                and self.get("name") == "year"
                and state is not None
                and state.implicit_year_suffix
                and state.date_variable == "issued"
                and not state.year_suffix_done
                and state.current_item is not None
            ):
                suffix = state.current_item.reference.get("year_suffix")
                if suffix:
                    state.year_suffix_done = True
                    text = str(text) + str(suffix)
            return self.markup(text)
        finally:
            if dict(self.attrib) != saved:
                self.attrib.clear()
                self.attrib.update(saved)
