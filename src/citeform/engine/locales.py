"""The locale chain of a style, parsed with our element classes.

citeproc-py parses the locale files with its own classes, so localized dates
(``<date form="text">``) would bypass our date handling (ranges, seasons,
implicit year-suffix, sort keys).  Our ``cs:style`` element builds the same
chain as CSL 1.0.2 prescribes — in-style locales for the dialect, the
language, and without ``xml:lang``, then the locale files for the dialect, the
language's primary dialect and en-US — parsing the files with our lookup.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from citeproc import LANGUAGE_NAMES, LOCALES_PATH, PRIMARY_DIALECTS, model
from lxml import etree

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Makes the lookup of every element class (this module's Style among them); registered by
# :mod:`.elements`, which sits above this module.
_element_lookup: Callable[[], etree.ElementNamespaceClassLookup] | None = None


def use_element_lookup(make: Callable[[], etree.ElementNamespaceClassLookup]) -> None:
    """Parse locale files with the element classes that ``make()`` looks up."""
    global _element_lookup
    _element_lookup = make


def parse_locale_file(locale: str):
    element_lookup = _element_lookup
    if element_lookup is None:
        raise RuntimeError("citeform.engine.elements registers the element lookup on import")
    path = os.path.join(LOCALES_PATH, f"locales-{locale}.xml")
    parser = etree.XMLParser(
        remove_comments=True, resolve_entities=False, no_network=True, load_dtd=False
    )
    parser.set_element_class_lookup(element_lookup())
    return etree.parse(path, parser).getroot()


class Style(model.Style):
    def set_locale_list(self, output_locale, validate=True):
        self.locales = []
        loaded: set[str] = set()
        language = output_locale.split("-")[0]

        def in_style(lang: str | None) -> None:
            for element in self.findall(f"{{{model.CitationStylesElement.nsmap['cs']}}}locale"):
                if element.get(_XML_LANG) == lang:
                    self.locales.append(element)
                    return

        def system(lang: str) -> None:
            if lang not in loaded:
                loaded.add(lang)
                self.locales.append(parse_locale_file(lang))

        in_style(output_locale)
        if language != output_locale:
            in_style(language)
        in_style(None)
        if output_locale in LANGUAGE_NAMES:
            system(output_locale)
        if language in PRIMARY_DIALECTS:
            system(PRIMARY_DIALECTS[language])
        own = len(self.locales)
        system("en-US")
        # citeproc-js reads a term from the output language's locales only, trying the form's
        # fallbacks there (a German short form missing: the German long form); en-US is the
        # last resort of citeproc-py's chain, consulted only when those have no form at all
        self.__dict__["_cf_fallback_locales"] = self.locales[own:] if language != "en" else []
        for locale in self.locales:
            locale.style = self
