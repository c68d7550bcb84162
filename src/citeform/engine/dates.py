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


class DateMixin:
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
    def process(self, date, context=None):
        saved = dict(self.attrib)
        try:
            text = super().process(date, context)
        finally:
            if dict(self.attrib) != saved:
                self.attrib.clear()
                self.attrib.update(saved)
        return text

    def render(self, date, context=None):
        text = self.process(date, context)
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
