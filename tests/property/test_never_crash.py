"""Whatever goes in, load, map, check and render end in a result or in our own error."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from citeform import render
from citeform.errors import CiteformError
from citeform.records.load import load_records
from citeform.records.validate import validate_paths
from citeform.styles import resolve

from .strategies import SETTINGS, csl_items, records, yaml_documents

YAML_CHARS = st.sampled_from(list("abc:- \n\t[]{}&*!|>'\"#%@`,?~0123456789.\\\u00e9"))


def one_line_each(e: CiteformError) -> None:
    """Every error is one line (several errors: one line each)."""
    for error in getattr(e, "errors", [e]):
        assert "\n" not in error.format(), error.format()


def load_and_render(raw: bytes, suffix: str = ".yaml") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"rec{suffix}"
        path.write_bytes(raw)
        try:
            records = load_records([str(path)], warn=lambda _m: None)
        except CiteformError as e:
            one_line_each(e)
            records = None
        for style in (None, "vancouver", "apa", "bibtex", "chicago"):
            resolved = resolve(style) if style is not None else None
            report = validate_paths([str(path)], style=resolved, duplicates=True)
            for problem in report.problems:
                assert "\n" not in problem.format(), problem.format()
    if records:
        for style in ("vancouver", "apa"):
            try:
                render(records, style)
            except CiteformError as e:
                one_line_each(e)


@SETTINGS
@given(st.text(YAML_CHARS, max_size=200))
def test_arbitrary_yaml_text(text: str) -> None:
    load_and_render(text.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=200))
def test_arbitrary_bytes(raw: bytes) -> None:
    load_and_render(raw)
    load_and_render(raw, ".json")


@SETTINGS
@given(yaml_documents)
def test_arbitrary_yaml_documents(data: Any) -> None:
    load_and_render(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


@SETTINGS
@given(st.lists(csl_items(), min_size=1, max_size=3))
def test_arbitrary_csl_json_items_render_or_fail_cleanly(items: list[dict[str, Any]]) -> None:
    for style in ("vancouver", "apa"):
        try:
            render(items, style)
        except CiteformError as e:
            one_line_each(e)


@SETTINGS
@given(st.lists(csl_items(), min_size=1, max_size=3), st.data())
def test_arbitrary_citations_render_or_fail_cleanly(items: list[dict[str, Any]], data) -> None:
    ids = [it.get("id") for it in items]
    cite = st.fixed_dictionaries({"id": st.sampled_from(ids)}, optional={
        "locator": st.text(max_size=5), "label": st.sampled_from(["page", "chapter", "bogus"]),
        "prefix": st.text(max_size=5), "suffix": st.text(max_size=5),
        "suppress-author": st.booleans(), "author-only": st.booleans()})
    clusters = data.draw(st.lists(st.lists(cite, min_size=1, max_size=3), min_size=1, max_size=3))
    try:
        render(items, "apa", citations=clusters)
    except CiteformError as e:
        one_line_each(e)


@SETTINGS
@given(st.lists(records(), min_size=1, max_size=3))
def test_arbitrary_record_dicts_through_the_api(items: list[dict[str, Any]]) -> None:
    for i, item in enumerate(items):
        item.setdefault("id", f"r{i}")
    try:
        render(items, "vancouver")
    except CiteformError as e:
        one_line_each(e)


@SETTINGS
@given(st.sampled_from(["Spring", "March", "circa", "15", "-", "/", "²", "٣", "1999", "2002-03",
                        "to", "~", "?", "ca.", "Summer", "3", "99999999"]).map(str), st.data())
def test_written_dates_parse_or_fail_cleanly(first: str, data) -> None:
    words = [first] + data.draw(st.lists(st.sampled_from(
        ["2001", "²", "March", "-", "/", "circa", "12", "Winter", "٢٠٠٢", "31", "x"]), max_size=4))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.yaml"
        path.write_text(yaml.safe_dump({"title": "T", "date": " ".join(words)}), encoding="utf-8")
        try:
            load_records([str(path)])
        except CiteformError:
            pass
    try:
        render([{"id": "d", "title": "T", "date": " ".join(words)}], "apa")
    except CiteformError:
        pass


CLUSTER_WORDS = st.sampled_from(list("@[];,-{}()0123456789abcXIV\\\"' ~^_*:/#&?<>") +
                                ["pp.", "chap.", "fig.", "p. ", "@a", "-@a", "@{x y}"])


@SETTINGS
@given(st.lists(CLUSTER_WORDS, max_size=40).map("".join))
def test_arbitrary_in_text_clusters_parse_or_fail_cleanly(text: str) -> None:
    from citeform.cite_job import _parse_clusters

    try:
        _parse_clusters([text])
    except CiteformError as e:
        one_line_each(e)
