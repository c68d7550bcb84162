"""Name rendering (cs:name) to CSL 1.0.2, with the hooks disambiguation needs.

Replaces citeproc-py's ``Name.process``: particles and
``demote-non-dropping-particle``, suffixes and ``comma-suffix``, family-only
and given-only names, non-Latin (CJK) names, ``initialize``/``initialize-with``
with hyphenated given names, every ``delimiter-precedes-*`` value,
``et-al-use-last``, ``et-al-subsequent-*`` for subsequent cites, and per-cite
overrides set by disambiguation (names shown, given-name expansion).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from citeproc import model

from . import cache
from . import markup as m
from .subsequent import substitute_names
from .textcase import _style_language

_UPPER_START = re.compile(r"^\W*[^\W\d_]")
_UNSET = object()
_SETTINGS = ("settings",)  # NameRenderer.name_settings in the options table
_LIST = ("list",)  # NameRenderer._list_options in the options table


@functools.cache
def _cjk() -> re.Pattern[str]:
    """Compiled on first use: its character class costs milliseconds at every start-up."""
    return re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def is_cjk(*parts: str | None) -> bool:
    for part in parts:
        if part and not part.isascii() and _cjk().search(part):
            return True
    return False


_ROMANESQUE = re.compile(
    "[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff"
    "\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218-\u021b\u202a-\u202e]"
)
# citeproc-js's STARTSWITH_ROMANESQUE_REGEXP: an "and" or et-al term starting otherwise (CJK, the
# Hebrew vav) is written against the names, without the spaces around it
_STARTS_ROMANESQUE = re.compile(
    "^[&a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff"
    "\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218-\u021b\u202a-\u202e]"
)


def _cjk_item(item) -> bool:
    """An item whose ``language`` starts with ``ja`` or ``zh`` (``zh-CN``, ``zho``, but not ``jpn``
    or ``chi``): citeproc-js prints its Latin-script names family first, as CJK names."""
    try:
        language = item.reference.get("language")
    except AttributeError:
        return False
    return cjk_language(language)


def cjk_language(language) -> bool:
    """Whether an item's ``language`` is Japanese or Chinese as citeproc-js reads it (``ja``,
    ``zh-CN``, ``zho``; not ``jpn``, ``chi`` or "Japanese")."""
    return bool(language) and str(language)[:2] in ("ja", "zh")


def _by_cite_givennames(element) -> bool:
    """Whether the style adds given names to disambiguate under the by-cite rule."""
    root = element.get_root()
    found = root.__dict__.get("_cf_by_cite_givennames")
    if found is None:
        citation = getattr(root, "citation", None)
        found = citation is not None and (
            str(citation.get("disambiguate-add-givenname", "false")).lower() == "true"
            and citation.get("givenname-disambiguation-rule", "by-cite") == "by-cite")
        root.__dict__["_cf_by_cite_givennames"] = found
    return found


def _richer(levels: dict, more: dict | None) -> dict:
    """The given-name levels of ``levels`` raised to those of ``more``."""
    if not more:
        return levels
    out = dict(levels)
    for i, level in more.items():
        out[i] = max(out.get(i, 0), level)
    return out


def initials_key(given: str) -> str:
    """The initials under which citeproc-js's name registry files a given name (its ``ikey``):
    periods read as spaces, and a hyphen kept, so that ``M. C.`` and ``Marie-Claire``
    (``M C``, ``M-C``) are not one person's initials."""
    given = " ".join(given.replace(".", " ").split())
    return initialize(re.sub(r"\s*-\s*", "-", given), " ", True)


def _namesake_key(name, demote: str) -> tuple[str, str, str]:
    """(family name, initials, given name) as citeproc-js registers a person: periods are
    spaces, the initials are its :func:`initials_key`, and the non-dropping particle is left
    out of the family name (John von Neumann is filed with Jessica Neumann) unless the style
    never demotes it (then it follows: ``Neumann von``)."""
    family = " ".join(str(name.get("family") or "").replace(".", " ").split())
    particle = name.get("non-dropping-particle")
    if particle and family and demote == "never":
        family = f"{family} {particle}"
    given = " ".join(str(name.get("given") or "").replace(".", " ").split())
    return family, initials_key(given), given


def section_of(element) -> str:
    """'citation' or 'bibliography': which section the element renders for."""
    section = _enclosing_section(element)
    return "citation" if section is None else section.tag.rsplit("}", 1)[-1]


