"""The name variables a bibliography entry prints, found without rendering the entry.

Document-wide given-name disambiguation registers only the names an entry prints (as
citeproc-js does: a director in the author's ``cs:substitute`` prints only for a film
without authors). Rendering every such entry once more to see them is costly, so
:func:`printed_name_variables` follows the layout's control flow alone: groups and macros,
the branch each ``cs:choose`` takes (the branches' own tests), the variables of each
``cs:names`` the item holds, else the first alternative of its ``cs:substitute`` that
prints. Whatever it cannot decide exactly (a ``disambiguate``, ``position`` or ``locator``
test, a substitute alternative other than a ``cs:names`` or term before a ``cs:names``, a
merged editor-translator, a name that may print nothing, ...) makes it answer None: the
caller then renders the entry.
"""

from __future__ import annotations

from citeproc import model
from citeproc.source import VariableError

from . import cache
from .conditions import _has_value, _type_of, is_numeric_value

_CSL_NS = "http://purl.org/net/xbiblio/csl"
_NAMES_TAG = f"{{{_CSL_NS}}}names"
_TEXT_TAG = f"{{{_CSL_NS}}}text"
_UNDECIDED_TESTS = ("disambiguate", "position", "locator")
_CITE_VARIABLES = frozenset(("locator", "first-reference-note-number"))  # read from the cite
_MAX_DEPTH = 64  # macros calling macros deeper than this: rendered instead


class _Undecided(Exception):
    """The dry run cannot tell exactly what the entry prints."""


def printed_name_variables(root, item) -> set[str] | None:
    """The name variables (as the style writes them, e.g. ``container-author``) whose names
    the bibliography entry of ``item`` prints, as ``EngineState.shown_names`` records them
    when the entry is rendered; None when that cannot be told without rendering it.

    The answer is kept by :func:`_signature`: two items alike in everything the dry run
    reads get the same answer."""
    if not cache.ENABLED:
        return _dry_run(root, item)
    memo = root.__dict__.get("_cf_printed_memo")
    if memo is None:
        memo = root.__dict__["_cf_printed_memo"] = {}
    signature = _signature(root, item.reference)
    if signature not in memo:
        memo[signature] = _dry_run(root, item)
    found = memo[signature]
    return None if found is None else set(found)


def _dry_run(root, item) -> set[str] | None:
    scan = _Scan(root, item)
    try:
        scan.children(root.bibliography.layout, 0)
    except _Undecided:
        return None
    return scan.printed


def _read_fields(root) -> tuple:
    """(the fields a ``variable`` test reads, those an ``is-numeric`` test reads, those an
    ``is-uncertain-date`` test reads, the variables of every ``cs:names``) anywhere in the
    style, as the tests and the dry run look them up (read once)."""
    found = root.__dict__.get("_cf_printed_reads")
    if found is None:
        tested: dict[str, set[str]] = {"variable": set(), "is-numeric": set(), "is-uncertain-date": set()}
        roles: set[str] = set()
        for el in root.iter(f"{{{_CSL_NS}}}if", f"{{{_CSL_NS}}}else-if", _NAMES_TAG):
            if el.tag == _NAMES_TAG:
                roles.update((el.get("variable") or "").split())
                continue
            for test, variables in tested.items():
                variables.update((el.get(test) or "").split())
        found = root.__dict__["_cf_printed_reads"] = (
            frozenset(v.replace("-", "_") for v in tested["variable"]),
            tuple(sorted(v.replace("-", "_") for v in tested["is-numeric"])),
            tuple(sorted(v.replace("-", "_") for v in tested["is-uncertain-date"])),
            tuple(sorted(roles)),
        )
    return found


