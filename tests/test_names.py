"""Names as people write them -> CSL-JSON names."""

from __future__ import annotations

import pytest

from citeform.records.name_parsing import NameError_, format_name, parse_name, parse_names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rousseau, R.", {"family": "Rousseau", "given": "R."}),
        ("Jan van der Berg", {"family": "Berg", "non-dropping-particle": "van der", "given": "Jan"}),
        ("van der Berg, Jan", {"family": "Berg", "non-dropping-particle": "van der", "given": "Jan"}),
        ("de la Fontaine, Jean", {"family": "Fontaine", "non-dropping-particle": "de la", "given": "Jean"}),
        ("d'Alembert, Jean", {"non-dropping-particle": "d'", "family": "Alembert", "given": "Jean"}),
        ("King, Jr., Martin Luther", {"family": "King", "given": "Martin Luther", "suffix": "Jr."}),
        ("Smith, John, Jr.", {"family": "Smith", "given": "John", "suffix": "Jr."}),
        ("Martin Luther King Jr.", {"family": "King", "given": "Martin Luther", "suffix": "Jr."}),
        ("王, 小明", {"family": "王", "given": "小明"}),
        ("Beethoven, Ludwig van", {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"}),
        ("魯迅", {"literal": "魯迅"}),
        ("  Rousseau,   R. ", {"family": "Rousseau", "given": "R."}),
    ],
)
def test_parse_name_strings(text, expected):
    assert parse_name(text) == expected


def test_mappings_pass_through_including_institutions():
    assert parse_name({"literal": "World Health Organization"}) == {"literal": "World Health Organization"}
    csl = {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}
    assert parse_name(csl) == csl


@pytest.mark.parametrize("bad", ["", "   ", 42, ["a"], {"given": ""}, {"family": ["x"]}])
def test_bad_names(bad):
    with pytest.raises(NameError_):
        parse_name(bad)


def test_single_name_without_list():
    assert parse_names("Smith, John") == [{"family": "Smith", "given": "John"}]


def test_flow_list_split_at_commas_is_rejoined():
    # YAML reads [Rousseau, R., Bollard, C.] as four strings
    assert parse_names(["Rousseau", "R.", "Bollard", "C."]) == [
        {"family": "Rousseau", "given": "R."},
        {"family": "Bollard", "given": "C."},
    ]


@pytest.mark.parametrize(
    "name, text",
    [
        ({"family": "Rousseau", "given": "R."}, "Rousseau, R."),
        ({"family": "Berg", "non-dropping-particle": "van der", "given": "Jan"}, "van der Berg, Jan"),
        ({"family": "King", "given": "Martin Luther", "suffix": "Jr."}, "King, Jr., Martin Luther"),
        ({"non-dropping-particle": "d'", "family": "Alembert", "given": "Jean"}, "d'Alembert, Jean"),
        ({"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"}, "Beethoven, Ludwig van"),
    ],
)
def test_format_name_round_trips(name, text):
    assert format_name(name) == text
    assert parse_name(text) == name
