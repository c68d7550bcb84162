"""Journal abbreviations for records that lack one (``journal-abbreviation``).

Two sources, in this order: a user's list in the JSON form citeproc-js and pandoc read
(``{"default": {"container-title": {"Full Title": "Abbr"}}}``), then, for styles that follow
the NLM (Vancouver and its kin), a rule: the ISO 4 abbreviation from the LTWA (pyiso4, loaded
only when a title needs it) with the periods dropped as the NLM does, after a short list of
titles where the NLM differs from ISO 4.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from typing import Any

from ..errors import DataError

# CSL types whose container is a journal (the rule abbreviates only journal titles)
JOURNAL_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper", "review",
                           "review-book", "article"})
MAX_LIST_BYTES = 16 * 1024 * 1024
MAX_TITLE = 300  # characters of a title the rule abbreviates

# titles (compared without case, accents or punctuation) where the NLM's abbreviation is not
# ISO 4's: journals known by their initials, and the NLM's place qualifiers
NLM_EXCEPTIONS = {
    "jama": "JAMA",
    "journal of the american medical association": "JAMA",
    "bmj": "BMJ",
    "british medical journal": "BMJ",
    "bmj clinical research ed": "BMJ",
    "lancet": "Lancet",
    "the lancet": "Lancet",
    "plos one": "PLoS One",
    "canadian medical association journal": "CMAJ",
    "cmaj": "CMAJ",
    "elife": "Elife",
    "health affairs": "Health Aff (Millwood)",
    "medicina clinica": "Med Clin (Barc)",
    "american journal of roentgenology": "AJR Am J Roentgenol",
    "angewandte chemie international edition": "Angew Chem Int Ed Engl",
    "angewandte chemie international ed in english": "Angew Chem Int Ed Engl",
    "proceedings of the national academy of sciences": "Proc Natl Acad Sci U S A",
    "proceedings of the national academy of sciences of the usa": "Proc Natl Acad Sci U S A",
    "pnas": "Proc Natl Acad Sci U S A",
    "the bmj": "BMJ",
}
# words the NLM abbreviates otherwise than the LTWA (or not at all)
NLM_WORDS = {
    "heart": "Heart", "health": "Health", "investigative": "Invest", "investigation": "Invest",
    "investigational": "Invest", "intensive": "Intensive", "sports": "Sports",
    "bioinformatics": "Bioinformatics", "joint": "Joint", "presse": "Presse", "laeger": "Laeger",
    "laegeforening": "Laegeforen", "volume": "", "american volume": "Am",
}


def _plain(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: the form titles are compared in."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("&", " and ")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def read_list(path: str) -> dict[str, str]:
    """A user's abbreviation list: ``{"default": {"container-title": {full: short}}}`` (other
    jurisdictions than ``default`` are read too); a clear error naming the file otherwise."""
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_LIST_BYTES + 1)
    except OSError as e:
        raise DataError(f"cannot read abbreviation list: {e.strerror or e}", file=path) from None
    if len(raw) > MAX_LIST_BYTES:
        raise DataError("abbreviation list larger than 16 MiB", file=path)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DataError("abbreviation list is not UTF-8 text", file=path) from None
    except RecursionError:
        raise DataError("abbreviation list is nested too deeply", file=path) from None
    except ValueError as e:
        line = getattr(e, "lineno", None)
        raise DataError(f"abbreviation list is not JSON: {getattr(e, 'msg', e)}", file=path,
                        line=line) from None
    return read_mapping(data, path)


def read_mapping(data: Any, path: str) -> dict[str, str]:
    """The titles of an abbreviation list already parsed (``path`` names it in errors)."""
    shape = ('write {"default": {"container-title": {"Full Title": "Abbr"}}} '
             "(the form citeproc-js and pandoc read)")
    if not isinstance(data, dict):
        raise DataError(f"abbreviation list: {shape}", file=path)
    out: dict[str, str] = {}
    jurisdictions = sorted(data, key=lambda k: k != "default")  # default wins
    for jurisdiction in reversed(jurisdictions):
        table = data[jurisdiction]
        if not isinstance(table, dict):
            raise DataError(f"abbreviation list: {jurisdiction!r} is not a mapping; {shape}",
                            file=path)
        titles = table.get("container-title", {})
        if not isinstance(titles, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in titles.items()):
            raise DataError(f"abbreviation list: {jurisdiction}.container-title must map titles "
                            "to abbreviations (text to text)", file=path)
        out.update({_plain(k): v for k, v in titles.items() if k.strip() and v.strip()})
    return out


@lru_cache(maxsize=1)
def _iso4() -> Any:
    """pyiso4's abbreviator (building its LTWA table takes a third of a second: done once,
    and only when a title needs it); None when pyiso4 is not installed."""
    try:
        from pyiso4.ltwa import Abbreviate
    except ImportError:
        return None
    return Abbreviate.create()


def _main_title(title: str) -> str:
    """The title without a subtitle or the NLM's qualifier: ``Archives de pediatrie : organe
    officiel ...`` -> ``Archives de pediatrie``; ``Lancet (London, England)`` -> ``Lancet``."""
    title = re.split(r"\s+:\s+|:\s+|\s+=\s+", title, maxsplit=1)[0]
    title = re.sub(r"\s*\([^)]*\)\s*$", "", title)
    return " ".join(title.split())


@lru_cache(maxsize=4096)
def nlm_abbreviation(title: str) -> str | None:
    """The NLM-style abbreviation of a journal title by rule (ISO 4 without periods), None
    when there is none to be had (pyiso4 missing, or an empty title)."""
    # a control character is no word (the rendered entry drops it): a space, not a word
    title = "".join(" " if unicodedata.category(c) == "Cc" else c for c in title)
    plain = _plain(title)
    if plain in NLM_EXCEPTIONS:
        return NLM_EXCEPTIONS[plain]
    main = _main_title(title)
    if _plain(main) in NLM_EXCEPTIONS:
        return NLM_EXCEPTIONS[_plain(main)]
    if len(main) > MAX_TITLE:
        return None  # no journal's title is this long: a field holding something else
    if any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in main):
        return None  # the NLM abbreviates romanised titles; a rule cannot romanise
    abbreviate = _iso4()
    if abbreviate is None or not main:
        return None
    # the NLM's own word forms are kept from pyiso4 behind placeholders it leaves alone
    kept: list[str] = []

    def keep(m: re.Match[str]) -> str:
        kept.append(NLM_WORDS[m.group(0).lower()])
        return f"Zqx{chr(97 + len(kept) - 1)}qz"

    main = re.sub(r"\b[dlDL]['’](?=\w)", "", main)  # French elision: d'Angeiologie
    main = re.sub(r"[/.]|(?<=\w)-(?=\w)", " ", main).replace("'", "").replace("’", "")
    main = _NLM_WORD.sub(keep, main)
    try:
        iso = abbreviate(main, remove_part=True)
    except IndexError:
        # pyiso4 0.1.6 fails on some titles whose last word the LTWA shortens ("Tobacco
        # Control"); a word after it, taken off again, gets round that
        try:
            iso = re.sub(r"\s*Zqxendqz\.?$", "", abbreviate(f"{main} Zqxendqz", remove_part=True))
        except Exception:
            return None
    except Exception:  # pyiso4 on a title it cannot parse: no abbreviation rather than a crash
        return None
    iso = re.sub(r"Zqx([a-z])qz\.?", lambda m: kept[ord(m.group(1)) - 97], iso)
    iso = unicodedata.normalize("NFKD", iso)
    iso = "".join(c for c in iso if not unicodedata.combining(c))
    words = re.sub(r"[.,;:]", " ", iso).replace("&", " ").split()
    # NLM capitalises each word and keeps acronyms (PLoS, BMC) as they are
    words = [w if any(c.isupper() for c in w[1:]) else w[:1].upper() + w[1:] for w in words]
    return " ".join(words) or None


_NLM_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, NLM_WORDS), key=len, reverse=True)) + r")\b", re.I)


class Abbreviations:
    """The abbreviation a style gets for a journal title: the user's list, then the rule."""

    def __init__(self, user: dict[str, str] | None = None, rule: bool = False) -> None:
        self.user = user or {}
        self.rule = rule

    def lookup(self, title: str) -> tuple[str, str] | None:
        """(abbreviation, where it came from: ``list`` or ``rule``), or None."""
        found = self.user.get(_plain(title))
        if found:
            return found, "list"
        if self.rule:
            abbr = nlm_abbreviation(title)
            if abbr:
                return abbr, "rule"
        return None

    def apply(self, item: dict[str, Any]) -> dict[str, Any]:
        """The item with a ``container-title-short`` when it had none and one is found."""
        title = item.get("container-title")
        if not isinstance(title, str) or not title.strip() or item.get("container-title-short"):
            return item
        found = self.user.get(_plain(title))
        if not found and self.rule and item.get("type") in JOURNAL_TYPES:
            found = nlm_abbreviation(title)
        return {**item, "container-title-short": found} if found else item


def for_style(style: Any, abbreviations: Any = None) -> Abbreviations | None:
    """The :class:`Abbreviations` a resolved style (:class:`citeform.styles.Style`) gets: the
    user's list (a path, a dict in citeproc-js's form, or an :class:`Abbreviations`), and for
    styles that follow the NLM the rule; None when there is neither (or ``abbreviations`` is
    False)."""
    if abbreviations is False:
        return None
    if isinstance(abbreviations, Abbreviations):
        return abbreviations
    if isinstance(abbreviations, str):
        user = read_list(abbreviations)
    elif isinstance(abbreviations, dict):
        user = read_mapping(abbreviations, "abbreviations")
    else:
        user = {}
    rule = getattr(style, "title_rule", None) == "nlm"
    return Abbreviations(user, rule) if user or rule else None