def _signature(root, reference) -> tuple:
    """All that the dry run of an entry reads of its item: the type, the outcome of every
    ``variable``, ``is-numeric`` and ``is-uncertain-date`` test the style may make (as
    :mod:`.conditions` computes them), and for each name variable a ``cs:names`` may print
    whether the item holds it and whether its first name (``_others`` left out) surely
    prints. (Tests on the cite's locator or position, or on ``disambiguate``, are never
    evaluated: the dry run gives up on them whatever the item.)"""
    variables, numeric, uncertain, roles = _read_fields(root)
    get = reference.get
    has = frozenset(var for var, val in reference.items() if var in variables and _has_value(val))
    numbers = []
    for var in numeric:
        val = get(var)
        numbers.append(val is not None and is_numeric_value(val))
    circa = []
    for var in uncertain:
        date = get(var)
        try:
            circa.append(bool(date is not None and date.get("circa", False)))
        except (AttributeError, VariableError):  # (as the test)
            circa.append(False)
    people = []
    for role in roles:
        if role not in reference:
            people.append(0)
            continue
        held = [n for n in reference.get(role) or () if not n.get("_others")]
        people.append(1 if not held else 2 + _solid(held[0]))
    return (_type_of(reference), bool(get("year_suffix")), has, tuple(numbers), tuple(circa), tuple(people))


def _macros(root) -> dict:
    """The style's macros by name (read once; the first of a name wins, as ``get_macro``)."""
    found = root.__dict__.get("_cf_macros_by_name")
    if found is None:
        found = {}
        for macro in root.iterchildren(f"{{{_CSL_NS}}}macro"):
            found.setdefault(macro.get("name"), macro)
        root.__dict__["_cf_macros_by_name"] = found
    return found


def _holds_names(element, macros: dict) -> bool:
    """Whether ``element`` is or holds a ``cs:names``, in the macros it calls too (read once)."""
    d = element.__dict__
    held = d.get("_cf_holds_names")
    if held is None:
        d["_cf_holds_names"] = False  # (a macro calling itself)
        held = False
        for el in element.iter(_NAMES_TAG, _TEXT_TAG):
            if el.tag == _NAMES_TAG:
                held = True
                break
            name = el.get("macro")
            if name is not None:
                macro = macros.get(name)
                if macro is None or _holds_names(macro, macros):
                    held = True  # (an unknown macro: left to the renderer)
                    break
        d["_cf_holds_names"] = held
    return held


_NAMES, _CHOOSE, _MACRO, _GROUP, _OTHER = range(5)


def _name_plan(element, macros: dict) -> list:
    """``element``'s children that hold a ``cs:names`` (the others print no names), each with
    its kind (read once)."""
    d = element.__dict__
    plan = d.get("_cf_name_plan")
    if plan is None:
        plan = d["_cf_name_plan"] = [
            (child, _kind(child)) for child in element.iterchildren()
            if isinstance(child.tag, str) and _holds_names(child, macros)
        ]
    return plan


def _kind(element) -> int:
    if isinstance(element, model.Names):
        return _NAMES
    if isinstance(element, model.Choose):
        return _CHOOSE
    if isinstance(element, model.Text) and "macro" in element.attrib:
        return _MACRO
    if isinstance(element, model.Group):
        return _GROUP
    return _OTHER


def _branch_plan(choose) -> list:
    """The branches of ``choose``, each as (its test, or None for ``cs:else``; whether the
    dry run cannot evaluate it; the branch) (read once)."""
    d = choose.__dict__
    plan = d.get("_cf_branch_plan")
    if plan is None:
        plan = []
        for branch in choose.iterchildren():
            if not isinstance(branch.tag, str):
                continue
            if isinstance(branch, model.Else):
                plan.append((None, False, branch))
                break
            attrib = branch.attrib
            undecided = not hasattr(branch, "holds") or any(test in attrib for test in _UNDECIDED_TESTS) or any(
                test in attrib and _CITE_VARIABLES.intersection(attrib[test].split())
                for test in ("variable", "is-numeric")
            )
            plan.append((None if undecided else branch.holds, undecided, branch))
        d["_cf_branch_plan"] = plan
    return plan


def _tracked(names) -> list[str]:
    """The variables a ``cs:names`` notes as used (what a substitute suppresses when it wins)."""
    return [v for v in (names.get("variable") or "").split() if v != "year-suffix"]


