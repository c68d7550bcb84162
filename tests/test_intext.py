"""Pandoc citation syntax parsed into render() clusters."""

from __future__ import annotations

import pytest

from citeform.intext import LOCATOR_LABELS, parse_cluster, parse_clusters, parse_locator


def test_two_cites_in_one_cluster() -> None:
    assert parse_clusters("[@a; @b]") == [[{"id": "a"}, {"id": "b"}]]


def test_prefixes_locators_and_suffix() -> None:
    assert parse_cluster("[see @a, p. 5; also @b, chap. 2, and passim]") == [
        {"id": "a", "prefix": "see ", "locator": "5", "label": "page"},
        {
            "id": "b",
            "prefix": "also ",
            "locator": "2",
            "label": "chapter",
            "suffix": ", and passim",
        },
    ]


def test_bare_keys_are_author_in_text_or_suppressed() -> None:
    assert parse_clusters("As @a shows, and -@b too.") == [
        [{"id": "a", "mode": "author-in-text"}],
        [{"id": "b", "suppress-author": True}],
    ]


def test_suppress_author_in_brackets() -> None:
    assert parse_cluster("[-@a, p. 3]") == [
        {"id": "a", "locator": "3", "label": "page", "suppress-author": True}
    ]


def test_author_in_text_with_locator() -> None:
    assert parse_cluster("@key [p. 33]") == [
        {"id": "key", "mode": "author-in-text", "locator": "33", "label": "page"}
    ]


def test_author_in_text_followed_by_more_cites() -> None:
    assert parse_cluster("@a [p. 33; see @b]") == [
        {"id": "a", "mode": "author-in-text", "locator": "33", "label": "page"},
        {"id": "b", "prefix": "see "},
    ]


def test_author_in_text_suffix_without_locator_gets_a_comma() -> None:
    assert parse_cluster("@a [and elsewhere]") == [
        {"id": "a", "mode": "author-in-text", "suffix": ", and elsewhere"}
    ]


def test_author_in_text_bracket_with_its_own_key_is_its_own_cluster() -> None:
    assert parse_clusters("@a [@b]") == [[{"id": "a", "mode": "author-in-text"}], [{"id": "b"}]]


def test_several_clusters_and_text_between_ignored() -> None:
    assert parse_clusters("Some text [@a] and [@b; @c], more text.") == [
        [{"id": "a"}],
        [{"id": "b"}, {"id": "c"}],
    ]


def test_no_citation_is_an_empty_list() -> None:
    assert parse_clusters("plain text, write to me@example.org") == []


def test_markdown_links_footnotes_and_spans_are_skipped() -> None:
    assert parse_clusters("[a link](http://x.org) [^1] [span]{.c} [ref][x] [@a]") == [[{"id": "a"}]]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[@doe2020]", "doe2020"),
        ("[@_x]", "_x"),
        ("[@Doe:2020.a-b+c?d<e>f~g/h#i$j%k&l]", "Doe:2020.a-b+c?d<e>f~g/h#i$j%k&l"),
        ("[@{https://doi.org/10.1000/x?a=b&c}]", "https://doi.org/10.1000/x?a=b&c"),
        ("[@{a{b}c}]", "a{b}c"),
        ("[@mü_ller]", "mü_ller"),
        ("[@http://x.org/y]", "http://x.org/y"),
    ],
)
def test_keys(text: str, key: str) -> None:
    assert parse_cluster(text) == [{"id": key}]


def test_trailing_key_punctuation_is_not_part_of_the_key() -> None:
    assert parse_cluster("[@doe2020.]") == [{"id": "doe2020", "suffix": "."}]
    assert parse_clusters("as @doe2020, said") == [[{"id": "doe2020", "mode": "author-in-text"}]]


@pytest.mark.parametrize(
    ("suffix", "locator", "label"),
    [
        ("p. 5", "5", "page"),
        ("pp. 5-7", "5-7", "page"),
        ("page 5", "5", "page"),
        ("pages 5–7", "5–7", "page"),
        ("chap. 2", "2", "chapter"),
        ("chapter 2", "2", "chapter"),
        ("ch. 2", "2", "chapter"),
        ("Chap. 2", "2", "chapter"),
        ("fig. 3", "3", "figure"),
        ("figs. 3-4", "3-4", "figure"),
        ("figure 3", "3", "figure"),
        ("sec. 4", "4", "section"),
        ("§ 4", "4", "section"),
        ("§§ 4-5", "4-5", "section"),
        ("para. 6", "6", "paragraph"),
        ("¶ 6", "6", "paragraph"),
        ("vol. 2", "2", "volume"),
        ("l. 10", "10", "line"),
        ("n. 7", "7", "note"),
        ("bk. 1", "1", "book"),
        ("col. 3", "3", "column"),
        ("fol. 12", "12", "folio"),
        ("no. 5", "5", "number"),
        ("op. 27", "27", "opus"),
        ("pt. 2", "2", "part"),
        ("s.v. 3", "3", "sub-verbo"),
        ("sub verbo 3", "3", "sub-verbo"),
        ("tbl. 1", "1", "table"),
        ("app. 2", "2", "appendix"),
        ("v. 9", "9", "verse"),
        ("vv. 9-12", "9-12", "verse"),
    ],
)
def test_locator_labels(suffix: str, locator: str, label: str) -> None:
    assert parse_cluster(f"[@a, {suffix}]") == [{"id": "a", "locator": locator, "label": label}]


