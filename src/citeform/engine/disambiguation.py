"""Disambiguation of cites (CSL 1.0.2 §Disambiguation).

Entry point :func:`disambiguate`.  Ambiguous cites are those whose subsequent-form
rendering (no locator, no affixes) is identical for different items, as citeproc-js
tests them.  Methods, in the spec's order and only when the style enables them:

1. ``disambiguate-add-givenname`` with a global ``givenname-disambiguation-rule``
   (``all-names``/``all-names-with-initials``/``primary-name``/
   ``primary-name-with-initials``): expand, document-wide, every name that shares its
   family name with another person the cites and sort keys print;
2. ``disambiguate-add-names`` and by-cite ``disambiguate-add-givenname`` together, as
   citeproc-js's names step (:meth:`Disambiguator.increments`);
3. ``disambiguate="true"`` conditions are switched on for what is still ambiguous;
4. ``disambiguate-add-year-suffix``: letters a, b, c ... in bibliography order.
"""

from __future__ import annotations

import copy
import re
from collections import Counter, defaultdict
from functools import lru_cache

from citeproc.source import Citation, CitationItem
from citeproc.string import String

from . import cache, parallel
from . import markup as m
from .citations import render_cite
from .names import cjk_language, initials_key, is_cjk
from .printed_names import printed_name_variables
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
    def __init__(self, loaded, bib, keys: list[str], state: EngineState):
        self.root = loaded.root
        self.citation_el = loaded.root.citation
        self.layout = self.citation_el.layout
        self.bib = bib
        self.keys = keys
        self.state = state
        self.demote = self.root.get("demote-non-dropping-particle")
        self._name_vars: dict[str, dict[str, list]] = {}
        probe = Citation([fast_item(CitationItem(k)) for k in keys])
        probe.bibliography = bib
        self.probes = {c.key: c for c in probe.cites}
        for cite in probe.cites:  # citeproc-js's getAmbiguousCite: a subsequent, near-note cite
            cite["_positions"] = {"subsequent", "near-note"}
            cite["_position"] = "subsequent"

    def text(self, key: str) -> str:
        return cache.cite_text(self, self._memo_key(key), key, self._text)

    def _memo_key(self, key: str) -> tuple:
        entry = self.state.current(key)
        # no entry renders as an entry that overrides nothing: one memo key for both
        overrides = _NO_OVERRIDES if entry is None else repr(entry)
        return (key, overrides, str(self.bib.source[key].get("year_suffix")))

    def _text(self, key: str) -> str:
        self.state.ambiguity_probe = True
        try:
            text, _names = render_cite(self.layout, self.probes[key])
        finally:
            self.state.ambiguity_probe = False
        return m.strip_tokens(str(text)) if text is not None else ""

    def resort_bibliography(self) -> None:
        """Sort the bibliography again once document-wide given names are known: citeproc-js
        renders its sort keys with them ("Colombo, Seán" before "Colombo, Susan"), and
        year-suffixes follow the order of the bibliography."""
        bibliography = getattr(self.root, "bibliography", None)
        if bibliography is None or bibliography.find("cs:sort", bibliography.nsmap) is None:
            return  # no bibliography, or one in the order cited
        if any((entry := self.state.disambiguation.get(key)) is not None and entry.given for key in self.keys):
            self.bib.sort()

    def refresh_all(self) -> None:
        memo_keys = {k: self._memo_key(k) for k in self.keys}  # (each made once: a repr of the overrides)
        cache.prefetch_cite_texts(self, self.keys, memo_keys.__getitem__, self._text)
        self.cache = {k: cache.cite_text(self, memo_keys[k], k, self._text) for k in self.keys}
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
        """The item's name lists by variable (read once: disambiguation changes no names)."""
        found = self._name_vars.get(key)
        if found is None:
            found = self._name_vars[key] = {
                var: value for var, value in self.bib.source[key].items()
                if isinstance(value, list) and value and hasattr(value[0], "parts")
            }
        return found

    def _last_difference(self, keys: list[str]) -> int:
        """How many names must show before every difference between the names of ``keys`` is
        shown (0: the same names, printed the same way)."""
        last = -1
        first_names = {k: cjk_language(self.bib.source[k].get("language")) for k in keys}
        for var in {v for k in keys for v in self.name_vars(k)}:
            lists = [(self.name_vars(k).get(var) or [], first_names[k]) for k in keys]
            for i in range(max(len(names) for names, _ in lists)):
                if len({(names[i].parts(), first) if i < len(names) else None
                        for names, first in lists}) > 1:
                    last = max(last, i)
        return last + 1

    def registered_names(self, key: str, found: tuple[str, frozenset[str], frozenset[str]] | None = None
                         ) -> dict[str, list]:
        """The name lists citeproc-js registers for the global given-name rules: those the cite
        prints (in the subsequent form ambiguity is tested on) and those the sort keys render (every key, for every
        item) — not the editor of a chapter whose cite and sort keys show only its authors.
        ``found``: what :meth:`_cite_names` gives for ``key``, when it ran elsewhere."""
        _text, shown, _printed = self._cite_names(key) if found is None else found
        return {var: names for var, names in self.name_vars(key).items() if var.replace("_", "-") in shown}

    def _cite_names(self, key: str) -> tuple[str, frozenset[str], frozenset[str]]:
        """The text of ``key``'s cite (as :meth:`_text`, with the overrides ``state.current``
        gives), the name variables (written with hyphens) it or the sort keys render, and those
        the cite itself renders (written as the item's keys, with underscores: the only ones
        whose given-name levels its text reads). Which variables render never depends on
        given-name levels (levels go only to names with a family name, which never print
        empty and so never pass on to a substitute); the call depends only on the item, the
        style and the state prepared before it, so workers can make it."""
        text, _names = render_cite(self.layout, self.probes[key])
        plain = m.strip_tokens(str(text)) if text is not None else ""
        printed = frozenset(var.replace("-", "_") for var, _count in self.state.shown_names)
        present = {var.replace("_", "-") for var in self.name_vars(key)}
        shown = {var.replace("_", "-") for var, _count in self.state.shown_names}
        if present - shown:  # (names the cite already shows need no sort key to count)
            shown |= self._sort_key_names(key, present, shown)
        return plain, frozenset(shown), printed

    def _sort_key_names(self, key: str, present: set[str], shown: set[str] = frozenset()) -> set[str]:
        """The name variables the sort keys render for the item: a key macro that may render
        names (every branch of a choice counted) is rendered for the item to see which ones
        it does (a treaty's key prints its title, not its authors). A key that could only
        render names of ``shown`` is not rendered: it can add nothing."""
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
            if found <= shown:
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
        """Given-name levels by a document-wide rule, for every name of every cited item.

        The people registered are those of the name variables each cite and its sort keys
        render, which takes a render of every cite. That render is made with levels guessed
        from every name of every item (a superset of the people registered, almost always
        giving the same levels): a cite whose guessed levels equal the real ones on every
        name variable it printed has printed exactly its final text, which is kept, and is
        not rendered a second time once the real levels are set."""
        cap = 1 if rule.endswith("with-initials") else 2
        primary = rule.startswith("primary")
        guess: dict[str, dict[str, dict[int, int]]] = {}
        everyone = None
        if cache.ENABLED:  # (without the caches every text is rendered afresh anyway)
            everyone = self._people(self.keys, None, primary)
            guess = self._levels(everyone, cap, primary)
            self.state.trial = {key: self._with_given(key, guess.get(key, {})) for key in self.keys}
        try:
            # the cites are rendered in workers for large inputs (each depends on its item only)
            found = parallel.map_items(self._cite_names, self.keys)
        finally:
            self.state.trial = None
        registered = {key: self.registered_names(key, f) for key, f in zip(self.keys, found, strict=True)}
        people = self._people(self.keys, registered, primary)
        # (every name registered, as is common: the levels are those guessed)
        levels = guess if people == everyone else self._levels(people, cap, primary)
        for key in self.keys:
            given = self.state.entry(key).given
            for var, found_levels in levels.get(key, {}).items():
                given.setdefault(var, {}).update(found_levels)
        if cache.ENABLED:
            for key, (text, _shown, printed) in zip(self.keys, found, strict=True):
                given, guessed = self.state.entry(key).given, guess.get(key, {})
                if all((given.get(var) or {}) == (guessed.get(var) or {}) for var in printed):
                    cache.remember_cite_text(self, self._memo_key(key), text)
        self.bibliography_givennames(people, cap, primary)

    def _with_given(self, key: str, given: dict[str, dict[int, int]]) -> ItemDisambiguation:
        """``key``'s overrides with the given-name levels replaced by ``given``."""
        entry = self.state.current(key)
        if entry is None:
            return ItemDisambiguation(given=given)
        return ItemDisambiguation(entry.names, given, entry.condition)

    def _people(self, keys: list[str], registered: dict[str, dict[str, list]] | None,
                primary: bool) -> dict[str, set]:
        """Family name -> {(given name, initials)} of the names registered for ``keys`` (every
        name of every item when ``registered`` is None)."""
        people: dict[str, set] = defaultdict(set)
        for key in keys:
            lists = self.name_vars(key) if registered is None else registered[key]
            for names in lists.values():
                for i, name in enumerate(names):
                    if primary and i > 0:
                        break
                    if "literal" in name or not name.get("family"):
                        continue
                    given = name.get("given") or ""
                    people[_family(name, self.demote)].add((_given_key(given), _initials(given)))
        return people

    def _levels(self, people: dict[str, set], cap: int, primary: bool) -> dict[str, dict[str, dict[int, int]]]:
        """key -> variable -> index -> the level the rule gives each name among ``people``
        (names that need none left out, items without any too)."""
        out: dict[str, dict[str, dict[int, int]]] = {}
        for key in self.keys:
            for var, names in self.name_vars(key).items():
                for i, name in enumerate(names):
                    if primary and i > 0:
                        break
                    level = _global_level(people, name, cap, self.demote)
                    if level is not None:
                        out.setdefault(key, {}).setdefault(var, {})[i] = level
        return out

    def bibliography_givennames(self, people: dict[str, set], cap: int, primary: bool) -> None:
        """The given names of the bibliography under a global rule: citeproc-js registers each
        name an entry prints as it renders the entries in order, and evaluates the name against
        every person registered so far: the cites' and sort keys' names, then those of the
        entries up to this one (an editor Jean-Paul Henderson printed in full after a cited
        J.-P. Henderson). The names an entry prints are those of the variables the
        bibliography's ``cs:names`` can print; the levels go to ``state.bib_given``."""
        bibliography = getattr(self.root, "bibliography", None)
        if bibliography is None:
            return
        variables = {v.replace("-", "_") for v in _bibliography_name_variables(self.root)}
        register = {family: set(givens) for family, givens in people.items()}
        found: dict[str, dict[str, dict[int, int]]] = {}
        candidates = {key: {var: names for var, names in self.name_vars(key).items() if var in variables}
                      for key in self.bib.keys}
        namesakes = _namesakes(people, candidates.values(), primary, self.demote)
        items = None
        for key in self.bib.keys:
            lists = candidates[key]
            if any(_family(name, self.demote) in namesakes for names in lists.values() for name in names):
                if items is None:
                    items = {}
                    for item in self.bib.items:
                        items.setdefault(item.key, item)
                printed = self._entry_name_variables(items[key])
                lists = {var: names for var, names in lists.items() if var in printed}
            for names in lists.values():
                for i, name in enumerate(names):
                    if primary and i > 0:
                        break
                    if "literal" not in name and name.get("family"):
                        given = name.get("given") or ""
                        register.setdefault(_family(name, self.demote), set()).add((_given_key(given), _initials(given)))
            for var, names in lists.items():
                for i, name in enumerate(names):
                    if primary and i > 0:
                        break
                    level = _global_level(register, name, cap, self.demote)
                    if level is not None:
                        found.setdefault(key, {}).setdefault(var, {})[i] = level
        self.state.bib_given = found

    def _entry_name_variables(self, item) -> set[str]:
        """The name variables (written with underscores) ``item``'s bibliography entry prints
        (a director in the author's ``cs:substitute`` prints only for an item without
        authors): told by a dry run of the layout, else by rendering the entry once."""
        printed = printed_name_variables(self.root, item)
        if printed is not None:
            return {var.replace("-", "_") for var in printed}
        return self._rendered_name_variables(item)

    def _rendered_name_variables(self, item) -> set[str]:
        """:meth:`_entry_name_variables` told by rendering the entry."""
        state = self.state
        saved = state.sas_previous, state.sas_next
        try:
            self.root.bibliography.render([item])
            return {var.replace("-", "_") for var, _count in state.shown_names}
        finally:
            state.sas_previous, state.sas_next = saved

    # steps 1 and 2 together, as citeproc-js runs them
    def increments(self, group: list[str], add_names: bool, givens_max: int | None,
                   last: bool) -> tuple[list[list[str]], bool]:
        """citeproc-js's names step (``CSL.Disambiguation``, mode ``disNames``): one forward-only
        counter, stepped a unit at a time: the given name at the current position (initials,
        then in full, when by-cite given names are on), then one more name (when add-names is
        on, up to one past the name count of the item with the fewest names), and so on. After
        each step the group is scanned against its first cite: a cite told apart is settled with
        the best settings found so far (the counter's values that last reduced the clashes).
        ``last``: no condition or year-suffix step follows.

        Returns the lists of cites the next step takes over, in order, and whether its first
        scan holds the level (citeproc-js's ``initGivens``). When the counter runs out, every
        list still waiting goes on to that step, told apart by names or not: citeproc-js
        switches mode for the whole run, so a list split off earlier (two cites that differ
        only in a seventh name, split from two identical ones) is scanned with
        ``disambiguate="true"`` on, and keeps it. Otherwise the cites still ambiguous, if any.
        """
        counts: dict[str, tuple[int, int]] = {}
        first_list: dict[str, str | None] = {}
        for key in group:
            render_cite(self.layout, self.probes[key])  # to read the names its cite shows
            shown = self.state.shown_names[0] if self.state.shown_names else None
            total = 0
            if shown is not None:
                total = len(self.name_vars(key).get(shown[0].replace("-", "_")) or ())
            counts[key] = (shown[1] if shown is not None else 0, total)
            first_list[key] = shown[0].replace("-", "_") if shown is not None else None
        # citeproc-js orders the group by each item's name count as text, then by id
        items = sorted(group, key=lambda k: (str(counts[k][1]), k))
        # names after the last one that differs tell nothing apart: stepping through them would
        # only cost a render of every cite per name (quadratic in long identical lists)
        names_max = min(counts[items[0]][1], self._last_difference(group) + 1)
        base_names = max(counts[k][0] for k in group)
        base = {"names": base_names, "givens": {}}
        better = {"names": base_names, "givens": {}}
        settled: dict[str, dict] = {}
        rendered_names = base_names
        init = True

        saved = {k: copy.deepcopy(self.state.entry(k).given) for k in group}  # the global rules'

        def apply(keys: list[str], config: dict) -> None:
            for key in keys:
                entry = self.state.entry(key)
                # never more than the cite's name list holds: the count is that list's alone
                names = min(config["names"], counts[key][1])
                entry.names = names if names > counts[key][0] else None
                given = copy.deepcopy(saved[key])
                # citeproc-js keeps the given-name levels by the place of a name list among those
                # the cite prints: they go to the first list, not to an editor the cite never
                # shows (the entry's "edited by P. Ward")
                for var in self.name_vars(key):
                    if var != first_list[key] and first_list[key] is not None:
                        continue
                    levels = given.setdefault(var, {})
                    for i, level in config["givens"].items():
                        if level > levels.get(i, 0):
                            levels[i] = level
                entry.given = given
                self.refresh(key)

        def scan(keys: list[str]) -> None:
            """Render ``keys`` in order with the counter, as citeproc-js's scan does: each
            render writes the number of names it shows back into the counter, so a cite with
            fewer names than the counter lowers it for the cites after it (and for what is
            captured): a names step begun again on a new list that starts with a three-name
            cite shows three names of a five-name one, not four (``Patel, 李华, Andersson, et
            al.``)."""
            for key in keys:
                if counts[key][1] and base["names"] > counts[key][1]:
                    base["names"] = counts[key][1]
                apply([key], base)

        def snapshot(config: dict) -> dict:
            return {"names": config["names"], "givens": dict(config["givens"])}

        def capture(gname: int) -> None:
            """Keep the step just taken: it reduced the clashes."""
            if givens_max is not None and gname in base["givens"]:
                better["givens"][gname] = base["givens"][gname]
            better["names"] = base["names"]

        lists: list[list[str]] = [items]
        handover: list[list[str]] | None = None
        gname = 0
        while lists:
            gname = 0
            clashes = [1, 0]
            while lists[0]:
                current = lists[0]
                maxed = False
                if init:
                    init = False
                else:
                    more_names = givens_max is None
                    if givens_max is not None:
                        if base["givens"].get(gname, 0) < givens_max and gname < rendered_names:
                            base["givens"][gname] = base["givens"].get(gname, 0) + 1
                        else:
                            more_names = True
                    if more_names and add_names and gname < names_max:
                        base["names"] += 1
                        gname += 1
                    maxed = ((not add_names or gname == names_max)
                             and (givens_max is None or gname >= rendered_names
                                  or base["givens"].get(gname, 0) == givens_max))
                scan(current)
                rendered_names = base["names"]
                head = self.cache[current[0]]
                partners = [k for k in current if self.cache[k] == head]
                others = [k for k in current if self.cache[k] != head]
                clashes = [clashes[1], len(partners) - 1]


                if clashes[1] == 0 and len(others) == 1:
                    capture(gname)
                    settled[others[0]] = settled[partners[0]] = snapshot(better)
                    lists[0] = []
                elif clashes[1] == 0:
                    capture(gname)
                    settled[partners[0]] = snapshot(better)
                    lists[0] = others
                    init = bool(others)
                elif len(others) == 1:
                    capture(gname)
                    settled[others[0]] = snapshot(better)
                    lists[0] = partners
                elif clashes[1] < clashes[0]:
                    capture(gname)
                    lists[0] = partners
                    lists.append(others)
                elif maxed:
                    lists[0] = others
                    lists.append(partners)
                    if last:
                        for key in partners:
                            settled[key] = snapshot(better)
                        lists[0] = []
                if maxed and not last:
                    # the condition and year-suffix steps take over every list left
                    handover = [rest for rest in lists if rest]
                    for rest in handover:
                        for key in rest:
                            settled.setdefault(key, snapshot(better))
                    lists = [[]]
                elif maxed:
                    # citeproc-js empties the list after the current one (what it held keeps
                    # the settings it had)
                    if len(lists) > 1:
                        lists[1] = []
                    else:
                        lists.append([])
            lists = lists[1:]
        for key in group:
            apply([key], settled.get(key, snapshot(better)))
        if handover is not None:
            return handover, init
        left = [k for k in group if self.counts[self.cache[k]] > 1]
        return ([sorted(left, key=lambda k: (self._names_count(k), k))] if len(left) > 1 else []), True

    # step 3
    def _tests_met(self, key: str) -> tuple[int, int]:
        """(tests switched on, disambiguate="true" tests met) when the cite is rendered."""
        render_cite(self.layout, self.probes[key])
        return self.state.disambiguate_count, self.state.disambiguate_tests

    def extra_text(self, lists: list[list[str]], hold: bool = True) -> None:
        """Switch disambiguate="true" tests on one after another, as citeproc-js's disExtraText:
        level n turns on the first n tests a cite meets, and one level, raised scan after scan,
        serves the whole group. Each scan compares the first cite of a list with the others:
        a first cite no other matches keeps the level that told it apart and the others go on
        ('Smith, Book One' needs no edition when only 'Complete Works' is written twice); a
        level that splits the list without telling its first cite apart goes on with the
        clashing part, the rest waiting for it; a list whose cites all differ, or whose last
        cite has every test it meets on, ends at the level reached.
        ``hold``: the first scan is at level 0 (no names step ran before, or its last scan
        set citeproc-js's ``initGivens``)."""
        lists = [list(rest) for rest in lists]
        group = [key for rest in lists for key in rest]
        level = 0  # citeproc-js: base.disambiguate; hold is its initGivens
        scans = 0
        while lists:
            clashes = [1, 0]
            while lists[0]:
                scans += 1
                current = lists[0]
                if scans > 4 * len(group) + 64:  # cannot happen (each scan ends, raises or shortens)
                    self._register(current, True)
                    break
                if hold:
                    hold = False
                else:
                    level += 1
                self._register(current, level)
                first = current[0]
                partners = [first] + [k for k in current[1:] if self.cache[k] == self.cache[first]]
                others = [k for k in current[1:] if self.cache[k] != self.cache[first]]
                clashes = [clashes[1], len(partners) - 1]
                count, met = self._tests_met(current[-1])
                if clashes[1] == 0 and len(others) < 2 or level and count == met:
                    self._register(current, level)  # the list ends here
                    lists[0] = []
                    continue
                level = count
                if not level:
                    hold, level = True, 1
                elif clashes[1] == 0:
                    self._register([first], level)
                    lists[0] = others
                    hold = True
                elif len(others) == 1:
                    self._register(others, level)
                    lists[0] = partners
                elif clashes[1] < clashes[0]:
                    lists[0] = partners
                    lists.append(others)
            lists.pop(0)

    def _names_count(self, key: str) -> int:
        return max((len(names) for names in self.name_vars(key).values()), default=0)

    def _register(self, keys: list[str], level: bool | int) -> None:
        for key in keys:
            self.state.entry(key).condition = level
            self.refresh(key)

    def run(self, year_suffix: bool = True) -> None:
        el = self.citation_el
        add_names = _truthy(el, "disambiguate-add-names")
        add_given = _truthy(el, "disambiguate-add-givenname")
        rule = el.get("givenname-disambiguation-rule", "by-cite")
        suffix_on = _truthy(el, "disambiguate-add-year-suffix")
        add_suffix = year_suffix and suffix_on
        if add_given and rule != "by-cite" and year_suffix:  # document-wide: the first pass only
            self.global_givennames(rule)
            self.resort_bibliography()
        by_cite = add_given and rule == "by-cite"
        has_condition = bool(self.root.xpath("//*[@disambiguate='true']"))
        for group in self.ambiguous_groups():
            lists, hold = [sorted(group, key=lambda k: (self._names_count(k), k))], True
            if add_names or by_cite:
                lists, hold = self.increments(group, add_names, 2 if by_cite else None,
                                              last=not (suffix_on or has_condition))
            if not lists or suffix_on:
                continue  # year-suffixes tell these apart (as citeproc-js does): the condition stays off
            self.extra_text(lists, hold)
        if add_suffix:
            order = {k: i for i, k in enumerate(self.bib.keys)}
            for group in self.ambiguous_groups():
                for n, key in enumerate(sorted(group, key=lambda k: order.get(k, 0))):
                    self.bib.source[key]["year_suffix"] = String(year_suffix_letters(n))
        self.state.trial = None


