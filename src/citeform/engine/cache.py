"""Memoised style-tree look-ups: the same answers citeproc-py computes, computed once.

citeproc-py answers the same questions about a style again and again while it renders:
the macro called ``name`` (an XPath search from the root), whether a node calls a
variable (a walk of its subtree and of every macro it calls), the enclosing layout, a
term or a locale option (XPath searches through the locale chain). The answers depend
only on the parsed style and its locale chain, never on the item being rendered, so
:class:`CachedLookups` stores them:

* per element (``xpath_search``, ``get_layout``, ``calls_variable``, ``get_root``),
  in the element's own ``__dict__``; :func:`keep_alive` holds a reference to every
  element of the style and its locales so that lxml keeps handing out the same Python
  objects and those caches survive;
* per style root (``get_macro``, ``get_term``, ``get_date``, ``get_locale_option``),
  keyed by every argument and dropped whenever the root's locale list is replaced.

Nothing that depends on an item, a citation or the output format is cached (terms are
cached as elements, formatted on every use). The mixin is put in front of every
element class by :func:`cached_class`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from citeproc import model
from citeproc.string import String, join

from . import compiled
from .compiled import children_fns, run_children
from .groups import following

ENABLED = True  # False only inside :func:`disabled`
# Clears of caches kept above this module (the loader's parsed styles), registered by their
# owners so that this module needs nothing from them.
_CLEARS: list[Callable[[], None]] = []

_MISSING = object()
_ROOT_CACHES = "_cf_root_caches"


def _memo(element) -> dict:
    """The element's own memo table (created on first use)."""
    d = element.__dict__
    memo = d.get("_cf_memo")
    if memo is None:
        memo = d["_cf_memo"] = {}
    return memo


def _root_cache(root, kind: str) -> dict:
    """One of the root's look-up tables, valid for its current locale list."""
    d = root.__dict__
    tables = d.get(_ROOT_CACHES)
    locales = d.get("locales")
    if tables is None or tables[0] is not locales:
        tables = d[_ROOT_CACHES] = (locales, {})
    return tables[1].setdefault(kind, {})


def root_table(root, kind: str) -> dict:
    """A table of answers read from the style ``root`` and its locales, valid for its current
    locale list (its terms': see ``CachedLookups.get_term``)."""
    return _root_cache(root, kind)


# a child never added to a parsed style (only a missing cs:name is): its absence is kept too
_NEVER_ADDED = frozenset(("label",))


class CachedLookups:
    """Mixin for citeproc-py element classes: memoised structural look-ups."""

    def get_root(self):
        d = self.__dict__
        root = d.get("_cf_root")
        if root is None:
            root = d["_cf_root"] = self.getroottree().getroot()
        return root

    def __getattr__(self, name):
        """citeproc-py's child look-up (``layout.sort``, ``names.name``), remembered once found:
        children are added to a style (a missing ``cs:name``) but never taken away. A missing
        ``cs:label`` is remembered too: labels are never added."""
        found = super().__getattr__(name)
        if (found is not None or name in _NEVER_ADDED) and not name.startswith("_"):
            self.__dict__[name] = found
        return found

    def render_children(self, item, delimiter="", **kwargs):
        """citeproc-py's ``Parent.render_children`` over the children's render functions."""
        d = self.__dict__
        fns = d.get("_cf_children_fns")
        if fns is None:
            fns = children_fns(self)
        return run_children(fns, item, delimiter, kwargs)

    def get_formatter(self):
        root = self.get_root()
        if isinstance(root, model.Locale):
            return root.style.formatter
        return root.formatter

    def xpath_search(self, expression):
        memo = _memo(self)
        key = ("xpath", expression)
        found = memo.get(key)
        if found is None:
            found = memo[key] = super().xpath_search(expression)
        return list(found)

    def get_layout(self):
        memo = _memo(self)
        layout = memo.get("layout")
        if layout is None:
            layout = memo["layout"] = super().get_layout()
        return layout

    def calls_variable(self):
        memo = _memo(self)
        found = memo.get("calls_variable")
        if found is None:
            found = memo["calls_variable"] = super().calls_variable()
        return found

    def get_macro(self, name):
        table = _root_cache(self.get_root(), "macro")
        macro = table.get(name)
        if macro is None:
            macro = table[name] = super().get_macro(name)
        return macro

    def get_term(self, name, form=None, fallback_locale=True, zero_padded=False):
        table = _root_cache(self.get_root(), "term")
        key = (name, form, fallback_locale, zero_padded)
        term = table.get(key, _MISSING)
        if term is _MISSING:
            term = table[key] = super().get_term(name, form, fallback_locale, zero_padded)
        return term

    def get_date(self, form):
        table = _root_cache(self.get_root(), "date")
        date = table.get(form, _MISSING)
        if date is _MISSING:
            date = table[form] = super().get_date(form)
        return date

    def get_locale_option(self, name):
        table = _root_cache(self.get_root(), "locale-option")
        value = table.get(name, _MISSING)
        if value is _MISSING:
            value = table[name] = super().get_locale_option(name)
        return value


