"""Deterministic generator of realistic bibliography records for the benchmarks.

The same ``(count, seed)`` always gives the same records. The mix follows a real
publication list: mostly journal articles, then books, chapters, conference papers,
reports by institutions, theses and web pages; 1 to 30 authors (most papers have 2 to
6); name particles (``van der``, ``de``, ``d'``), suffixes, institutional authors,
non-Latin names; and clusters of papers by the same first author in the same year, so
that disambiguation has real work to do.

Usage::

    python benchmarks/generate.py 2000 -o items.json             # CSL-JSON list
    python benchmarks/generate.py 2000 --yaml -o records/        # one YAML record per file
    python benchmarks/generate.py 100000 --split 5000 -o big/    # a folder of CSL-JSON files
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Iterator
from typing import Any

FAMILIES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill "
    "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Müller Schmidt "
    "Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Dubois Durand Lefebvre Moreau "
    "Laurent Simon Michel Leroy Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino "
    "Greco Kowalski Nowak Wiśniewski Novák Svoboda Horváth Nagy Kovács Popescu Ionescu Jensen "
    "Nielsen Hansen Andersen Larsen Johansson Karlsson Nilsson Eriksson Virtanen Korhonen Silva "
    "Santos Oliveira Souza Pereira Costa Yamamoto Tanaka Suzuki Watanabe Kim Park Choi Chen Wang "
    "Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Singh Kumar Sharma Patel Gupta Okafor Mensah Ivanov "
    "Petrov Smirnov Øvergaard Ångström Çelik Yılmaz Şahin Ó'Brien"
).split()
GIVEN = (
    "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anna "
    "Lukas Sophie Jean-Pierre Marie-Claire Giulia Marco Katarzyna Piotr Ingrid Lars Mikko Aino "
    "João Ana Hiroshi Yuki Min-jun Seo-yeon Wei Li Xiaoming Priya Arjun Chidi Ama Olga Dmitri"
).split()
PARTICLES = (("van der", None), ("de", None), ("van", None), ("von", None), (None, "d'"),
             ("da", None), ("le", None), ("di", None))
NON_LATIN = (("王", "小明"), ("李", "华"), ("山田", "太郎"), ("김", "민준"), ("Иванов", "Сергей"),
             ("Παπαδόπουλος", "Γιώργος"))
INSTITUTIONS = (
    "World Health Organization", "National Institutes of Health", "European Commission",
    "Centers for Disease Control and Prevention", "Organisation for Economic Co-operation and Development",
    "Royal Society", "UNESCO", "International Energy Agency", "Cochrane Collaboration",
    "American Psychological Association",
)
JOURNALS = (
    ("Nature", "Nature"), ("Science", "Science"), ("The Lancet", "Lancet"),
    ("New England Journal of Medicine", "N Engl J Med"), ("Journal of Applied Psychology", "J Appl Psychol"),
    ("Psychological Review", "Psychol Rev"), ("Archives de Pédiatrie", "Arch Pediatr"),
    ("BMJ", "BMJ"), ("Physical Review Letters", "Phys Rev Lett"), ("Cell", "Cell"),
    ("Journal of Personality and Social Psychology", "J Pers Soc Psychol"),
    ("PLOS ONE", "PLoS One"), ("Annals of Internal Medicine", "Ann Intern Med"),
    ("Child Development", "Child Dev"), ("Journal of Memory and Language", "J Mem Lang"),
)
PUBLISHERS = (("Oxford University Press", "Oxford"), ("Cambridge University Press", "Cambridge"),
              ("Springer", "Berlin"), ("Elsevier", "Amsterdam"), ("MIT Press", "Cambridge, MA"),
              ("Wiley", "Hoboken, NJ"), ("Routledge", "London"), ("Gallimard", "Paris"))
WORDS = (
    "effects of early intervention on memory consolidation in children adolescents a randomized "
    "controlled trial systematic review meta-analysis cognitive load working learning outcomes "
    "gene therapy immune response leukemia the role of sleep social networks policy evidence from "
    "longitudinal cohort study measurement invariance across cultures climate change adaptation "
    "urban health inequalities machine learning models for clinical prediction theory and practice "
    "neural mechanisms attention language acquisition bilingual infants quantum transport graphene "
    "at low temperature what works and why toward a unified account of"
).split()
TYPES = (("article-journal", 60), ("book", 8), ("chapter", 10), ("paper-conference", 8),
         ("report", 6), ("thesis", 3), ("webpage", 3), ("article-magazine", 2))


def _title(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    if rng.random() < 0.25:
        text += ": " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6)))
    if rng.random() < 0.05:
        text += "?"
    return text[0].upper() + text[1:]


def _person(rng: random.Random) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.03:
        family, given = rng.choice(NON_LATIN)
        return {"family": family, "given": given}
    name: dict[str, Any] = {"family": rng.choice(FAMILIES), "given": rng.choice(GIVEN)}
    if roll < 0.10:
        ndp, dp = rng.choice(PARTICLES)
        if ndp:
            name["non-dropping-particle"] = ndp
        if dp:
            name["dropping-particle"] = dp
    if rng.random() < 0.02:
        name["suffix"] = "Jr."
    if rng.random() < 0.3:
        name["given"] += " " + rng.choice(GIVEN)[0] + "."
    return name


def _author_count(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.15:
        return 1
    if roll < 0.85:
        return rng.randint(2, 6)
    if roll < 0.95:
        return rng.randint(7, 20)
    return rng.randint(21, 30)


def _pick_type(rng: random.Random) -> str:
    total = sum(w for _t, w in TYPES)
    roll = rng.uniform(0, total)
    for kind, weight in TYPES:
        roll -= weight
        if roll <= 0:
            return kind
    return TYPES[0][0]


def _date(rng: random.Random, year: int) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.6:
        return {"date-parts": [[year]]}
    if roll < 0.9:
        return {"date-parts": [[year, rng.randint(1, 12)]]}
    return {"date-parts": [[year, rng.randint(1, 12), rng.randint(1, 28)]]}


def make_item(index: int, rng: random.Random, cluster: tuple[list, int] | None) -> dict[str, Any]:
    """One CSL-JSON item; ``cluster`` forces its first author(s) and year."""
    kind = _pick_type(rng)
    year = rng.randint(1950, 2025)
    authors = [_person(rng) for _ in range(_author_count(rng))]
    if cluster is not None:
        lead, year = cluster
        authors = [dict(n) for n in lead] + authors[len(lead):]
    item: dict[str, Any] = {
        "id": f"item{index:06d}",
        "type": kind,
        "title": _title(rng, rng.randint(4, 14)),
        "issued": _date(rng, year),
    }
    if kind == "report" and rng.random() < 0.7:
        item["author"] = [{"literal": rng.choice(INSTITUTIONS)}]
    else:
        item["author"] = authors
    if kind in ("article-journal", "article-magazine"):
        journal, abbrev = rng.choice(JOURNALS)
        item["container-title"] = journal
        item["container-title-short"] = abbrev
        item["volume"] = str(rng.randint(1, 120))
        if rng.random() < 0.8:
            item["issue"] = str(rng.randint(1, 12))
        first = rng.randint(1, 2000)
        item["page"] = f"{first}-{first + rng.randint(2, 40)}" if rng.random() < 0.9 else f"e{first}"
        if rng.random() < 0.7:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/{kind[:3]}.{year}.{index}"
        if rng.random() < 0.05:
            item["language"] = "fr"
            item["title"] = "Apport des " + item["title"].lower()
    elif kind in ("book", "report", "thesis"):
        publisher, place = rng.choice(PUBLISHERS)
        item["publisher"] = publisher if kind != "thesis" else "University of " + rng.choice(FAMILIES)
        item["publisher-place"] = place
        if kind == "thesis":
            item["genre"] = rng.choice(("Doctoral dissertation", "Master's thesis"))
        if kind == "book" and rng.random() < 0.3:
            item["edition"] = str(rng.randint(2, 5))
        if kind == "report":
            item["number"] = f"{rng.choice(('TR', 'WP', 'Report'))} {rng.randint(1, 999)}"
        if kind == "book" and rng.random() < 0.5:
            item["ISBN"] = f"978-{rng.randint(0, 9)}-{rng.randint(100, 999)}-{rng.randint(10000, 99999)}-{rng.randint(0, 9)}"
    elif kind in ("chapter", "paper-conference"):
        publisher, place = rng.choice(PUBLISHERS)
        item["container-title"] = _title(rng, rng.randint(3, 8))
        if kind == "paper-conference" and rng.random() < 0.5:
            item["event-title"] = "International Conference on " + _title(rng, 3)
        item["editor"] = [_person(rng) for _ in range(rng.randint(1, 4))]
        item["publisher"] = publisher
        item["publisher-place"] = place
        first = rng.randint(1, 600)
        item["page"] = f"{first}-{first + rng.randint(5, 30)}"
        if rng.random() < 0.4:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/ch.{year}.{index}"
    elif kind == "webpage":
        item["container-title"] = rng.choice(INSTITUTIONS)
        item["URL"] = f"https://example.org/{year}/{index}"
        item["accessed"] = {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]}
    return item


def iter_items(count: int, seed: int = 2002) -> Iterator[dict[str, Any]]:
    """``count`` items; about one in eight belongs to a same-author-same-year cluster."""
    rng = random.Random(seed)
    index = 0
    while index < count:
        if rng.random() < 0.04 and count - index >= 2:
            lead = [_person(rng) for _ in range(rng.choice((1, 1, 2, 3)))]
            year = rng.randint(1990, 2024)
            size = min(count - index, rng.randint(2, 4))
            for _ in range(size):
                yield make_item(index, rng, (lead, year))
                index += 1
        else:
            yield make_item(index, rng, None)
            index += 1


def write_yaml_records(items: Iterator[dict[str, Any]], folder: str) -> int:
    """One CSL-YAML file per item (the key is the file name)."""
    import yaml

    os.makedirs(folder, exist_ok=True)
    n = 0
    for item in items:
        with open(os.path.join(folder, item["id"] + ".yaml"), "w", encoding="utf-8") as f:
            yaml.safe_dump(item, f, allow_unicode=True, sort_keys=False)
        n += 1
    return n


def write_json_folder(items: Iterator[dict[str, Any]], folder: str, per_file: int) -> int:
    """CSL-JSON files of ``per_file`` items each (``part-00001.json``, ...)."""
    os.makedirs(folder, exist_ok=True)
    n = part = 0
    batch: list[dict[str, Any]] = []
    for item in items:
        batch.append(item)
        n += 1
        if len(batch) == per_file:
            part += 1
            _dump(batch, os.path.join(folder, f"part-{part:05d}.json"))
            batch = []
    if batch:
        _dump(batch, os.path.join(folder, f"part-{part + 1:05d}.json"))
    return n


def _dump(items: list[dict[str, Any]], path: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False)
        f.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2002)
    parser.add_argument("-o", "--output", default="-", help="file (or folder with --yaml); '-' = stdout")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--yaml", action="store_true", help="one YAML record per file in a folder")
    shape.add_argument("--jsonl", action="store_true", help="one CSL-JSON item per line")
    shape.add_argument("--split", type=int, metavar="N",
                       help="a folder of CSL-JSON files of N items each")
    args = parser.parse_args(argv)
    items = iter_items(args.count, args.seed)
    if args.yaml:
        write_yaml_records(items, args.output)
        return 0
    if args.split:
        write_json_folder(items, args.output, args.split)
        return 0
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        if args.jsonl:
            for item in items:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        else:
            json.dump(list(items), out, ensure_ascii=False, indent=0)
            out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
