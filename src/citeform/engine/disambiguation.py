"""Disambiguation of cites (CSL 1.0.2 §Disambiguation).

Entry point :func:`disambiguate`.  Ambiguous cites are those whose first-position
rendering (no locator, no affixes) is identical for different items.  Methods,
in the spec's order and only when the style enables them:

1. ``disambiguate-add-names``: show more names (et-al expanded) until unique;
2. ``disambiguate-add-givenname`` with ``givenname-disambiguation-rule``:
   ``all-names``/``all-names-with-initials``/``primary-name``/
   ``primary-name-with-initials`` expand every name that shares its family name
   with another person in the document; ``by-cite`` (the default) expands names
   of ambiguous cites one at a time until they are unique;
3. ``disambiguate="true"`` conditions are switched on for what is still ambiguous;
4. ``disambiguate-add-year-suffix``: letters a, b, c ... in bibliography order.
"""

from __future__ import annotations

import copy
import re
from collections import Counter, defaultdict

from citeproc.source import Citation, CitationItem
from citeproc.string import String

from . import cache
from . import markup as m
from .citations import render_cite
from .names import cjk_language, is_cjk
from .registry import fast_item
from .sorting import macro_text
from .state import EngineState, ItemDisambiguation


def year_suffix_letters(n: int) -> str:
    letters = ""
    n += 1
    while n > 0:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters


_NO_OVERRIDES = repr(ItemDisambiguation())


def _truthy(el, name: str) -> bool:
    return str(el.get(name, "false")).lower() == "true"


