"""Our subclasses of citeproc-py's style elements and the lxml lookup that installs them.

Each subclass adds one documented behaviour on top of citeproc-py:

* ``display`` on any rendering element wraps its output in display tokens;
* ``quotes="true"`` emits quote tokens whose level (double/single) and
  punctuation-in-quote handling are resolved at output time;
* ``second-field-align`` splits a bibliography entry into a left-margin
  field and a right-inline remainder.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import MixedString, String, join, normalize_seam
from lxml import etree

from . import cache, compiled, groups, locales, trace
from . import markup as m
from .cache import cached_class
from .citations import render_cluster
from .conditions import Choose, Else_If, If
from .dates import Date_Part, DateMixin
from .flipflop import NormalDecorationsMixin, ValueMarkupMixin, parse_markup
from .groups import Substitute, VariableTracking
from .locales import Style
from .names import Name, section_of
from .numbers import NUMBER_VARIABLES, LabelPluralMixin, NumberFormatMixin
from .punctuation import protect_typed
from .sorting import Sort, dates_only, has_date
from .state import get_state
from .subsequent import substitute_text
from .textcase import CaseMixin, _style_language

CSL_NS = "http://purl.org/net/xbiblio/csl"
_MISSING = object()
# variables cs:text renders from somewhere else than the item's field of that name
_NOT_FIELDS = frozenset(
    ("citation-label", "citation-number", "first-reference-note-number", "locator", "year-suffix")
)


# cs:text variables citeproc-js prints as numbers (outputNumericField): their affixes count for the
# nested-brace rule, as those of cs:group, cs:date, cs:number and a cs:text calling a macro do
_BRACE_TEXT_VARIABLES = frozenset((
    "page", "page-first", "chapter-number", "collection-number", "edition", "issue", "number",
    "number-of-pages", "number-of-volumes", "volume", "locator", "locator-extra",
    "first-reference-note-number", "first-container-reference-note-number",
))


class BraceAffixes:
    """Affixes whose parentheses citeproc-js's nested-brace rule counts, marked in note styles.

    citeproc-js turns a "(" of such an affix into "[" (and its ")" into "]") when it opens
    inside an odd number of others, counting the cite prefixes and suffixes too (a cite prefix
    "(" gives ``TR-38 [Wiley, 1997]``). The affixes are marked here; :func:`markup.resolve_braces`
    counts them once the cluster (or entry) is whole. The affixes of names, labels, terms, values,
    date parts and other text variables are not counted, as in citeproc-js.
    """

    def wrap(self, string):
        d = self.__dict__
        marked = d.get("_cf_brace_affixes", _MISSING)
        if marked is _MISSING:
            marked = d["_cf_brace_affixes"] = _brace_affixes(self)
        if marked is not None and string is not None:
            state = get_state(self)
            if state is not None and state.note_braces and state.sort_options is None:
                prefix, suffix = marked  # citeproc-py's Affixed.wrap with the marked affixes
                text = prefix + model.normalize_seam(prefix, string)
                return text + model.normalize_seam(text, suffix)
        if cache.ENABLED:
            affixes = d.get("_cf_brace_next")
            if affixes is None:
                # citeproc-py's Affixed.wrap next (as for nearly every class): done here, its
                # affixes read once
                affixes = d["_cf_brace_next"] = (
                    groups.following(type(self), BraceAffixes, "wrap") is model.Affixed.wrap,
                    self.get("prefix", ""),
                    self.get("suffix", ""),
                )
            if affixes[0]:
                if string is None:
                    return None
                prefix, suffix = affixes[1], affixes[2]
                text = prefix + model.normalize_seam(prefix, string)
                return text + model.normalize_seam(text, suffix)
        return super().wrap(string)


def _brace_affixes(element) -> tuple[str, str] | None:
    """The element's affixes with their parentheses marked, or None when nothing is to mark."""
    prefix, suffix = element.get("prefix", ""), element.get("suffix", "")
    if not any(ch in prefix + suffix for ch in "()"):
        return None
    if element.tag == f"{{{CSL_NS}}}text" and not (
        element.get("macro") or element.get("variable") in _BRACE_TEXT_VARIABLES
    ):
        return None
    return m.mark_braces(prefix), m.mark_braces(suffix)


def wrap_display(display: str, text):
    return m.wrap((m.DISPLAY_OPEN[display], m.DISPLAY_CLOSE), text)


def traced_fn(element, kind: str, fn: Callable) -> Callable:
    """The render function ``fn(item, kw)`` of a ``cs:text`` (no macro call), ``cs:number`` or
    ``cs:date`` (``kind``: "text" or "date"), under the element trace of an author-only or
    suppress-author cite (see :mod:`.trace`)."""
    state_of = compiled.state_getter(element)
    variable = element.get("variable")
    leaf = trace.leaf

    def render(item, kw):
        state = state_of()
        if state is None or not state.trace_on or state.sort_options is not None:
            return fn(item, kw)
        return leaf(state, kind, variable, lambda: fn(item, kw))

    return render


