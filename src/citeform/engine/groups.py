"""Groups, substitution and the bookkeeping of which variables rendered.

* ``cs:group`` is suppressed when it calls at least one variable and none of
  the variables it calls (in the branches actually taken) renders; terms and
  values alone never keep it (CSL 1.0.2 §Group).
* ``cs:substitute``: the variables used by the substitute that rendered are
  suppressed for the rest of the entry or cite, so an item without author
  shows its title once, and an editor moved to the author place is not
  repeated later.
"""

from __future__ import annotations

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import MixedString

from .. import vocabulary
from .compiled import decorated, last_char, sibling_joins
from .markup import FIELD_END, QUOTE, QUOTE_OUT, SEAM
from .state import get_state

_UNSET = object()
_CSL_NS = "http://purl.org/net/xbiblio/csl"


# What ends suppress-author in citeproc-js once it renders (``probably_rendered_something``):
# names, dates and its multilingual string variables (``CSL.MULTI_FIELDS``); numbers, DOI/URL
# and other plain text variables do not.
ENDS_SUPPRESSION = vocabulary.NAME_VARIABLES | vocabulary.DATE_VARIABLES | frozenset((
    "event", "publisher", "publisher-place", "event-place", "title", "container-title",
    "collection-title", "authority", "genre", "title-short", "medium", "country", "jurisdiction",
    "archive", "archive-place", "language-name", "language-name-original",
))

MULTILINGUAL_OR_DATES = ENDS_SUPPRESSION - vocabulary.NAME_VARIABLES


def note_variables(state, names: list[str], rendered: bool) -> None:
    """Record in ``state`` that ``names`` were called and whether they rendered."""
    if state is None:
        return
    if state.var_frames:
        frame = state.var_frames[-1]
        frame[0] = True
        frame[1] = frame[1] or rendered
    if rendered:
        if (state.suppress_author or state.author_only) and not state.probably_rendered:
            # (under the element trace a cs:names says so itself: when it printed names, not
            # when its substitute printed something else)
            ends = MULTILINGUAL_OR_DATES if state.trace_on else ENDS_SUPPRESSION
            state.probably_rendered = any(name in ends for name in names)
        for used in state.used_stack:
            used.update(names)
        if state.used_stack:  # inside cs:substitute: rendered once, suppressed from here on
            state.suppressed.update(names)


def is_empty(text) -> bool:
    """``str(text) == ""`` without building the string of a nested ``MixedString``."""
    if isinstance(text, str):
        return not text
    if isinstance(text, MixedString):
        return all(is_empty(part) for part in text)
    return str(text) == ""


def children_plan(element) -> list[tuple[object, bool]]:
    """The element's children, each with whether it is a ``cs:choose`` (read once)."""
    d = element.__dict__
    plan = d.get("_cf_children")
    if plan is None:
        plan = d["_cf_children"] = [
            (child, isinstance(child, model.Choose)) for child in element.iterchildren()
        ]
    return plan


def open_frame(state) -> list[bool]:
    """A frame [called a variable, a variable rendered] for a group or a macro call."""
    frame = [False, False]
    if state is not None:
        state.var_frames.append(frame)
    return frame


def close_frame(state, frame: list[bool]) -> None:
    """Fold a closed frame [called a variable, a variable rendered] into the enclosing one."""
    if state is not None:
        frames = state.var_frames
        frames.pop()
        if frames:
            parent = frames[-1]
            parent[0] = parent[0] or frame[0]
            parent[1] = parent[1] or frame[1]


def following(cls: type, owner: type, name: str):
    """The attribute ``name`` that ``super(owner, instance_of_cls)`` finds: the first class
    after ``owner`` in ``cls``'s method resolution order that defines it.

    Resolved once per class (see ``__init_subclass__`` below), because a ``super()`` look-up
    walks the long chains of mixins of an element class on every call.
    """
    mro = cls.__mro__
    for klass in mro[mro.index(owner) + 1:]:
        if name in klass.__dict__:
            return klass.__dict__[name]
    raise AttributeError(name)