class Disambiguator:
    def __init__(self, loaded, bib, keys: list[str], state: EngineState,
                 positions: tuple[str, ...] = ("subsequent", "near-note")):
        self.root = loaded.root
        self.citation_el = loaded.root.citation
        self.layout = self.citation_el.layout
        self.bib = bib
        self.keys = keys
        self.state = state
        probe = Citation([fast_item(CitationItem(k)) for k in keys])
        probe.bibliography = bib
        self.probes = {c.key: c for c in probe.cites}
        for cite in probe.cites:
            cite["_positions"] = set(positions)
            cite["_position"] = positions[0]

    def text(self, key: str) -> str:
        return cache.cite_text(self, self._memo_key(key), key, self._text)

    def _memo_key(self, key: str) -> tuple:
        entry = self.state.current(key)
        # no entry renders as an entry that overrides nothing: one memo key for both
        overrides = _NO_OVERRIDES if entry is None else repr(entry)
        return (key, overrides, str(self.bib.source[key].get("year_suffix")))

    def _text(self, key: str) -> str:
        text, _names = render_cite(self.layout, self.probes[key])
        return m.strip_tokens(str(text)) if text is not None else ""

    def refresh_all(self) -> None:
        cache.prefetch_cite_texts(self, self.keys, self._memo_key, self._text)
        self.cache = {k: self.text(k) for k in self.keys}
        self.counts = Counter(self.cache.values())

    def refresh(self, key: str) -> None:
        self.counts[self.cache[key]] -= 1
        self.cache[key] = self.text(key)
        self.counts[self.cache[key]] += 1

    def ambiguous_groups(self) -> list[list[str]]:
        self.refresh_all()
        by_text: dict[str, list[str]] = defaultdict(list)
        for key, text in self.cache.items():
            by_text[text].append(key)
        return [group for group in by_text.values() if len(group) > 1]

    def unique(self, key: str, group: list[str]) -> bool:
        self.refresh(key)
        return self.counts[self.cache[key]] == 1

    def name_vars(self, key: str) -> dict[str, list]:
        ref = self.bib.source[key]
        out = {}
        for var, value in ref.items():
            if isinstance(value, list) and value and hasattr(value[0], "parts"):
                out[var] = value
        return out

    def _last_difference(self, keys: list[str]) -> int:
        """How many names must show before every difference between the names of ``keys``
        is shown (0: the same names). Showing more cannot tell them apart any better: what
        it adds is the same in each cite; without this bound the search for a separating
        count renders every count, quadratic in the length of long identical lists."""
        return max(self._differing_indexes(keys), default=-1) + 1

    def _differing_indexes(self, keys: list[str]) -> set[int]:
        """The positions at which some name variable of ``keys`` holds different names, or the
        same name printed differently (family first in a Japanese or Chinese item)."""
        out: set[int] = set()
        order = {k: cjk_language(self.bib.source[k].get("language")) for k in keys}
        for var in {v for k in keys for v in self.name_vars(k)}:
            lists = [(self.name_vars(k).get(var) or [], order[k]) for k in keys]
            longest = max(len(v) for v, _ in lists)
            for i in range(longest):
                parts = {(v[i].parts(), first) if i < len(v) else None for v, first in lists}
                if len(parts) > 1:
                    out.add(i)
        return out

    # step 1
    def _full_given(self, key: str) -> dict[str, dict[int, int]]:
        return {var: dict.fromkeys(range(len(names)), 2) for var, names in self.name_vars(key).items()}

    def add_names(self, group: list[str], with_given: bool = False) -> list[str]:
        """Show more names; an unresolved cite keeps the count that separated it most.

        With ``with_given`` (add-givenname is on too) a name counts as
        distinguishing when its full form differs, since step 2 will show it.
        """
        most = max((len(v) for k in group for v in self.name_vars(k).values()), default=0)
        most = min(most, self._last_difference(group))
        pending = list(group)
        base = {k: copy.deepcopy(self.state.entry(k)) for k in group}
        best: dict[str, tuple[int, int | None]] = {k: (self.counts[self.cache[k]], None) for k in group}
        saved_given = {k: copy.deepcopy(self.state.entry(k).given) for k in group}
        if with_given:
            for k in group:
                self.state.entry(k).given = self._full_given(k)
                self.refresh(k)
            best = {k: (self.counts[self.cache[k]], None) for k in group}
            pending = [k for k in group if self.counts[self.cache[k]] > 1]
        for n in range(1, most + 1):
            if not pending:
                break
            for k in pending:
                self.state.entry(k).names = n
                self.refresh(k)
            for k in pending:
                collisions = self.counts[self.cache[k]]
                if collisions < best[k][0]:
                    best[k] = (collisions, n)
            solved = [k for k in pending if self.counts[self.cache[k]] == 1]
            pending = [k for k in pending if k not in solved]
        for k in group:
            entry = self.state.entry(k)
            if best[k][1] is None:
                names = base[k].names
            else:
                names = best[k][1]
            entry.names = names
            entry.given = saved_given[k]
            self.refresh(k)
        return [k for k in group if self.counts[self.cache[k]] > 1]

    def registered_names(self, key: str) -> dict[str, list]:
        """The name lists citeproc-js registers for the global given-name rules: those the cite
        prints (in its first-position form) and those the sort keys render (every key, for every
        item) — not the editor of a chapter whose cite and sort keys show only its authors.
        The cite rendered to find them is the one :meth:`text` renders: it is remembered."""
        memo_key = self._memo_key(key)
        text, _names = render_cite(self.layout, self.probes[key])
        cache.remember_cite_text(self, memo_key, m.strip_tokens(str(text)) if text is not None else "")
        all_vars = self.name_vars(key)
        present = {var.replace("_", "-") for var in all_vars}
        shown = {var.replace("_", "-") for var, _count in self.state.shown_names}
        shown |= self._sort_key_names(key, present)
        return {var: names for var, names in all_vars.items() if var.replace("_", "-") in shown}

    def _sort_key_names(self, key: str, present: set[str]) -> set[str]:
        """The name variables the sort keys render for the item: a key macro that may render
        names (every branch of a choice counted) is rendered for the item to see which ones
        it does (a treaty's key prints its title, not its authors)."""
        memo = self.root.__dict__.setdefault("_cf_sort_names", {})
        frozen = frozenset(present)
        if frozen not in memo:
            candidates = []
            for owner in (self.citation_el, self.root.bibliography):
                sort = owner.find("cs:sort", owner.nsmap) if owner is not None else None
                if sort is not None:
                    for key_el in sort.findall("cs:key", sort.nsmap):
                        found: set[str] = set()
                        _sort_names(key_el, present, found)
                        if found:
                            candidates.append((key_el, owner.layout, found))
            memo[frozen] = candidates
        out: set[str] = set()
        for key_el, layout, found in memo[frozen]:
            if key_el.get("variable"):
                out |= found
                continue
            self.state.sort_names = set()
            try:
                macro_text(key_el, self.probes[key], layout)
                out |= self.state.sort_names
            finally:
                self.state.sort_names = None
        return out

    # step 2, global rules
    def global_givennames(self, rule: str) -> None:
        cap = 1 if rule.endswith("with-initials") else 2
        primary = rule.startswith("primary")
        people: dict[str, set] = defaultdict(set)
        registered = {key: self.registered_names(key) for key in self.keys}
        for key in self.keys:
            for names in registered[key].values():
                for i, name in enumerate(names):
                    if primary and i > 0:
                        break
                    if "literal" in name or not name.get("family"):
                        continue
                    given = name.get("given") or ""
                    people[_family(name)].add((_given_key(given), _initials(given)))
        for key in self.keys:
            entry = self.state.entry(key)
            for var, names in self.name_vars(key).items():
                for i, name in enumerate(names):
                    if primary and i > 0:
                        break
                    family = name.get("family")
                    givens = people.get(_family(name), set())
                    if len(givens) < 2 or is_cjk(family, name.get("given")):
                        continue
                    given = name.get("given") or ""
                    mine = _initials(given)
                    others = [init for key_, init in givens if key_ != _given_key(given)]
                    if len({mine, *others}) < 2 and cap == 1:
                        continue  # initials cannot tell these people apart
                    level = 1 if mine not in others else cap
                    entry.given.setdefault(var, {})[i] = level

    # step 2, by-cite
    def by_cite(self, group: list[str]) -> list[str]:
        """Expand given names name by name, the same way in every cite of the group.

        A name is expanded (initials, then full) only when that separates some
        of the cites; the cites still ambiguous keep the expansions that helped
        others (two identical cites both show 'J. Jones' next to 'A. Jones').
        """
        pending = list(group)
        saved = {k: copy.deepcopy(self.state.entry(k).given) for k in group}
        width = max((len(v) for k in group for v in self.name_vars(k).values()), default=0)

        def set_level(keys: list[str], index: int, level: int | None) -> None:
            for key in keys:
                entry = self.state.entry(key)
                for var in self.name_vars(key):
                    levels = entry.given.setdefault(var, {})
                    base = saved[key].get(var, {}).get(index, 0)
                    levels[index] = base if level is None else max(base, level)
                self.refresh(key)

        differing = self._differing_indexes(group)
        for index in range(width):
            if not pending:
                break
            if index not in differing:
                continue  # the same name in every cite: expanding it separates nothing
            best = None  # the highest level of this name that separated some cites
            forms = len({self.cache[k] for k in pending})
            for level in (1, 2):
                if not pending:
                    break
                set_level(pending, index, level)
                solved = [k for k in pending if self.counts[self.cache[k]] == 1]
                split = len({self.cache[k] for k in pending})
                if solved or split > forms:
                    # citeproc-js keeps a level that splits the clashing cites into smaller
                    # sets, even when none of them is told apart yet ("M. Lee, T1" / "S. Lee, T2")
                    pending = [k for k in pending if k not in solved]
                    best = level
                forms = len({self.cache[k] for k in pending})
            if pending and best != 2:
                set_level(pending, index, best)  # None: back to the style's form
        return pending

    def run(self, year_suffix: bool = True) -> None:
        el = self.citation_el
        add_names = _truthy(el, "disambiguate-add-names")
        add_given = _truthy(el, "disambiguate-add-givenname")
        rule = el.get("givenname-disambiguation-rule", "by-cite")
        suffix_on = _truthy(el, "disambiguate-add-year-suffix")
        add_suffix = year_suffix and suffix_on
        if add_given and rule != "by-cite" and year_suffix:  # document-wide: the first pass only
            self.global_givennames(rule)
        self.refresh_all()
        for group in self.ambiguous_groups():
            pending = group
            if add_names:
                pending_after = self.add_names(pending, with_given=add_given and rule == "by-cite")
                if add_given and rule == "by-cite" and pending_after:
                    pending_after = self.by_cite(pending_after)
                pending = pending_after
            elif add_given and rule == "by-cite":
                pending = self.by_cite(pending)
            if len(pending) < 2 or suffix_on:
                continue  # year-suffixes tell these apart (as citeproc-js does): the condition stays off
            for key in pending:
                self.state.entry(key).condition = True
        if add_suffix:
            order = {k: i for i, k in enumerate(self.bib.keys)}
            for group in self.ambiguous_groups():
                for n, key in enumerate(sorted(group, key=lambda k: order.get(k, 0))):
                    self.bib.source[key]["year_suffix"] = String(year_suffix_letters(n))
        self.state.trial = None


