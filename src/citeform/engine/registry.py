"""A citeproc-py bibliography whose look-ups do not grow with its size.

citeproc-py keeps the registered keys in a list: registering an item checks
``key not in keys`` and a citation number is ``keys.index(key) + 1``, so a list of
``n`` items costs ``n²`` comparisons (minutes for 100,000 records). And every
``item.reference`` walks item → citation → bibliography → source through several
Python-level look-ups, millions of times per bibliography.

:class:`Bibliography` keeps the same lists in the same order with an index beside
them; :class:`Item` is a ``CitationItem`` whose ``reference`` and ``number`` take the
short path. Results are the same as citeproc-py's.
"""

from __future__ import annotations

from collections.abc import Iterable

from citeproc import CitationStylesBibliography
from citeproc.source import CitationItem

from . import cache

_get = dict.__getitem__


class KeyList(list):
    """A list of unique keys with constant-time ``in`` and ``index``."""

    def __init__(self, keys: Iterable[str] = ()):
        super().__init__(keys)
        self._positions: dict[str, int] | None = None

    def _index(self) -> dict[str, int]:
        if self._positions is None:
            positions: dict[str, int] = {}
            for i, key in enumerate(self):
                positions.setdefault(key, i)
            self._positions = positions
        return self._positions

    def __contains__(self, key) -> bool:
        return key in self._index()

    def index(self, key, *args):  # type: ignore[override]
        if args:
            return super().index(key, *args)
        try:
            return self._index()[key]
        except (KeyError, TypeError):
            raise ValueError(f"{key!r} is not in list") from None

    def append(self, key) -> None:
        super().append(key)
        if self._positions is not None:
            self._positions.setdefault(key, len(self) - 1)


def _invalidate(name: str):
    method = getattr(list, name)

    def changed(self, *args, **kwargs):
        self._positions = None
        return method(self, *args, **kwargs)

    changed.__name__ = name
    return changed


for _name in ("__setitem__", "__delitem__", "__iadd__", "extend", "insert", "pop", "remove",
              "clear", "sort", "reverse"):
    setattr(KeyList, _name, _invalidate(_name))


class _KeptReference:
    """``Item.reference``: found once, then kept in the item's ``__dict__``, where attribute
    look-up finds it before this (non-data) descriptor, without a Python-level call."""

    def __get__(self, item, owner=None):
        if item is None:
            return self
        # an item's key, citation and bibliography are set before it is first rendered and
        # never change, so the reference found then is kept on the item
        try:
            bibliography = _get(_get(item, "citation"), "bibliography")
        except KeyError:
            return CitationItem.reference.__get__(item, owner)  # raises what citeproc-py raises
        ref = bibliography.source[_get(item, "key")]
        item.__dict__["reference"] = ref  # (CustomDict's __setattr__ stores keys)
        return ref


class Item(CitationItem):
    """A ``CitationItem`` with direct ``reference`` and ``number`` look-ups."""

    reference = _KeptReference()

    @property
    def number(self):
        try:
            bibliography = _get(_get(self, "citation"), "bibliography")
        except KeyError:
            return super().number
        return bibliography.keys.index(_get(self, "key")) + 1


def fast_item(item):
    """Give a plain ``CitationItem`` the short look-up paths (same data, same object)."""
    if type(item) is CitationItem:
        object.__setattr__(item, "__class__", Item)  # CustomDict's __setattr__ stores keys
    return item


class Bibliography(CitationStylesBibliography):
    """``CitationStylesBibliography`` with indexed keys; same order, same results."""

    def __init__(self, style, source, formatter):
        super().__init__(style, source, formatter)
        self.keys = KeyList()

    def __setattr__(self, name, value):
        if name == "keys" and not isinstance(value, KeyList):
            value = KeyList(value)
        super().__setattr__(name, value)

    def register(self, citation, callback=None):
        if not cache.ENABLED:
            return super().register(citation, callback)
        citation.bibliography = self
        for item in citation.cites:
            fast_item(item)
            if item.key in self.source:
                if item.key not in self.keys:
                    self.keys.append(item.key)
                    self.items.append(item)
            elif callback is not None:
                callback(item)