class VariableTracking:
    """Mixin for rendering elements that call variables (text, number, date, names)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._tracking_next_render = following(cls, VariableTracking, "render")

    def tracked_variables(self) -> list[str]:
        # year-suffix is generated, not data: it never decides a group's fate. Read once:
        # the attribute is only ever narrowed inside this element's own render.
        d = self.__dict__
        names = d.get("_cf_tracked")
        if names is None:
            names = d["_cf_tracked"] = [
                v for v in (self.get("variable") or "").split() if v != "year-suffix"
            ]
        return names

    def data_keys(self) -> tuple[str, ...] | None:
        """The item fields one of which the variable is read from, when an item lacking all
        of them renders nothing (None: no such rule, e.g. cs:names falls back on cs:substitute)."""
        return None

    def render(self, item, *args, **kwargs):
        names = self.tracked_variables()
        if not names:
            return self._tracking_next_render(item, *args, **kwargs)
        d = self.__dict__
        keys = d.get("_cf_data_keys", _UNSET)
        if keys is _UNSET:
            keys = d["_cf_data_keys"] = self.data_keys()
        state = get_state(self)
        if (
            keys is not None and not args and "variable" not in kwargs
            and not any(key in item.reference for key in keys)
        ):
            # the item lacks the variable: what the layers below end in (a VariableError,
            # caught by the parent, the variable noted as not rendered), without raising it
            note_variables(state, names, False)
            return None
        original = self.get("variable")
        narrowed = original
        if state is not None and state.suppressed and all(n in state.suppressed for n in names):
            if not _has_substitute(self):
                note_variables(state, names, False)
                return None
            # a cs:names whose variables were all used still tries its cs:substitute (citeproc-js:
            # APA's 'In H. Baker, C' when the editor went to the author's place)
            narrowed = " "
            self.set("variable", narrowed)
        elif state is not None and state.suppressed:
            kept = [v for v in original.split() if v not in state.suppressed]
            if len(kept) < len(original.split()):
                # cs:names with several variables: the substituted ones are left out
                narrowed = " ".join(kept)
                self.set("variable", narrowed)
        try:
            out = self._tracking_next_render(item, *args, **kwargs)
        except VariableError:
            note_variables(state, names, False)
            raise
        finally:
            if narrowed is not original:
                self.set("variable", original)
        note_variables(state, names, _rendered(state, out))
        return out


MARKS = frozenset(".,;:!?")
_DECORATIONS = ("font-style", "font-weight", "font-variant", "text-decoration", "vertical-align")


def decorated_field(element) -> bool:
    """A ``cs:text`` printing a variable, term or value with a decoration of its own."""
    attrib = element.attrib
    return (
        isinstance(element.tag, str) and element.tag.endswith("}text") and "macro" not in attrib
        and any(key in attrib for key in _DECORATIONS)
    )


def seam_after(element, text) -> bool:
    """Whether a delimiter after ``element``'s output ``text`` collapses with what ends it
    only on a repeated mark: citeproc-js adds the delimiter's mark to the suffix of a
    decorated field or of an element whose own suffix ends in punctuation."""
    d = element.__dict__
    found = d.get("_cf_suffix_mark")
    if found is None:
        found = d["_cf_suffix_mark"] = element.get("suffix", "")[-1:] in MARKS
    return found or last_char(text) == FIELD_END


def blob_end(text):
    """``text`` of a group or macro, marked when it ends with a quoted field: a mark after
    it is the enclosing element's, which citeproc-js merges into the quotation's last mark
    by the usual rules (see ``typography.quote_seams``)."""
    if text is not None and last_char(text) == QUOTE[1]:
        return text + QUOTE_OUT
    return text


def end_of_cite(text):
    """A cite's text: what follows it (a delimiter between cites) is no enclosing element's
    mark, so the :func:`blob_end` mark at its end goes."""
    if text is not None and last_char(text) == QUOTE_OUT:
        return without_field_end(text)
    return text


def without_field_end(text):
    """``text`` without the :data:`FIELD_END` that ends it: a field that is the last of a
    group, macro or branch joins what follows the group by the usual rules."""
    if isinstance(text, MixedString):
        parts = list(text)
        at = len(parts) - 1
        while at > 0 and is_empty(parts[at]):
            at -= 1
        parts[at] = without_field_end(parts[at])
        return MixedString(parts)
    return type(text)(str(text)[:-1])


def _has_substitute(element) -> bool:
    """Whether ``element`` is a ``cs:names`` with a ``cs:substitute`` (read once)."""
    d = element.__dict__
    found = d.get("_cf_has_substitute")
    if found is None:
        found = d["_cf_has_substitute"] = isinstance(element, model.Names) and element.substitute() is not None
    return found


def tracking_fn(element, names: list[str], keys, state_of, next_render):
    """:meth:`VariableTracking.render` as one function of (item, kw), for a compiled walk
    (see :mod:`.compiled`): ``next_render(item, kw)`` is what it calls below itself, ``keys``
    the element's ``data_keys()``. With variables suppressed by a substitute, or a variable
    given by the caller, the method itself runs (unless the element calls one variable)."""
    tracking_render = VariableTracking.render
    # one variable: suppressed, the element renders nothing; else it is rendered as it is
    single = names[0] if (element.get("variable") or "").split() == names and len(names) == 1 else None

    has_substitute = _has_substitute(element)

    def render(item, kw):
        state = state_of()
        if "variable" in kw:
            return tracking_render(element, item, **kw)
        if state is not None and state.suppressed:
            if single is None or has_substitute:  # (a cs:names still tries its cs:substitute)
                return tracking_render(element, item, **kw)
            if single in state.suppressed:
                note_variables(state, names, False)
                return None
        if keys is not None:
            reference = item.reference
            for key in keys:
                if key in reference:
                    break
            else:
                note_variables(state, names, False)
                return None
        try:
            out = next_render(item, kw)
        except VariableError:
            note_variables(state, names, False)
            raise
        note_variables(state, names, _rendered(state, out))
        return out

    return render


def _rendered(state, out) -> bool:
    """Whether ``out`` counts as the variable rendered: not when empty, nor when it is a date
    that printed only a season word (``state.hollow_date``, set by the date and read here)."""
    if out is None or is_empty(out):
        return False
    if state is not None and state.hollow_date:
        state.hollow_date = False
        return False
    return True


class Group(model.Group):
    def process(self, item, context=None, **kwargs):
        d = self.__dict__
        delimiter = d.get("_cf_delimiter")
        if delimiter is None:
            delimiter = d["_cf_delimiter"] = self.get("delimiter", "")
        output = []
        seams = []
        rendered = []
        state = get_state(self)
        frame = open_frame(state)
        try:
            for child, is_choose in children_plan(self):
                try:
                    if is_choose:
                        text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except VariableError:
                    continue
                if text is not None and not is_empty(text):
                    output.append(text)
                    rendered.append(None if is_choose else child)
                    seams.append(delimiter[:1] in MARKS and seam_after(child, text))
        finally:
            close_frame(state, frame)
        if not output or (frame[0] and not frame[1]):
            raise VariableError
        for at in range(len(output) - 1):
            if seams[at]:
                output[at] = output[at] + SEAM
        if not delimiter and len(output) > 1 and any(c is not None and decorated(c) for c in rendered):
            sibling_joins(rendered, output)
        if str(output[-1]).endswith(FIELD_END):  # the group's own suffix or delimiter is no seam
            output[-1] = without_field_end(output[-1])
        if state is not None and state.var_frames:  # a nested group counts as content for its parent
            state.var_frames[-1][1] = True
        return blob_end(self.join(output))


class Substitute(model.Substitute):
    def plan(self) -> list[tuple[object, bool, bool]]:
        """The children, each with whether it is a cs:names without cs:name (it inherits the
        parent's) and whether it is a term (read once: a substitute's children never change)."""
        d = self.__dict__
        plan = d.get("_cf_plan")
        if plan is None:
            plan = d["_cf_plan"] = [
                (
                    child,
                    isinstance(child, model.Names) and child.find("cs:name", child.nsmap) is None,
                    isinstance(child, model.Text) and bool(child.get("term")),
                )
                for child in self.iterchildren()
            ]
        return plan

    def alternatives(self, item, context=None):
        """:meth:`plan`'s children in order, a ``cs:choose`` replaced by the children of the
        branch it takes for ``item``: as in citeproc-js, the first element under
        ``cs:substitute`` that renders anything wins, inside a ``cs:choose`` too (Chicago's
        ``editor``, then ``translator``, in one branch: the editor alone)."""
        for entry in self.plan():
            child = entry[0]
            if isinstance(child, model.Choose):
                yield from _branch_alternatives(child, item, context)
            else:
                yield entry

    def render(self, item, context=None, **kwargs):
        state = get_state(self)
        d = self.__dict__
        chooses = d.get("_cf_chooses")
        if chooses is None:
            chooses = d["_cf_chooses"] = any(isinstance(e[0], model.Choose) for e in self.plan())
        for child, bare_names, term in self.alternatives(item, context) if chooses else self.plan():
            used: set[str] = set()
            if state is not None:
                state.used_stack.append(used)
                hidden = state.trace_hidden
            try:
                if bare_names:
                    names = self.getparent()
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            finally:
                if state is not None:
                    state.used_stack.pop()
            hollow = (
                (text is None or str(text) == "") and state is not None and state.section == "citation"
                and _hollow_names(child, item)
            )
            if hollow or (state is not None and state.trace_hidden > hidden and (text is None or str(text) == "")):
                text = ""  # (what the element trace dropped rendered: the substitution ends)
                hollow = True
            if text is not None and (str(text) != "" or hollow):
                if state is not None:
                    state.suppressed.update(used)
                    for outer in state.used_stack:
                        outer.update(used)
                    if not state.names_seen and not isinstance(child, model.Names):
                        state.names_by_text = True
                return text
            if state is not None and not bare_names and _holds_own_name(child):
                # citeproc-js: a cs:names with its own cs:name, tried and empty, uses up the
                # entry's subsequent-author-substitute comparison (MLA's guest, then editor)
                state.sas_done = True
            if term:
                return None  # a term ends the substitution even when it is empty
        return None


def _hollow_names(child, item) -> bool:
    """A ``cs:names`` that printed nothing although it has names: its first person has a given
    name only, which a short form leaves out. citeproc-js counts it as rendered: the
    substitution ends there (``(2000)``, not the title)."""
    if not isinstance(child, model.Names):
        return False
    reference = item.reference
    for var in (child.get("variable") or "").split():
        names = reference.get(var)
        if names:
            first = names[0]
            return not first.get("family") and "literal" not in first and not first.get("_others")
    return False


def _holds_own_name(child) -> bool:
    """Whether ``child`` is or holds a ``cs:names`` with its own ``cs:name`` (read once)."""
    d = child.__dict__
    held = d.get("_cf_own_name")
    if held is None:
        held = d["_cf_own_name"] = any(True for _ in child.iter(f"{{{_CSL_NS}}}name"))
    return held


def _branch_alternatives(choose, item, context):
    """The children of the branch ``choose`` takes for ``item`` (nested choices expanded),
    each as :meth:`Substitute.plan` describes a child."""
    for branch in choose.iterchildren():
        holds = getattr(branch, "holds", None)  # cs:else has no test
        if holds is not None and not holds(item, context):
            continue
        for child in branch.iterchildren():
            if isinstance(child, model.Choose):
                yield from _branch_alternatives(child, item, context)
            else:
                yield (child,
                       isinstance(child, model.Names) and child.find("cs:name", child.nsmap) is None,
                       isinstance(child, model.Text) and bool(child.get("term")))
        return
