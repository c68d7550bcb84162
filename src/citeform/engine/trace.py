"""citeproc-js's element trace: what the elements of an author-only or suppress-author cite print.

citeproc-js keeps a stack of marks (its ``element_trace``). Each ``cs:names``, ``cs:date``,
``cs:number`` and ``cs:text`` that is no macro call may push a mark when it starts, and pops
the top mark when it ends (whether it pushed one or not); output appended while the top mark
is "suppress" is dropped. ``cs:label`` pushes nothing: it follows the enclosing element's
mark. Whether something "probably rendered" (``state.probably_rendered``: a list of names, a
date or a multilingual text variable such as a title) decides the marks:

* author-only: a ``cs:names`` or ``cs:date`` is suppressed once something rendered; a
  ``cs:text`` or ``cs:number`` also when it is outside any ``cs:names`` (that is, not in a
  ``cs:substitute``). So an item without author prints its substituted title and what
  precedes it there, or, with no substitute that prints, its first date (``2001``).
* suppress-author: a ``cs:names`` is suppressed while nothing rendered; a ``cs:text`` or
  ``cs:number`` is kept (even inside that ``cs:names``'s substitute), but a multilingual
  text variable inside a ``cs:names`` prints nothing while nothing rendered: Harvard's
  substituted title goes, the number of volumes and edition its title macro adds stay.

A suppressed element still counts as a rendered variable for its group (citeproc-js decides
a group's fate before the output is appended). Used for cites whose own flags ask for it;
the cites of a collapsed group lose their names otherwise (see ``citations``).
"""

from __future__ import annotations

from .. import vocabulary
from .groups import ENDS_SUPPRESSION, is_empty

# variables rendered through citeproc-js's multilingual string output (``CSL.MULTI_FIELDS``)
MULTILINGUAL = ENDS_SUPPRESSION - vocabulary.NAME_VARIABLES - vocabulary.DATE_VARIABLES


def active(state) -> bool:
    """Whether the element trace applies to what is being rendered now."""
    return state is not None and state.trace_on and state.sort_options is None


def start(state, kind: str) -> None:
    """Push the mark an element of ``kind`` ("names", "date" or "text") pushes, if any."""
    if state.author_only:
        if kind == "names" or kind == "date":
            if state.probably_rendered:
                state.trace.append(True)
        elif state.probably_rendered or not state.names_depth:
            state.trace.append(True)
    elif state.suppress_author:
        if kind == "names":
            if not state.probably_rendered:
                state.trace.append(True)
        elif kind == "text":
            state.trace.append(False)


def end(state) -> None:
    """citeproc-js pops the top mark at the end of every traced element."""
    if state.trace:
        state.trace.pop()


def suppressing(state) -> bool:
    """Whether output appended now is dropped."""
    trace = state.trace
    return bool(trace) and trace[-1]


def hide(state, out):
    """``out`` dropped by the trace (None), counted as hidden (see ``Substitute.render``)."""
    if out is not None and not is_empty(out):
        state.trace_hidden += 1
    return None


def leaf(state, kind: str, variable: str | None, call):
    """Render a ``cs:text``, ``cs:number`` or ``cs:date`` (``call()``) under the trace."""
    start(state, kind)
    try:
        before = state.probably_rendered
        multilingual = (
            kind == "text" and state.suppress_author and not before and state.names_depth
            and variable in MULTILINGUAL
        )
        suppressed = suppressing(state)
        out = call()
        if multilingual:
            # citeproc-js's string output returns before appending, and before it notes
            # that something rendered
            state.probably_rendered = before
            suppressed = True
        return hide(state, out) if suppressed else out
    finally:
        end(state)
