"""A deterministic generator of varied records, written the canonical way.

Every record it makes reads back unchanged through ``to_record(to_csl(record))``; the
round-trip tests push them through BibTeX, BibLaTeX and RIS as well.
"""

from __future__ import annotations

import random
import re
from typing import Any

FAMILIES = [
    "Rousseau", "Bollard", "Heslop", "Müller", "Ørsted", "Łukasiewicz", "Nguyễn", "Smith",
    "García Márquez", "O'Brien", "Ramón y Cajal", "Dvořák", "Çelik", "Zhang", "Kowalczyk",
    "Van Gogh", "MacDonald", "Šimek", "Ødegaard", "Ito", "Papadopoulos", "Ivanova", "Fernández",
]
PARTICLES = ["van der", "de", "von", "van", "de la", "d'", "di", "du", "le"]
GIVENS = [
    "R.", "C.", "H.", "Jan", "Marie-Claire", "José Luis", "Søren", "Zoë", "A. N.", "Jean-Paul",
    "Björk", "François", "Ana María", "K.", "Yuki", "Ólafur", "Chloé", "Wei",
]
SUFFIXES = ["Jr.", "Sr.", "III"]
INSTITUTIONS = [
    "World Health Organization", "IEEE Computer Society", "Centre national de la recherche scientifique",
    "Organisation for Economic Co-operation and Development", "Deutsche Forschungsgemeinschaft",
    "R Core Team", "AT&T Bell Laboratories",
]
TITLE_WORDS = [
    "analysis", "of", "the", "DNA", "repair", "in", "Paris", "and", "London", "a", "study",
    "leucémies", "de", "l'enfant", "über", "die", "Wärme", "50%", "growth", "C++", "$5",
    "cost", "R&D", "under_score", "#1", "tilde~", "caret^", "Æsop", "naïve", "Straße",
    "iPhone", "mRNA", "COVID-19", "HIV/AIDS", "α-helix", "résumé", "Ångström", "Ελληνικά",
    "русский", "中文标题", "(revisited)", "1990–2000", "vs.", "neural", "networks",
]
JOURNALS = [
    ("Archives de Pediatrie", "Arch Pediatr"), ("Nature", "Nature"), ("The Lancet", "Lancet"),
    ("Journal of Applied Physics", "J Appl Phys"), ("Revue d'Économie Politique", None),
    ("Zeitschrift für Physik", "Z Phys"), ("Proceedings of the IEEE", "Proc IEEE"),
]
PUBLISHERS = ["Springer", "Addison-Wesley", "Presses Universitaires de France", "MIT Press",
              "Éditions du Seuil", "O'Reilly Media", "Wiley & Sons"]
PLACES = ["Paris", "Berlin", "Cambridge, MA", "New York", "São Paulo", "Zürich", "Kraków"]
LANGUAGES = ["en", "fr", "de", "es", "it", "nl", "pt", "ru", "zh", "ja", "pl", "sv", "en-GB", "pt-BR"]
KEYWORDS = ["Child", "Gene therapy", "Immunotherapy, adoptive", "Leukemia", "Vaccines", "DNA repair",
            "Ökologie", "machine learning"]
TYPES = ["article", "book", "chapter", "conference-paper", "thesis", "report", "web", "preprint",
         "article-magazine", "article-newspaper", "dataset", "software", "manuscript", "patent",
         "entry-encyclopedia", "pamphlet", "document", "speech", "map"]
GENRES = {"thesis": ["PhD thesis", "Master's thesis", "Doctoral thesis"],
          "report": ["Technical report", "Working paper"]}


def _title(rng: random.Random, first_upper: bool = True) -> str:
    words = rng.sample(TITLE_WORDS, rng.randint(2, 9))
    text = " ".join(words)
    if first_upper:
        text = text[:1].upper() + text[1:]
    if rng.random() < 0.15:
        text += ": " + " ".join(rng.sample(TITLE_WORDS, 3))
    if rng.random() < 0.05:
        text = f"<i>{text}</i> revisited"
    return text


def _person(rng: random.Random) -> str:
    family = rng.choice(FAMILIES)
    roll = rng.random()
    if roll < 0.15:
        particle = rng.choice(PARTICLES)
        family = f"{particle}{family}" if particle.endswith("'") else f"{particle} {family}"
    given = rng.choice(GIVENS)
    if rng.random() < 0.06:
        return f"{family}, {rng.choice(SUFFIXES)}, {given}"
    return f"{family}, {given}"


def _names(rng: random.Random, n: int) -> list[Any]:
    out: list[Any] = []
    for _ in range(n):
        if rng.random() < 0.1:
            out.append({"literal": rng.choice(INSTITUTIONS)})
        elif rng.random() < 0.03:  # a dropping particle follows the given name
            out.append(f"{rng.choice(FAMILIES)}, {rng.choice(GIVENS)} {rng.choice(['de', 'von'])}")
        else:
            out.append(_person(rng))
    # the same person twice in one list is not what the tests are about
    seen, unique = set(), []
    for name in out:
        k = repr(name)
        if k not in seen:
            seen.add(k)
            unique.append(name)
    return unique