def _names_plan(names) -> tuple:
    """(the variables noted as used, the roles, the ``cs:substitute``) of a ``cs:names``
    (read once)."""
    d = names.__dict__
    plan = d.get("_cf_printed_plan")
    if plan is None:
        plan = d["_cf_printed_plan"] = (_tracked(names), (names.get("variable") or "").split(), names.substitute())
    return plan


def _solid(name) -> bool:
    """A name that surely prints something: a non-empty family name or literal."""
    for part in ("literal", "family"):
        value = name.get(part)
        if isinstance(value, str) and value.strip():
            return True
    return False


class _Scan:
    def __init__(self, root, item):
        self.macros = _macros(root)
        self.item = item
        self.reference = item.reference
        self.printed: set[str] = set()
        self.suppressed: set[str] = set()  # variables a substitute used: not printed again

    def children(self, element, depth: int) -> None:
        for child, kind in _name_plan(element, self.macros):
            if kind == _NAMES:
                self.names(child, in_substitute=False)
            elif kind == _CHOOSE:
                branch = self.branch(child)
                if branch is not None:
                    self.children(branch, depth)
            elif kind == _MACRO:
                macro = self.macros.get(child.get("macro"))
                if macro is None or depth >= _MAX_DEPTH:
                    raise _Undecided
                self.children(macro, depth + 1)
            elif kind == _GROUP:
                self.children(child, depth)
            else:
                raise _Undecided  # an element of another kind holding names

    def branch(self, choose):
        """The branch ``choose`` takes for the item (None: none)."""
        item = self.item
        for holds, undecided, branch in _branch_plan(choose):
            if undecided:
                raise _Undecided
            if holds is None or holds(item, None):
                return branch
        return None

    def names(self, names, in_substitute: bool) -> bool:
        """Note the variables ``names`` prints; whether it prints something (its substitute
        tried when it has none of its variables)."""
        tracked, roles, substitute = _names_plan(names)
        if tracked and self.suppressed.intersection(tracked):
            if all(v in self.suppressed for v in tracked):
                if substitute is None:
                    return False
                roles = []  # the variables were used: only the substitute is tried
            else:
                roles = [v for v in roles if v not in self.suppressed]
        if "year-suffix" in roles:
            raise _Undecided
        reference = self.reference
        if set(roles) == {"editor", "translator"} and "editor" in reference and "translator" in reference:
            raise _Undecided  # perhaps merged into one editor-translator list
        found = []
        for role in roles:
            if role not in reference:
                continue
            people = [n for n in reference.get(role) or () if not n.get("_others")]
            if not people or not _solid(people[0]):
                raise _Undecided  # it may print nothing
            found.append(role)
        if found:
            self.printed.update(found)
            return True
        if substitute is None:
            return False
        if in_substitute:
            raise _Undecided  # a substitute within a substitute
        self.substitute(substitute)
        return True  # (only a substitute's own alternatives read this)

    def substitute(self, substitute) -> None:
        """The alternatives of ``substitute`` in order, up to the first that prints."""
        alternatives = self.alternatives(substitute)
        for child in alternatives:
            if isinstance(child, model.Names):
                if self.names(child, in_substitute=True):
                    self.suppressed.update(_names_plan(child)[0])
                    return
                continue
            if isinstance(child, model.Text) and child.get("term"):
                return  # a term ends the substitution, printed or not
            # whether it prints is not told here: it must be the last that may print names
            if not isinstance(child.tag, str) or _holds_names(child, self.macros):
                raise _Undecided
            for rest in alternatives:
                if not isinstance(rest.tag, str) or _holds_names(rest, self.macros):
                    raise _Undecided
            return

    def alternatives(self, element):
        """The children of ``element``, a ``cs:choose`` replaced by those of the branch it
        takes (as ``Substitute.alternatives``)."""
        for child in element.iterchildren():
            if isinstance(child, model.Choose):
                branch = self.branch(child)
                if branch is not None:
                    yield from self.alternatives(branch)
            else:
                yield child
