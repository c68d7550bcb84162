"""Seeded generator of random, realistic CSL-JSON items and citation clusters.

``generate(seed, items, clusters)`` returns ``(items, clusters)``: the same seed always gives the
same data, a new seed gives data no test has seen.  It covers every CSL item type; names with
particles, suffixes, initials, hyphens, one-field names and CJK, Cyrillic and Greek names; groups
of items by the same authors in the same year; editors who are authors elsewhere; dates with
ranges, seasons, circa, text and missing dates; pages and locators of every shape; titles with
mixed case, inner quotes, ``?``/``!`` endings and markup; identifiers with odd characters; and
languages as ISO 639-1, ISO 639-2 codes and names.  Every item is cited at least once, so that
one render of the clusters also gives the bibliography of every item.
"""

from __future__ import annotations

import random

ITEM_TYPES = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "dataset", "entry", "entry-dictionary", "entry-encyclopedia",
    "figure", "graphic", "interview", "legal_case", "legislation", "manuscript", "map",
    "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
    "personal_communication", "post", "post-weblog", "report", "review", "review-book", "song",
    "speech", "thesis", "treaty", "webpage",
]
# Weights: journal articles, books and chapters dominate real bibliographies.
TYPE_WEIGHTS = {"article-journal": 30, "book": 10, "chapter": 8, "report": 5, "paper-conference": 5,
                "thesis": 3, "webpage": 4, "article-newspaper": 3, "article-magazine": 2}