class DisplayMixin:
    """Wrap the element's output in display tokens when ``display`` is set."""

    # what citeproc-js's element trace sees this element as (cs:number and cs:date; cs:text,
    # cs:names and cs:label do their own): None, "text" or "date"
    _trace_kind: str | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._display_next_render = groups.following(cls, DisplayMixin, "render")

    def render(self, *args, **kwargs):
        kind = self._trace_kind
        if kind is not None and self.get("variable"):  # (a locale's date form is no element of its own)
            state = get_state(self)
            if trace.active(state):
                return trace.leaf(state, kind, self.get("variable"),
                                  lambda: self.displayed(self._display_next_render(*args, **kwargs)))
        return self.displayed(self._display_next_render(*args, **kwargs))

    def _cf_compile(self):
        """``render`` as one function of (item, kw) (see :mod:`.compiled`) for an element
        tracking its variables (cs:date, cs:number): the tracking done in that function."""
        if type(self).render is not DisplayMixin.render:  # (cs:names and cs:label have their own)
            return self._generic_render()
        tracked = self._tracked_render()
        if tracked is None:
            return self._generic_render()
        keys = self.data_keys()
        if keys is not None:  # an item lacking them all: nothing rendered (see groups.tracking_fn)
            self.__dict__["_cf_leaf_keys"] = keys
        if self._trace_kind is not None and self.get("variable"):
            return traced_fn(self, self._trace_kind, tracked)
        return tracked

    def _generic_render(self):
        render_ = self.render
        return lambda item, kw: render_(item, **kw)

    def _tracked_render(self):
        """``DisplayMixin.render`` as a function of (item, kw) when the layer below it is
        :class:`VariableTracking` with variables to track (else None)."""
        if type(self)._display_next_render is not VariableTracking.render:
            return None
        names = self.tracked_variables()
        if not names:
            return None
        following = type(self)._tracking_next_render
        tracked = groups.tracking_fn(
            self, names, self.data_keys(), compiled.state_getter(self),
            lambda item, kw: following(self, item, **kw),
        )
        displayed = self.displayed
        return lambda item, kw: displayed(tracked(item, kw))

    def displayed(self, out):
        """``out`` in the display tokens of the element's ``display`` (read once), if any."""
        d = self.__dict__
        display = d.get("_cf_display", _MISSING)
        if display is _MISSING:
            display = d["_cf_display"] = self.get("display")
        if display in m.DISPLAY_OPEN and out is not None and not groups.is_empty(out):
            out = wrap_display(display, out)
        return out


def empty_plan(element) -> tuple[tuple[str, ...], Callable | None] | None:
    """(fields, called) for a compiled group or macro call that renders nothing for an item
    lacking all the fields, whatever else the item holds (None: no such fields known); read
    once per element. ``called(item, context)`` tells whether it calls a variable then (None:
    it always does).

    Such an element holds nothing but variables read from these fields (a ``cs:text``,
    ``cs:date`` or ``cs:names`` without ``cs:substitute``; a group or macro call of the same
    kind), in a ``cs:choose`` too, and terms, values or labels, which it prints only when it
    calls no variable: then one of those variables at least is outside any ``cs:choose``
    (it always calls one), or it holds no term, value or label. For an item lacking the fields
    it ends in a called variable that rendered nothing (if ``called``), which suppresses the
    group (CSL 1.0.2 §Group), and changes nothing else. Numbers and ``disambiguate`` tests
    (which count the tests met) are never skipped."""
    d = element.__dict__
    found = d.get("_cf_empty_plan", _MISSING)
    if found is _MISSING:
        d["_cf_empty_plan"] = None  # (a macro calling itself: nothing known)
        found = d["_cf_empty_plan"] = _empty_plan(element)
    return found


def _skip_plan(element):
    """:func:`empty_plan` with whether the element may end a cite's collapse (see
    :func:`ends_collapse`): such an element is skipped only in a bibliography entry."""
    plan = empty_plan(element)
    return None if plan is None else (*plan, ends_collapse(element))


def _skipped(skip: tuple, state, item, kw: dict) -> bool:
    """Whether a compiled group or macro call with the plan ``skip`` (see :func:`_skip_plan`)
    renders nothing for ``item``, as it would end: its parent's frame is then marked as
    having called a variable if rendering it would have."""
    if state is None or "variable" in kw or (skip[2] and state.section != "bibliography"):
        return False
    reference = item.reference
    for key in skip[0]:
        if key in reference:
            return False
    frames = state.var_frames
    if frames and (skip[1] is None or skip[1](item, kw.get("context"))):
        frames[-1][0] = True
    return True


def _empty_plan(element):
    compiled.render_fn(element)  # the markers below are set when it is compiled
    d = element.__dict__
    leaf = d.get("_cf_leaf_keys")
    if leaf is not None:
        return tuple(leaf), None
    if isinstance(element, Names):
        variable = element.get("variable") or ""
        if variable.strip() and element.find(f"{{{CSL_NS}}}substitute") is None:
            return tuple(variable.split()), None  # (what Names.process looks the roles up by)
        return None
    if d.get("_cf_group_fast"):
        children = element
    else:
        children = d.get("_cf_macro_call")
        if children is None:
            return None
    keys: list[str] = []
    scanned = _scan(children, keys)
    if scanned is None:
        return None
    always, silent, steps = scanned
    keys_found = tuple(dict.fromkeys(keys))
    if always:
        return keys_found, None
    if silent or not steps:
        return None
    if children is element:  # a group's children get the context it gets
        return keys_found, lambda item, context: _called(steps, item, context)
    # a macro's children get the calling cs:text as context (see Text._cf_compile)
    return keys_found, lambda item, context: _called(steps, item, element if context is None else context)


def _scan(parent, keys: list):
    """(a variable always called, a term, value or label held, the steps telling whether a
    variable is called) for the children of ``parent``, their fields added to ``keys``; None
    when one of them is not of the kinds :func:`empty_plan` knows."""
    always = silent = False
    steps: list = []
    for child in parent.iterchildren():
        if isinstance(child, model.Choose):
            branches = []
            for branch in child.iterchildren():
                if isinstance(branch, (If, Else_If)) and "disambiguate" not in branch.attrib:
                    check = branch.__dict__.get("_cf_check")
                    if check is None:
                        check = branch.__dict__["_cf_check"] = branch._check()
                elif isinstance(branch, model.Else):
                    check = None
                else:
                    return None
                inner = _scan(branch, keys)
                if inner is None:
                    return None
                silent = silent or inner[1]
                branches.append((check, True if inner[0] else inner[2]))
            steps.append((None, branches))
            continue
        if not isinstance(child, model.CitationStylesElement):
            return None
        plan = empty_plan(child)
        if plan is not None:
            keys.extend(plan[0])
            if plan[1] is None:
                always = True
            else:
                steps.append((plan[1], None))
        elif _silent(child):
            silent = True
        else:
            return None
    return always, silent, steps


def _called(steps: list, item, context) -> bool:
    """Whether rendering the children :func:`_scan` made ``steps`` of calls a variable (for an
    item lacking all their fields): the branches taken are found as ``cs:choose`` finds them."""
    for called, branches in steps:
        if called is not None:
            if called(item, context):
                return True
            continue
        for check, inner in branches:
            if check is None or check(item, context):
                if inner is True or _called(inner, item, context):
                    return True
                break
    return False