_FORM_FALLBACK = {"verb-short": "verb", "symbol": "short", "verb": None, "short": None, "long": None}


class TermForms:
    """CSL term forms fall back: verb-short to verb, symbol to short, verb and short to long.

    Not a speed-up but a behaviour: every element class gets it, caches on or off.
    """

    def get_term(self, name, form=None, fallback_locale=True, zero_padded=False):
        root = self.get_root()
        fallback = root.__dict__.get("_cf_fallback_locales") if fallback_locale else None
        if fallback:
            # every form of the chain in the output language's locales before en-US's
            locales = root.locales
            own = [loc for loc in locales if all(loc is not f for f in fallback)]
            chain = [form]
            while chain[-1] in _FORM_FALLBACK and _FORM_FALLBACK[chain[-1]] is not None:
                chain.append(_FORM_FALLBACK[chain[-1]])
            if chain[-1] is not None:
                chain.append(None)
            for group in (own, fallback):
                for each in chain:
                    for locale in group:
                        try:
                            return locale.get_term(name, each, zero_padded=zero_padded)
                        except IndexError:
                            continue
            return None
        term = super().get_term(name, form, fallback_locale, zero_padded)
        if term is None and form in _FORM_FALLBACK:
            term = self.get_term(name, _FORM_FALLBACK[form], fallback_locale, zero_padded)
        return term


_DECORATIONS = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


class PlainFormat:
    """``format`` without a detour when the element sets no font or decoration attribute.

    Whether ``format`` is the identity for an element is decided once: none of the
    attributes is set and the class's own ``format`` hands back what it is given.
    """

    def format(self, string):
        d = self.__dict__
        plain = d.get("_cf_plain_format")
        if plain is None:
            plain = d["_cf_plain_format"] = self._format_is_identity()
        if plain:
            return str(string) if isinstance(string, (int, float)) else string
        return super().format(string)

    def _format_is_identity(self) -> bool:
        if any(self.get(name) is not None for name in _DECORATIONS):
            return False
        from citeproc.string import String

        probe = String("probe")
        try:
            return super().format(probe) is probe
        except Exception:  # a formatter that cannot handle the probe: keep the long way
            return False


class PlainAffixes:
    """``wrap`` without a detour when the element has neither ``prefix`` nor ``suffix``.

    citeproc-py's ``Affixed.wrap`` hands such a string back unchanged (``'' + s`` and
    ``s + ''``); the affixes are read once (and ``Affixed.wrap`` done here with them).
    """

    def wrap(self, string):
        d = self.__dict__
        affixes = d.get("_cf_affixes")
        if affixes is None:
            prefix, suffix = self.get("prefix"), self.get("suffix")
            affixes = d["_cf_affixes"] = (
                bool(prefix or suffix),
                following(type(self), PlainAffixes, "wrap") is model.Affixed.wrap,
                prefix or "",
                suffix or "",
            )
        affixed, own, prefix, suffix = affixes
        if not affixed and string is not None:
            return string
        if not own or string is None:
            return super().wrap(string)
        # citeproc-py's Affixed.wrap with the affixes read once
        string = model.normalize_seam(prefix, string)
        text = prefix + string
        return text + model.normalize_seam(text, suffix)


