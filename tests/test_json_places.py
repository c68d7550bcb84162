"""CSL-JSON places: every item and field is placed at its exact line and column however the
file is laid out, and the limits hold for every string (escaped quotes included)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from citeform.errors import DataError
from citeform.records import json_positions
from citeform.records.load import decode, load_records

ITEMS = [
    {"id": "a", "type": "book", "title": 'Brackets [x] {y}, "quotes", colons: a', "volume": 3,
     "author": [{"family": "type", "given": "title"}], "issued": {"date-parts": [[2001, 2]]}},
    {"id": "b", "type": "article", "note": "id", "title": "\u00e9\u4e2d\U0001f600 \\ back"},
    {"id": "c", "family": "after a nested family", "author": [{"family": "X"}]},
]


def _expected(text: str, items: list[dict], at: int = 0) -> list[tuple[tuple[int, int], dict]]:
    """Places found independently: each key is the first ``"key"`` then a colon after the
    previous field's value, which ``json`` tells by decoding from there."""
    decoder = json.JSONDecoder()
    out = []
    for item in items:
        start = text.index("{", at)
        fields, at = {}, start + 1
        for key, value in item.items():
            token = json.dumps(key, ensure_ascii="\\u" in text)
            at = text.index(token, at)
            fields[key] = _place(text, at)
            at = text.index(":", at + len(token)) + 1
            while text[at] in " \t\r\n":
                at += 1
            decoded, at = decoder.raw_decode(text, at)
            assert decoded == value
        out.append((_place(text, start), fields))
        at = text.index("}", at) + 1
    return out


def _place(text: str, at: int) -> tuple[int, int]:
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


LAYOUTS = {
    "indented": lambda items: json.dumps(items, indent=2, ensure_ascii=False),
    "minified": lambda items: json.dumps(items, separators=(",", ":"), ensure_ascii=False),
    "one line": lambda items: json.dumps(items, ensure_ascii=False),
    "tabs": lambda items: json.dumps(items, indent="\t", ensure_ascii=False),
    "escaped": lambda items: json.dumps(items, indent=1),
    "spaced": lambda items: json.dumps(items, indent=3).replace(": ", " :  ").replace(",", " ,"),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_field_is_placed_exactly(layout: str) -> None:
    text = LAYOUTS[layout](ITEMS)
    data, places = json_positions.load("x.json", text)
    assert data == json.loads(text)
    assert places == _expected(text, data)


def test_crlf_and_bom_are_placed_as_lines() -> None:
    raw = b"\xef\xbb\xbf" + json.dumps(ITEMS, indent=2).replace("\n", "\r\n").encode()
    text = decode(raw, "x.json")
    _, places = json_positions.load("x.json", text)
    assert places == _expected(text, ITEMS)


def test_items_inside_a_mapping_are_placed_after_going_back() -> None:
    """``{"items": [...]}`` with fields after the list: the items are placed after the fields
    that follow them."""
    text = '{"items": ' + json.dumps(ITEMS, indent=1) + ',\n "z": {"id": 1},\n "y": [2]}'
    data, places = json_positions.load("x.json", text)
    assert places == _expected(text, ITEMS, text.index("["))


def test_a_large_file_is_placed_exactly() -> None:
    rnd = random.Random(3)
    items = [{"id": f"i{n}", "type": "book", "title": "t" * rnd.randrange(50),
              "author": [{"family": "F", "given": "G"}] * rnd.randrange(3), "page": n}
             for n in range(3000)]
    text = json.dumps(items, indent=rnd.choice([None, 1, 2]))
    _, places = json_positions.load("x.json", text)
    assert places == _expected(text, items)


@pytest.mark.parametrize("title", [
    "x" * 75_000 + '\\"' + "y" * 75_000,  # quotes inside: no stretch between quotes is long
    "x" * 100_000 + "\\n",
    '\\"' * 100_001,
])
def test_a_string_over_the_limit_is_refused_whatever_it_holds(tmp_path: Path, title: str) -> None:
    path = tmp_path / "long.json"
    path.write_text('[{"id": "h", "type": "book", "title": "' + title + '"}]', encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_records([str(path)])
    assert "value longer than 100,000 characters" in info.value.format()


def test_a_string_at_the_limit_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "long.json"
    path.write_text('[{"id": "h", "type": "book", "title": "' + "x" * 99_999 + '\\""}]',
                    encoding="utf-8")
    assert len(load_records([str(path)])[0].csl["title"]) == 100_000


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_file_over_the_lazy_limit_is_placed_the_same(monkeypatch: pytest.MonkeyPatch, layout: str) -> None:
    """A file longer than ``LAZY_PLACES_MAX`` is read at once (its places found at once, so that
    its text is not kept alive by them in a batch of thousands of records): the same data and
    places as the item-at-a-time reading."""
    text = LAYOUTS[layout](ITEMS)
    lazy = json_positions.load("x.json", text)
    monkeypatch.setattr(json_positions, "LAZY_PLACES_MAX", 0)
    whole = json_positions.load("x.json", text)
    assert whole == lazy
    assert whole[1] == _expected(text, whole[0])