def _silent(element) -> bool:
    """A term, a value or a label: calls no variable and changes no state."""
    compiled.render_fn(element)
    if element.__dict__.get("_cf_silent"):
        return True
    return isinstance(element, Label) and element.get("variable") != "locator"


# cs:text variables whose rendering leaves citeproc-js's collapse of a cite on (have_collapsed)
_NOT_COLLAPSING = frozenset({"locator", "year-suffix", "citation-number", "citation-label"})


def ends_collapse(element) -> bool:
    """Whether ``element`` holds (itself, or in a macro it calls) a ``cs:text`` variable that
    ends citeproc-js's collapse of a cite when it runs, found or not, or a ``cs:names`` (read
    once): what a cite's collapse reads is set by running them, so a cite renders such an
    element instead of skipping it (see :func:`empty_plan`)."""
    d = element.__dict__
    found = d.get("_cf_ends_collapse_in")
    if found is None:
        d["_cf_ends_collapse_in"] = False  # (a macro calling itself)
        found = _ends_collapse(element, set())
        d["_cf_ends_collapse_in"] = found
    return found


def _ends_collapse(element, seen: set) -> bool:
    if next(element.iter(f"{{{CSL_NS}}}names"), None) is not None:
        return True  # a cs:names run marks the cite (``names_tried``), printing or not
    for el in element.iter(f"{{{CSL_NS}}}text"):
        variable = el.get("variable")
        if variable and variable not in _NOT_COLLAPSING:
            return True
        name = el.get("macro")
        if name and name not in seen:
            seen.add(name)
            macro = el.get_macro(name)
            if macro is not None and _ends_collapse(macro, seen):
                return True
    return False


