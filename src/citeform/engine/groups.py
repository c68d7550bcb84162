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

from collections.abc import Iterator
from contextlib import contextmanager

from citeproc import model
from citeproc.source import VariableError

from .state import get_state


@contextmanager
def variable_frame(state) -> Iterator[list[bool]]:
    """A frame [called a variable, a variable rendered] for a group or macro call; on exit
    it is folded into the enclosing frame."""
    frame = [False, False]
    if state is not None:
        state.var_frames.append(frame)
    try:
        yield frame
    finally:
        if state is not None:
            state.var_frames.pop()
            if state.var_frames:
                parent = state.var_frames[-1]
                parent[0] = parent[0] or frame[0]
                parent[1] = parent[1] or frame[1]


def note_variables(element, names: list[str], rendered: bool) -> None:
    """Record that ``names`` were called and whether they rendered."""
    state = get_state(element)
    if state is None:
        return
    if state.var_frames:
        frame = state.var_frames[-1]
        frame[0] = True
        frame[1] = frame[1] or rendered
    if rendered:
        for used in state.used_stack:
            used.update(names)
        if state.used_stack:  # inside cs:substitute: rendered once, suppressed from here on
            state.suppressed.update(names)


def mark_content(element) -> None:
    state = get_state(element)
    if state is not None and state.var_frames:
        state.var_frames[-1][1] = True


def suppressed(element, names: list[str]) -> bool:
    state = get_state(element)
    return bool(state is not None and names and all(n in state.suppressed for n in names))


class VariableTracking:
    """Mixin for rendering elements that call variables (text, number, date, names)."""

    def tracked_variables(self) -> list[str]:
        # year-suffix is generated, not data: it never decides a group's fate
        return [v for v in (self.get("variable") or "").split() if v != "year-suffix"]

    def render(self, *args, **kwargs):
        names = self.tracked_variables()
        if not names and self.get("macro"):
            return self._render_macro(*args, **kwargs)
        if not names:
            return super().render(*args, **kwargs)
        if suppressed(self, names):
            note_variables(self, names, False)
            return None
        state = get_state(self)
        original = self.get("variable")
        narrowed = [v for v in original.split() if state is None or v not in state.suppressed]
        if len(narrowed) < len(original.split()):
            # cs:names with several variables: the substituted ones are left out
            self.set("variable", " ".join(narrowed))
        try:
            out = super().render(*args, **kwargs)
        except VariableError:
            note_variables(self, names, False)
            raise
        finally:
            self.set("variable", original)
        note_variables(self, names, out is not None and str(out) != "")
        return out

    def _render_macro(self, *args, **kwargs):
        """A macro call is an implicit group (as in citeproc-js): when it calls variables
        and none renders, its terms and values are dropped too."""
        with variable_frame(get_state(self)) as frame:
            out = super().render(*args, **kwargs)
        if frame[0] and not frame[1]:
            return None
        if out is not None and str(out) != "":
            mark_content(self)  # a macro's output counts as content for the group
        return out


class Group(model.Group):
    def process(self, item, context=None, **kwargs):
        delimiter = self.get("delimiter", "")
        output = []
        with variable_frame(get_state(self)) as frame:
            for child in self.iterchildren():
                try:
                    if isinstance(child, model.Choose):
                        text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except VariableError:
                    continue
                if text is not None and str(text) != "":
                    output.append(text)
        if not output or (frame[0] and not frame[1]):
            raise VariableError
        mark_content(self)  # a rendered nested group counts as content for its parent
        return self.join(output)


class Substitute(model.Substitute):
    def render(self, item, context=None, **kwargs):
        state = get_state(self)
        for child in self.iterchildren():
            used: set[str] = set()
            if state is not None:
                state.used_stack.append(used)
            try:
                if isinstance(child, model.Names) and child.find("cs:name", child.nsmap) is None:
                    names = self.getparent()
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            finally:
                if state is not None:
                    state.used_stack.pop()
            if text is not None and str(text) != "":
                if state is not None:
                    state.suppressed.update(used)
                    for outer in state.used_stack:
                        outer.update(used)
                return text
            if isinstance(child, model.Text) and child.get("term"):
                return None  # a term ends the substitution even when it is empty
        return None
