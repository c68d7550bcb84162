"""Hypothesis strategies: arbitrary YAML-ish data, CSL-JSON-shaped items, canonical records."""

from __future__ import annotations

import os
import string
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from citeform.vocabulary import (
    CSL_TYPES,
    DATE_VARIABLES,
    FRIENDLY_FIELDS,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    STANDARD_VARIABLES,
)

# small for CI; CITEFORM_FUZZ_EXAMPLES=5000 for a long local run
SETTINGS = settings(max_examples=int(os.environ.get("CITEFORM_FUZZ_EXAMPLES", "60")),
                    deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FIELDS = sorted(set(FRIENDLY_FIELDS) | NAME_VARIABLES | DATE_VARIABLES | NUMBER_VARIABLES
                | STANDARD_VARIABLES | {"id", "type", "year", "custom", "translated-title"})

# text with the characters that trouble parsers and formatters
TRICKY = "&<>\"'{}[]\\$%#_^~*:;,.-/|@!?`\n\t \u00a0\u2013\u00e9\u00df\u4e2d\u0627\U0001f600\u00b2\u0663"
text = st.text(alphabet=st.sampled_from(string.ascii_letters + string.digits + TRICKY),
               max_size=30)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), text,
                    st.floats(allow_nan=False, allow_infinity=False))

json_like = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(FIELDS), text), children, max_size=4),
), max_leaves=20)


@st.composite
def records(draw: Any) -> dict[str, Any]:
    """A mapping with real field names (and some odd ones) holding values of any shape."""
    keys = draw(st.lists(st.one_of(st.sampled_from(FIELDS), text), max_size=8, unique=True))
    out = {k: draw(json_like) for k in keys}
    if draw(st.booleans()):
        out["id"] = draw(st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True))
    return out


yaml_documents = st.one_of(records(), st.lists(records(), max_size=3), json_like)

def mostly(good: Any, odd: Any) -> Any:
    """``good`` nine times in ten, else ``odd``: deep enough to reach the engine, odd enough
    to test it."""
    return st.integers(0, 9).flatmap(lambda n: good if n else odd)


# --- CSL-JSON items --------------------------------------------------------------------------

name_part = mostly(text, st.one_of(st.integers(-5, 5), st.none(), st.booleans()))
names = mostly(
    st.lists(st.dictionaries(
        st.sampled_from(["family", "given", "literal", "non-dropping-particle",
                         "dropping-particle", "suffix", "comma-suffix", "static-ordering",
                         "parse-names"]),
        name_part, max_size=4), max_size=4),
    json_like,
)
date_part = mostly(st.integers(-10000, 10000), st.one_of(text, st.none()))
dates = mostly(
    st.fixed_dictionaries({"date-parts": st.lists(st.lists(date_part, max_size=4), max_size=3)},
                          optional={"season": st.one_of(st.integers(-2, 6), text),
                                    "circa": st.one_of(st.booleans(), text),
                                    "literal": text, "raw": text}),
    json_like,
)


@st.composite
def csl_items(draw: Any, index: int = 0) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": draw(st.one_of(st.from_regex(r"[a-z]{1,6}", fullmatch=True), st.integers(0, 99)))
        if draw(st.integers(0, 9)) else draw(json_like),
        "type": draw(mostly(st.sampled_from(sorted(CSL_TYPES)), text)),
    }
    for var in draw(st.lists(st.sampled_from(sorted(NAME_VARIABLES)), max_size=2, unique=True)):
        item[var] = draw(names)
    for var in draw(st.lists(st.sampled_from(sorted(DATE_VARIABLES)), max_size=2, unique=True)):
        item[var] = draw(dates)
    standard = sorted(STANDARD_VARIABLES | NUMBER_VARIABLES)
    for var in draw(st.lists(st.sampled_from(standard), max_size=6, unique=True)):
        item[var] = draw(mostly(st.one_of(text, st.integers(-10**6, 10**6)), json_like))
    return item


# --- canonical records (written the way unmap writes them) ----------------------------------

word = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True)
plain = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ,.:'()-]{0,40}[A-Za-z0-9.)]", fullmatch=True) \
    .filter(lambda s: "  " not in s and ", " not in s and ": " not in s)
given = st.one_of(word, st.from_regex(r"[A-Z]\.", fullmatch=True))
canonical_name = st.builds(lambda f, g: f"{f}, {g}", word, given)


@st.composite
def canonical_records(draw: Any) -> dict[str, Any]:
    kind = draw(st.sampled_from(["article", "book", "chapter", "thesis", "report", "web"]))
    rec: dict[str, Any] = {"id": draw(st.from_regex(r"[a-z]{2,8}[0-9]{4}", fullmatch=True)),
                           "type": kind, "title": draw(plain)}
    rec["authors"] = draw(st.lists(canonical_name, min_size=1, max_size=4))
    container = {"article": "journal", "chapter": "book-title"}.get(kind)
    if container:
        rec[container] = draw(plain)
    if kind == "article":
        rec["volume"] = draw(st.integers(1, 999))
        rec["pages"] = draw(st.builds(lambda a, b: f"{a}-{a + b}", st.integers(1, 500),
                                      st.integers(1, 50)))
    if kind in ("book", "chapter", "report"):
        rec["publisher"] = draw(plain)
    if kind == "thesis":
        rec["university"] = draw(plain)
    if kind == "web":
        rec["url"] = "https://example.org/" + draw(st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True))
    if draw(st.booleans()):
        rec["year"] = draw(st.integers(1500, 2025))
    else:
        y, m, d = draw(st.integers(1500, 2025)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
        rec["date"] = f"{y}-{m:02d}-{d:02d}"
    if draw(st.booleans()):
        rec["language"] = draw(st.sampled_from(["fr", "de", "en", "es", "ja"]))
    if draw(st.booleans()):
        rec["keywords"] = draw(st.lists(word, min_size=1, max_size=3, unique=True))
    if draw(st.booleans()):
        rec["doi"] = "10.1000/" + draw(st.from_regex(r"[a-z0-9]{1,10}", fullmatch=True))
    return rec
