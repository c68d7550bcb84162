"""cs:if / cs:else-if with every CSL 1.0.2 test, including ``position`` and ``disambiguate``."""

from __future__ import annotations

import re

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from . import compiled
from .state import get_state

_NUMERIC = re.compile(
    r"^\s*[A-Za-z]*\d+[A-Za-z]*(\s*([-\u2013,&]|and)\s*[A-Za-z]*\d+[A-Za-z]*)*\s*$"
)


_dict_get = dict.get
_MISSING = object()


def _type_of(reference) -> str:
    """``reference.type`` without citeproc-py's attribute hooks (every reference has a type)."""
    ref_type = _dict_get(reference, "type", _MISSING)
    return reference.type if ref_type is _MISSING else ref_type


def is_numeric_value(value) -> bool:
    if isinstance(value, int):
        return True
    return bool(_NUMERIC.match(str(value)))


# variables a ``variable`` test does not read from the item's field of that name
_SPECIAL_VARIABLES = frozenset(("locator", "year-suffix", "citation-number", "first-reference-note-number"))

_TESTS = (
    ("type", "_t_type"),
    ("variable", "_t_variable"),
    ("is-numeric", "_t_numeric"),
    ("is-uncertain-date", "_t_uncertain"),
    ("locator", "_t_locator"),
    ("position", "_t_position"),
    ("disambiguate", "_t_disambiguate"),
)


class ConditionMixin:
    def render(self, item, context=None, delimiter="", **kwargs):
        if not self.holds(item, context):
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def holds(self, item, context=None) -> bool:
        """Whether the branch's tests pass for ``item`` (its ``match`` applied)."""
        check = self.__dict__.get("_cf_check")
        if check is None:
            check = self.__dict__["_cf_check"] = self._check()
        return check(item, context)

    def _check(self):
        """``holds`` for this branch as one function of (item, context), made once: the
        tests and ``match`` are fixed, so the choices among them are made here."""
        plan = self.__dict__.get("_cf_tests")
        if plan is None:
            plan = self.__dict__["_cf_tests"] = self._plan()
        tests, match, types = plan
        if types is not None:  # the common case: only ``type``, one or more values
            if match == "none":
                return lambda item, _context: _type_of(item.reference) not in types
            # "any", and "all" too: citeproc-js tests a type list as one "any" test
            return lambda item, _context: _type_of(item.reference) in types
        if len(tests) == 1:
            test, values = tests[0]
            fields = _field_test(test, values, match)
            if fields is not None:
                return fields
            if match == "any":
                return lambda item, context: any(test(item, values, context))
            if match == "none":
                return lambda item, context: not any(test(item, values, context))
            return lambda item, context: all(test(item, values, context))
        fields = _types_and_fields(tests, match)
        if fields is not None:
            return fields

        def several(item, context) -> bool:
            results: list[bool] = []
            for test, values in tests:
                results += test(item, values, context)
            if match == "any":
                return any(results)
            if match == "none":
                return not any(results)
            return all(results)
        return several

    def _plan(self):
        """The branch's tests with their values split, read once from the style tree."""
        attrib = self.attrib
        tests = [
            (getattr(self, method), attrib[attr] if attr == "disambiguate" else attrib[attr].split())
            for attr, method in _TESTS
            if attr in attrib
        ]
        types = None
        if len(tests) == 1 and "type" in attrib and tests[0][1]:
            types = tuple(tests[0][1])
        return tests, self.get("match", "all"), types

    def _t_type(self, item, values, _ctx):
        if not values:
            return []
        # one result for the whole list, "any" of its types (as citeproc-js composes it), which the
        # branch's match then combines with the other tests
        return [_type_of(item.reference) in values]

    def _t_variable(self, item, values, _ctx):
        out = []
        for var in values:
            if var not in _SPECIAL_VARIABLES:  # a field of the item (most tests)
                val = item.reference.get(var.replace("-", "_"))
                out.append(val is not None and val != [] and str(val) != "")
            elif var == "locator":
                out.append("locator" in item)
            elif var == "year-suffix":
                out.append(bool(item.reference.get("year_suffix")))
            elif var == "citation-number":
                out.append(True)
            elif var == "first-reference-note-number":
                positions = item.get("_positions") if hasattr(item, "get") else None
                out.append(bool(positions and "subsequent" in positions and item.get("_first_note")))
        return out

    def _t_numeric(self, item, values, _ctx):
        out = []
        for var in values:
            if var == "locator":
                val = item["locator"].identifier if "locator" in item else None
            else:
                val = item.reference.get(var.replace("-", "_"))
            out.append(val is not None and is_numeric_value(val))
        return out

    def _t_uncertain(self, item, values, _ctx):
        out = []
        for var in values:
            date = item.reference.get(var.replace("-", "_"))
            try:
                out.append(bool(date is not None and date.get("circa", False)))
            except (AttributeError, VariableError):
                out.append(False)
        return out

    def _t_locator(self, item, values, _ctx):
        if "locator" not in item:
            return [False for _ in values]
        label = item["locator"].label
        return [label == v.replace("-", " ") or label == v for v in values]

    def _t_position(self, item, values, context):
        ctx = context if context is not None else self
        from .names import section_of

        positions = item.get("_positions") if hasattr(item, "get") else None
        if section_of(ctx) == "bibliography" or positions is None:
            return [False for _ in values]
        out = []
        for pos in values:
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
        level = entry.condition if entry is not None else False
        flag = bool(level)
        if state is not None and value == "true":
            state.disambiguate_tests += 1
        if level is not True and level and value == "true":
            # citeproc-js: level n switches on the first n disambiguate="true" tests the cite meets
            flag = state.disambiguate_count < level
            state.disambiguate_count += flag
        return [flag == (value == "true")]


