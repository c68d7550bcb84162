"""``subsequent-author-substitute``: repeated authors in a bibliography become a dash.

The first names rendered in a bibliography entry are compared with those of
the previous entry, name by name as printed.  The
``subsequent-author-substitute-rule`` decides what is replaced:

* ``complete-all`` (default): all names match -> the whole list is the substitute;
* ``complete-each``: all names match -> each name is the substitute;
* ``partial-each``: names matching from the start are each replaced;
* ``partial-first``: the first name is replaced when it matches.
"""

from __future__ import annotations

from .markup import strip_tokens
from .state import get_state

_CSL = "http://purl.org/net/xbiblio/csl"
_NAME_PARTS = ("non-dropping-particle", "family", "given", "dropping-particle", "suffix", "literal")


def substitute_names(
    renderer, shown: list, rendered: list[str]
) -> tuple[list[str] | None, str | None]:
    """(rendered names, whole replacement) after applying the rule; (None, None) if inactive."""
    element = renderer.el
    state = get_state(element)
    if state is None or renderer.section != "bibliography" or renderer.sort_options:
        return None, None
    bibliography = renderer._section_element()
    substitute = bibliography.get("subsequent-author-substitute") if bibliography is not None else None
    if substitute is None or state.sas_done:
        return None, None
    state.sas_done = True
    # the names shown, each as its parts run together (citeproc-js's rendered_name: a literal
    # equals a family, the printed form does not count); an et al. after them does not count
    # either: 'Smith, et al.' then 'Smith' gives the substitute
    current = ["".join(str(name.get(part) or "") for part in _NAME_PARTS) for name in shown]
    if len(current) != len(rendered):
        current = [strip_tokens(str(r)) for r in rendered]
    previous = state.sas_previous
    state.sas_next = current
    if not previous:
        return None, None
    rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
    if rule == "complete-all":
        if current == previous:
            return None, substitute
        return None, None
    if rule == "complete-each":
        if current == previous:
            return [substitute] * len(rendered), None
        return None, None
    out = list(rendered)
    for i, ident in enumerate(current):
        if i < len(previous) and previous[i] == ident and i < len(out):
            out[i] = substitute
            if rule == "partial-first":
                break
        else:
            break
    return (out if out != rendered else None), None


def substitute_text(names_element, state, out):
    """An entry whose first names were replaced by a substitute (a title): compare that text.

    Applies when no name list was compared for the entry (``sas_done`` still false)."""
    if state.sas_done:
        return out
    substitute = _substitute_of(names_element.get_root())
    if substitute is None:
        return out
    state.sas_done = True
    current = [strip_tokens(str(out))]
    previous, state.sas_next = state.sas_previous, current
    if previous == current:
        return substitute
    return out


def _substitute_of(root) -> str | None:
    """The style's ``subsequent-author-substitute`` (read once per style)."""
    d = root.__dict__
    if "_cf_sas" not in d:
        bibliography = root.find(f"{{{_CSL}}}bibliography")
        d["_cf_sas"] = (
            bibliography.get("subsequent-author-substitute") if bibliography is not None else None
        )
    return d["_cf_sas"]
