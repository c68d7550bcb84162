"""Per-render state shared by the element subclasses (set on the style root).

citeproc-py's elements see only the item being rendered; the citation-level
features (disambiguation, positions, suppress-author, collapsing) need more.
A fresh :class:`EngineState` is attached to the style root for every
``render_csl`` call as ``root.engine_state``.
"""

from __future__ import annotations

from typing import Any


class ItemDisambiguation:
    """What disambiguation changed for one item (plain class: cheaper to define than a dataclass)."""

    __slots__ = ("names", "given", "condition")

    def __init__(self, names: int | None = None, given: dict[str, dict[int, int]] | None = None,
                 condition: bool | int = False) -> None:
        self.names = names  # et-al-use-first raised to this many names
        self.given = {} if given is None else given  # variable -> index -> level
        # disambiguate="true" tests succeed: all of them (True) or the first n of a cite (n)
        self.condition = condition

    def __repr__(self) -> str:  # part of the disambiguation memo keys
        return (f"ItemDisambiguation(names={self.names!r}, given={self.given!r}, "
                f"condition={self.condition!r})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ItemDisambiguation):
            return NotImplemented
        return (self.names, self.given, self.condition) == (other.names, other.given, other.condition)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaces

    def __deepcopy__(self, memo: dict) -> ItemDisambiguation:
        import copy

        return ItemDisambiguation(self.names, copy.deepcopy(self.given, memo), self.condition)


class EngineState:
    def __init__(self, implicit_year_suffix: bool = False) -> None:
        self.disambiguation: dict[str, ItemDisambiguation] = {}
        self.implicit_year_suffix = implicit_year_suffix
        # per-cite render flags, reset before each cite
        self.suppress_author = False
        self.author_only = False
        self.names_seen = 0
        self.disambiguate_count = 0  # disambiguate="true" tests of the cite that succeeded
        self.disambiguate_tests = 0  # disambiguate="true" tests the cite met
        self.names_tried = False  # a cs:names of the cite was rendered, printing or not
        # a cs:text of a variable (not locator, year-suffix, citation-number or -label) was
        # rendered, printing or not: citeproc-js's collapse then ends (have_collapsed)
        self.text_variable_run = False
        self.names_by_text = False  # the first names printed were a substitute's text (a title)
        self.names_depth = 0  # cs:names being rendered inside another (substitutes)
        self.section = "citation"  # what is being rendered: a cite or a bibliography entry
        self.first_names: Any = None
        self.more_names: list[str] = []
        self.shown_names: list[tuple[str, int]] = []  # (name variable, names shown) in this cite
        self.year_suffix_done = False
        self.continues_group = False  # the cite follows a cite of the same names in a collapsed group
        self.drop_year = False  # the cite's first year is left out (collapsed into the previous cite's)
        self.entry_names: list[tuple[str, str, str]] = []  # persons the entry printed (names.py)
        self.bib_given: dict = {}  # key -> variable -> index -> given-name level in the bibliography
        self.sort_names: set[str] | None = None  # name variables sort keys render, when collected
        # (variable, form, initialized, ((index, level), ...)) of each names list a sort key
        # renders, when collected (names.py); the bibliography's macro sort keys by key element
        # and item key: (text, levels read, what else of the item's state they depend on)
        self.level_reads: list[tuple] | None = None
        self.sort_texts: dict = {}
        self.trial: dict[str, ItemDisambiguation] | None = None  # overrides while disambiguating
        self.sort_options: dict | None = None  # set while rendering a macro sort key
        self.date_variable: str | None = None  # the date variable being rendered
        self.hollow_date = False  # the date just rendered printed only a season word (dates.py)
        self.current_item: Any = None  # the cite or bibliography item being rendered
        self.var_frames: list = []  # [called, rendered] per open cs:group
        self.used_stack: list = []  # variables used inside open substitutes
        self.suppressed: set = set()  # variables a substitute consumed
        self.sas_previous: list | None = None  # first names of the previous bibliography entry
        self.sas_next: list | None = None  # first names of the entry being rendered
        self.sas_done = False  # the entry's first names were seen
        self.author_suppressed = False  # the first names rendered and were suppressed
        # with suppress-author: something that ends citeproc-js's suppression rendered (its
        # probably_rendered_something: a name, a date or a multilingual text variable)
        self.probably_rendered = False
        # citeproc-js's element trace for a cite flagged author-only or suppress-author (trace.py):
        # whether it applies, its marks (True: suppress) and how many outputs it dropped
        self.trace_on = False
        self.trace: list[bool] = []
        self.trace_hidden = 0
        self.names_listed = False  # the cs:names being rendered printed its names (no substitute)
        self.names_shadow: Any = None  # names a substitute printed and the trace dropped
        self.quotes: Any = None  # the locale's quote marks (serializers.Quotes), set by the pipeline
        # (text, names) of the cites of the citations, by what the text depends on; set once
        # disambiguation is done, for styles whose cites never depend on their position
        self.cite_memo: dict | None = None
        # citeproc-js's use_cite_group_delimiter, carried from one citation to the next (citations.py)
        self.cite_group_continued = False
        # the author string of each item's cite as disambiguation tests it (citations.py)
        self.author_strings: dict[str, str | None] = {}
        # citeproc-js's nested braces (note styles): affix parentheses are marked while rendering
        # and counted per cluster; the depth the last cluster left applies to the bibliography
        self.note_braces = False
        self.brace_depth = 0
        # False: a cluster's cites are sorted on the style's keys alone (citeproc-js's
        # makeCitationCluster), without the grouped sort of a document's citations
        self.grouped_sort = True
        # citations sorted again on the style's keys after the grouped sort (pipeline._resorted)
        self.resorted: dict[int, set[str]] = {}
        # rendering a cite to test its ambiguity (disambiguation.py)
        self.ambiguity_probe = False

    def entry(self, key: str) -> ItemDisambiguation:
        return self.disambiguation.setdefault(key, ItemDisambiguation())

    def current(self, key: str) -> ItemDisambiguation | None:
        if self.trial is not None and key in self.trial:
            return self.trial[key]
        return self.disambiguation.get(key)

    def name_overrides(self, item) -> dict:
        entry = self.current(item.key)
        if entry is None:
            return {}
        return {"names": entry.names, "given": entry.given}

    def begin_cite(
        self, suppress_author: bool = False, author_only: bool = False, item: Any = None,
        section: str = "citation", trace: bool = False,
    ) -> None:
        self.current_item = item
        self.section = section
        self.var_frames = []
        self.hollow_date = False
        self.used_stack = []
        self.suppressed = set()
        self.sas_done = False
        self.suppress_author = suppress_author
        self.author_suppressed = False  # the first names rendered and were suppressed
        self.probably_rendered = False
        self.author_only = author_only
        self.trace_on = trace and section == "citation"
        self.trace = []
        self.trace_hidden = 0
        self.names_listed = False
        self.names_seen = 0
        self.disambiguate_count = 0
        self.disambiguate_tests = 0
        self.names_tried = False
        self.text_variable_run = False
        self.first_names = None
        self.more_names: list[str] = []  # what later cs:names printed (letters' recipients)
        self.names_by_text = False  # the first names were a substitute's text (a title)
        self.year_suffix_done = False
        self.continues_group = False
        self.drop_year = False
        self.entry_names = []
        self.shown_names = []


def get_state(element) -> EngineState | None:
    root = element.__dict__.get("_cf_root")
    if root is None:  # (never ``or``: an element's truth value is its number of children)
        root = element.get_root()
    state = root.__dict__.get("engine_state")
    if state is None and hasattr(root, "style"):  # an element of a locale file
        state = getattr(root.style, "engine_state", None)
    return state
