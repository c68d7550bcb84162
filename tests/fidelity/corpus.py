"""A deterministic corpus of realistic CSL-JSON items for comparisons with citeproc-js.

``build_corpus()`` returns the generated items followed by the hand-made tricky
ones in ``handmade.json``; ``build_clusters()`` a document's worth of in-text
citation clusters over them.  Same output on every run (seeded generator).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).parent
SEED = 20240611
GENERATED = 520

FAMILIES = [
    "Smith", "Johnson", "García", "Müller", "Nguyen", "Kowalski", "O'Brien", "Rossi", "Dubois",
    "Andersson", "Ivanova", "Papadopoulos", "Kim", "Tanaka", "Okafor", "Silva", "Cohen", "Novak",
    "Haddad", "Larsen", "Fischer", "Moreau", "Jensen", "Popescu", "Yılmaz", "Łukasiewicz",
    "Åström", "Øberg", "Çelik", "Núñez", "Schröder", "Hernández", "Wright", "Baker", "Long",
    "Huang", "Eze", "Patel", "Singh", "McDonald", "MacLeod", "Ng", "Li", "Wang", "Zhang",
]
GIVENS = [
    "John", "Mary", "Ana María", "Jean-Paul", "Hans", "Thi Mai", "Piotr", "Seán", "Giulia",
    "Camille", "Lars", "Olga", "Nikos", "Min-jun", "Haruki", "Chidi", "Beatriz", "Avi", "Jana",
    "Rami", "Ingrid", "Klaus", "Élodie", "Søren", "Ioana", "Emre", "Jan", "Björn", "Zeynep",
    "José Luis", "R.", "J. A.", "K.-H.", "Alice", "Brian", "Chen", "Priya", "Arjun", "Eun-ji",
    "Robert", "Sarah", "Michael", "Elizabeth", "Wei", "Xiaoming", "Hiroshi", "Yuki",
]
PARTICLE_NAMES = [
    {"family": "Berg", "given": "Anna", "non-dropping-particle": "van den"},
    {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"},
    {"family": "Hoogh", "given": "Pieter", "non-dropping-particle": "de"},
    {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
    {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"},
    {"family": "Aubignac", "given": "François", "non-dropping-particle": "d'"},
    {"family": "Santos", "given": "Rui", "non-dropping-particle": "dos"},
    {"family": "Ven", "given": "Karel", "non-dropping-particle": "van der"},
    {"family": "Luca", "given": "Marco", "non-dropping-particle": "De"},
    {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
    {"family": "Gates", "given": "William H.", "suffix": "III"},
]
NON_LATIN = [
    {"family": "王", "given": "小明"},
    {"family": "李", "given": "华"},
    {"family": "山田", "given": "太郎"},
    {"family": "김", "given": "민준"},
    {"family": "Иванов", "given": "Сергей"},
    {"family": "Παπαδόπουλος", "given": "Γιώργος"},
    {"family": "حداد", "given": "رامي"},
]
INSTITUTIONS = [
    "World Health Organization", "National Institutes of Health", "European Commission",
    "American Psychological Association", "Centers for Disease Control and Prevention",
    "Statistics Norway", "Organisation for Economic Co-operation and Development",
    "UNESCO", "Intergovernmental Panel on Climate Change", "Royal Society of Chemistry",
]
JOURNALS = [
    ("Journal of Clinical Oncology", "J Clin Oncol"),
    ("The Lancet", "Lancet"),
    ("Nature", "Nature"),
    ("Psychological Science", "Psychol Sci"),
    ("Archives de Pédiatrie", "Arch Pediatr"),
    ("BMC Public Health", "BMC Public Health"),
    ("Journal of Personality and Social Psychology", "J Pers Soc Psychol"),
    ("New England Journal of Medicine", "N Engl J Med"),
    ("PLOS ONE", "PLoS One"),
    ("Zeitschrift für Psychologie", "Z Psychol"),
    ("American Journal of Public Health", "Am J Public Health"),
    ("Cognition", "Cognition"),
]
TITLE_WORDS = [
    "effects", "children", "memory", "outcomes", "randomized", "trial", "analysis", "cohort",
    "risk", "cancer", "learning", "social", "climate", "policy", "model", "network", "survey",
    "treatment", "adolescents", "women", "health", "data", "evidence", "systematic", "review",
    "long-term", "cross-sectional", "study", "language", "brain", "sleep", "depression",
]
TITLE_SPECIALS = [
    "Does {a} predict {b}?",
    "{A} and {b}: a {c} of {d}",
    "The {a} of {b} in {c}",
    "{A}, {b}, and {c}",
    "Why \"{a}\" matters for {b}",
    "{A} in the {b}'s {c}",
    "{A} of <i>Escherichia coli</i> in {b}",
    "{A} — a {b} {c}",
    "CO<sub>2</sub> {a} and {b}",
    "{A} after COVID-19: {b} in the USA and the UK",
    "{A} of {b}. Part 2",
    "{A}: {b}, {c}, {d}!",
]
PUBLISHERS = [
    ("Oxford University Press", "Oxford"), ("Springer", "Berlin"), ("Routledge", "New York"),
    ("Elsevier", "Amsterdam"), ("MIT Press", "Cambridge, MA"), ("Wiley", "Hoboken, NJ"),
    ("Gallimard", "Paris"), ("Cambridge University Press", "Cambridge"),
]
PAGES = [
    "289-306", "1-12", "e0123456", "S12-S19", "123-45", "1101-1102", "77", "2345-2399",
    "iii-xv", "10.1-10.9", "501–518", "99-101", "1024-1031", "e12",
]


def _person(rng: random.Random) -> dict:
    roll = rng.random()
    if roll < 0.06:
        return dict(rng.choice(PARTICLE_NAMES))
    if roll < 0.10:
        return dict(rng.choice(NON_LATIN))
    return {"family": rng.choice(FAMILIES), "given": rng.choice(GIVENS)}


def _authors(rng: random.Random) -> list[dict]:
    roll = rng.random()
    if roll < 0.07:
        return [{"literal": rng.choice(INSTITUTIONS)}]
    if roll < 0.12:
        count = rng.randint(8, 25)
    elif roll < 0.25:
        count = rng.randint(4, 7)
    else:
        count = rng.randint(1, 3)
    return [_person(rng) for _ in range(count)]


def _title(rng: random.Random) -> str:
    words = rng.sample(TITLE_WORDS, 4)
    if rng.random() < 0.35:
        template = rng.choice(TITLE_SPECIALS)
        return template.format(
            a=words[0], b=words[1], c=words[2], d=words[3], A=words[0].capitalize()
        )
    n = rng.randint(3, 9)
    text = " ".join(rng.choice(TITLE_WORDS) for _ in range(n))
    return text[0].upper() + text[1:]


def _issued(rng: random.Random) -> dict:
    roll = rng.random()
    year = rng.randint(1950, 2024)
    if roll < 0.55:
        return {"date-parts": [[year]]}
    if roll < 0.75:
        return {"date-parts": [[year, rng.randint(1, 12)]]}
    if roll < 0.90:
        return {"date-parts": [[year, rng.randint(1, 12), rng.randint(1, 28)]]}
    if roll < 0.94:
        return {"date-parts": [[year]], "season": rng.choice(["Spring", "Summer", "Winter"])}
    return {"date-parts": [[year], [year + rng.randint(1, 3)]]}


def _item(rng: random.Random, index: int) -> dict:
    kind = rng.choices(
        ["article-journal", "book", "chapter", "report", "thesis", "paper-conference",
         "webpage", "article-newspaper", "article-magazine", "dataset"],
        weights=[45, 12, 10, 7, 5, 6, 6, 4, 3, 2],
    )[0]
    item: dict = {"id": f"gen{index:03d}", "type": kind, "title": _title(rng)}
    if rng.random() > 0.03:
        item["author"] = _authors(rng)
    if rng.random() > 0.04:
        item["issued"] = _issued(rng)
    if kind == "article-journal":
        journal, abbr = rng.choice(JOURNALS)
        item.update({"container-title": journal, "container-title-short": abbr})
        item["volume"] = str(rng.randint(1, 120))
        if rng.random() < 0.8:
            item["issue"] = rng.choice([str(rng.randint(1, 12)), "3-4", "Suppl 2"])
        item["page"] = rng.choice(PAGES)
        if rng.random() < 0.6:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.randint(10000, 99999)}.{index}"
    elif kind in ("book", "report", "thesis", "dataset"):
        publisher, place = rng.choice(PUBLISHERS)
        if kind == "report" and rng.random() < 0.5:
            item["author"] = [{"literal": rng.choice(INSTITUTIONS)}]
            item["number"] = f"{rng.choice(['WHO/HIS', 'TR', 'No.'])} {rng.randint(1, 400)}"
            publisher = item["author"][0]["literal"]
        if kind == "thesis":
            item["genre"] = rng.choice(["Doctoral dissertation", "Master's thesis"])
            publisher = rng.choice(["University of Oslo", "Harvard University", "ETH Zürich"])
        item.update({"publisher": publisher, "publisher-place": place})
        if kind == "book" and rng.random() < 0.3:
            item["edition"] = str(rng.randint(2, 7))
        if kind == "book" and rng.random() < 0.15:
            item["editor"] = [_person(rng) for _ in range(rng.randint(1, 2))]
            if rng.random() < 0.5:
                item.pop("author", None)
    elif kind == "chapter":
        publisher, place = rng.choice(PUBLISHERS)
        item.update(
            {
                "container-title": _title(rng),
                "editor": [_person(rng) for _ in range(rng.randint(1, 3))],
                "publisher": publisher,
                "publisher-place": place,
                "page": rng.choice(PAGES),
            }
        )
    elif kind == "paper-conference":
        item["container-title"] = f"Proceedings of the {rng.randint(2, 40)}th International Conference on {rng.choice(TITLE_WORDS).capitalize()}"
        item["event-place"] = rng.choice(["Vienna, Austria", "Kyoto, Japan", "Online"])
        item["page"] = rng.choice(PAGES)
        item["publisher"] = rng.choice(["ACM", "IEEE", "Springer"])
    elif kind == "webpage":
        item["container-title"] = rng.choice(["BBC News", "Wikipedia", "Our World in Data"])
        item["URL"] = f"https://example.org/{rng.choice(TITLE_WORDS)}/{index}"
        item["accessed"] = {"date-parts": [[2023, rng.randint(1, 12), rng.randint(1, 28)]]}
    elif kind in ("article-newspaper", "article-magazine"):
        item["container-title"] = rng.choice(["The New York Times", "The Guardian", "Le Monde", "The Economist"])
        item["page"] = str(rng.choice(["A1", "12", "B4-B5", "33"]))
    if rng.random() < 0.05:
        item["translator"] = [_person(rng)]
    if rng.random() < 0.08:
        item["language"] = rng.choice(["fr", "de", "es"])
    return item


def _same_author_groups(rng: random.Random) -> list[dict]:
    """Same author, same year: the cases year-suffixes and given names are for."""
    items = []
    people = [
        [{"family": "Smith", "given": "John"}],
        [{"family": "Smith", "given": "Anne"}],
        [{"family": "Long", "given": "Anthony"}, {"family": "Huang", "given": "Wei"}, {"family": "Eze", "given": "Chidi"}],
        [{"family": "Long", "given": "Beatrice"}, {"family": "Huang", "given": "Wei"}, {"family": "Eze", "given": "Chidi"}],
        [{"family": "Huang", "given": "Li"}, {"family": "Eze", "given": "Ada"}, {"family": "Okafor", "given": "Chidi"}, {"family": "Baker", "given": "Tom"}],
        [{"family": "Huang", "given": "Li"}, {"family": "Baker", "given": "Tom"}, {"family": "Okafor", "given": "Chidi"}, {"family": "Eze", "given": "Ada"}],
    ]
    n = 0
    for group in people:
        for year in (2019, 2020, 2020, 2021):
            n += 1
            items.append(
                {
                    "id": f"grp{n:02d}",
                    "type": "article-journal",
                    "title": _title(rng),
                    "author": [dict(p) for p in group],
                    "issued": {"date-parts": [[year]]},
                    "container-title": "Cognition",
                    "container-title-short": "Cognition",
                    "volume": str(rng.randint(100, 250)),
                    "page": rng.choice(PAGES),
                }
            )
    for k in range(3):
        items.append(
            {
                "id": f"grpnd{k}",
                "type": "report",
                "title": _title(rng),
                "author": [{"literal": "World Health Organization"}],
                "publisher": "World Health Organization",
            }
        )
    return items


def build_corpus() -> list[dict]:
    rng = random.Random(SEED)
    items = [_item(rng, i) for i in range(GENERATED)]
    items += _same_author_groups(rng)
    with open(HERE / "handmade.json", encoding="utf-8") as handle:
        items += json.load(handle)
    return items


def build_clusters(items: list[dict]) -> list[list[dict]]:
    """A document's in-text citations: single cites, locators, multi-cite clusters."""
    rng = random.Random(SEED + 1)
    ids = [item["id"] for item in items]
    clusters: list[list[dict]] = []
    for i, item_id in enumerate(ids):
        if i % 3 == 0:
            clusters.append([{"id": item_id}])
        elif i % 3 == 1:
            label, locator = rng.choice([("page", "12"), ("page", "45-47"), ("chapter", "3"), ("figure", "2")])
            clusters.append([{"id": item_id, "locator": locator, "label": label}])
    for _ in range(120):
        size = rng.randint(2, 5)
        cluster = [{"id": item_id} for item_id in rng.sample(ids, size)]
        clusters.append(cluster)
    group_ids = [item["id"] for item in items if item["id"].startswith("grp")]
    for start in range(0, len(group_ids), 4):
        clusters.append([{"id": item_id} for item_id in group_ids[start : start + 4]])
    clusters.append([{"id": item_id} for item_id in group_ids])
    return clusters