def _has_value(val) -> bool:
    """A ``variable`` test on a field's value (what ``_t_variable`` does for one field)."""
    kind = type(val)
    if kind is str or kind is String:
        return val != ""
    if kind is list:  # (a list's str is never empty: no need to build it)
        return val != []
    return val is not None and val != [] and str(val) != ""


def _types_and_fields(tests, match):
    """A branch testing ``type`` and ``variable`` on item fields only, with several tests, as
    one function stopping at the first answer that decides (or None): the tests read plain
    values, so which are read does not matter."""
    parts: list[tuple[bool, tuple[str, ...]]] = []  # (a type test, its types or field keys)
    for test, values in tests:
        method = getattr(test, "__func__", None)
        if method is ConditionMixin._t_type:
            if values:  # (no types: no result)
                parts.append((True, tuple(values)))
        elif method is ConditionMixin._t_variable and not any(v in _SPECIAL_VARIABLES for v in values):
            if values:
                parts.append((False, tuple(v.replace("-", "_") for v in values)))
        else:
            return None
    want = match == "all"  # "all": every result true; "any" and "none": one result true

    def holds(item, _context) -> bool:
        reference = item.reference
        for is_type, values in parts:
            if is_type:
                if (_type_of(reference) in values) != want:
                    return not want
                continue
            get = reference.get
            for key in values:
                if bool(_has_value(get(key))) != want:
                    return not want
        return want

    if match == "none":
        return lambda item, context: not holds(item, context)
    if match not in ("all", "any"):
        return None
    return holds


def _field_test(test, values, match):
    """A branch testing ``variable`` on item fields only, as one function (or None)."""
    if getattr(test, "__func__", None) is not ConditionMixin._t_variable or not values:
        return None
    if any(var in _SPECIAL_VARIABLES for var in values):
        return None
    keys = tuple(var.replace("-", "_") for var in values)
    if len(keys) == 1:
        key = keys[0]
        if match == "none":
            return lambda item, _context: not _has_value(item.reference.get(key))
        return lambda item, _context: _has_value(item.reference.get(key))
    # (the first answer decides: the tests read plain values and cannot raise)

    def any_field(item, _context) -> bool:
        get = item.reference.get
        for k in keys:
            if _has_value(get(k)):
                return True
        return False

    if match == "any":
        return any_field
    if match == "none":
        return lambda item, context: not any_field(item, context)

    def all_fields(item, _context) -> bool:
        get = item.reference.get
        for k in keys:
            if not _has_value(get(k)):
                return False
        return True

    return all_fields


