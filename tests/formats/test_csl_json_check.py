"""The compiled item check of the CSL-JSON schema says what ``jsonschema`` says, value for value."""

from __future__ import annotations

import json
from pathlib import Path

from fidelity.corpus import build_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeform.formats import csl_json

SCHEMA = csl_json.schema()
ITEM_PROPS = sorted(SCHEMA["$defs"]["item"]["properties"])
NAME_PROPS = sorted(SCHEMA["$defs"]["name"]["properties"])
DATE_PROPS = ["date-parts", "season", "circa", "literal", "raw"]
TYPES = SCHEMA["$defs"]["item"]["properties"]["type"]["enum"]
TESTS = Path(__file__).parents[1]


def jsonschema_says(value) -> bool:
    return csl_json._item_validator().is_valid(value)


def compiled_says(value) -> bool:
    return csl_json._item_check()(value)


def test_the_schema_compiles():
    """Every keyword of the shipped schema is known to the compiler (no silent fallback)."""
    defs = SCHEMA["$defs"]
    csl_json._compile(csl_json._inline(defs["item"], defs))


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 2**70), st.floats(allow_nan=True),
    st.sampled_from([0, 1, 4, 5, -1, 2.0, 2.5, 1e300]),
    st.text(max_size=6), st.sampled_from(["12", "-7", "1a", "", " 3", "book", *TYPES[:5]]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(NAME_PROPS + DATE_PROPS + ["x"]), inner,
                                            max_size=4)),
    max_leaves=12,
)
date_part = st.one_of(st.integers(-50, 3000), st.sampled_from(["2002", "-44", "2002a", "", 3.0, 3.5, True]))
dates = st.one_of(
    st.text(max_size=8),
    st.fixed_dictionaries({}, optional={
        "date-parts": st.lists(st.lists(date_part, max_size=4), max_size=3),
        "season": st.one_of(st.integers(-1, 6), st.floats(0, 5), st.text(max_size=3), st.booleans()),
        "circa": scalars, "literal": scalars, "raw": scalars, "x": scalars,
    }),
    values,
)
names = st.lists(st.one_of(
    st.fixed_dictionaries({}, optional={p: st.one_of(st.text(max_size=4), scalars) for p in NAME_PROPS}),
    values), max_size=3)
items = st.fixed_dictionaries(
    {},
    optional={
        "id": scalars, "type": st.one_of(st.sampled_from(TYPES), scalars),
        "title": st.one_of(st.text(max_size=5), values), "author": names, "editor": names,
        "issued": dates, "accessed": dates, "volume": scalars, "categories": values,
        "custom": values, "unknown-field": scalars,
        **{p: values for p in ITEM_PROPS[::7]},
    },
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(items, values))
def test_compiled_check_agrees_with_jsonschema(value):
    assert compiled_says(value) == jsonschema_says(value)


def real_items() -> list[dict]:
    """The CSL-JSON items of the test data and the fidelity corpus."""
    found = list(build_corpus())
    for path in sorted(TESTS.rglob("*.json")):
        if "csl-test-suite" in path.parts:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            continue
        found += [i for i in (data if isinstance(data, list) else [data])
                  if isinstance(i, dict) and "id" in i and "type" in i]
    return found


def test_agrees_on_real_items():
    """Real items (valid ones and some not) and each with one field broken."""
    found = real_items()
    assert len(found) > 100
    for item in found:
        assert compiled_says(item) == jsonschema_says(item)
    for item in found[:150]:
        for key in item:
            for bad in (None, [], {}, 1.5, "", [{"family": 1}], {"date-parts": [[1, 2, 3, 4]]},
                        [{"given": "A", "x": 1}], {"literal": "x", "season": 5}):
                broken = {**item, key: bad}
                assert compiled_says(broken) == jsonschema_says(broken), (key, bad)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(),
              st.sampled_from(["\u2028", "\x00\x1f", "é\"\\/", "\ud800"])),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.tuples(inner),
        st.dictionaries(st.one_of(st.text(max_size=4), st.integers(), st.booleans(), st.none()), inner,
                        max_size=4)),
    max_leaves=20,
)


@settings(max_examples=1500, deadline=None)
@given(json_values)
def test_fast_indented_json_is_json_dumps(value):
    assert csl_json.dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_indented_json_of_real_items():
    for item in real_items():
        assert csl_json.dumps_indented(item) == json.dumps(item, ensure_ascii=False, indent=2)