FAMILIES = [
    "Smith", "Jones", "Brown", "Taylor", "Wilson", "Martin", "Lee", "Clark", "Walker", "Hall",
    "Young", "Allen", "Wright", "Scott", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell",
    "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart",
    "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell",
    "Gómez", "Kelly", "Howard", "Ward", "Cox", "Díaz", "Richardson", "Wood", "Watson", "Brooks",
    "Bennett", "Gray", "James", "Reyes", "Cruz", "Hughes", "Price", "Myers", "Long", "Foster",
    "Sanders", "Ross", "Morales", "Powell", "Sullivan", "Russell", "Ortiz", "Jenkins", "Gutiérrez",
    "Perry", "Butler", "Barnes", "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Jordan",
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
    "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Simon", "Michel", "Garnier", "Faure",
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsen", "Hansen",
    "Nguyen", "Tran", "Le", "Pham", "Huang", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Wu",
    "Kim", "Park", "Choi", "Jung", "Kang", "Cho", "Tanaka", "Suzuki", "Takahashi", "Watanabe",
    "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Sato", "Patel", "Singh", "Kumar", "Sharma",
    "Gupta", "Shah", "Okafor", "Mensah", "Okonkwo", "Abubakar", "Haddad", "Khalil", "Cohen",
    "Levi", "Yılmaz", "Kaya", "Demir", "Çelik", "Papadopoulos", "Ivanov", "Smirnova", "Popescu",
    "O'Brien", "O’Neill", "McDonald", "MacKenzie", "D'Angelo", "Smith-Jones", "Lloyd-Webber",
    "Garcia-Marquez", "ten Have", "Åström", "Øberg", "Łukasiewicz", "Núñez", "Ng", "Li", "Xu",
]
GIVENS = [
    "John", "Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
    "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Charles", "Karen", "Anna", "Hans", "Klaus", "Jürgen", "Ingrid", "Marie", "Jean", "Pierre",
    "Jean-Paul", "Jean-Baptiste", "Marie-Claire", "Anne-Sophie", "Hans-Peter", "Karl-Heinz",
    "Giulia", "Marco", "Luca", "Sofia", "Piotr", "Agnieszka", "Lars", "Sven", "Astrid", "Søren",
    "Björn", "Olga", "Sergei", "Nikos", "Eleni", "Wei", "Li", "Xiaoming", "Min-jun", "Eun-ji",
    "Seo-yeon", "Haruki", "Yuki", "Hiroshi", "Priya", "Arjun", "Rahul", "Chidi", "Ngozi", "Kwame",
    "Fatima", "Omar", "Avi", "Noa", "Emre", "Zeynep", "José Luis", "Ana María", "Juan Carlos",
    "María José", "Seán", "Siobhán", "Élodie", "Zoë", "J.", "R.", "J. A.", "A. B.", "K.-H.",
    "J.-P.", "M. C.", "John Q.", "Mary Ellen", "T. S.", "J.R.R.", "Ł.", "Thi Mai", "Van Minh",
    "Jr", "de la Cruz", "E. Jane", "H. G.", "Wm.", "Ch.", "Th.", "Yu.", "Zh.",
]
PARTICLE_NAMES = [
    {"family": "Beek", "given": "Jan", "non-dropping-particle": "van"},
    {"family": "Berg", "given": "Anna", "non-dropping-particle": "van den"},
    {"family": "Ven", "given": "Karel", "non-dropping-particle": "van der"},
    {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"},
    {"family": "Luca", "given": "Marco", "non-dropping-particle": "De"},
    {"family": "Santos", "given": "Rui", "non-dropping-particle": "dos"},
    {"family": "Alembert", "given": "Jean le Rond", "non-dropping-particle": "d’"},
    {"family": "Aubignac", "given": "François", "non-dropping-particle": "d'"},
    {"family": "Mesa", "given": "Rosa", "non-dropping-particle": "de la"},
    {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
    {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"},
    {"family": "Goethe", "given": "Johann Wolfgang", "dropping-particle": "von"},
    {"family": "Hoogh", "given": "Pieter", "non-dropping-particle": "de"},
    {"family": "Tocqueville", "given": "Alexis", "dropping-particle": "de"},
    {"family": "Kerckhove", "given": "Derrick", "non-dropping-particle": "de", "dropping-particle": ""},
    {"family": "Rijn", "given": "Rembrandt", "dropping-particle": "van"},
    {"family": "Oliveira", "given": "Maria", "non-dropping-particle": "de"},
    {"family": "La Fontaine", "given": "Jean", "non-dropping-particle": "de"},
    {"family": "al-Khwarizmi", "given": "Muhammad"},
    {"family": "Van Dyke", "given": "Dick"},
    {"family": "van Gogh", "given": "Vincent"},
    {"family": "von Neumann", "given": "John"},
    {"family": "di Caprio", "given": "Leonardo"},
]
SUFFIXED = [
    {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
    {"family": "Gates", "given": "William H.", "suffix": "III"},
    {"family": "Davis", "given": "Sammy", "suffix": "Jr"},
    {"family": "Ford", "given": "Henry", "suffix": "II"},
    {"family": "Griffey", "given": "Ken", "suffix": "Jr.", "comma-suffix": True},
    {"family": "Smith", "given": "John", "suffix": "Sr."},
]
NON_LATIN = [
    {"family": "王", "given": "小明"}, {"family": "李", "given": "华"}, {"family": "张", "given": "伟"},
    {"family": "山田", "given": "太郎"}, {"family": "佐藤", "given": "花子"}, {"family": "김", "given": "민준"},
    {"family": "Иванов", "given": "Сергей"}, {"family": "Петрова", "given": "Анна Викторовна"},
    {"family": "Смирнов", "given": "А. В."}, {"family": "Παπαδόπουλος", "given": "Γιώργος"},
    {"family": "Οικονόμου", "given": "Ελένη"}, {"family": "حداد", "given": "رامي"},
    {"family": "כהן", "given": "דוד"},
]
ONE_FIELD = [
    {"family": "Plato"}, {"family": "Aristotle"}, {"family": "Madonna"}, {"given": "Prince"},
    {"family": "Sukarno"}, {"literal": "Banksy"}, {"family": "Homer"},
]
INSTITUTIONS = [
    "World Health Organization", "National Institutes of Health", "European Commission",
    "American Psychological Association", "Centers for Disease Control and Prevention",
    "Statistics Norway", "Organisation for Economic Co-operation and Development", "UNESCO",
    "Intergovernmental Panel on Climate Change", "Royal Society of Chemistry",
    "U.S. Department of Health & Human Services", "Robert Koch-Institut", "Institut Pasteur",
    "The Cochrane Collaboration", "R Core Team", "GBD 2019 Diseases and Injuries Collaborators",
    "Bundesministerium für Bildung und Forschung", "Ministère de la Santé",
]
JOURNALS = [
    ("Journal of Clinical Oncology", "J Clin Oncol"), ("The Lancet", "Lancet"), ("Nature", "Nature"),
    ("Psychological Science", "Psychol Sci"), ("Archives de Pédiatrie", "Arch Pediatr"),
    ("BMC Public Health", "BMC Public Health"), ("New England Journal of Medicine", "N Engl J Med"),
    ("PLOS ONE", "PLoS One"), ("Zeitschrift für Psychologie", "Z Psychol"),
    ("American Journal of Public Health", "Am J Public Health"), ("Cognition", "Cognition"),
    ("Journal of the American Chemical Society", "J. Am. Chem. Soc."),
    ("Physical Review Letters", "Phys. Rev. Lett."), ("Annalen der Physik", "Ann. Phys."),
    ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "IEEE Trans. Pattern Anal. Mach. Intell."),
    ("Cell", "Cell"), ("Science", "Science"), ("BMJ", "BMJ"), ("arXiv", ""), ("bioRxiv", ""),
    ("Journal of Personality and Social Psychology", "J Pers Soc Psychol"),
    ("American Sociological Review", "Am. Sociol. Rev."), ("Revue française de sociologie", "Rev. Fr. Sociol."),
    ("Statistics in Medicine", "Stat Med"), ("Proceedings of the National Academy of Sciences of the United States of America", "Proc Natl Acad Sci U S A"),
]
WORDS = [
    "effects", "children", "memory", "outcomes", "randomized", "trial", "analysis", "cohort",
    "risk", "cancer", "learning", "social", "climate", "policy", "model", "network", "survey",
    "treatment", "adolescents", "women", "health", "data", "evidence", "systematic", "review",
    "long-term", "cross-sectional", "study", "language", "brain", "sleep", "depression", "of",
    "the", "and", "in", "for", "on", "with", "from", "to", "a", "an", "between", "among", "into",
    "follow-up", "t-SNE", "self-report", "COVID-19", "DNA", "RNA-seq", "mRNA", "arXiv", "iPhone",
    "bioRxiv", "eHealth", "machine", "deep", "neural", "patients", "primary", "care", "mortality",
    "urban", "rural", "inequality", "migration", "gender", "voting", "elections", "democracy",
    "U.S.", "UK", "EU", "Parkinson's", "Alzheimer’s", "vs.", "pre-school", "well-being",
    "state-of-the-art", "X-ray", "p-values", "CO2", "in vitro", "in vivo", "via", "per", "up",
]
TITLE_TEMPLATES = [
    "{T}", "{T}: {t}", "{T}? {t}", "Does {t} predict {t}?", "{T}!", "{T}: a {t}",
    "Why \"{t}\" matters for {t}", "{T} in the {t}'s {t}", "{T} of <i>Escherichia coli</i> in {t}",
    "{T} — a {t}", "CO<sub>2</sub> {t}", "{T}. Part 2", "{T}, {t}, and {t}", "{T}?: {t}",
    "The “{t}” of {t}", "{T} ‘{t}’ {t}", "<span class=\"nocase\">{t}</span> {t}", "{T} (1990–2020)",
    "{T}: {t}?", "On {t}: {t}. {T}", "{T}... {t}", "{T} <b>{t}</b>", "{T} vs. {t}", "{T}—{t}",
    "{T}: An {t}", "“{T}”: {t}", "{T} & {t}", "{T}; {t}", "{T} – {t}", "{T}, 2nd ed.",
]
FOREIGN_TITLES = [
    "Über die Elektrodynamik bewegter Körper", "La méthode expérimentale en médecine",
    "Die Verwandlung und andere Erzählungen", "À la recherche du temps perdu",
    "Влияние климата на здоровье", "气候变化对健康的影响", "健康と睡眠に関する研究",
    "Η επίδραση του κλίματος", "El impacto de la migración en América Latina",
]
PUBLISHERS = [
    ("Oxford University Press", "Oxford"), ("Springer", "Berlin"), ("Routledge", "New York"),
    ("Elsevier", "Amsterdam"), ("MIT Press", "Cambridge, MA"), ("Wiley", "Hoboken, NJ"),
    ("Gallimard", "Paris"), ("Cambridge University Press", "Cambridge"), ("Suhrkamp", "Frankfurt am Main"),
    ("Presses Universitaires de France", "Paris"), ("Nauka", "Moscow"), ("Iwanami Shoten", "Tokyo"),
    ("Sage", "Thousand Oaks, CA"), ("Harper & Row", "New York, NY"), ("", "London"), ("W. W. Norton", ""),
]
PAGES = [
    "289-306", "1-12", "e0123456", "S12-S19", "123-45", "1101-1102", "77", "2345-2399", "iii-xv",
    "10.1-10.9", "501–518", "99-101", "1024-1031", "e12", "321-8", "1496-504", "xii", "12, 14, 16-18",
    "A1-A3", "15-15", "100-1", "2-3 & 7", "S1", "1–1.5", "110-110", "5–", "45 ff.", "IV-VII",
    "1000-1012", "12-", "pp. 5-7", "3\\-B", "2e-4e",
]
LOCATORS = [
    ("page", "12"), ("page", "45-47"), ("page", "45–7"), ("page", "101-9"), ("page", "iv"),
    ("page", "12, 15"), ("page", "3 & 5"), ("page", "12ff."), ("chapter", "3"), ("figure", "2"),
    ("section", "4.2"), ("paragraph", "17"), ("line", "5-10"), ("verse", "3:16"), ("volume", "2"),
    ("note", "14"), ("table", "3"), ("column", "2"), ("issue", "4"), ("folio", "12r"),
    ("part", "II"), ("book", "7"), ("opus", "9"), ("sub verbo", "nation"), ("page", "S12-S14"),
    ("page", "1101-1102"), ("chapter", "2–4"), ("page", "e123"), ("page", "23 n. 4"),
]
LANGUAGES = [
    "en", "en-US", "en-GB", "fr", "fr-FR", "de", "de-DE", "es", "it", "ja", "zh", "zh-CN", "ru",
    "el", "fre", "fra", "ger", "deu", "chi", "zho", "jpn", "spa", "rus", "eng", "French", "German",
    "Japanese", "Chinese", "English", "Spanish", "Russian", "Dutch", "nl", "pt", "Portuguese", "ko",
]
GENRES = ["Doctoral dissertation", "Master's thesis", "PhD thesis", "Technical report", "Working paper",
          "Film", "Podcast", "Blog post", "Policy brief", "Thèse de doctorat", "Dissertation"]
MEDIUMS = ["Online", "DVD", "Print", "CD-ROM", "Film"]
SEASONS = [1, 2, 3, 4, "Spring", "Summer", "Autumn", "Winter", "Fall"]


class Generator:
    """One seeded run: a shared pool of people so that names recur across items."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        rng = self.rng
        # A pool of people who write several items (same authors, editors who are authors elsewhere).
        self.pool = [self._fresh_person() for _ in range(40)]
        # Namesakes: the same family name with different given names (given-name disambiguation).
        for family in rng.sample(FAMILIES, 6):
            for given in rng.sample(GIVENS[:60], 2):
                self.pool.append({"family": family, "given": given})
        self.author_lists = [self._fresh_authors() for _ in range(25)]

    def _fresh_person(self) -> dict:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            return dict(rng.choice(PARTICLE_NAMES))
        if roll < 0.12:
            return dict(rng.choice(SUFFIXED))
        if roll < 0.20:
            return dict(rng.choice(NON_LATIN))
        if roll < 0.22:
            return dict(rng.choice(ONE_FIELD))
        return {"family": rng.choice(FAMILIES), "given": rng.choice(GIVENS)}

    def person(self) -> dict:
        if self.rng.random() < 0.35:
            return dict(self.rng.choice(self.pool))
        return self._fresh_person()

    def _fresh_authors(self) -> list[dict]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.06:
            return [{"literal": rng.choice(INSTITUTIONS)}]
        if roll < 0.10:
            count = rng.randint(8, 30)
        elif roll < 0.25:
            count = rng.randint(4, 7)
        else:
            count = rng.choice([1, 1, 1, 2, 2, 3])
        names = [self.person() for _ in range(count)]
        if rng.random() < 0.04 and count > 1:
            names.append({"literal": rng.choice(INSTITUTIONS)})
        return names

    def authors(self) -> list[dict]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            names = [dict(n) for n in rng.choice(self.author_lists)]
            if rng.random() < 0.2 and len(names) > 1:
                names[-1] = self.person()  # same first authors, different later ones
            return names
        return self._fresh_authors()

    def title(self) -> str:
        rng = self.rng
        if rng.random() < 0.05:
            return rng.choice(FOREIGN_TITLES)

        def words(low: int, high: int) -> str:
            return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))

        template = rng.choice(TITLE_TEMPLATES)
        out = ""
        first = True
        for chunk in template.split("{"):
            if "}" not in chunk:
                out += chunk
                continue
            key, rest = chunk.split("}", 1)
            text = words(3, 8) if key == "T" else words(1, 4)
            if key == "T" and first:
                text = text[0].upper() + text[1:]
            case = rng.random()
            if case < 0.15:
                text = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))  # Title Case input
            elif case < 0.18:
                text = text.upper()
            first = False
            out += text + rest
        return out

    def date(self, *, allow_text: bool = True) -> dict:
        rng = self.rng
        roll = rng.random()
        year = rng.choice([rng.randint(1600, 2025), rng.randint(1990, 2025), rng.randint(2015, 2024)])
        if roll < 0.45:
            date: dict = {"date-parts": [[year]]}
        elif roll < 0.62:
            date = {"date-parts": [[year, rng.randint(1, 12)]]}
        elif roll < 0.78:
            date = {"date-parts": [[year, rng.randint(1, 12), rng.randint(1, 28)]]}
        elif roll < 0.82:
            date = {"date-parts": [[year]], "season": rng.choice(SEASONS)}
        elif roll < 0.86:
            date = {"date-parts": [[year], [year + rng.randint(1, 3)]]}
        elif roll < 0.89:
            month = rng.randint(1, 10)
            date = {"date-parts": [[year, month], [year, month + rng.randint(1, 2)]]}
        elif roll < 0.91:
            month, day = rng.randint(1, 12), rng.randint(1, 20)
            date = {"date-parts": [[year, month, day], [year, month, day + rng.randint(1, 7)]]}
        elif roll < 0.94:
            date = {"date-parts": [[year]], "circa": True}
        elif roll < 0.96 and allow_text:
            date = {"literal": rng.choice(["in press", "forthcoming", "n.d.", "Spring 2020", "ca. 1850"])}
        elif roll < 0.98 and allow_text:
            date = {"raw": rng.choice([f"{year}", f"{year}-03-04", f"{year}/{year + 1}", f"March {year}"])}
        else:
            date = {"date-parts": [[str(year)]]}
        return date

    def identifier(self, kind: str) -> str:
        rng = self.rng
        if kind == "DOI":
            return rng.choice([
                f"10.{rng.randint(1000, 9999)}/{rng.randint(10000, 99999)}",
                f"10.1002/(SICI)1097-0258(19980715)17:13<1389::AID-SIM846>3.0.CO;2-{rng.choice('NQRS')}",
                f"10.1016/S0140-6736({rng.randint(10, 24)}){rng.randint(10000, 99999)}-{rng.randint(0, 9)}",
                f"10.1371/journal.pone.{rng.randint(1000000, 9999999):07d}",
                f"10.1093/ije/dy{rng.randint(100, 999)}.",
                f"10.1000/ABC_def-{rng.randint(1, 99)}:x;y",
                f"10.1103/PhysRevLett.{rng.randint(100, 130)}.{rng.randint(100000, 999999)}",
                f"10.5555/{rng.choice(['A.B', 'x..y', 'a--b', 'a::b', 'q?!'])}{rng.randint(1, 99)}",
            ])
        if kind == "URL":
            return rng.choice([
                f"https://example.org/{rng.choice(WORDS)}/{rng.randint(1, 999)}",
                f"https://www.example.com/a_b/c-d?q={rng.randint(1, 9)}&lang=en#sec",
                f"http://example.net/~user/Paper%20{rng.randint(1, 9)}.pdf",
                f"https://doi.org/10.{rng.randint(1000, 9999)}/abc::{rng.randint(1, 9)}",
                "https://example.org/path.",
            ])
        if kind == "PMID":
            return str(rng.randint(1000000, 39999999))
        if kind == "PMCID":
            return f"PMC{rng.randint(100000, 9999999)}"
        if kind == "ISBN":
            return rng.choice(["978-3-16-148410-0", "0-306-40615-2", "9780306406157", "978 0 19 852663 6"])
        return rng.choice(["1234-5678", "0028-0836", "1476-4687"])

    def item(self, index: int) -> dict:
        rng = self.rng
        weights = [TYPE_WEIGHTS.get(t, 1) for t in ITEM_TYPES]
        kind = rng.choices(ITEM_TYPES, weights=weights)[0]
        item: dict = {"id": f"s{self.seed}-{index}", "type": kind, "title": self.title()}
        if rng.random() < 0.93:
            item["author"] = self.authors()
        if rng.random() < 0.92:
            item["issued"] = self.date()
        if kind in ("article-journal", "article", "review", "review-book", "article-magazine"):
            journal, abbr = rng.choice(JOURNALS)
            item["container-title"] = journal
            if abbr and rng.random() < 0.8:
                item["container-title-short"] = abbr
            if rng.random() < 0.9:
                item["volume"] = rng.choice([str(rng.randint(1, 150)), str(rng.randint(1, 30)), "12A", "Suppl 1", "3-4"])
            if rng.random() < 0.7:
                item["issue"] = rng.choice([str(rng.randint(1, 12)), "3-4", "Suppl 2", "S1", "Pt 2", "spécial"])
            if rng.random() < 0.9:
                item["page"] = rng.choice(PAGES)
            if rng.random() < 0.2:
                item["number"] = str(rng.randint(1, 99))
        elif kind in ("book", "report", "thesis", "dataset", "pamphlet", "manuscript", "map",
                      "musical_score", "software", "standard", "patent"):
            publisher, place = rng.choice(PUBLISHERS)
            if kind == "report" and rng.random() < 0.4:
                item["author"] = [{"literal": rng.choice(INSTITUTIONS)}]
                publisher = item["author"][0]["literal"]
            if rng.random() < 0.3:
                item["number"] = rng.choice([str(rng.randint(1, 400)), f"TR-{rng.randint(1, 99)}", "No. 12", "WHO/HIS 17.2"])
            if publisher:
                item["publisher"] = publisher
            if place and rng.random() < 0.8:
                item["publisher-place"] = place
            if kind in ("book", "report") and rng.random() < 0.25:
                item["edition"] = rng.choice([str(rng.randint(2, 7)), "2nd", "Rev. ed.", "3rd ed.", "5"])
            if kind == "book" and rng.random() < 0.2:
                item["editor"] = [self.person() for _ in range(rng.randint(1, 3))]
                if rng.random() < 0.5:
                    item.pop("author", None)
            if kind == "book" and rng.random() < 0.1:
                item["number-of-volumes"] = str(rng.randint(2, 12))
            if kind == "book" and rng.random() < 0.1:
                item["volume"] = str(rng.randint(1, 5))
            if rng.random() < 0.3:
                item["number-of-pages"] = str(rng.randint(50, 900))
            if kind == "book" and rng.random() < 0.15:
                item["collection-title"] = rng.choice(["Lecture Notes in Computer Science", "Studies in Social Theory", "Que sais-je ?"])
                item["collection-number"] = str(rng.randint(1, 999))
            if kind == "thesis":
                item["publisher"] = rng.choice(["University of Oslo", "Harvard University", "ETH Zürich", "Université Paris-Saclay"])
        elif kind in ("chapter", "entry", "entry-dictionary", "entry-encyclopedia", "paper-conference"):
            publisher, place = rng.choice(PUBLISHERS)
            item["container-title"] = self.title()
            if rng.random() < 0.8:
                item["editor"] = [self.person() for _ in range(rng.choice([1, 1, 2, 3, 4]))]
            if publisher:
                item["publisher"] = publisher
            if place:
                item["publisher-place"] = place
            if rng.random() < 0.85:
                item["page"] = rng.choice(PAGES)
            if kind == "paper-conference":
                item["event-title"] = f"{rng.randint(2, 40)}th International Conference on {rng.choice(WORDS)}"
                item["event-place"] = rng.choice(["Vienna, Austria", "Kyoto, Japan", "Online", "Montréal"])
            if rng.random() < 0.15:
                item["container-author"] = [self.person()]
            if rng.random() < 0.15:
                item["volume"] = str(rng.randint(1, 20))
        elif kind in ("webpage", "post", "post-weblog"):
            item["container-title"] = rng.choice(["BBC News", "Wikipedia", "Our World in Data", "The Conversation", "Medium"])
            item["URL"] = self.identifier("URL")
            item["accessed"] = self.date(allow_text=False)
        elif kind in ("article-newspaper",):
            item["container-title"] = rng.choice(["The New York Times", "The Guardian", "Le Monde", "Die Zeit"])
            if rng.random() < 0.6:
                item["page"] = rng.choice(["A1", "12", "B4-B5", "33", "1, 4"])
            if rng.random() < 0.3:
                item["section"] = rng.choice(["Science", "Opinion", "Feuilleton"])
        elif kind in ("legal_case", "legislation", "bill", "treaty"):
            item["authority"] = rng.choice(["Supreme Court", "Bundesverfassungsgericht", "Conseil d'État"])
            item["container-title"] = rng.choice(["U.S.", "F.3d", "BVerfGE", "Stat."])
            item["volume"] = str(rng.randint(1, 600))
            item["page"] = str(rng.randint(1, 999))
            if rng.random() < 0.5:
                item.pop("author", None)
        elif kind in ("motion_picture", "broadcast", "song", "interview", "speech", "graphic", "figure"):
            if rng.random() < 0.5:
                item["director"] = [self.person()]
            item["medium"] = rng.choice(MEDIUMS)
            if rng.random() < 0.4:
                item["publisher"] = rng.choice(["Warner Bros.", "BBC", "Netflix", "Sony Music"])
            if kind == "speech":
                item["event"] = "Annual meeting"
                item["event-place"] = rng.choice(["Chicago, IL", "Berlin"])
        elif kind == "personal_communication":
            item["recipient"] = [self.person()]
        if kind == "thesis" or rng.random() < 0.04:
            item["genre"] = rng.choice(GENRES)
        if rng.random() < 0.5:
            item["DOI"] = self.identifier("DOI")
        if rng.random() < 0.15 and "URL" not in item:
            item["URL"] = self.identifier("URL")
            if rng.random() < 0.6:
                item["accessed"] = self.date(allow_text=False)
        if kind in ("article-journal", "review") and rng.random() < 0.25:
            item["PMID"] = self.identifier("PMID")
            if rng.random() < 0.5:
                item["PMCID"] = self.identifier("PMCID")
        if kind in ("book", "chapter") and rng.random() < 0.3:
            item["ISBN"] = self.identifier("ISBN")
        if kind == "article-journal" and rng.random() < 0.1:
            item["ISSN"] = self.identifier("ISSN")
        if rng.random() < 0.06:
            item["translator"] = [self.person()]
        if rng.random() < 0.05:
            item["original-date"] = self.date(allow_text=False)
        if rng.random() < 0.15:
            item["language"] = rng.choice(LANGUAGES)
        if rng.random() < 0.05:
            item["title-short"] = " ".join(item["title"].split()[:2])
        if rng.random() < 0.03:
            item["status"] = rng.choice(["in press", "forthcoming", "Epub ahead of print"])
        if rng.random() < 0.03:
            item["annote"] = "Annotated."
        if rng.random() < 0.04:
            item["note"] = rng.choice(["Retracted.", "In German.", "Original work published 1905"])
        if rng.random() < 0.03:
            item["version"] = rng.choice(["2", "1.0.3", "v2"])
        return item

    def same_author_year_group(self, start: int) -> list[dict]:
        """Two to four items by the same authors in the same year (year-suffixes, name expansion)."""
        rng = self.rng
        authors = rng.choice(self.author_lists + [[self.person()]])
        year = rng.randint(1995, 2024)
        group = []
        for offset in range(rng.randint(2, 4)):
            item = self.item(start + offset)
            item["author"] = [dict(n) for n in authors]
            roll = rng.random()
            if roll < 0.75:
                item["issued"] = {"date-parts": [[year]] if rng.random() < 0.7 else [[year, rng.randint(1, 12)]]}
            elif roll < 0.85:
                item.pop("issued", None)
            else:
                item["issued"] = {"literal": "in press"}
            group.append(item)
        return group


def generate(seed: int, n_items: int = 100, n_clusters: int = 25) -> tuple[list[dict], list[list[dict]]]:
    """Items and citation clusters for one seed; every item is cited at least once."""
    gen = Generator(seed)
    rng = gen.rng
    items: list[dict] = []
    while len(items) < n_items:
        if rng.random() < 0.15:
            items.extend(gen.same_author_year_group(len(items)))
        else:
            items.append(gen.item(len(items)))
    items = items[:n_items]
    # Editors who are authors elsewhere.
    for item in rng.sample(items, max(1, n_items // 20)):
        donor = rng.choice(items)
        if donor.get("author"):
            item["editor"] = [dict(donor["author"][0])]
    clusters = generate_clusters(rng, items, n_clusters)
    return items, clusters


def _cite(rng: random.Random, item_id: str) -> dict:
    cite: dict = {"id": item_id}
    roll = rng.random()
    if roll < 0.3:
        label, locator = rng.choice(LOCATORS)
        cite["locator"] = locator
        if rng.random() < 0.9:
            cite["label"] = label
    if rng.random() < 0.08:
        cite["prefix"] = rng.choice(["see ", "e.g., ", "cf. ", "See also ", "compare ", "; ", "(", "vgl. "])
    if rng.random() < 0.08:
        cite["suffix"] = rng.choice([", for example", " (emphasis added)", ", n. 3", "!", ".", ", passim", " ff."])
    if rng.random() < 0.04:
        cite["suppress-author"] = True
    return cite


def generate_clusters(rng: random.Random, items: list[dict], n_clusters: int) -> list[list[dict]]:
    """Clusters over every item, with repeated cites (ibid, subsequent) and same-author runs."""
    ids = [item["id"] for item in items]
    order = ids[:]
    rng.shuffle(order)
    n_clusters = max(1, n_clusters)
    # Split the shuffled ids into n_clusters runs of varying size (some runs keep neighbours,
    # so that same-author groups and consecutive numbers meet in one cluster).
    cuts = sorted(rng.sample(range(1, len(order)), min(n_clusters - 1, max(0, len(order) - 1))))
    runs = [order[a:b] for a, b in zip([0] + cuts, cuts + [len(order)], strict=True)]
    while len(runs) < n_clusters:
        runs.append([rng.choice(ids)])
    clusters: list[list[dict]] = []
    cited: list[str] = []
    for run in runs:
        chosen = list(run)
        if cited and rng.random() < 0.3:
            # A repeat: the previous cluster's item again (ibid) or an earlier one (subsequent).
            chosen.insert(rng.randrange(len(chosen) + 1), cited[-1] if rng.random() < 0.5 else rng.choice(cited))
        if rng.random() < 0.2 and len(chosen) > 1:
            chosen.sort()  # same-author groups and number runs side by side
        seen: set[str] = set()
        cluster = []
        for item_id in chosen:
            if item_id in seen:
                continue
            seen.add(item_id)
            cluster.append(_cite(rng, item_id))
        if len(cluster) == 1 and rng.random() < 0.1:
            cluster[0].pop("suppress-author", None)
            cluster[0]["author-only"] = True  # "Smith (2001) says": the author alone, in a cluster of its own
        clusters.append(cluster)
        cited.extend(c["id"] for c in cluster)
    return clusters