def _enclosing_section(element):
    """The cs:citation or cs:bibliography holding the element (or None).

    Remembered in the element: elements of a parsed style never move.
    """
    d = getattr(element, "__dict__", None)
    if d is not None:
        found = d.get("_cf_section_element", _UNSET)
        if found is not _UNSET:
            return found
    node = element
    while node is not None:
        tag = node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""
        if tag in ("citation", "bibliography"):
            break
        node = node.getparent()
    if d is not None:
        d["_cf_section_element"] = node
    return node


def _opens_lower(given: str) -> bool:
    """Whether a given name's first word is not one citeproc-js initialises (it opens with a
    lower-case letter or a digit: ``de la Cruz``)."""
    plain = m.strip_tokens(given).lstrip()
    return bool(plain) and (plain[0].islower() or plain[0].isdigit())


def _initial_part(part: str) -> bool:
    return bool(part) and part[0].isalpha() and not part[0].islower()


_TOKEN = re.compile(r"([^\s.]+)(\.?)")
_LETTERS = re.compile(r"[^\W\d_]*")


def _initial(word: str) -> str:
    """A word's initial: its first letter, with the capitals right after it when lower-case
    letters follow them ('TSerendorjiin' -> 'Ts', 'JOhn' -> 'Jo', but 'JOHN' -> 'J'), as
    citeproc-js writes the initials of transliterated digraphs."""
    rest = _LETTERS.match(word, 1).group()
    capitals = next((k for k, c in enumerate(rest) if not c.isupper()), len(rest))
    return word[0] + (rest[:capitals].lower() if capitals < len(rest) else "")


def initialize(given: str, mark: str, hyphen: bool, initialize_names: bool = True) -> str:
    """Initials of a given name, following citeproc-js.

    Single letters are initials ('M.E' -> 'M. E.'); a word written with a
    period is an abbreviation kept as written ('Ph.', 'Me.'); other words are
    reduced to their first letter when ``initialize`` is true ('John' -> 'J.',
    'ME' -> 'M.') and kept otherwise.  Hyphenated names keep the hyphen
    ('Jean-Paul' -> 'J.-P.') unless ``initialize-with-hyphen`` is false; a
    lower-case part after a hyphen is dropped ('Eun-ji' -> 'E.'); lower-case
    words (particles) stay; scripts without letter case are initialised too.
    """
    if given in ("Lord", "Lady"):  # titles citeproc-js never initialises
        return given
    out: list[tuple[str, str]] = []  # (text, what follows it)
    if not hyphen:  # 'Eun-ji' reads as two words: 'E ji'
        given = given.replace("-", " ")
    for chunk in given.split():
        parts = [p for p in chunk.split("-") if p.strip(".")]
        if len(parts) > 1:
            if not initialize_names and not all(len(p.rstrip(".")) == 1 for p in parts):
                out.append((chunk, " "))
                continue
            letters = [_initial(p.strip(".")) for k, p in enumerate(parts) if k == 0 or _initial_part(p.strip("."))]
            if hyphen and len(letters) > 1 and initialize_names:  # kept initials lose the hyphen
                out.append(((mark.rstrip() + "-").join(letters) + mark.rstrip(), " " if mark.endswith(" ") else ""))
            else:
                out.extend((letter, mark) for letter in letters)
            continue
        for word, period in _TOKEN.findall(chunk):
            if len(word) == 1 and word.isalpha():
                out.append((word, mark))
            elif period:
                out.append((word, mark))  # an abbreviation such as 'Ph.'
            elif not _initial_part(word):
                out.append((word, " "))  # a particle
            elif initialize_names:
                out.append((_initial(word), mark))
            else:
                out.append((word, " "))
    text = ""
    for piece, follow in out:
        if follow == " " and text and not text.endswith(" "):
            text += " "  # a whole word never runs into the initials before it
        text += piece + follow
    return re.sub(r"\s+", " ", text).strip()


_WORD_SPLIT = re.compile(r"(\s+|-)")


_INITIALS: dict[tuple[str, str, bool, bool], str] = {}
_INITIALS_MAX = 20000  # distinct given names remembered (the table is emptied when full)


def initialize_marked(given: str, mark: str, hyphen: bool, initialize_names: bool = True) -> str:
    """:func:`initialize` for a given name with markup: an initial keeps its word's markup.

    Memoised: the same given names come back for every cite, entry and sort key of an item.
    """
    if not cache.ENABLED:
        return _initialize_marked(given, mark, hyphen, initialize_names)
    key = (given, mark, hyphen, initialize_names)
    text = _INITIALS.get(key)
    if text is None:
        if len(_INITIALS) >= _INITIALS_MAX:
            _INITIALS.clear()
        text = _INITIALS[key] = _initialize_marked(given, mark, hyphen, initialize_names)
    return text