def _sort_names(el, present: set[str], out: set[str]) -> bool:
    """Add to ``out`` the name variables a sort key renders for an item holding the ``present``
    ones (every branch of a choice counted; a substitute stops at its first child that renders);
    True when something was found to render."""
    tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
    if tag == "key":
        if el.get("variable"):
            if el.get("variable") in present:
                out.add(el.get("variable"))
            return True
        macro = el.get_macro(el.get("macro")) if el.get("macro") else None
        return _sort_names(macro, present, out) if macro is not None else False
    if tag == "names":
        found = [v for v in (el.get("variable") or "").split() if v in present]
        if found:
            out.update(found)
            return True
        for child in el:
            if isinstance(child.tag, str) and child.tag.endswith("}substitute"):
                for option in child:
                    if _sort_names(option, present, out):
                        return True
        return False
    if tag == "text" and el.get("macro"):
        macro = el.get_macro(el.get("macro"))
        return _sort_names(macro, present, out) if macro is not None else False
    if tag in ("text", "date", "number", "label"):
        return tag != "label"
    found = False
    for child in el:
        if isinstance(child.tag, str):
            found = _sort_names(child, present, out) or found
    return found


def _family(name) -> str:
    return " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)


def _given_key(given: str) -> str:
    """Given names compared without the spacing and periods of initials."""
    return re.sub(r"[\s.]+", "", given) if re.fullmatch(r"([A-Z]\.?\s*)+", given) else given