def _sort_names(el, present: set[str], out: set[str]) -> bool:
    """Add to ``out`` the name variables a sort key renders for an item holding the ``present``
    ones (every branch of a choice counted; a substitute stops at its first ``cs:names`` that
    renders, not at a text or a choice, which may print nothing: an item without a title may
    go on to a translator); True when something was found that may render. The key is then
    rendered to see which names it really prints."""
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
        rendered = False
        for child in el:
            if isinstance(child.tag, str) and child.tag.endswith("}substitute"):
                for option in child:
                    if _sort_names(option, present, out):
                        if option.tag == el.tag:  # a cs:names of the item's names: it renders
                            return True
                        rendered = True  # a text or a choice may print nothing: go on
        return rendered
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


def _global_level(people: dict[str, set], name, cap: int, demote: str | None = None) -> int | None:
    """The given-name level a global rule gives ``name`` among the registered ``people``
    (family name -> {(given name, initials)}), None when it needs none."""
    if "literal" in name or not name.get("family"):
        return None
    givens = people.get(_family(name, demote), set())
    if len(givens) < 2 or is_cjk(name.get("family"), name.get("given")):
        return None
    given = name.get("given") or ""
    mine = _initials(given)
    own_key = _given_key(given)
    others = [init for key_, init in givens if key_ != own_key]
    if len({mine, *others}) < 2 and cap == 1:
        return None  # initials cannot tell these people apart
    return 1 if mine not in others else cap