def _date(rng: random.Random, record: dict[str, Any]) -> None:
    year = rng.randint(1850, 2025)
    roll = rng.random()
    if roll < 0.55:
        record["year"] = year
    elif roll < 0.7:
        record["date"] = f"{year}-{rng.randint(1, 12):02d}"
    elif roll < 0.85:
        record["date"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    elif roll < 0.92:
        record["date"] = f"{year}/{year + rng.randint(1, 5)}"
    elif roll < 0.96:
        record["date"] = f"circa {year}"
    else:
        record["date"] = f"{year}-{rng.randint(21, 24)}"


def make_record(rng: random.Random, n: int) -> dict[str, Any]:
    """One canonical record."""
    kind = TYPES[n % len(TYPES)] if n < len(TYPES) else rng.choice(TYPES)
    record: dict[str, Any] = {"id": f"rec{n:05d}", "type": kind, "title": _title(rng)}
    if kind in GENRES and rng.random() < 0.7:
        record["genre"] = rng.choice(GENRES[kind])
    if rng.random() < 0.2:
        record["translated-title"] = _title(rng)
    if rng.random() < 0.05:
        record["short-title"] = re.sub(r"</?i>", "", record["title"]).split(":")[0][:20].strip() or "Short"
    if rng.random() < 0.9:
        record["authors"] = _names(rng, rng.choice([1, 1, 2, 3, 5, 25]))
    if kind in ("chapter", "conference-paper", "book") and rng.random() < 0.4:
        record["editors"] = _names(rng, rng.randint(1, 3))
    if rng.random() < 0.05:
        record["translators"] = _names(rng, 1)
    if kind in ("article", "article-magazine", "article-newspaper", "preprint"):
        journal, abbreviation = rng.choice(JOURNALS)
        if kind != "preprint" or rng.random() < 0.5:
            record["journal"] = journal
            if abbreviation and rng.random() < 0.6:
                record["journal-abbreviation"] = abbreviation
        if rng.random() < 0.8:
            record["volume"] = rng.randint(1, 600)
        if rng.random() < 0.6:
            record["issue"] = rng.choice([rng.randint(1, 12), "Suppl 2"])
    elif kind in ("chapter", "conference-paper", "entry-encyclopedia"):
        record["book-title"] = _title(rng)
        if kind == "conference-paper" and rng.random() < 0.6:
            record["conference"] = "International Conference on " + rng.choice(["Learning", "Vision", "Données"])
            record["conference-place"] = rng.choice(PLACES)
    if rng.random() < 0.6:
        start = rng.randint(1, 900)
        record["pages"] = rng.choice([f"{start}-{start + rng.randint(1, 40)}", str(start), f"e{start}"])
    if kind in ("book", "chapter") and rng.random() < 0.3:
        record["edition"] = rng.randint(2, 9)
    if kind in ("book", "report") and rng.random() < 0.2:
        record["series"] = "Lecture Notes in " + rng.choice(["Physics", "Mathematics"])
        if rng.random() < 0.5:
            record["series-number"] = rng.randint(1, 999)
    if kind == "report" and rng.random() < 0.5:
        record["number"] = f"TR-{rng.randint(1, 99)}"
    if kind == "thesis":
        record["university"] = rng.choice(["Université Paris-Saclay", "Universiteit Leiden", "MIT"])
    elif kind in ("book", "chapter", "report", "conference-paper", "pamphlet") or rng.random() < 0.1:
        record["publisher"] = rng.choice(PUBLISHERS)
    if "publisher" in record or "university" in record:
        if rng.random() < 0.7:
            record["place"] = rng.choice(PLACES)
    if kind in ("book",) and rng.random() < 0.2:
        record["number-of-pages"] = rng.randint(50, 900)
    _date(rng, record)
    if rng.random() < 0.8:
        record["language"] = rng.choice(LANGUAGES)
    if rng.random() < 0.5:
        record["doi"] = f"10.{rng.randint(1000, 9999)}/x{n}_{rng.randint(0, 99)}"
    if kind in ("web", "dataset", "software") or rng.random() < 0.2:
        record["url"] = f"https://example.org/items/{n}?lang=en&x=1"
        if rng.random() < 0.5:
            record["accessed"] = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if kind == "book" and rng.random() < 0.5:
        record["isbn"] = rng.choice(["0-201-89683-4", "978-3-16-148410-0"])
    if kind == "article" and rng.random() < 0.2:
        record["issn"] = "0929-693X"
    if kind == "article" and rng.random() < 0.2:
        record["pmid"] = str(rng.randint(10_000_000, 39_999_999))
    if rng.random() < 0.3:
        record["keywords"] = rng.sample(KEYWORDS, rng.randint(1, 4))
    if rng.random() < 0.1:
        record["note"] = "Reprinted with corrections; see also the 2nd ed."
    if rng.random() < 0.05:
        record["abstract"] = "We study 50% of the cases & report $5 costs."
    if kind == "chapter" and rng.random() < 0.3:
        record["container-authors"] = _names(rng, 1)
    return record


def generate(count: int = 1000, seed: int = 2002) -> list[dict[str, Any]]:
    """``count`` varied canonical records, the same ones on every run."""
    rng = random.Random(seed)
    return [make_record(rng, n) for n in range(count)]