def _initials(given: str) -> str:
    """The initials a name would print: lower-case parts (Eun-ji) add none."""
    words = given.replace("-", " ").replace(".", " ").split()
    return "".join(w[0] for w in words if w and not w[0].islower())


def disambiguate(loaded, bib, keys: list[str], state: EngineState, citations=None) -> None:
    """Set per-item disambiguation overrides and year suffixes for the cited ``keys``.

    As citeproc-js does, a cite is tested for ambiguity in its subsequent, near-note form
    (``et-al-subsequent-*`` applied, ``position`` tests as for a later cite), whatever the
    positions it is cited in; the names, given names and conditions found apply to every
    form of the cite, and year-suffixes go to the cites that form leaves ambiguous.
    ``citations`` is accepted for the callers' sake: the positions do not matter here.
    """
    if loaded.root.citation is None or len(keys) < 2:
        return
    Disambiguator(loaded, bib, keys, state, ("subsequent", "near-note")).run()


def position_dependent(root) -> bool:
    """Whether a cite's text can depend on its position: a ``position`` test, an
    ``et-al-subsequent-*`` option or ``first-reference-note-number`` anywhere in the style."""
    return bool(root.xpath(
        "//@position | //@et-al-subsequent-min | //@et-al-subsequent-use-first"
        " | //@*[contains(., 'first-reference-note-number')]"
    ))


__all__ = ["disambiguate", "ItemDisambiguation", "year_suffix_letters"]