def _initialize_marked(given: str, mark: str, hyphen: bool, initialize_names: bool) -> str:
    plain = m.strip_tokens(given)
    result = initialize(plain, mark, hyphen, initialize_names)
    if plain == given:
        return result
    words = [w for w in _WORD_SPLIT.split(given.strip()) if w and not _WORD_SPLIT.fullmatch(w)]
    pieces = _WORD_SPLIT.split(result)
    slots = [i for i, p in enumerate(pieces) if p and not _WORD_SPLIT.fullmatch(p)]
    if len(slots) != len(words):
        return result
    for index, word in zip(slots, words, strict=True):
        bare = m.strip_tokens(word)
        lead = word[: len(word) - len(word.lstrip("".join(m.ALL_TOKENS)))]
        tail = word[len(word.rstrip("".join(m.ALL_TOKENS))):] if bare else ""
        pieces[index] = lead + pieces[index] + tail
    return "".join(pieces)


class NameRenderer:
    """Renders one name list for a ``cs:name`` element and an item."""

    def __init__(self, element, item, variable: str, context, sort_options: dict | None):
        self.el = element
        self.item = item
        self.variable = variable
        self.context = context if context is not None else element
        self.state = state = getattr(element.get_root(), "engine_state", None)
        self.sort_options = sort_options or (state.sort_options if state is not None else None) or {}
        self.section = state.section if state is not None else section_of(self.context)
        self.options = self._options_table()
        self._cjk_item: bool | None = None  # whether the item is Japanese or Chinese, once asked

    def opt(self, name: str) -> Any:
        if name in self.sort_options:
            return self.sort_options[name]
        options = self.options
        value = options.get(name, _UNSET)
        if value is _UNSET:
            value = options[name] = self._style_option(name)
        return value

    def _style_option(self, name: str) -> Any:
        """The option as the style sets it: on cs:name, else inherited, else the default."""
        value = self.el.get(name)
        if value is not None:
            return value
        # inheritable name options may sit on cs:citation/cs:bibliography or cs:style
        section = self._section_element()
        key = "name-" + name if name in ("form", "delimiter") else name
        for holder in (section, self.el.get_root()):
            if holder is not None and holder.get(key) is not None:
                return holder.get(key)
        return model.CitationStylesElement._default_options.get(key, None)

    def _options_table(self) -> dict:
        """Memo of the style's answers for this cs:name in this section.

        The answers depend only on the style tree, so they live in the element's own
        ``__dict__`` (one table per enclosing cs:citation/cs:bibliography) and are
        computed once per style, whatever the item.
        """
        tables = self.el.__dict__.get("_cf_name_options")
        if tables is None:
            tables = self.el.__dict__["_cf_name_options"] = {}
        section = self._section_element()
        table = tables.get(section)
        if table is None:
            table = tables[section] = {}
        return table

    def _section_element(self):
        return _enclosing_section(self.context)

    def overrides(self) -> dict:
        state = self.state
        if state is None:
            return {}
        if self.sort_options:
            # citeproc-js renders a sort key with the given names its name registry asks for
            # under a document-wide givenname-disambiguation-rule ("Colombo, Seán" before
            # "Colombo, Susan"), never with the by-cite given names of a cite (an ASA cite
            # "J. Walker" is keyed "Walker"), nor with the names disambiguation added to a
            # cite (its getSortKeys renders with disambig_override: "Lloyd-Webber, Becker, &
            # Øberg" is keyed "Lloyd-Webber")
            if not _global_givennames(self.el.get_root()):
                return {}
            return {"given": state.name_overrides(self.item).get("given") or {}}
        # citeproc-js shows the names and the given names a cite needed for disambiguation
        # in its entry too (a name's form there is the richer of the entry's and the cite's)
        return state.name_overrides(self.item)

    def render(self):
        names = list(self.item.reference.get(self.variable, []))
        cut_short = bool(names) and bool(names[-1].get("_others"))
        names = [n for n in names if not n.get("_others")]
        if not names:
            return None
        form, et_al_min, use_first, sub_min, sub_first, use_last = self._list_options()
        position = getattr(self.item, "get", lambda *_: None)("_position")
        if self.section == "citation" and position and position != "first" and not self.sort_options:
            if sub_min:
                et_al_min = int(sub_min)
            if sub_first:
                use_first = int(sub_first)
        over = self.overrides()
        truncate = et_al_min and len(names) >= et_al_min and len(names) > use_first
        if cut_short and not truncate:  # the list names only the first authors: et al. follows
            truncate, use_first = True, len(names)
        state = self.state
        # citeproc-js keeps the names disambiguation added per name list by its place among
        # the lists the cite prints: only the first list printed takes them (MLA's entry:
        # "Smith, Jones, et al." for the authors, "edited by Lee et al." for the editors)
        first_list = state is None or self.sort_options or not state.shown_names
        if over.get("names") is not None and truncate and first_list:
            use_first = max(use_first, over["names"])
            truncate = len(names) > use_first
        shown = names[:use_first] if truncate else names
        if state is not None:
            if not self.sort_options:
                state.shown_names.append((self.variable, len(shown)))
            elif state.sort_names is not None:
                state.sort_names.add(self.variable)
        if form == "count":
            return len(shown)
        key = self.variable.replace("-", "_")  # (disambiguation keys name lists as the item does)
        levels = over.get("given", {}).get(key, {})
        if self.section == "bibliography" and not self.sort_options:
            if _by_cite_givennames(self.el):
                levels = self._entry_namesakes(names, shown, levels)
            elif state is not None and state.bib_given:
                levels = _richer(levels, state.bib_given.get(self.item.key, {}).get(key))
        if self.sort_options and state is not None and state.level_reads is not None:
            # which given-name levels this sort key's text depends on (sorting.py keeps the text)
            read = range(len(shown)) if not (truncate and use_last) else [*range(len(shown)), len(names) - 1]
            state.level_reads.append((key, form, self.name_settings()[0] is not None,
                                      tuple((i, levels.get(i, 0)) for i in read)))
        rendered = [self.one(name, i, form, levels.get(i, 0)) for i, name in enumerate(shown)]
        if not any(rendered):
            return None
        if state is not None and state.ambiguity_probe:
            # citeproc-js tests ambiguity on a cite whose name list starts from its first name
            # alone: a name printing nothing (no family part in a short form) still tells its
            # cite apart ("Prince and Núñez", printed "Núñez", is not ambiguous with "Núñez")
            rendered = [r or "\u2205" for r in rendered]
        else:
            rendered = [r for r in rendered if r]
        replaced, whole = (substitute_names(self, shown, rendered)  # (only an entry's names)
                           if self.section == "bibliography" and not self.sort_options else (None, None))
        if whole is not None:
            return m.Marked(self.decorate(whole))
        if replaced is not None:
            rendered = replaced
        rendered = [self.decorate(r) for r in rendered]
        delimiter = self.opt("delimiter") or ", "
        if truncate:
            if use_last and use_first + 2 <= len(names):
                last = self.decorate(self.one(names[-1], len(names) - 1, form, levels.get(len(names) - 1, 0)))
                return m.Marked(delimiter.join(rendered) + delimiter + "\u2026 " + last)
            # a sort key never shows "et al." (citeproc-js), names-min or not
            et_al = "" if self.sort_options.get("_sort_key") else self.et_al()
            if not et_al:
                return m.Marked(delimiter.join(rendered))
            dpe = self.opt("delimiter-precedes-et-al") or "contextual"
            inverted = self.inverted(len(shown) - 1, shown)
            use_delim = (
                dpe == "always"
                or (dpe == "contextual" and len(rendered) >= 2)
                or (dpe == "after-inverted-name" and inverted)
            )
            space = " " if _STARTS_ROMANESQUE.match(self.et_al_term()) else ""
            return m.Marked(delimiter.join(rendered) + (delimiter if use_delim else space) + et_al)
        return m.Marked(self.join_and(rendered, delimiter, shown))

    def _list_options(self) -> tuple:
        """What :meth:`render` reads of the style for a list, whatever the item: the form,
        et-al-min (0 when no et-al-use-first is set: it then shortens nothing, as in
        citeproc-js), et-al-use-first, the et-al-subsequent-min and -use-first as written, and
        et-al-use-last. Kept with the style's other answers when no sort key's options apply."""
        if not self.sort_options:
            found = self.options.get(_LIST)
            if found is not None:
                return found
        form = self.opt("form") or "long"
        et_al_min = int(self.opt("et-al-min") or 0)
        use_first = int(self.opt("et-al-use-first") or 1)
        if self.sort_options.get("et-al-use-first") is None and self.el.get("et-al-use-first") is None \
                and self._inherited("et-al-use-first") is None:
            et_al_min = 0
        sub_min = self.el.get("et-al-subsequent-min") or self._inherited("et-al-subsequent-min")
        sub_first = self.el.get("et-al-subsequent-use-first") or self._inherited("et-al-subsequent-use-first")
        use_last = str(self.opt("et-al-use-last")).lower() == "true"
        found = (form, et_al_min, use_first, sub_min, sub_first, use_last)
        if not self.sort_options:
            self.options[_LIST] = found
        return found

    def _entry_namesakes(self, names: list, shown: list, levels: dict) -> dict:
        """Full given names for two persons of one entry who share family name and initials
        (an author Hiroshi Fisher edited by Hans Fisher: ``Edited by Hans Fisher``).

        citeproc-js's by-cite rule keeps a register of names per item: every name its cite and
        its sort keys print (the whole first name list), then every name its entry prints, in
        order; a name is printed in full when the register holds another given name with the
        same family name and initials at the time it is printed, unless the cite's
        disambiguation gave it a given-name level (``M. Kelly et al.``: ``Kelly, M.``).
        """
        state = self.state
        if state is None:
            return levels
        seen = state.entry_names
        first_list = not seen
        demote = (self.el.get_root().get("demote-non-dropping-particle") or "display-and-sort").lower()
        register = names if first_list else shown
        added = {}
        for i, name in enumerate(register):
            if "literal" not in name and name.get("family") and name.get("given"):
                added[i] = _namesake_key(name, demote)
        if first_list:
            seen.extend(added.values())
        levels = dict(levels)
        for i in range(len(shown)):
            key = added.get(i)
            if key is None:
                continue
            if not first_list:
                seen.append(key)
            if levels.get(i, 0) >= 1:
                continue  # a level the cite's disambiguation gave is kept as it is ('Kelly, M.')
            if any(k[0] == key[0] and k[1] == key[1] and k[2] != key[2] for k in seen):
                levels[i] = 2
        return levels

    def decorate(self, text: str) -> str:
        """The cs:name element's font decorations, on each name apart (not on delimiters, "and"
        or et-al), as citeproc-js renders them."""
        return str(self.el.format(text)) if text else text

    def _inherited(self, name: str):
        options = self.options
        key = ("inherited", name)
        value = options.get(key, _UNSET)
        if value is _UNSET:
            value = None
            section = self._section_element()
            for holder in (section, self.el.get_root()):
                if holder is not None and holder.get(name) is not None:
                    value = holder.get(name)
                    break
            options[key] = value
        return value

    def name_settings(self) -> tuple:
        """What :meth:`one` reads for every name, read once per renderer: ``initialize-with``,
        ``initialize``, ``initialize-with-hyphen``, ``demote-non-dropping-particle``,
        whether all names or the first are inverted, and the sort separator."""
        settings = self.__dict__.get("_settings")
        if settings is None and not self.sort_options:
            # the style's answers alone (no sort key's options): kept with its other options
            settings = self.__dict__["_settings"] = self.options.get(_SETTINGS)
        if settings is None:
            root = self.el.get_root()
            hyphen = str(root.get("initialize-with-hyphen", "true")).lower() == "true"
            demote = (root.get("demote-non-dropping-particle") or "display-and-sort").lower()
            if self.sort_options and self.sort_options.get("_sort_key"):
                inverted_all = inverted_first = True
                if demote == "sort-only":
                    demote = "display-and-sort"  # in a sort key the particle goes after the given name
            else:
                nso = self.opt("name-as-sort-order")
                long_form = (self.opt("form") or "long") == "long"
                inverted_all = long_form and nso == "all"
                inverted_first = long_form and nso in ("all", "first")
            sep = self.opt("sort-separator")
            settings = self.__dict__["_settings"] = (
                self.opt("initialize-with"),
                str(self.opt("initialize") or "true").lower() != "false",
                hyphen,
                demote,
                inverted_all,
                inverted_first,
                ", " if sep is None else sep,
            )
            if not self.sort_options:
                self.options[_SETTINGS] = settings
        return settings

    def join_and(self, rendered: list[str], delimiter: str, shown: list) -> str:
        and_ = self.opt("and")
        if len(rendered) == 1:
            return rendered[0]
        if not and_:
            return delimiter.join(rendered)
        term = self.el.get_single_term(name="and") if and_ == "text" else "&"
        dpl = self.opt("delimiter-precedes-last") or "contextual"
        if not _STARTS_ROMANESQUE.match(str(term)):
            # no spaces around the term; the delimiter only where citeproc-js puts one before it
            before = (dpl == "always" and len(rendered) == 2) or (
                dpl == "after-inverted-name" and self.inverted(len(shown) - 2, shown))
            return delimiter.join(rendered[:-1]) + (delimiter if before else "") + f"{term}" + rendered[-1]
        use_delim = (
            dpl == "always"
            or (dpl == "contextual" and len(rendered) > 2)
            or (dpl == "after-inverted-name" and self.inverted(len(shown) - 2, shown))
        )
        if len(shown) == len(rendered) and "literal" in shown[-1]:
            # a last institution is joined as citeproc-js's cs:institution joins it, whose
            # delimiter-precedes-last is inherited from the style, citation or bibliography,
            # never cs:name's: 'Rogers, J., Banksy, & GBD' under Nature's "never"
            inherited = self._inherited("delimiter-precedes-last") or "contextual"
            use_delim = inherited != "never" if len(rendered) > 2 else inherited == "always"
            if dpl == "after-inverted-name" and self.inverted(len(shown) - 2, shown):
                use_delim = True
        head = delimiter.join(rendered[:-1])
        return head + (delimiter if use_delim else " ") + f"{term} " + rendered[-1]

    def family_first(self, name) -> bool:
        """A Latin-script name of a Japanese or Chinese item: family name, then given name."""
        cjk = self._cjk_item
        if cjk is None:  # (the item's language: the same for every name of the list)
            cjk = self._cjk_item = _cjk_item(self.item)
        if not cjk:
            return False
        family = name.get("family") or ""
        return bool(_ROMANESQUE.search(family.replace('"', "")))

    def inverted(self, index: int, names: list | None = None) -> bool:
        if names is not None and 0 <= index < len(names):
            name = names[index]
            if ("literal" in name or not name.get("family") or is_cjk(name.get("family"), name.get("given"))
                    or self.family_first(name)):
                return False
        nso = self.opt("name-as-sort-order")
        form = self.opt("form") or "long"
        return form == "long" and (nso == "all" or (nso == "first" and index == 0))

    def et_al_element(self):
        """The cs:et-al after the cs:name, if any (looked for once: a style's tree never changes
        there)."""
        d = self.el.__dict__
        el = d.get("_cf_et_al", _UNSET)
        if el is _UNSET:
            el = self.el.getnext()
            while el is not None and not (isinstance(el.tag, str) and el.tag.endswith("}et-al")):
                el = el.getnext()
            d["_cf_et_al"] = el
        return el

    def et_al(self) -> str:
        el = self.et_al_element()
        if el is not None:
            term = self.el.get_single_term(name=el.get("term", "et-al"))
            return el.render() if term else ""
        return str(self.el.get_single_term(name="et-al") or "")

    def et_al_term(self) -> str:
        """The et-al term's text, unformatted."""
        el = self.et_al_element()
        name = el.get("term", "et-al") if el is not None else "et-al"
        return str(self.el.get_single_term(name=name) or "")

    def part_el(self, which: str):
        parts = self.el.__dict__.get("_cf_name_parts")
        if parts is None:
            parts = {}
            for part in self.el.findall("cs:name-part", self.el.nsmap):
                parts.setdefault(part.get("name"), part)
            self.el.__dict__["_cf_name_parts"] = parts
        return parts.get(which)

    def fmt_part(self, which: str, text: str) -> str:
        part = self.part_el(which)
        if part is None or not text:
            return text
        return str(part.wrap(part.format(part.case(model.String(text)) if part.get("text-case") else text)))

    def particle_space(self, in_sort_key: bool = False) -> str:
        """Between a non-dropping particle and the family name: a no-break space in French,
        Russian and Czech output (as citeproc-js), else a space."""
        if self.sort_options and not in_sort_key:
            return " "
        space = self.__dict__.get("_particle_space")
        if space is None:  # (the output language: the same for every name of the list)
            space = self._particle_space = (
                "\u00a0" if _output_language(self.el)[:2].lower() in ("fr", "ru", "cs") else " "
            )
        return space

    def ndp_family(self, ndp: str, family: str) -> str:
        if not ndp:
            return family
        if self.sort_options.get("_sort_key"):
            # a sort key keeps the particle a word of its own: 'al- Khwarizmi' sorts before
            # 'al Khwarizmi' and both before 'al-Farabi' (a name not parsed), as in citeproc-js;
            # in French, Russian and Czech its no-break space, which collation ignores, joins
            # them ('de la\u00a0Mesa' before 'de\u00a0Kerckhove': "de|lamesa" < "dekerckhove")
            joined = ndp.endswith(("'", "\u2019", "-")) or ndp[-1:].isspace()
            space = " " if joined else self.particle_space(in_sort_key=True)
            return f"{ndp.rstrip()}{space}{family}"
        if ndp.endswith(("'", "\u2019", "-")) or ndp[-1:].isspace():
            return _join_particle(ndp + " " + family)
        return ndp + self.particle_space() + family

    def deco(self, which: str, text: str) -> str:
        """A name-part's font decorations and text-case on ``text``, without its affixes."""
        part = self.part_el(which)
        if part is None or not text:
            return text
        return str(part.format(part.case(model.String(text)) if part.get("text-case") else text))

    def fmt_family(self, dp: str, ndp: str, family: str, suffix: str = "", suffix_sep: str = " ") -> str:
        """The family name-part in display order, as citeproc-js renders it: the family part's
        decorations and text-case on the non-dropping particle and on the family name apart, the
        given part's on the dropping particle, the family part's affixes around them all and the
        suffix."""
        sort_key = bool(self.sort_options.get("_sort_key"))
        fam = self.deco("family", family)
        if not dp and not ndp:  # (most names: no particle, no space to choose)
            text = fam
            if suffix:
                text += suffix_sep + suffix
            part = self.part_el("family")
            return str(part.wrap(text)) if part is not None else text
        space = self.particle_space(in_sort_key=sort_key)
        if dp and family and not ndp and dp[-1:] in ("'", "\u02bc", "\u2019", "-") and dp[:-1] != "de":
            fam, dp = self.deco("given", dp) + fam, ""  # d'Aubignac
        if sort_key:
            ndp = ndp.rstrip()  # a sort key keeps the particle a word of its own (citeproc-js)
        if ndp[-1:] in ("'", "\u2019", "-", " ") and not sort_key:
            text = self.deco("family", ndp) + fam
            if dp:
                text = self.deco("given", dp) + space + text
        else:
            text = space.join(p for p in (self.deco("given", dp), self.deco("family", ndp), fam) if p)
        if suffix:
            text += suffix_sep + suffix
        part = self.part_el("family")
        return str(part.wrap(text)) if part is not None else text

    def fmt_given(self, given: str, dp: str, ndp: str) -> str:
        """The given name-part of an inverted name with the particles moved after it: the given
        part's decorations and text-case on the given name and the dropping particle apart, the
        family part's on a demoted non-dropping particle, the given part's affixes around them
        all (as citeproc-js renders them)."""
        if not dp and not ndp:
            return self.fmt_part("given", given)
        text = " ".join(p for p in (self.deco("given", given), self.deco("given", dp), self.deco("family", ndp)) if p)
        part = self.part_el("given")
        return str(part.wrap(text)) if part is not None else text

    def one(self, name, index: int, form: str, level: int) -> str:
        if "literal" in name:
            return self.fmt_part("family", str(name["literal"]))
        given = name.get("given") or ""
        family = name.get("family") or ""
        dp = name.get("dropping-particle") or ""
        ndp = name.get("non-dropping-particle") or ""
        suffix = name.get("suffix") or ""
        if not family:
            # a name with a given name only has no short form: citeproc-js leaves it out
            # (given names added to tell cites apart print it: "Prince et al.")
            return "" if form == "short" and level == 0 else self.fmt_part("given", given)
        if ((not family.isascii() or not given.isascii()) and is_cjk(family, given)) or name.get("_static"):
            # family name first, never initialised; CJK names run together without a space
            if form == "short" and level == 0:
                return self.fmt_part("family", family)
            if not is_cjk(family, given):
                return " ".join(p for p in (family, given) if p)
            return self.fmt_part("family", family) + (self.fmt_part("given", given) if given else "")
        init_with, do_init, hyphen, demote, inverted_all, inverted_first, sep = (
            self.__dict__.get("_settings") or self.name_settings())
        if form == "short" and level >= 1:
            form = "long"
            if level >= 2:
                init_with = None
        elif form == "long" and level >= 2 and init_with is not None:
            init_with = None
        if given and init_with is not None:
            lead = do_init and self.sort_options.get("_sort_key") and _opens_lower(given)
            given = initialize_marked(given, init_with, hyphen, do_init)
            if init_with.endswith(" ") is False:
                given = given.rstrip()
            if lead:
                # citeproc-js initialises a given name opening with a lower-case word with a
                # space in front (' de la C.'); we print one space (a deliberate difference),
                # but its sort key counts each space: 'Olsen  de la C.' sorts before 'Olsen Ch.'
                given = " " + given
            if "." not in init_with and suffix:
                suffix = suffix.replace(".", "")  # initials without periods: 'King ML Jr'

        if form == "short":
            if ndp and self.family_first(name):  # spaced off as in the long form below
                # (never demoted: citeproc-js keeps a family-first name's particle in front)
                space = self.particle_space(in_sort_key=bool(self.sort_options.get("_sort_key")))
                return self.fmt_part("family", f"{ndp.rstrip()}{space}{family}")
            if self.sort_options.get("_sort_key") and demote in ("sort-only", "display-and-sort"):
                return self.fmt_part("family", " ".join(p for p in (family, ndp) if p))
            return self.fmt_part("family", self.ndp_family(ndp, family))
        if self._cjk_item is not False and self.family_first(name):
            # citeproc-js: family name (with its particle) and given name, no dropping particle or
            # suffix; a particle ending in an apostrophe or hyphen is spaced off too ('al- Khwarizmi')
            space = self.particle_space(in_sort_key=bool(self.sort_options.get("_sort_key")))
            fam = self.fmt_part("family", f"{ndp.rstrip()}{space}{family}" if ndp else family)
            return " ".join(p for p in (fam, self.fmt_part("given", given)) if p)
        if inverted_all or (inverted_first and index == 0):
            if demote == "display-and-sort":
                fam = self.fmt_part("family", family)
                giv = self.fmt_given(given, dp, ndp.strip())
            elif dp and self.sort_options.get("_sort_key"):
                # citeproc-js's sort key when particles are never demoted: the dropping
                # particle follows the family name ('Rijn van R.' sorts after 'Rijn R.')
                fam = f"{self.fmt_family('', ndp, family)} {dp}"
                giv = self.fmt_part("given", given)
            else:
                fam = self.fmt_family("", ndp, family)
                giv = self.fmt_given(given, dp, "")
            parts = [p for p in (fam, giv, suffix) if p]
            return sep.join(parts)
        giv = self.fmt_part("given", given)
        fam = self.fmt_family(dp, ndp, family, suffix, ", " if name.get("_comma_suffix") else " ")
        return giv + fam if giv[-1:].isspace() else " ".join(p for p in (giv, fam) if p)


