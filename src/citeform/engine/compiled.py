"""The style's render walk as closures, made once per element.

citeproc-py renders an entry by calling ``render`` on each element, through our
mixins' layers (display, variable tracking, caches), each reading the element's
attributes and re-packing keyword arguments. The answers to "what does this element
do" never change once a style is parsed, so each structural element (layout, macro,
group, choose and its branches, a ``cs:text`` calling a macro, a term or a value) is
turned on first use into one function that does exactly what its ``render`` does,
calling its children's functions directly. Elements that read the item in many ways
(names, dates, numbers, labels, text variables) keep their ``render``.

A render function is ``fn(item, kw)``, ``kw`` being the keyword arguments the
element's ``render`` would get (never changed by the function); a ``cs:choose``
takes the enclosing delimiter too: ``fn(item, delimiter, kw)``. Only used with the
caches on (see ``cache.ENABLED``): with them off, the elements' methods run as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model
from citeproc import string as citeproc_string
from citeproc.source import VariableError
from citeproc.string import SEAM_PUNCTUATION, MixedString, NoCase, String, _strip_first_char, join

from . import markup as m
from .markup import Marked
from .state import get_state

RenderFn = Callable[..., Any]


def render_fn(element) -> RenderFn:
    """The element's render function (made on first use, kept in the element)."""
    d = element.__dict__
    fn = d.get("_cf_fn")
    if fn is None:
        compile_render = type(element).__dict__.get("_cf_compile") or _class_attr(element, "_cf_compile")
        fn = compile_render(element) if compile_render is not None else _generic(element)
        d["_cf_fn"] = fn
    return fn


def _class_attr(element, name: str):
    """``name`` looked up on the element's class only (an lxml element's ``__getattr__``
    would search its children)."""
    for klass in type(element).__mro__:
        found = klass.__dict__.get(name)
        if found is not None:
            return found
    return None


def _generic(element) -> RenderFn:
    render = element.render
    if isinstance(element, model.Choose):
        return lambda item, delimiter, kw: render(item, delimiter=delimiter, **kw)
    return lambda item, kw: render(item, **kw)


class ChildFns(list):
    """The children's (render function, is a ``cs:choose``) pairs, with the children in
    ``elements`` and whether one of them is decorated in ``decor`` (see :func:`sibling_joins`)."""

    elements: list = []
    decor = False


def children_fns(element) -> list[tuple[RenderFn, bool]]:
    """The element's children as (render function, is a ``cs:choose``), read once."""
    d = element.__dict__
    fns = d.get("_cf_children_fns")
    if fns is None:
        children = list(element.iterchildren())
        fns = ChildFns((render_fn(child), isinstance(child, model.Choose)) for child in children)
        fns.elements = children
        fns.decor = any(decorated(child) for child in children)
        d["_cf_children_fns"] = fns
    return fns


def run_children(fns, item, delimiter: str, kw: dict):
    """citeproc-py's ``Parent.render_children`` over ``children_fns``.

    The children of a ``cs:if`` branch are joined by the enclosing group's delimiter: as
    there, a delimiter starting with a mark is a seam after a decorated field or a child
    whose suffix ends in one (see ``groups.seam_after``); with no delimiter, decorated
    siblings keep their marks apart (:func:`sibling_joins`)."""
    output = []
    seam_delimiter = delimiter[:1] in _MARKS
    track = seam_delimiter or (not delimiter and getattr(fns, "decor", False))
    rendered = [] if track else None
    for at, (fn, is_choose) in enumerate(fns):
        try:
            text = fn(item, delimiter, kw) if is_choose else fn(item, kw)
        except VariableError:
            continue
        if text is not None:
            output.append(text)
            if rendered is not None:
                rendered.append(fns.elements[at])
    if output:
        if rendered is not None and len(output) > 1:
            _mark_joins(rendered, output, delimiter)
        return output[0] if len(output) == 1 else join(output, delimiter)  # (join hands one back)
    return None


def _mark_joins(elements: list, output: list, delimiter: str) -> None:
    """The marks :func:`run_children` puts where its children's outputs meet."""
    if delimiter[:1] in _MARKS:
        for at in range(len(output) - 1):
            if last_char(output[at]) and _seam_after(elements[at], output[at]):
                output[at] = output[at] + m.SEAM
    elif not delimiter:
        sibling_joins([None if isinstance(e, model.Choose) else e for e in elements], output)


def plain_render_children(self, item, delimiter="", **kwargs):
    """citeproc-py's ``Parent.render_children`` (used with the caches off), with the marks
    of :func:`run_children` where the children meet."""
    output = []
    rendered = []
    for child in self.iterchildren():
        try:
            if isinstance(child, model.Choose):
                text = child.render(item, delimiter=delimiter, **kwargs)
            else:
                text = child.render(item, **kwargs)
            if text is not None:
                output.append(text)
                rendered.append(child)
        except VariableError:
            pass
    if output:
        if len(output) > 1:
            _mark_joins(rendered, output, delimiter)
        return join(output, delimiter)
    return None


model.Parent.render_children = plain_render_children