def _namesakes(people: dict[str, set], lists, primary: bool, demote: str | None) -> set[str]:
    """The family names that more than one person (given name) bears among the registered
    ``people`` and the name ``lists`` (dicts of variable -> names) an entry may print: only
    an entry naming one of them can have its given names expanded."""
    givens = {family: {given for given, _initials in found} for family, found in people.items()}
    for entry in lists:
        for names in entry.values():
            for i, name in enumerate(names):
                if primary and i > 0:
                    break
                if "literal" not in name and name.get("family"):
                    givens.setdefault(_family(name, demote), set()).add(_given_key(name.get("given") or ""))
    return {family for family, found in givens.items() if len(found) > 1}


def _bibliography_name_variables(root) -> set[str]:
    """The name variables the bibliography's ``cs:names`` (in its layout and the macros it
    calls, substitutes included) can print (read once per style)."""
    found = root.__dict__.get("_cf_bib_name_variables")
    if found is not None:
        return found
    ns = {"cs": root.nsmap.get(None) or "http://purl.org/net/xbiblio/csl"}
    macros = {m.get("name"): m for m in root.xpath("cs:macro", namespaces=ns)}
    found, seen = set(), set()
    todo = [root.bibliography]
    while todo:
        el = todo.pop()
        for names in el.xpath(".//cs:names[@variable]", namespaces=ns):
            found.update(names.get("variable").split())
        for call in el.xpath(".//cs:text[@macro]", namespaces=ns):
            name = call.get("macro")
            if name not in seen and name in macros:
                seen.add(name)
                todo.append(macros[name])
    root.__dict__["_cf_bib_name_variables"] = found
    return found