def level_effect(form: str, initialized: bool, level: int) -> int:
    """What a given-name ``level`` changes in :meth:`NameRenderer.one` for a name printed in
    ``form`` (``initialized``: the style gives ``initialize-with``): names rendered at two
    levels with the same effect print the same. Kept in step with ``one``: a short form turns
    long from level 1 on, and a long form drops its initials from level 2 on."""
    if form == "short":
        return 0 if level < 1 else 2 if level >= 2 and initialized else 1
    if form == "long":
        return 2 if level >= 2 and initialized else 0
    return 0


def _global_givennames(root) -> bool:
    """Whether the style adds given names by a document-wide rule (not ``by-cite``); read once."""
    found = root.__dict__.get("_cf_global_givennames")
    if found is None:
        citation = root.find("cs:citation", root.nsmap)
        found = citation is not None and (
            str(citation.get("disambiguate-add-givenname", "false")).lower() == "true"
            and citation.get("givenname-disambiguation-rule", "by-cite") != "by-cite"
        )
        root.__dict__["_cf_global_givennames"] = found
    return found


def _output_language(element) -> str:
    return _style_language(element)


def _join_particle(text: str) -> str:
    """Particles ending in an apostrophe or a hyphen (d', al-) attach to the family name."""
    return re.sub(r"(['\u2019]|(?<=\w)-) ", r"\1", text)


class Name(model.Name):
    def render(self, item, variable, context=None, sort_options=None, **kwargs):
        out = NameRenderer(self, item, variable, context, sort_options).render()  # (= process)
        if isinstance(out, int) or not out:
            return out if isinstance(out, int) else None
        return self.wrap(out)  # decorations went on each name (NameRenderer.decorate)

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        return NameRenderer(self, item, variable, context, sort_options).render()