def _seam_after(element, text) -> bool:
    """``groups.seam_after`` (that module builds on this one)."""
    d = element.__dict__
    found = d.get("_cf_suffix_mark")
    if found is None:
        found = d["_cf_suffix_mark"] = element.get("suffix", "")[-1:] in _MARKS
    return found or last_char(text) == m.FIELD_END


_DECORATIONS = ("font-style", "font-weight", "font-variant", "text-decoration", "vertical-align")
_MARKS = frozenset(".,;:!?")


def decorated(element) -> bool:
    """Whether the element has a decoration of its own (quotes are none): citeproc-js moves
    no punctuation between such an element and its siblings (read once)."""
    d = element.__dict__
    found = d.get("_cf_decorated")
    if found is None:
        attrib = element.attrib
        found = d["_cf_decorated"] = isinstance(element.tag, str) and any(k in attrib for k in _DECORATIONS)
    return found


def _first_visible(text) -> str:
    return m.strip_tokens(str(text)).lstrip(" ")[:1]


def sibling_joins(elements: list, output: list) -> None:
    """Mark where the outputs of siblings with no delimiter between them meet, when one of
    the two is decorated and the second starts with a mark (its prefix).

    citeproc-js moves a sibling's leading mark into the suffix before it, where the join
    rules apply, only when neither sibling is decorated; otherwise the mark stays with the
    sibling and only a repeat of the first sibling's own suffix mark is dropped, and only
    after an undecorated one (``<i>Deep?</i>: 15``, ``Deep?`` + ``<i>? 15</i>``).
    ``elements[i]`` rendered ``output[i]``; None for a ``cs:choose`` (its branch is not known
    here). The marks go in ``output`` in place."""
    for at in range(len(output) - 1):
        first, second = elements[at], elements[at + 1]
        first_decorated = first is not None and decorated(first)
        if not first_decorated and (second is None or not decorated(second)):
            continue
        if _first_visible(output[at + 1]) not in _MARKS:
            continue
        own_mark = not first_decorated and first is not None and first.get("suffix", "")[-1:] in _MARKS
        output[at] = output[at] + (m.SEAM if own_mark else m.NOJOIN)


def state_getter(element) -> Callable[[], Any]:
    """``lambda: get_state(element)``, the root's look-up done once."""
    root = element.get_root()
    if isinstance(root, model.Locale):  # an element of a locale file: the style's state
        return lambda: get_state(element)
    get = root.__dict__.get
    return lambda: get("engine_state")


def with_context(kw: dict) -> dict:
    """``kw`` as passed on with ``context=context`` (None when the caller gave none)."""
    return kw if "context" in kw else {"context": None, **kw}


# string types whose str() is themselves (no __str__ of their own)
PLAIN_STRINGS = frozenset((str, String, NoCase, Marked))


def last_char(text) -> str:
    """``str(text)[-1:]`` without building the string of a nested ``MixedString``."""
    kind = type(text)
    if kind in PLAIN_STRINGS:
        return text[-1:]
    if kind is MixedString:
        for part in reversed(text):  # (list iteration: MixedString's __getitem__ builds the string)
            char = last_char(part)
            if char:
                return char
        return ""
    return str(text)[-1:]


def first_char(text) -> str:
    """``str(text)[:1]`` without building the string of a nested ``MixedString``."""
    kind = type(text)
    if kind in PLAIN_STRINGS:
        return text[:1]
    if kind is MixedString:
        for part in list.__iter__(text):
            char = first_char(part)
            if char:
                return char
        return ""
    return str(text)[:1]


FAST_SEAMS = True  # False inside ``cache.disabled()``: citeproc-py's own function runs
_citeproc_normalize_seam = citeproc_string.normalize_seam


def normalize_seam(left, other):
    """citeproc-py's ``normalize_seam`` (no double space or doubled punctuation where
    ``other`` is appended to ``left``), reading only the two characters at the seam:
    citeproc-py builds the whole string of ``left`` for every piece joined to it."""
    if not FAST_SEAMS:
        return _citeproc_normalize_seam(left, other)
    last = last_char(left)
    if not last:
        return other
    first = first_char(other)
    if not first:
        return other
    if last == first and (first == " " or first in SEAM_PUNCTUATION):
        return _strip_first_char(other)
    return other


# join, MixedString.__add__ and Affixed.wrap look the function up in these modules
citeproc_string.normalize_seam = normalize_seam
model.normalize_seam = normalize_seam

_citeproc_mixed_add = MixedString.__add__


def mixed_add(self, other):
    """citeproc-py's ``MixedString.__add__`` without its TypeError: it tries ``list + other``
    and, for a string (nearly every piece), catches the error to add ``[other]``."""
    if not FAST_SEAMS:
        return _citeproc_mixed_add(self, other)
    if other == "":
        return self
    other = normalize_seam(self, other)
    if other == "" or other == []:
        return self
    if isinstance(other, list):
        return self.__class__(list.__add__(self, other))
    return self.__class__(list.__add__(self, [other]))


MixedString.__add__ = mixed_add