class Text(
    BraceAffixes, DisplayMixin, VariableTracking, CaseMixin, NumberFormatMixin, ValueMarkupMixin,
    NormalDecorationsMixin, model.Text,
):
    def render(self, item, context=None, **kwargs):
        """What the display, variable-tracking and citeproc-py layers do for a ``cs:text``, with
        macro calls and plain terms and values done here in one frame (they are most of an
        entry's elements); variables go through :class:`VariableTracking`."""
        d = self.__dict__
        plan = d.get("_cf_render_plan")
        if plan is None:
            plan = d["_cf_render_plan"] = (bool(self.tracked_variables()), bool(self.get("macro")))
        tracked, calls_macro = plan
        if not calls_macro:
            state = get_state(self)
            if trace.active(state):
                return trace.leaf(state, "text", self.get("variable"),
                                  lambda: self._untraced_render(item, context, kwargs, tracked))
        return self._untraced_render(item, context, kwargs, tracked, calls_macro)

    def _untraced_render(self, item, context, kwargs, tracked: bool, calls_macro: bool = False):
        """:meth:`render` without the element trace."""
        if tracked:
            if self.get("variable") and self.get("variable") not in _NOT_COLLAPSING:
                state = get_state(self)
                if state is not None:
                    state.text_variable_run = True
            out = VariableTracking.render(self, item, context=context, **kwargs)
        elif calls_macro:
            # a macro call is an implicit group (as in citeproc-js): when it calls variables
            # and none renders, its terms and values are dropped too
            state = get_state(self)
            frame = groups.open_frame(state)
            try:
                out = self._rendered(item, context, kwargs)
            finally:
                groups.close_frame(state, frame)
            if frame[0] and not frame[1]:
                return None
            if out is not None and not groups.is_empty(out) and state is not None and state.var_frames:
                state.var_frames[-1][1] = True
        else:
            out = self._rendered(item, context, kwargs)
        return self.displayed(out)

    def _cf_compile(self):
        """``render`` as one function of (item, kw) (see :mod:`.compiled`), its branch among
        variable, macro call, term and value chosen here, once."""
        d = self.__dict__
        plan = d.get("_cf_render_plan")
        if plan is None:
            plan = d["_cf_render_plan"] = (bool(self.tracked_variables()), bool(self.get("macro")))
        tracked, calls_macro = plan
        kind, arg, post = self._kinds()
        display = self.get("display")
        if display not in m.DISPLAY_OPEN:
            display = None
        is_empty = groups.is_empty

        def displayed(out):
            if display is not None and out is not None and not is_empty(out):
                return wrap_display(display, out)
            return out

        if tracked:
            keys = self.data_keys()
            state_of = compiled.state_getter(self)
            if kind is not None and type(self)._tracking_next_render is model.Text.render:
                # citeproc-py's Text.render: markup(*process(...)), ours in one frame
                content = self._field_content() or self._content
                language = self._language
                markup = self.markup
                needs_language = self._markup_plan()[1]

                def next_render(item, kw):
                    text = content(item, kw.get("context"))
                    return markup(text, language(item) if needs_language else None)
            else:
                following = type(self)._tracking_next_render

                def next_render(item, kw):
                    return following(self, item, **kw)

            tracked_render = groups.tracking_fn(self, self.tracked_variables(), keys, state_of, next_render)
            if keys is not None:  # an item lacking them all: nothing rendered (see empty_plan)
                d["_cf_leaf_keys"] = keys
            if self.get("variable") and self.get("variable") not in _NOT_COLLAPSING:
                d["_cf_ends_collapse"] = True
                untracked_render = tracked_render

                def tracked_render(item, kw):
                    state = state_of()
                    if state is not None:
                        state.text_variable_run = True
                    return untracked_render(item, kw)
            if display is None:
                return traced_fn(self, "text", lambda item, kw: tracked_render(
                    item, kw if "context" in kw else {"context": None, **kw}))
            return traced_fn(self, "text", lambda item, kw: displayed(
                tracked_render(item, kw if "context" in kw else {"context": None, **kw})
            ))
        if kind is None or (calls_macro and (kind != "macro" or post is not None)):
            render_ = self.render  # (traced there)
            return lambda item, kw: render_(item, **kw)
        rendered = self._rendered
        if not calls_macro:  # a term or a value (or an untracked variable: year-suffix)
            if kind in ("term", "value"):  # no variable called, no state changed
                d["_cf_silent"] = True
            if display is None:
                return traced_fn(self, "text", lambda item, kw: rendered(item, kw.get("context"), kw))
            return traced_fn(self, "text", lambda item, kw: displayed(rendered(item, kw.get("context"), kw)))

        state_of = compiled.state_getter(self)
        run_children = compiled.run_children
        markup = self.markup
        language = self._language
        needs_language = self._markup_plan()[1]

        macro_el = d.get("_cf_macro")
        if macro_el is None:
            macro_el = d["_cf_macro"] = self.get_macro(arg)
        dated = has_date(macro_el)
        last_char = compiled.last_char
        field_end = m.FIELD_END
        # ``markup`` hands the text back as it is (no periods stripped, case, quotes,
        # affixes, seams or font): not called
        plain_markup = not any(self._markup_plan()) and not any(seam_plan(self))
        if plain_markup:
            plain_format = d.get("_cf_plain_format")
            if plain_format is None:
                identity = getattr(self, "_format_is_identity", None)
                plain_format = identity is not None and identity()
                if identity is not None:
                    d["_cf_plain_format"] = plain_format
            plain_markup = plain_format
        fns_made: list = []
        own_kw = {"context": self, "sort_options": None}  # (what children get: never changed)
        d["_cf_macro_call"] = macro_el

        def render(item, kw):
            # a macro call is an implicit group (see ``render``)
            if fns_made:
                fns, skip = fns_made
            else:
                fns = d.get("_cf_macro_fns")
                if fns is None:
                    macro = d.get("_cf_macro")
                    if macro is None:
                        macro = d["_cf_macro"] = self.get_macro(arg)
                    fns = d["_cf_macro_fns"] = compiled.children_fns(macro)
                skip = _skip_plan(self)
                fns_made[:] = (fns, skip)
            state = state_of()
            if skip is not None and _skipped(skip, state, item, kw):
                return None
            context = kw.get("context")
            frame = [False, False]  # (groups.open_frame)
            if state is not None:
                state.var_frames.append(frame)
            try:
                text = run_children(
                    fns, item, "",
                    own_kw if context is None else {"context": context, "sort_options": None},
                )
                if text is not None and dated and state is not None and state.sort_options is not None:
                    text = dates_only(text)  # in a sort key: its dates alone
                if text and last_char(text) == field_end:  # a macro call is a group: no seam
                    text = groups.without_field_end(text)
                text = groups.blob_end(text)
                if not text:
                    out = None
                elif plain_markup:
                    out = str(text) if isinstance(text, (int, float)) else text
                else:
                    out = markup(text, language(item) if needs_language else None)
            finally:
                groups.close_frame(state, frame)
            if frame[0] and not frame[1]:
                return None
            if out is not None and not is_empty(out) and state is not None and state.var_frames:
                state.var_frames[-1][1] = True
            return out if display is None else displayed(out)

        return render

    def _field_content(self):
        """``_content`` as a function of (item, context) for a variable read as it is from
        the item's field (no number, page, locator or generated variable), else None:
        what citeproc-py's ``Text._variable`` does for such a field, its choices made once."""
        kind, _arg, post = self._kinds()
        variable = self.get("variable")
        if (
            kind != "variable" or post is not None or not variable or " " in variable
            or variable in _NOT_FIELDS or variable in NUMBER_VARIABLES or variable.startswith("page")
        ):
            return None
        key = variable.replace("-", "_")
        short_key = f"{variable}-short".replace("-", "_") if self.get("form") == "short" else None
        tag = self.tag

        def content(item, context):
            repressed = (self if context is None else context).get_layout().repressed
            if tag in repressed and variable in repressed[tag]:
                return None
            reference = item.reference
            if short_key is not None and short_key in reference:
                return reference[short_key]
            return reference[key]

        return content

    def process(self, item, context=None, **kwargs):
        """citeproc-py's ``Text.process`` and our value, term and language rules in one pass.

        What the element renders (variable, macro, term or value) is read once; the
        language returned is the item's for data and the style's for terms and values.
        """
        kind = self._kinds()[0]
        if kind is None:  # nothing to render: citeproc-py's own way (and its error)
            return self._process_chain(item, context, **kwargs)
        return self._content(item, context), self._language(item)

    def _rendered(self, item, context, kwargs):
        """``markup(*process(...))``, the language found only when the text case needs it."""
        if self._kinds()[0] is None:
            text, language = self.process(item, context=context, **kwargs)
            return self.markup(text, language)
        text = self._content(item, context)
        if not text:
            return None
        return self.markup(text, self._language(item) if self._markup_plan()[1] else None)

    def _kinds(self) -> tuple[str | None, str | None, str | None]:
        d = self.__dict__
        plan = d.get("_cf_text_plan")
        if plan is None:
            plan = d["_cf_text_plan"] = self._text_plan()
        return plan

    def _language(self, item) -> str:
        if self._kinds()[0] in ("term", "value"):
            return _style_language(self)  # a term or value is in the style's language
        try:
            lang = item.reference.get("language")
        except AttributeError:
            lang = None
        return str(lang) if lang else _style_language(self)

    def _content(self, item, context):
        """The text the element renders, before its markup."""
        d = self.__dict__
        kind, arg, post = d["_cf_text_plan"]
        own_context = self if context is None else context
        if kind == "variable":
            text = self._variable(item, own_context)
        elif kind == "macro":
            macro = d.get("_cf_macro")
            if macro is None:
                macro = d["_cf_macro"] = self.get_macro(arg)
            # citeproc-py's Macro.render(item, context), without its frame
            text = macro.render_children(item, context=own_context, sort_options=None)
            if text is not None and has_date(macro):
                state = get_state(self)
                if state is not None and state.sort_options is not None:
                    text = dates_only(text)  # in a sort key: its dates alone
            if text and str(text).endswith(m.FIELD_END):  # a macro call is a group: no seam
                text = groups.without_field_end(text)
            text = groups.blob_end(text)
        elif kind == "term":
            text = self._term(item)
        else:
            text = String(self.preformat(arg))
        if post is not None and text:
            if post == "value":
                text = String(parse_markup(self.get("value")))
            elif not (
                self.get_root().get("class") == "in-text"
                and section_of(context if context is not None else self) == "citation"
            ) and not _after_suppressed_author(self):
                text = String(m.TERM + str(text))
        return text

    def markup(self, text, language):
        """citeproc-py's ``Text.markup`` (strip periods, case, format, quotes, affixes) with
        the steps the element does not ask for left out."""
        if not text:
            return None
        d = self.__dict__
        strip_periods, cased, quoted, affixed = d.get("_cf_markup_plan") or self._markup_plan()
        if strip_periods:
            text = text.replace(".", "") if self._kinds()[0] == "term" else _strip_periods(text)
        seams = d.get("_cf_seams") or seam_plan(self)
        # a decorated field with no markup inside (citeproc-js: one string with decorations)
        # (markup, quotes and a typed apostrophe all split it into pieces there)
        if seams[0] and not quoted:
            plain = str(text)
            field = not _HAS_TOKEN.search(plain) and "\u2019" not in plain
        else:
            field = False
        if cased:
            text = self.case(text, language)
        if compiled.first_char(text) in _LEAD_MARKS and _UNJOINED.match(str(text)):
            text = String(m.NOJOIN) + text
        text = self.format(text)
        if quoted:  # quote tokens: the output pass picks the marks and punctuation-in-quote
            text = m.Marked(m.STYLE_QUOTE + m.wrap(m.QUOTE, text))
            if self._kinds()[0] == "macro":  # (see typography.quote_seams)
                text = m.Marked(text + m.QUOTE_MERGE)
        if field:  # its own suffix, or the delimiter after it (see groups.Group.process),
            # collapses with its last mark only when that mark repeats
            text = text + (m.SEAM if self.get("suffix") else m.FIELD_END)
        if not affixed:
            return text
        text = self.wrap(text)
        if seams[1] and _NUMERIC.fullmatch(m.strip_tokens(str(text))):
            # a number's suffix: citeproc-js merges nothing after it but a repeated mark
            text = text + m.SEAM
        return text

    def _markup_plan(self) -> tuple[bool, bool, bool, bool]:
        """(strip periods, text case, quotes, affixes): what markup has to do."""
        d = self.__dict__
        plan = d.get("_cf_markup_plan")
        if plan is None:
            plan = d["_cf_markup_plan"] = (
                self.get("strip-periods", "false").lower() == "true",
                bool(self.get("text-case")),
                self.get("quotes", "false").lower() == "true",
                bool(self.get("prefix") or self.get("suffix")),
            )
        return plan

    def data_keys(self) -> tuple[str, ...] | None:
        """The reference fields one of which the variable is read from (None: not a plain
        field, e.g. citation-number or locator, or no variable)."""
        variable = self.get("variable")
        if not variable or " " in variable or variable in _NOT_FIELDS:
            return None
        if variable.startswith("page"):
            return ("page",)  # page and page-first read the page field
        key = variable.replace("-", "_")
        if variable not in NUMBER_VARIABLES and self.get("form") == "short":
            return (key, f"{variable}-short".replace("-", "_"))
        return (key,)

    def _text_plan(self) -> tuple[str | None, str | None, str | None]:
        attrib = self.attrib
        kind = next((k for k in ("variable", "macro", "term", "value") if k in attrib), None)
        post = "value" if "value" in attrib else ("term" if "term" in attrib else None)
        return kind, attrib[kind] if kind in ("macro", "value") else None, post

    def _process_chain(self, item, context=None, **kwargs):
        text, language = super().process(item, context, **kwargs)
        return text, _style_language(self)

    def _variable(self, item, context):
        if self.get("variable") == "citation-label":
            label = item.reference.get("citation_label")
            if not label:
                raise VariableError
            return String(str(label) + str(item.reference.get("year_suffix") or ""))
        if self.get("variable") == "first-reference-note-number":
            note = item.get("_first_note") if "subsequent" in (item.get("_positions") or ()) else None
            if not note:
                raise VariableError
            return String(str(note))
        if self.get("variable") == "year-suffix":
            state = get_state(self)
            if state is not None and state.sort_options is not None:
                # citeproc-js's sort keys are made before year-suffixes are given: a tie of
                # years stays a tie ("2016a" does not sort after "2016")
                raise VariableError
        return super()._variable(item, context)


