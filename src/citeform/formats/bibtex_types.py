"""Entry types, month macros and language names shared by the BibTeX reader and writer."""

from __future__ import annotations

from ..languages import LANGUAGES
from ..languages import language_tag as _tag

# CSL type -> (BibTeX entry type, BibLaTeX entry type)
ENTRY_TYPES: dict[str, tuple[str, str]] = {
    "article-journal": ("article", "article"),
    "article-magazine": ("article", "article"),
    "article-newspaper": ("article", "article"),
    "book": ("book", "book"),
    "chapter": ("incollection", "incollection"),
    "paper-conference": ("inproceedings", "inproceedings"),
    "thesis": ("phdthesis", "thesis"),
    "report": ("techreport", "report"),
    "webpage": ("misc", "online"),
    "post-weblog": ("misc", "online"),
    "post": ("misc", "online"),
    "dataset": ("misc", "dataset"),
    "software": ("misc", "software"),
    "manuscript": ("unpublished", "unpublished"),
    "patent": ("misc", "patent"),
    "entry-encyclopedia": ("incollection", "inreference"),
    "entry-dictionary": ("incollection", "inreference"),
    "entry": ("incollection", "inreference"),
    "periodical": ("misc", "periodical"),
    "pamphlet": ("booklet", "booklet"),
}

# BibTeX/BibLaTeX entry type -> CSL type
CSL_TYPES_OF_ENTRIES: dict[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "mvproceedings": "book",
    "reference": "book",
    "mvreference": "book",
    "manual": "book",
    "bookinbook": "chapter",
    "inbook": "chapter",
    "incollection": "chapter",
    "suppbook": "chapter",
    "suppcollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "dataset": "dataset",
    "software": "software",
    "unpublished": "manuscript",
    "patent": "patent",
    "inreference": "entry-encyclopedia",
    "periodical": "periodical",
    "booklet": "pamphlet",
    "misc": "document",
}

ARTICLE_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper", "article"})
# entry types whose ``number`` is the number in a series
SERIES_NUMBER_ENTRIES = frozenset(
    {"book", "mvbook", "inbook", "incollection", "inproceedings", "proceedings", "collection",
     "conference", "bookinbook", "mvcollection", "mvproceedings"}
)

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# babel/polyglossia names that are not simply the English name in lower case
_BABEL = {"de": "german", "en-US": "american", "en-GB": "british", "pt-BR": "brazilian",
          "nb": "norsk", "nn": "nynorsk", "el": "greek", "sl": "slovene"}
_BABEL_CODES = {name: code for code, name in _BABEL.items()} | {
    "ngerman": "de", "austrian": "de-AT", "naustrian": "de-AT", "swissgerman": "de-CH",
    "nswissgerman": "de-CH", "australian": "en-AU", "canadian": "en-CA", "newzealand": "en-NZ",
    "usenglish": "en-US", "ukenglish": "en-GB", "english": "en", "canadien": "fr-CA",
    "acadian": "fr-CA", "portuges": "pt", "brazil": "pt-BR", "francais": "fr", "frenchb": "fr",
    "norwegian": "no", "slovenian": "sl",
}


def babel_name(tag: str) -> str | None:
    """The babel language name (``langid``) for a language tag, None when there is none."""
    if tag in _BABEL:
        return _BABEL[tag]
    if "-" in tag:
        return None
    name = LANGUAGES.get(tag.lower())
    return name.lower() if name else None


def language_tag(text: str) -> str | None:
    """A language tag for a babel name, an English language name, an ISO 639 code or a tag."""
    low = text.strip().lower()
    if low in _BABEL_CODES:
        return _BABEL_CODES[low]
    return _tag(text)