class PlainJoin:
    """citeproc-py's ``Delimited.join`` with the ``delimiter`` attribute read once and a
    single string handed back as it is (what citeproc-py's ``join`` does with one item)."""

    def join(self, strings, default_delimiter=""):
        d = self.__dict__
        delimiter = d.get("_cf_delimiter_attr", _MISSING)
        if delimiter is _MISSING:
            delimiter = d["_cf_delimiter_attr"] = self.get("delimiter")
        try:
            pieces = [s for s in strings if s is not None]
            if len(pieces) == 1:
                return pieces[0]
            return join(pieces, default_delimiter if delimiter is None else delimiter)
        except Exception:  # citeproc-py's bare except, less KeyboardInterrupt and SystemExit
            return String("")


_CLASSES: dict[type, type] = {}
_PLAIN_CLASSES: dict[type, type] = {}


def cached_class(cls: type) -> type:
    """``cls`` with :class:`CachedLookups` in front (one subclass per class); with the caches
    off, with :class:`TermForms` only."""
    if issubclass(cls, (CachedLookups, TermForms, model.Locale)):  # a locale's look-ups take other arguments
        return cls
    if not ENABLED:
        made = _PLAIN_CLASSES.get(cls)
        if made is None:
            made = _PLAIN_CLASSES[cls] = type(cls.__name__, (TermForms, cls), {"__module__": cls.__module__})
        return made
    made = _CLASSES.get(cls)
    if made is None:
        plain = (PlainFormat,) if issubclass(cls, model.Formatted) else ()
        if issubclass(cls, model.Affixed):
            plain += (PlainAffixes,)
        if issubclass(cls, model.Delimited):
            plain += (PlainJoin,)
        bases = (CachedLookups, TermForms, *plain, cls)
        made = _CLASSES[cls] = type(cls.__name__, bases, {"__module__": cls.__module__})
    return made


def keep_alive(root: Any) -> None:
    """Hold every element of the style and of its locale chain, so caches persist."""
    if not ENABLED:
        return
    held = list(root.iter())
    for locale in root.__dict__.get("locales") or ():
        held.extend(locale.getroottree().getroot().iter())
    root.__dict__["_cf_elements"] = held


@contextmanager
def disabled() -> Iterator[None]:
    """Render without the speed-ups, with freshly parsed styles (for equivalence tests)."""
    global ENABLED
    _clear_all()
    ENABLED = False
    compiled.FAST_SEAMS = False
    try:
        yield
    finally:
        ENABLED = True
        compiled.FAST_SEAMS = True
        _clear_all()


def on_disable(clear: Callable[[], None]) -> None:
    """Have :func:`disabled` call ``clear`` on entry and exit (for a cache kept elsewhere)."""
    _CLEARS.append(clear)


def _clear_all() -> None:
    for clear in _CLEARS:
        clear()


def cite_text(owner: Any, memo_key: tuple, key: str, render: Callable[[str], str]) -> str:
    """``render(key)`` memoised for one disambiguation run (``owner``).

    ``memo_key`` holds everything the text depends on besides the style: the item's
    key, its disambiguation overrides and its year suffix; the memo lives on the run.
    """
    if not ENABLED:
        return render(key)
    memo = owner.__dict__.setdefault("_cf_cite_text", {})
    text = memo.get(memo_key)
    if text is None:
        text = memo[memo_key] = render(key)
    return text


def remember_cite_text(owner: Any, memo_key: tuple, text: str) -> None:
    """Store a text rendered elsewhere exactly as :func:`cite_text` would render it."""
    if ENABLED:
        owner.__dict__.setdefault("_cf_cite_text", {})[memo_key] = text


def prefetch_cite_texts(owner: Any, keys: list[str], memo_key: Callable[[str], tuple],
                        render: Callable[[str], str]) -> None:
    """Render the texts :func:`cite_text` lacks for ``keys``, in workers for large runs."""
    if not ENABLED:
        return
    from . import parallel

    memo = owner.__dict__.setdefault("_cf_cite_text", {})
    todo = [(memo_key(k), k) for k in keys]
    todo = [(mk, k) for mk, k in todo if mk not in memo]
    if len(todo) < 2:
        return
    for (mk, _k), text in zip(todo, parallel.map_items(render, [k for _mk, k in todo]), strict=True):
        memo[mk] = text