# (the no-join token protect_typed puts between typed marks is not there for citeproc-js)
_PERIOD = re.compile(r"\.(" + m.NOJOIN + r"?(?:[^a-z" + m.NOJOIN + r"]|$))")


def _strip_periods(text):
    """``strip-periods`` as citeproc-js applies it to data and values (terms lose every
    period): a period before a lowercase letter stays, and the pattern's matches do not
    overlap, so an ellipsis keeps one (``Sleep... adolescents`` → ``Sleep. adolescents``)."""
    if isinstance(text, MixedString):
        return MixedString([_strip_periods(part) for part in list.__iter__(text)])
    # marks the stripping brings together are typed ones: no join rule between them
    plain = str(text)
    if "." in plain:
        plain = _PERIOD.sub(r"\1", plain)
    return text.__class__(protect_typed(plain))


_LEAD_MARKS = frozenset(".,;:!?")
# a string citeproc-js keeps as content where it meets what precedes it, joined by no rule
# (``n.d..`` of IEEE's closing ``cs:text value="."``): one starting with a comma, or made of
# nothing but terminal punctuation and spaces; other leading marks (``. Bar``) become the
# string's prefix and join as affixes do
_UNJOINED = re.compile(r",|[.;:!? ]+$")
_HAS_TOKEN = re.compile("[" + re.escape("".join(sorted(m.ALL_TOKENS))) + "]")
_NUMERIC = re.compile(r"\d+(?:\s*[-\u2011\u2013&,]\s*\d+)*[.,;:!?]")


def seam_plan(element) -> tuple[bool, bool]:
    """(a decorated field, a numeric variable with a suffix ending in
    punctuation) for a ``cs:text``: where citeproc-js joins the element's suffix to what
    precedes only when the marks repeat (read once per element)."""
    d = element.__dict__
    plan = d.get("_cf_seams")
    if plan is None:
        suffix = element.get("suffix", "")
        plan = d["_cf_seams"] = (
            groups.decorated_field(element),
            element.get("variable") in NUMBER_VARIABLES and suffix[-1:] in groups.MARKS,
        )
    return plan


