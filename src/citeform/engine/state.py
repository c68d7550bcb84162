"""Per-render state shared by the element subclasses (set on the style root).

citeproc-py's elements see only the item being rendered; the citation-level
features (disambiguation, positions, suppress-author, collapsing) need more.
A fresh :class:`EngineState` is attached to the style root for every
``render_csl`` call as ``root.engine_state``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ItemDisambiguation:
    names: int | None = None  # et-al-use-first raised to this many names
    given: dict[str, dict[int, int]] = field(default_factory=dict)  # variable -> index -> level
    condition: bool = False  # disambiguate="true" tests succeed


@dataclass
class EngineState:
    disambiguation: dict[str, ItemDisambiguation] = field(default_factory=dict)
    implicit_year_suffix: bool = False
    # per-cite render flags, reset before each cite
    suppress_author: bool = False
    author_only: bool = False
    names_seen: int = 0
    names_depth: int = 0
    section: str = "citation"  # what is being rendered: a cite or a bibliography entry  # cs:names being rendered inside another (substitutes)
    first_names: Any = None
    year_suffix_done: bool = False
    trial: dict[str, ItemDisambiguation] | None = None  # overrides while disambiguating
    sort_options: dict | None = None  # set while rendering a macro sort key
    date_variable: str | None = None  # the date variable being rendered
    current_item: Any = None  # the cite or bibliography item being rendered
    var_frames: list = field(default_factory=list)  # [called, rendered] per open cs:group
    used_stack: list = field(default_factory=list)  # variables used inside open substitutes
    suppressed: set = field(default_factory=set)  # variables a substitute consumed
    sas_previous: list | None = None  # first names of the previous bibliography entry
    sas_next: list | None = None  # first names of the entry being rendered
    sas_done: bool = False  # the entry's first names were seen

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
        section: str = "citation",
    ) -> None:
        self.current_item = item
        self.section = section
        self.var_frames = []
        self.used_stack = []
        self.suppressed = set()
        self.sas_done = False
        self.suppress_author = suppress_author
        self.author_only = author_only
        self.names_seen = 0
        self.first_names = None
        self.year_suffix_done = False


def get_state(element) -> EngineState | None:
    root = element.__dict__.get("_cf_root")
    if root is None:  # (never ``or``: an element's truth value is its number of children)
        root = element.get_root()
    state = root.__dict__.get("engine_state")
    if state is None and hasattr(root, "style"):  # an element of a locale file
        state = getattr(root.style, "engine_state", None)
    return state