class If(ConditionMixin, model.If):
    pass


class Else_If(ConditionMixin, model.Else_If):  # noqa: N801 - CSL tag name mapping
    pass


def _type_only(branch) -> bool:
    """A cs:else, or a branch testing nothing but the type (see ConditionMixin._plan)."""
    if isinstance(branch, model.Else):
        return True
    if not isinstance(branch, ConditionMixin):
        return False
    plan = branch.__dict__.get("_cf_tests")
    if plan is None:
        plan = branch.__dict__["_cf_tests"] = branch._plan()
    return plan[2] is not None


class Choose(model.Choose):
    """The first branch whose tests hold renders; tests are evaluated without raising."""

    def _cf_compile(self):
        """``render`` as one function of (item, delimiter, kw) (see :mod:`.compiled`): each
        branch's test and children's render functions are found once, on first use."""
        plan: list = []
        run_children = compiled.run_children

        def make_plan():
            branches = list(self.getchildren())
            by_type = {} if all(_type_only(b) for b in branches) else None
            steps = []
            for branch in branches:
                if isinstance(branch, ConditionMixin):
                    check = branch.__dict__.get("_cf_check")
                    if check is None:
                        check = branch.__dict__["_cf_check"] = branch._check()
                    steps.append((check, compiled.children_fns(branch), branch))
                elif type(branch).render is model.Else.render:
                    steps.append((None, compiled.children_fns(branch), branch))
                else:
                    steps.append((None, None, branch))
            plan[:] = [by_type, steps, branches]
            return plan

        def render(item, delimiter, kw):
            by_type, steps, branches = plan or make_plan()
            context = kw.get("context")
            ckw = kw if "context" in kw else {"context": None, **kw}
            if by_type is not None:
                reference = item.reference
                ref_type = _dict_get(reference, "type", _MISSING)
                if ref_type is _MISSING:
                    ref_type = reference.type
                fns = by_type.get(ref_type, _MISSING)
                if fns is _MISSING:
                    branch = next(
                        (b for b in branches if not isinstance(b, ConditionMixin) or b.holds(item, context)),
                        None,
                    )
                    fns = by_type[ref_type] = None if branch is None else compiled.children_fns(branch)
                if fns is None:
                    return None
                return run_children(fns, item, delimiter, ckw)
            for check, fns, branch in steps:
                if check is not None:
                    if check(item, context):
                        return run_children(fns, item, delimiter, ckw)
                    continue
                if fns is not None:  # cs:else
                    return run_children(fns, item, delimiter, ckw)
                try:
                    rest = {k: v for k, v in kw.items() if k != "context"}
                    return branch.render(item, context=context, delimiter=delimiter, **rest)
                except model.ConditionFailed:
                    continue
            return None

        return render

    def render(self, item, context=None, delimiter="", **kwargs):
        d = self.__dict__
        branches = d.get("_cf_branches")
        if branches is None:
            branches = d["_cf_branches"] = list(self.getchildren())
            # when every branch tests the type alone (or is cs:else), the branch taken
            # depends on the item's type only: remembered per type
            d["_cf_by_type"] = {} if all(_type_only(b) for b in branches) else None
        by_type = d["_cf_by_type"]
        if by_type is not None:
            ref_type = _type_of(item.reference)
            branch = by_type.get(ref_type, _MISSING)
            if branch is _MISSING:
                branch = by_type[ref_type] = next(
                    (b for b in branches if not isinstance(b, ConditionMixin) or b.holds(item, context)),
                    None,
                )
            if branch is None:
                return None
            return branch.render_children(item, context=context, delimiter=delimiter, **kwargs)
        for branch in branches:
            if isinstance(branch, ConditionMixin):
                if branch.holds(item, context):
                    return branch.render_children(item, context=context, delimiter=delimiter, **kwargs)
                continue
            try:
                return branch.render(item, context=context, delimiter=delimiter, **kwargs)
            except model.ConditionFailed:
                continue
        return None
