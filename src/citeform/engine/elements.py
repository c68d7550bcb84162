"""Our subclasses of citeproc-py's style elements and the lxml lookup that installs them.

Each subclass adds one documented behaviour on top of citeproc-py:

* ``display`` on any rendering element wraps its output in display tokens;
* ``quotes="true"`` emits quote tokens whose level (double/single) and
  punctuation-in-quote handling are resolved at output time;
* ``second-field-align`` splits a bibliography entry into a left-margin
  field and a right-inline remainder.
"""

from __future__ import annotations

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import MixedString, String
from lxml import etree

from . import markup as m

CSL_NS = "http://purl.org/net/xbiblio/csl"


def wrap_display(display: str, text):
    return m.wrap((m.DISPLAY_OPEN[display], m.DISPLAY_CLOSE), text)


class DisplayMixin:
    """Wrap the element's output in display tokens when ``display`` is set."""

    def render(self, *args, **kwargs):
        out = super().render(*args, **kwargs)
        display = self.get("display")
        if out is not None and str(out) != "" and display in m.DISPLAY_OPEN:
            out = wrap_display(display, out)
        return out


class QuoteMixin:
    """``quotes="true"`` as tokens; the output pass picks the quote marks."""

    def quote(self, string):
        if self.get("quotes", "false").lower() == "true":
            return m.wrap(m.QUOTE, string)
        return string


class Text(DisplayMixin, QuoteMixin, model.Text):
    pass


class Group(DisplayMixin, model.Group):
    pass


class Date(DisplayMixin, model.Date):
    pass


class Names(DisplayMixin, model.Names):
    pass


class Number(DisplayMixin, model.Number):
    pass


class Label(DisplayMixin, model.Label):
    pass


class Layout(model.Layout):
    def render_bibliography(self, citation_items):
        align = self.getparent().get("second-field-align")
        if not align:
            return super().render_bibliography(citation_items)
        output = []
        children = list(self.iterchildren())
        for item in citation_items:
            self.repressed = {}
            first = _render_one(children[:1], item)
            rest = _render_one(children[1:], item)
            parts = []
            if first is not None:
                parts.append(wrap_display("left-margin", first))
            if rest is not None:
                parts.append(wrap_display("right-inline", rest))
            if parts:
                text = parts[0] if len(parts) == 1 else MixedString([*parts])
                output.append(self.format(self.wrap(text)))
        return output


def _render_one(children, item):
    out = []
    for child in children:
        try:
            text = child.render(item)
        except VariableError:
            continue
        if text is not None and str(text) != "":
            out.append(text)
    if not out:
        return None
    result = out[0]
    for piece in out[1:]:
        result = result + piece
    return result if not isinstance(result, str) or isinstance(result, String) else String(result)


OVERRIDES = {cls.__name__: cls for cls in (Text, Group, Date, Names, Number, Label, Layout)}


def element_lookup() -> etree.ElementNamespaceClassLookup:
    """An lxml lookup mapping CSL tags to citeproc-py classes, ours where we have one."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    for cls in model.CitationStylesElement.__subclasses__():
        name = cls.__name__
        namespace[name.replace("_", "-").lower()] = OVERRIDES.get(name, cls)
    return lookup
