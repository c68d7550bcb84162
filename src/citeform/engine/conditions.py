"""cs:if / cs:else-if with every CSL 1.0.2 test, including ``position`` and ``disambiguate``."""

from __future__ import annotations

import re

from citeproc import model
from citeproc.source import VariableError

from .state import get_state

_NUMERIC = re.compile(
    r"^\s*[A-Za-z]*\d+[A-Za-z]*(\s*([-\u2013,&]|and)\s*[A-Za-z]*\d+[A-Za-z]*)*\s*$"
)


def is_numeric_value(value) -> bool:
    if isinstance(value, int):
        return True
    return bool(_NUMERIC.match(str(value)))


class ConditionMixin:
    def render(self, item, context=None, delimiter="", **kwargs):
        results: list[bool] = []
        for attr, test in (
            ("type", self._t_type),
            ("variable", self._t_variable),
            ("is-numeric", self._t_numeric),
            ("is-uncertain-date", self._t_uncertain),
            ("locator", self._t_locator),
            ("position", self._t_position),
            ("disambiguate", self._t_disambiguate),
        ):
            if attr in self.attrib:
                results += test(item, self.get(attr), context)
        match = self.get("match", "all")
        if match == "any":
            ok = any(results)
        elif match == "none":
            ok = not any(results)
        else:
            ok = all(results)
        if not ok:
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _t_type(self, item, value, _ctx):
        return [t == item.reference.type for t in value.split()]

    def _t_variable(self, item, value, _ctx):
        out = []
        for var in value.split():
            key = var.replace("-", "_")
            if var == "locator":
                out.append("locator" in item)
            elif var == "year-suffix":
                out.append(bool(item.reference.get("year_suffix")))
            elif var == "citation-number":
                out.append(True)
            elif var == "first-reference-note-number":
                positions = item.get("_positions") if hasattr(item, "get") else None
                out.append(bool(positions and "subsequent" in positions and item.get("_first_note")))
            else:
                val = item.reference.get(key)
                out.append(val is not None and str(val) != "" and val != [])
        return out

    def _t_numeric(self, item, value, _ctx):
        out = []
        for var in value.split():
            if var == "locator":
                val = item["locator"].identifier if "locator" in item else None
            else:
                val = item.reference.get(var.replace("-", "_"))
            out.append(val is not None and is_numeric_value(val))
        return out

    def _t_uncertain(self, item, value, _ctx):
        out = []
        for var in value.split():
            date = item.reference.get(var.replace("-", "_"))
            try:
                out.append(bool(date is not None and date.get("circa", False)))
            except (AttributeError, VariableError):
                out.append(False)
        return out

    def _t_locator(self, item, value, _ctx):
        if "locator" not in item:
            return [False for _ in value.split()]
        label = item["locator"].label
        return [label == v.replace("-", " ") or label == v for v in value.split()]

    def _t_position(self, item, value, context):
        ctx = context if context is not None else self
        from .names import section_of

        positions = item.get("_positions") if hasattr(item, "get") else None
        if section_of(ctx) == "bibliography" or positions is None:
            return [False for _ in value.split()]
        out = []
        for pos in value.split():
            if pos == "first":
                out.append("first" in positions)
            elif pos == "subsequent":
                out.append("subsequent" in positions)
            elif pos == "ibid":
                out.append("ibid" in positions)
            elif pos == "ibid-with-locator":
                out.append("ibid-with-locator" in positions)
            elif pos == "near-note":
                out.append("near-note" in positions)
            else:
                out.append(False)
        return out

    def _t_disambiguate(self, item, value, _ctx):
        state = get_state(self)
        entry = state.current(item.key) if state is not None else None
        flag = bool(entry and entry.condition)
        return [flag == (value == "true")]


class If(ConditionMixin, model.If):
    pass


class Else_If(ConditionMixin, model.Else_If):  # noqa: N801 - CSL tag name mapping
    pass