class Group(BraceAffixes, DisplayMixin, NormalDecorationsMixin, groups.Group):
    def render(self, item, context=None, **kwargs):
        """citeproc-py's render (markup of process) and the display wrapping in one frame."""
        return self.displayed(self.markup(self.process(item, context=context, **kwargs)))

    def _cf_compile(self):
        """``render`` as one function of (item, kw) (see :mod:`.compiled`): ``process``,
        ``markup`` and ``displayed`` with the element's attributes read here, once."""
        d = self.__dict__
        delimiter = self.get("delimiter", "")
        state_of = compiled.state_getter(self)
        join_ = self.join
        fmt = self.format
        plain = getattr(self, "_format_is_identity", None)
        if plain is not None:
            plain = d.get("_cf_plain_format")
            if plain is None:
                plain = d["_cf_plain_format"] = self._format_is_identity()
        wrap = self.wrap if (self.get("prefix") or self.get("suffix")) else None
        display = self.get("display")
        if display not in m.DISPLAY_OPEN:
            display = None
        is_empty = groups.is_empty
        plain_strings = compiled.PLAIN_STRINGS
        # PlainJoin hands a single piece back as it is
        own_join = type(self).join is cache.PlainJoin.join

        # a delimiter starting with a mark is a seam after a child whose suffix ends in one or
        # after a decorated field (see groups.Group.process)
        seam_delimiter = delimiter[:1] in groups.MARKS
        children = list(self.iterchildren())
        seam_after = groups.seam_after
        blob_end = groups.blob_end
        # siblings with no delimiter between them, one decorated: see compiled.sibling_joins
        sibling_decor = not delimiter and any(compiled.decorated(c) for c in children)
        last_char = compiled.last_char
        field_end = m.FIELD_END
        seam = m.SEAM

        fns_made: list = []
        d["_cf_group_fast"] = True

        def render(item, kw):
            if fns_made:
                fns, skip = fns_made
            else:
                fns = d.get("_cf_children_fns")
                if fns is None:
                    fns = compiled.children_fns(self)
                skip = _skip_plan(self)
                fns_made[:] = (fns, skip)
            state = state_of()
            if skip is not None and _skipped(skip, state, item, kw):
                raise VariableError
            ckw = kw if "context" in kw else {"context": None, **kw}
            frame = [False, False]
            if state is not None:
                state.var_frames.append(frame)
            output = []
            seams = []
            rendered = [] if sibling_decor else None
            try:
                for at, (fn, is_choose) in enumerate(fns):
                    try:
                        text = fn(item, delimiter, ckw) if is_choose else fn(item, ckw)
                    except VariableError:
                        continue
                    if text is not None and (text if type(text) in plain_strings else not is_empty(text)):
                        output.append(text)
                        if seam_delimiter:
                            seams.append(seam_after(children[at], text))
                        if rendered is not None:
                            rendered.append(None if is_choose else children[at])
            finally:
                groups.close_frame(state, frame)
            if not output or (frame[0] and not frame[1]):
                raise VariableError
            if seam_delimiter:
                for at in range(len(output) - 1):
                    if seams[at]:
                        output[at] = output[at] + seam
            if rendered is not None and len(output) > 1:
                compiled.sibling_joins(rendered, output)
            if last_char(output[-1]) == field_end:  # the group's own suffix or delimiter is no seam
                output[-1] = groups.without_field_end(output[-1])
            if state is not None and state.var_frames:  # a nested group counts as content for its parent
                state.var_frames[-1][1] = True
            if not own_join:
                text = join_(output)
            elif len(output) == 1:
                text = output[0]
            else:
                try:  # PlainJoin.join
                    text = join(output, delimiter)
                except Exception:  # citeproc-py's bare except, less KeyboardInterrupt and SystemExit
                    text = String("")
            text = blob_end(text)
            if not text:  # citeproc-py's Group.markup
                return None
            if plain:
                if isinstance(text, (int, float)):
                    text = str(text)
            else:
                text = fmt(text)
            if wrap is not None:
                text = wrap(text)
            if display is not None and text is not None and not is_empty(text):
                text = wrap_display(display, text)
            return text

        return render


class Date(BraceAffixes, DisplayMixin, VariableTracking, DateMixin, NormalDecorationsMixin, model.Date):
    _trace_kind = "date"

    def data_keys(self) -> tuple[str, ...] | None:
        variable = self.get("variable")
        return (variable.replace("-", "_"),) if variable and " " not in variable else None