def _family(name, demote: str | None = None) -> str:
    """The key citeproc-js's name registry files a family name under: the family name with
    periods as spaces, its particle left out ("von Neumann" is filed with "Neumann") unless
    the style never demotes non-dropping particles."""
    return _family_key(name.get("family") or "", name.get("non-dropping-particle") if demote == "never" else None)


@lru_cache(maxsize=65536)
def _family_key(family: str, particle: str | None) -> str:
    key = re.sub(r"\s+", " ", family.replace(".", " ")).rstrip()
    if particle and key:
        key = f"{key} {particle}"
    return key


@lru_cache(maxsize=65536)
def _given_key(given: str) -> str:
    """Given names compared without the spacing and periods of initials."""
    return re.sub(r"[\s.]+", "", given) if re.fullmatch(r"([A-Z]\.?\s*)+", given) else given


@lru_cache(maxsize=65536)
def _initials(given: str) -> str:
    """The initials citeproc-js's name registry files the name under: lower-case parts
    (Eun-ji) add none, a hyphen counts (``M.-C.`` is not ``M. C.``)."""
    return initials_key(given)


def disambiguate(loaded, bib, keys: list[str], state: EngineState) -> None:
    """Set per-item disambiguation overrides and year suffixes for the cited ``keys``.

    As citeproc-js does, a cite is tested for ambiguity in its subsequent, near-note form
    (``et-al-subsequent-*`` applied, ``position`` tests as for a later cite), whatever the
    positions it is cited in; the names, given names and conditions found apply to every
    form of the cite, and year-suffixes go to the cites that form leaves ambiguous.
    """
    if loaded.root.citation is None or not keys:
        return
    Disambiguator(loaded, bib, keys, state).run()


def position_dependent(root) -> bool:
    """Whether a cite's text can depend on its position: a ``position`` test, an
    ``et-al-subsequent-*`` option or ``first-reference-note-number`` anywhere in the style."""
    return bool(root.xpath(
        "//@position | //@et-al-subsequent-min | //@et-al-subsequent-use-first"
        " | //@*[contains(., 'first-reference-note-number')]"
    ))


__all__ = ["disambiguate", "ItemDisambiguation", "year_suffix_letters"]
