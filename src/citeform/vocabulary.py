"""The CSL 1.0.2 vocabulary (types and variables) and citeform's friendly aliases."""

from __future__ import annotations

# the language table lives in citeform.languages; these names stay importable from here
from .languages import LANGUAGE_CODES, LANGUAGES, is_english, language_name  # noqa: F401

CSL_TYPES = frozenset(
    """article article-journal article-magazine article-newspaper bill book broadcast chapter
    classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
    graphic hearing interview legal_case legislation manuscript map motion_picture musical_score
    pamphlet paper-conference patent performance periodical personal_communication post
    post-weblog regulation report review review-book software song speech standard thesis
    treaty webpage""".split()
)

TYPE_ALIASES = {
    "journal-article": "article-journal",
    "journal": "article-journal",
    "conference-paper": "paper-conference",
    "proceedings-paper": "paper-conference",
    "inproceedings": "paper-conference",
    "dissertation": "thesis",
    "phd-thesis": "thesis",
    "phdthesis": "thesis",
    "masters-thesis": "thesis",
    "web": "webpage",
    "website": "webpage",
    "web-page": "webpage",
    "tech-report": "report",
    "techreport": "report",
    "magazine": "article-magazine",
    "newspaper": "article-newspaper",
    "preprint": "article",
    "incollection": "chapter",
    "book-chapter": "chapter",
}
# "article" is a CSL type of its own (preprints, working papers), but people writing records
# by hand mean a journal article; CSL-JSON input keeps the CSL meaning (see mapping).
RECORD_ONLY_ALIASES = {"article": "article-journal"}

NAME_VARIABLES = frozenset(
    """author chair collection-editor compiler composer container-author contributor curator
    director editor editor-translator editorial-director executive-producer guest host
    illustrator interviewer narrator organizer original-author performer producer recipient
    reviewed-author script-writer series-creator translator""".split()
)

DATE_VARIABLES = frozenset(
    "accessed available-date event-date issued original-date submitted".split()
)

NUMBER_VARIABLES = frozenset(
    """chapter-number citation-number collection-number edition first-reference-note-number
    issue locator number number-of-pages number-of-volumes page page-first part-number
    printing-number section supplement-number version volume citation-label""".split()
)

STANDARD_VARIABLES = frozenset(
    """abstract annote archive archive_collection archive_location archive-place authority
    call-number citation-key collection-title container-title container-title-short dimensions
    division DOI event event-title event-place genre ISBN ISSN jurisdiction keyword language
    license medium note original-publisher original-publisher-place original-title
    part-title PMCID PMID publisher publisher-place references reviewed-genre reviewed-title
    scale source status title title-short URL volume-title year-suffix""".split()
)

META_KEYS = frozenset({"id", "type", "custom", "categories"})

CSL_VARIABLES = NAME_VARIABLES | DATE_VARIABLES | NUMBER_VARIABLES | STANDARD_VARIABLES

# Keys other processors (citeproc-js, Zotero) read in CSL-JSON; passed through untouched.
CSL_JSON_EXTRAS = frozenset(
    {"shortTitle", "journalAbbreviation", "multi", "system_id", "seeAlso", "abbreviations"}
)

# friendly record field -> CSL-JSON variable
FRIENDLY_FIELDS = {
    "authors": "author",
    "editors": "editor",
    "translators": "translator",
    "series-editors": "collection-editor",
    "container-authors": "container-author",
    "reviewed-authors": "reviewed-author",
    "journal": "container-title",
    "book-title": "container-title",
    "journal-abbreviation": "container-title-short",
    "short-title": "title-short",
    "series": "collection-title",
    "series-number": "collection-number",
    "conference": "event-title",
    "conference-place": "event-place",
    "date": "issued",
    "pages": "page",
    "place": "publisher-place",
    "institution": "publisher",
    "university": "publisher",
    "doi": "DOI",
    "url": "URL",
    "isbn": "ISBN",
    "issn": "ISSN",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "keywords": "keyword",
}

# fields citeform keeps in the neutral CSL-JSON under ``custom``
# ``author-others: true``: the author list names only the first authors (BibTeX's "and
# others"); styles print et al. after them
OTHERS_FIELDS = frozenset(f"{v}-others" for v in ("author", "editor", "translator",
                                                  "container-author"))
CUSTOM_FIELDS = frozenset({"translated-title"}) | OTHERS_FIELDS
