"""Style and locale loading: safe XML parsing, our element classes, one parse per process."""

from __future__ import annotations

import os
from functools import lru_cache

from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS
from lxml import etree

from .cache import keep_alive, on_disable
from .elements import CSL_NS, element_lookup
from .exceptions import EngineError
from .lint import check_macros, check_nodes
from .state import get_state


class LoadedStyle:
    """A parsed style with its locale chain; quacks like citeproc's CitationStylesStyle."""

    def __init__(self, xml_text: bytes, locale: str):
        parser = etree.XMLParser(
            remove_comments=True,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        parser.set_element_class_lookup(element_lookup())
        try:
            self.xml = etree.fromstring(xml_text, parser).getroottree()
        except etree.XMLSyntaxError as exc:
            raise EngineError(f"style is not well-formed XML: {exc}") from None
        self.root = self.xml.getroot()
        if self.root.tag != f"{{{CSL_NS}}}style":
            raise EngineError("not a CSL style (root element is not <style> in the CSL namespace)")
        if self.root.find(f"{{{CSL_NS}}}citation") is None:
            raise EngineError("CSL style has no <citation> element (dependent styles need their parent)")
        check_nodes(self.root)
        check_macros(self.root)
        self.locale = locale
        try:
            self.root.set_locale_list(locale, validate=False)
        except (OSError, ValueError) as exc:
            raise EngineError(f"cannot load locale {locale!r}: {exc}") from None
        keep_alive(self.root)

    def has_bibliography(self) -> bool:
        return self.root.bibliography is not None

    def render_citation(self, citation, cites, callback=None):
        return self.root.citation.render(citation, cites, callback)

    def sort_bibliography(self, citation_items):
        return self.root.bibliography.sort(citation_items)

    def render_bibliography(self, citation_items):
        return self.root.bibliography.render(citation_items)

    def render_bibliography_range(self, citation_items, start: int, stop: int):
        """Entries ``start:stop`` as one run over all the items renders them.

        ``subsequent-author-substitute`` compares an entry with the last entry before it
        that compared names, which may lie several entries back: those are rendered first
        (last first, until one compares names) and dropped."""
        bibliography = self.root.bibliography
        state = get_state(self.root)
        if state is not None:
            state.sas_previous = state.sas_next = None
            if start and bibliography.get("subsequent-author-substitute") is not None:
                for back in range(start - 1, -1, -1):
                    bibliography.render([citation_items[back]])
                    if state.sas_next is not None:
                        break
        return bibliography.render(list(citation_items[start:stop]))


def read_style(style: str) -> bytes:
    """The XML bytes of a style given as a path or as CSL XML text."""
    if not isinstance(style, str) or not style.strip():
        raise EngineError("style must be a path to a .csl file or CSL XML text")
    text = style.lstrip()
    if text.startswith("<"):
        return text.encode("utf-8")
    if os.path.isfile(style):
        with open(style, "rb") as handle:
            return handle.read()
    raise EngineError(f"style not found: {style!r} is neither a file nor CSL XML")


def check_locale(locale: str) -> str:
    if locale in LANGUAGE_NAMES:
        return locale
    if locale in PRIMARY_DIALECTS:
        return PRIMARY_DIALECTS[locale]
    language = locale.split("-")[0]
    if language in PRIMARY_DIALECTS and "-" in locale:
        return locale  # unknown dialect of a known language: citeproc-py falls back
    raise EngineError(f"unknown locale {locale!r}{_locale_hint(locale)}")


def _locale_hint(locale: str) -> str:
    """' (did you mean 'en-GB'?)' for a known locale written with '_' or in other case."""
    folded = locale.replace("_", "-").casefold()
    for known in (*LANGUAGE_NAMES, *PRIMARY_DIALECTS):
        if known.casefold() == folded:
            return f" (did you mean {known!r}?)"
    return ""


def default_locale(xml_text: bytes) -> str | None:
    head = xml_text[:4000].decode("utf-8", "replace")
    marker = 'default-locale="'
    start = head.find(marker)
    if start < 0:
        return None
    end = head.find('"', start + len(marker))
    return head[start + len(marker) : end] or None


def load_style(style: str, locale: str | None = None, force_locale: bool = False) -> LoadedStyle:
    xml_text = read_style(style)
    chosen = default_locale(xml_text)
    if locale and (force_locale or not chosen):
        chosen = check_locale(locale)
    return _cached(_digest(xml_text), xml_text, chosen or "en-US")


def _digest(xml_text: bytes) -> str:
    # The cache below compares the XML text itself, so this only needs to be cheap:
    # hashlib (and OpenSSL) stay out of start-up.
    return f"{len(xml_text)}:{hash(xml_text)}"


@lru_cache(maxsize=64)
def _cached_by_hash(digest: str, locale: str, xml_text: bytes) -> LoadedStyle:
    return LoadedStyle(xml_text, locale)


on_disable(_cached_by_hash.cache_clear)


def _cached(digest: str, xml_text: bytes, locale: str) -> LoadedStyle:
    return _cached_by_hash(digest, locale, xml_text)