class Names(DisplayMixin, VariableTracking, NormalDecorationsMixin, model.Names):
    """Records the first names output of a cite and applies suppress-author."""

    def render(self, item, *args, **kwargs):
        d = self.__dict__
        owner = d.get("_cf_names_owner", _MISSING)
        if owner is _MISSING:
            self._ensure_name()  # the tree is complete after the first render
            owner = None
            if self.find(f"{{{CSL_NS}}}name") is None:
                owner = self.substitute_owner()
            d["_cf_names_owner"] = owner
        if owner is not None and kwargs.get("names_context") is None:
            kwargs["names_context"] = owner  # a bare cs:names in a substitute inherits name and label
        state = get_state(self)
        traced = trace.active(state)
        if state is not None:
            rendered_before = state.probably_rendered
            if traced:
                trace.start(state, "names")
                listed_before, state.names_listed = state.names_listed, False
                hidden_before = state.trace_hidden
                if not state.names_depth:
                    state.names_shadow = None
            state.names_depth += 1
        try:
            if args or not cache.ENABLED:
                out = super().render(item, *args, **kwargs)
            else:  # the same, through the compiled layers below (see DisplayMixin._tracked_render)
                inner = d.get("_cf_inner")
                if inner is None:
                    inner = d["_cf_inner"] = self._tracked_render() or (
                        lambda item, kw: super(Names, self).render(item, **kw)
                    )
                out = inner(item, kwargs)
        finally:
            if state is not None:
                state.names_depth -= 1
                if traced:
                    # the names list itself is appended while this element's mark is on top;
                    # what a substitute printed was traced element by element
                    listed, state.names_listed = state.names_listed, listed_before
                    suppressed = listed and trace.suppressing(state)
                    trace.end(state)
        if traced:
            if listed:
                state.probably_rendered = True
            if suppressed or state.trace_hidden > hidden_before:
                state.author_suppressed = True  # a term after it does not open the cite
            if state.names_depth:
                if suppressed and state.names_shadow is None:
                    state.names_shadow = out  # the names the cite compares, printed or not
            elif (out is None or groups.is_empty(out)) and state.names_shadow is not None:
                self._recorded(state, state.names_shadow)
                return out
            out = self._recorded(state, out)
            return trace.hide(state, out) if suppressed else out
        return self._recorded(state, out, rendered_before)

    def _recorded(self, state, out, rendered_before: bool = True):
        """``out``, noted as the cite's first (or a later) names output; suppressed for a
        cite of a collapsed group that loses its names (``rendered_before``: whether a name,
        date or title rendered before)."""
        if state is not None and not state.names_depth and state.sort_options is None:
            state.names_tried = True
        if (
            state is None
            or state.names_depth  # names inside a substitute belong to the outer cs:names
            or state.sort_options is not None
            or out is None
            or str(out) == ""
        ):
            return out
        if state.section == "bibliography":
            return substitute_text(self, state, out)
        state.names_seen += 1
        if state.names_seen > 1:
            state.more_names.append(str(out))
        if state.names_seen == 1:
            state.first_names = out
        if state.suppress_author and not state.trace_on and not rendered_before:
            # citeproc-js suppresses every cs:names that prints before any name, date or
            # multilingual text (title...) of the cite did, and none after: a title substituted
            # for the author is dropped without counting, so the next names go too
            state.author_suppressed = True  # a term after it does not open the cite
            state.probably_rendered = state.names_seen > 1 or not state.names_by_text
            return None
        return out

    def process(self, item, names_context=None, context=None, **kwargs):
        """citeproc-py's ``Names.process`` with the parent's names delimiter read once and
        the count form recognised without raising from ``sum``."""
        if context is None:
            context = self
        if names_context is None:
            names_context = self
        d = self.__dict__
        # the variables, and whether they are editor and translator, read once per value of the
        # attribute (narrowed for a while where a substitute suppressed some: groups.py)
        variable = self.get("variable")
        plans = d.get("_cf_roles")
        if plans is None:
            plans = d["_cf_roles"] = {}
        plan = plans.get(variable) if cache.ENABLED else None
        if plan is None:
            roles = variable.split()
            plan = (roles, set(roles) == {"editor", "translator"})
            if cache.ENABLED:
                plans[variable] = plan
        roles, editor_translator = plan
        reference = item.reference
        try:
            ed_trans = (
                editor_translator
                and reference.editor == reference.translator
                and self.get_term("editortranslator").getchildren()
            )
            if ed_trans:
                roles = ["editor"]
        except VariableError:
            ed_trans = False
        output = []
        for role in roles:
            if role not in reference:
                continue
            name_elem = names_context.name
            if name_elem is None:
                name_elem = model.Name()
                names_context.insert(0, name_elem)
            text = name_elem.render(item, role, context=context, **kwargs)
            plural = len(reference[role]) > 1
            try:
                if ed_trans:
                    role = "editortranslator"
                label_element = names_context.label
                label = label_element.render(item, role, plural, **kwargs)
                if label is not None:
                    if _label_first(names_context, label_element):
                        text = label + text
                    else:
                        text = text + label
            except AttributeError:
                pass
            output.append(text)
        if output:
            state = get_state(self)
            if state is not None:
                state.names_listed = True
            if isinstance(output[0], int) and all(isinstance(text, int) for text in output):  # form="count"
                total = sum(output)
                return str(total) if total > 0 else None
            return self.join(output, _names_delimiter(self, context))
        substitute = d.get("_cf_substitute", _MISSING) if cache.ENABLED else _MISSING
        if substitute is _MISSING:
            substitute = self.substitute()
            if cache.ENABLED:  # (a cs:substitute is never added to a style, nor taken away)
                d["_cf_substitute"] = substitute
        if substitute is None:
            raise VariableError
        return substitute.render(item, context=context, **kwargs)

    def _ensure_name(self) -> None:
        """citeproc-py adds a plain ``cs:name`` when one is missing; add ours instead.

        Names inside ``cs:substitute`` without a ``cs:name`` inherit the parent's, so
        they are left alone.
        """
        if self.find(f"{{{CSL_NS}}}name") is not None:
            return
        if self.substitute_owner() is not None:
            return
        self.insert(0, self.makeelement(f"{{{CSL_NS}}}name"))

    def substitute_owner(self):
        """The cs:names whose cs:substitute holds this one (also inside cs:choose there)."""
        node = self.getparent()
        while node is not None and isinstance(node.tag, str):
            if node.tag == f"{{{CSL_NS}}}substitute":
                return node.getparent()
            if node.tag in (f"{{{CSL_NS}}}macro", f"{{{CSL_NS}}}layout"):
                return None
            node = node.getparent()
        return None


class Number(
    BraceAffixes, DisplayMixin, VariableTracking, CaseMixin, NumberFormatMixin, NormalDecorationsMixin, model.Number
):
    _trace_kind = "text"


class Label(DisplayMixin, CaseMixin, LabelPluralMixin, NormalDecorationsMixin, model.Label):
    def render(self, *args, **kwargs):
        state = get_state(self)
        if state is not None and state.sort_options is not None and self.getparent().tag.endswith("}names"):
            return None  # a name label ('ed.') is no part of a sort key (citeproc-js)
        if trace.active(state):
            if state.author_only and self._stray_in_author_only(state):
                return None
            if trace.suppressing(state):
                return trace.hide(state, super().render(*args, **kwargs))  # it follows its element's mark
        return super().render(*args, **kwargs)

    def _stray_in_author_only(self, state) -> bool:
        """Whether this label prints nothing in an author-only cite: its variable is the
        locator (citeproc-js counts it done from the start), or a ``cs:text`` of its variable
        would print nothing here (deliberate difference ``author-only-stray-label``: citeproc-js
        prints such a label without its value, ``Tocqueville et al., no.``). A ``cs:names``'s
        own label goes with its names."""
        d = self.__dict__
        in_names = d.get("_cf_in_names")
        if in_names is None:
            in_names = d["_cf_in_names"] = self.getparent().tag.endswith("}names")
        if in_names:
            return False
        return self.get("variable") == "locator" or state.probably_rendered or not state.names_depth