def test_every_label_maps_to_a_hyphenated_csl_term() -> None:
    assert all(" " not in term for term in LOCATOR_LABELS.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[@a, 33]", {"id": "a", "locator": "33", "label": "page"}),
        ("[@a 33]", {"id": "a", "locator": "33", "label": "page"}),
        ("[@a, 33-35, 38]", {"id": "a", "locator": "33-35, 38", "label": "page"}),
        ("[@a, p. 5, 7]", {"id": "a", "locator": "5, 7", "label": "page"}),
        ("[@a, p. xiv]", {"id": "a", "locator": "xiv", "label": "page"}),
        ("[@a, p. 34(1)(a)]", {"id": "a", "locator": "34(1)(a)", "label": "page"}),
        ("[@a, sec. 1.2.3]", {"id": "a", "locator": "1.2.3", "label": "section"}),
        ("[@a, {pp. iv, vi-xi}]", {"id": "a", "locator": "iv, vi-xi", "label": "page"}),
        ("[@a, {roman xiv}]", {"id": "a", "locator": "roman xiv"}),
        ("[@a, {s.v. dolor}]", {"id": "a", "locator": "dolor", "label": "sub-verbo"}),
        ("[@a, {12}]", {"id": "a", "locator": "12", "label": "page"}),
        (
            "[@a{ii, A, D-Z}, with a suffix]",
            {"id": "a", "locator": "ii, A, D-Z", "suffix": ", with a suffix"},
        ),
        ("[@a{}, 99 years later]", {"id": "a", "suffix": ", 99 years later"}),
    ],
)
def test_locator_forms(text: str, expected: dict[str, object]) -> None:
    assert parse_cluster(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[@a and more]", {"id": "a", "suffix": " and more"}),
        ("[@a, and passim]", {"id": "a", "suffix": ", and passim"}),
        ("[@a, i.e. the best]", {"id": "a", "suffix": ", i.e. the best"}),
        (
            "[@a, p. 5 and passim]",
            {"id": "a", "locator": "5", "label": "page", "suffix": " and passim"},
        ),
        ("[@a, vol. 2, p. 5]", {"id": "a", "locator": "2", "label": "volume", "suffix": ", p. 5"}),
        (
            "[  see   also  @a,  p.  5  ]",
            {"id": "a", "prefix": "see also ", "locator": "5", "label": "page"},
        ),
        (r"[see \[1\] @a]", {"id": "a", "prefix": "see [1] "}),
    ],
)
def test_suffixes_and_prefixes(text: str, expected: dict[str, object]) -> None:
    assert parse_cluster(text) == [expected]


def test_parse_locator() -> None:
    assert parse_locator(", pp. 5-7, and passim") == ("5-7", "page", ", and passim")
    assert parse_locator("passim") == (None, None, ", passim")
    assert parse_locator("") == (None, None, "")


def test_newline_inside_a_cluster() -> None:
    assert parse_cluster("[see\n@a,\np. 5]") == [
        {"id": "a", "prefix": "see ", "locator": "5", "label": "page"}
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", 'no citation key in "[]"'),
        ("[see above]", 'no citation key in "[see above]"'),
        ("[@a; @b", 'unclosed "[" in "[@a; @b"'),
        ("@a [p. 3", 'unclosed "[" in "[p. 3"'),
        ("@a]", 'unmatched "]" in "@a]"'),
        ("[@a; and more]", 'no citation key in "and more" (in "[@a; and more]")'),
        ("[@a @b]", 'separate citations with ";" in "[@a @b]"'),
        ("[@]", 'no citation key in "[@]"'),
        ("[@{a b}]", 'no citation key in "[@{a b}]"'),
    ],
)
def test_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_clusters(text)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_error_message_is_one_line_and_short() -> None:
    with pytest.raises(ValueError) as caught:
        parse_clusters("[@a;\n" + "x " * 100)
    assert "\n" not in str(caught.value)
    assert len(str(caught.value)) < 100


def test_parse_cluster_wants_exactly_one() -> None:
    with pytest.raises(ValueError, match=r'^no citation in "hello"$'):
        parse_cluster("hello")
    with pytest.raises(ValueError, match="found 2"):
        parse_cluster("[@a] [@b]")


def _read_key_by_characters(text, i):
    """The key reader as first written, one character at a time (the reference)."""
    from citeform.intext import _KEY_PUNCT

    def regchar(c):
        return c.isalnum() or c == "_"

    n = len(text)
    if i >= n or not regchar(text[i]):
        return None
    j = i + 1
    while j < n:
        c = text[j]
        nxt = text[j + 1] if j + 1 < n else ""
        if regchar(c) or (c in _KEY_PUNCT and nxt and regchar(nxt)):
            j += 1
        elif c in ":/" and nxt == "/":
            j += 1
        else:
            break
    return text[i:j], j


def test_keys_are_read_as_one_character_at_a_time():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from citeform.intext import _read_key

    alphabet = list("aZ9_é٣:.#$%&-+?<>~/ ,;]@{}") + ["\u00b2", "\u2167"]

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet=st.sampled_from(alphabet), max_size=15), st.integers(0, 3))
    def check(text, i):
        if text[i:i + 1] == "{":
            return  # braced keys have their own reading
        assert _read_key(text, i) == _read_key_by_characters(text, i)

    check()