class Name_Part(CaseMixin, model.Name_Part):  # noqa: N801 - CSL tag name mapping
    pass


def _after_suppressed_author(element) -> bool:
    """Whether the cite's author was rendered and suppressed: citeproc-js counts it as what
    precedes a term, which then is not capitalised as the opening of the note."""
    state = get_state(element)
    return state is not None and state.author_suppressed


class Layout(model.Layout):
    def render_citation(self, citation, callback):
        return render_cluster(self, citation)

    def wrap(self, string):
        """The layout's affixes, its suffix marked (no join rules with it but '?.' and '..')."""
        return self.wrap_affixes(string)

    def wrap_affixes(self, string, braces: bool = False):
        """:meth:`wrap`; ``braces``: the affixes' parentheses marked (see :class:`BraceAffixes`)."""
        suffix = self.get("suffix")
        prefix = self.get("prefix", "")
        if braces:
            prefix, suffix = m.mark_braces(prefix), m.mark_braces(suffix or "")
        if string is None:
            return None
        if not suffix:
            return prefix + normalize_seam(prefix, string) if prefix else string
        return prefix + normalize_seam(prefix, string) + m.LAYOUT_SUFFIX + suffix

    def render_bibliography(self, citation_items):
        """One entry per item (None when it renders nothing), keeping ids aligned."""
        align = self.getparent().get("second-field-align")
        state = get_state(self)
        output = []
        children = list(self.iterchildren())
        for item in citation_items:
            # an entry shows the item, not the locator of the cite that registered it
            cite_only = {key: item.pop(key) for key in ("locator",) if key in item}
            try:
                output.append(self._entry(item, align, state, children))
            finally:
                item.update(cite_only)
        return output

    def _entry(self, item, align, state, children):
        self.repressed = {}
        if state is not None:
            state.begin_cite(item=item, section="bibliography")
            if state.sas_next is not None:  # an entry comparing no names keeps the last ones
                state.sas_previous, state.sas_next = state.sas_next, None
        if not align:
            try:
                text = self.render_children(item)
            except VariableError:
                text = None
            return _entry_braces(state, self.format(self.wrap(text))) if text else None
        first = _render_one(children[:1], item)
        rest = _render_one(children[1:], item)
        parts = []
        if first is not None:
            parts.append(wrap_display("left-margin", first))
        if rest is not None:
            parts.append(wrap_display("right-inline", rest))
        if not parts:
            return None
        text = parts[0] if len(parts) == 1 else MixedString([*parts])
        return _entry_braces(state, self.format(self.wrap(text)))


def _entry_braces(state, text):
    """A note style's entry with its affix parentheses counted from the depth the last cluster
    left (citeproc-js keeps one counter for both: after a cluster with an unclosed "(" in a cite
    prefix, the bibliography's parentheses print as brackets)."""
    if state is None or not state.note_braces or text is None:
        return text
    resolved, _depth = m.resolve_braces(str(text), state.brace_depth)
    return m.Marked(resolved) if resolved != str(text) else text


def _label_first(names, label) -> bool:
    """Whether ``label`` is the first child of the cs:names ``names`` (it then goes before the
    names); read once, the cs:name being in place by then."""
    if not cache.ENABLED:
        return label is names.getchildren()[0]
    d = names.__dict__
    first = d.get("_cf_label_first")
    if first is None:
        first = d["_cf_label_first"] = label is names.getchildren()[0]
    return first


def _names_delimiter(names, context):
    """The ``names-delimiter`` of the section ``context`` renders for (read once per element)."""
    d = context.__dict__
    delimiter = d.get("_cf_names_delimiter", _MISSING)
    if delimiter is _MISSING:
        delimiter = d["_cf_names_delimiter"] = names.get_parent_delimiter(context)
    return delimiter


def _render_one(children, item):
    out = []
    for child in children:
        try:
            text = child.render(item)
        except VariableError:
            continue
        if text is not None and not groups.is_empty(text):  # (str(text) != "", not built)
            out.append(text)
    if not out:
        return None
    result = out[0]
    for piece in out[1:]:
        result = result + piece
    return result if not isinstance(result, str) or isinstance(result, String) else String(result)


def _typographic(text):
    """A locale term's typewriter apostrophes as typographic ones (``l’adresse``, as citeproc-js)."""
    return String(str(text).replace("'", "\u2019")) if "'" in str(text) else text


class Term(model.Term):
    """A term holding only white space is empty (citeproc-js trims it); apostrophes are ’."""

    @property
    def single(self):
        d = self.__dict__
        text = d.get("_cf_single")
        if text is None:
            text = super().single
            text = String("") if not str(text).strip() else _typographic(text)
            if cache.ENABLED:  # a term's text never changes (the output formatter's preformat is the identity)
                d["_cf_single"] = text
        return text

    @property
    def multiple(self):
        d = self.__dict__
        text = d.get("_cf_multiple")
        if text is None:
            text = super().multiple
            text = String("") if not str(text).strip() else _typographic(text)
            if cache.ENABLED:
                d["_cf_multiple"] = text
        return text


OVERRIDES = {
    cls.__name__: cls
    for cls in (
        Text, Group, Date, Date_Part, Names, Number, Label, Layout, Name, Name_Part, If, Else_If, Sort,
        Substitute, Style, Term, Choose,
    )
}


def element_lookup() -> etree.ElementNamespaceClassLookup:
    """An lxml lookup mapping CSL tags to citeproc-py classes, ours where we have one."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    for cls in model.CitationStylesElement.__subclasses__():
        name = cls.__name__
        namespace[name.replace("_", "-").lower()] = cached_class(OVERRIDES.get(name, cls))
    return lookup


locales.use_element_lookup(element_lookup)
