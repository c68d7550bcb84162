"""The public API: ``render(items, style, citations=None, format="text", locale=None)``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import DataError, UsageError

FORMATS = ("text", "html", "markdown", "rtf")


@dataclass
class RenderResult:
    """What :func:`render` returns.

    ``citations``: one string per cluster; ``bibliography``: one string per entry in the
    style's order; ``bibliography_ids``: the ids of those entries; ``items``: the neutral
    CSL-JSON of every item given, by id.
    """

    citations: list[str]
    bibliography: list[str]
    bibliography_ids: list[str]
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    style: str = ""


def to_items(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Neutral CSL-JSON for records (:class:`citeform.records.load.Record`), record dicts or CSL-JSON."""
    from .records.load import Record
    from .records.mapping import MappingError, to_csl

    out = []
    for i, it in enumerate(items):
        if isinstance(it, Record):
            out.append(it.csl)
        elif isinstance(it, dict):
            key = it.get("id")
            name = key if isinstance(key, str) and len(key) <= 100 else f"item {i + 1}"
            try:
                item = to_csl(it).item
            except MappingError as e:
                raise DataError(e.message, key=name, field=e.field) from None
            except (TypeError, ValueError) as e:  # a shape the mapping did not foresee
                raise DataError(f"cannot read this item: {e}", key=name) from None
            if "id" not in item:
                raise DataError("item has no id", key=f"item {i + 1}")
            out.append(item)
        else:
            raise DataError(f"item {i + 1} is a {type(it).__name__}, not a record or CSL-JSON mapping")
    return out


def render(
    items: Iterable[Any],
    style: str,
    citations: Sequence[Any] | None = None,
    format: str = "text",
    locale: str | None = None,
    *,
    ascii: bool = False,
    uncited: Sequence[str] = (),
    abbreviations: Any = None,
    consume: bool = False,
    grouped_sort: bool = True,
) -> RenderResult:
    """Render a bibliography (``citations=None``) or citation clusters with a style.

    ``items``: records or CSL-JSON dicts. ``style``: an alias (``vancouver``, ``apa``), a CSL
    repository id, a path to a ``.csl`` file, CSL XML text, or ``bibtex``/``biblatex``.
    ``citations``: clusters, each a list of cite dicts (``id``, ``locator``, ``label``,
    ``prefix``, ``suffix``, ``suppress-author``, ``author-only``) or a citeproc-js citation
    object ``{"citationItems": [...], "properties": {"noteIndex": N}}``. ``ascii``: with the
    BibTeX/BibLaTeX writers, accents as LaTeX commands instead of UTF-8. ``uncited``: with
    ``citations``, ids listed in the bibliography without being cited (pandoc's ``nocite``).
    ``abbreviations``: journal abbreviations for items without ``container-title-short`` — a
    path to a list in citeproc-js's JSON form, or that list as a dict; styles that follow the
    NLM also get the built-in rule (ISO 4 without periods) for titles the list lacks.
    ``False``: neither. ``consume``: ``items`` is a list the call empties as it reads it, and
    the result's ``items`` is empty; a caller that needs neither afterwards does not hold a
    large input twice (its CSL-JSON beside the engine's own copy). ``grouped_sort``: True (the
    default) sorts the cites of an in-text citation that collapses or groups cites as
    citeproc-js sorts a document's citations: on the author strings first, then the style's
    keys, one author's cites gathered. False sorts them on the style's keys alone, ties kept in
    the order given, nothing gathered, each key after the first in the direction of the key
    before it where the grouped sort would apply (the order of citeproc-js's
    ``makeCitationCluster``, by which the CSL test suite's ``citation_items`` fixtures were made).
    """
    from . import styles

    if not isinstance(grouped_sort, bool):
        raise UsageError(f"grouped_sort must be True or False, not {grouped_sort!r}")
    csl_items = to_items(items)
    if consume:
        items.clear()  # type: ignore[attr-defined]
    by_id = {} if consume else {it["id"]: it for it in csl_items}
    resolved = styles.resolve(style)
    if resolved.writer:
        return _render_writer(resolved, csl_items, citations, ascii, uncited)
    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
    laid_out = [_one_line_values(it) for it in prepare_items(csl_items, resolved, abbreviations)]
    if consume:
        csl_items.clear()
    from .engine import EngineError, render_csl

    # errors in a style file name the file as the user gave it
    label = style if resolved.path and resolved.path == style else resolved.name
    if locale:
        from .engine.loader import check_locale

        try:
            check_locale(locale)
        except EngineError as e:
            raise UsageError(f"{label}: {e}") from None
    try:
        res = render_csl(
            _taken(laid_out) if consume else laid_out,
            resolved.source,
            citations=list(citations) if citations is not None else None,
            fmt=format,
            locale=locale or resolved.default_locale,
            force_locale=bool(locale),
            uncited=list(uncited) if citations is not None else (),
            grouped_sort=grouped_sort,
        )
    except EngineError as e:
        raise DataError(f"{label}: {e}") from None
    return RenderResult(res.citations, res.bibliography, res.bibliography_ids, by_id, resolved.name)


def prepare_items(items: list[dict[str, Any]], style: Any,
                  abbreviations: Any = None) -> list[dict[str, Any]]:
    """The items laid out for a resolved style (:class:`citeform.styles.Style`): each title
    placed by the style's rule for translated titles, journal abbreviations added where
    missing (see :func:`render`), name lists cut short (BibTeX's ``and others``) closed by
    the engine's ``{"others": true}`` mark."""
    from .records import title_rules

    abbr = journal_abbreviations(style, abbreviations)
    out = []
    for it in items:
        it = title_rules.apply(it, style.title_rule)
        if abbr is not None:
            it = abbr.apply(it)
        out.append(_mark_others(it))
    return out


def journal_abbreviations(style: Any, abbreviations: Any = None) -> Any:
    """The journal abbreviations a resolved style gets (see
    :func:`citeform.records.journal_abbreviations.for_style`)."""
    if abbreviations in (None, False) and getattr(style, "title_rule", None) != "nlm":
        return None  # neither a list nor the rule (the module is not even imported)
    from .records.journal_abbreviations import for_style

    return for_style(style, abbreviations)


def _mark_others(item: dict[str, Any]) -> dict[str, Any]:
    custom = item.get("custom")
    if not isinstance(custom, dict):
        return item
    cut = [k[:-7] for k, v in custom.items() if k.endswith("-others") and v is True
           and isinstance(item.get(k[:-7]), list) and item[k[:-7]]]
    if not cut:
        return item
    return {**item, **{var: [*item[var], {"others": True}] for var in cut}}


def _one_line_values(item: dict[str, Any]) -> dict[str, Any]:
    """The item with control characters out of its values (tab, CR, LF: a space), so that
    a field can neither start a new line of output nor reach a terminal raw.

    What holds no control character is the caller's object itself, not a copy: a large
    bibliography is not held twice (names and dates are most of an item)."""
    from .safe_text import has_controls, one_line

    if not _holds_controls(item, has_controls):
        return item  # (most items: looked through, nothing built)

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return one_line(value) if has_controls(value) else value
        if isinstance(value, list):
            out = [clean(v) for v in value]
            return value if all(a is b for a, b in zip(out, value)) else out
        if isinstance(value, dict):
            cleaned = {k: clean(v) for k, v in value.items()}
            return value if all(cleaned[k] is v for k, v in value.items()) else cleaned
        return value

    out = {k: v if k in ("id", "note") else clean(v) for k, v in item.items()}
    if isinstance(out.get("note"), str) and has_controls(out["note"]):
        # its lines may be "field: value" pairs the engine reads (citeproc-js's note fields);
        # what is left of them is made one line by whoever prints the entry
        out["note"] = "\n".join(one_line(line) for line in out["note"].split("\n"))
    return item if all(out[k] is v for k, v in item.items()) else out


def _holds_controls(value: Any, has_controls: Callable[[str], bool]) -> bool:
    """Whether a text anywhere in ``value`` holds a control character."""
    stack = [value]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if has_controls(value):
                return True
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
    return False


def _taken(items: list[Any]) -> Iterator[Any]:
    """The items of a list, first to last, each removed from it as it is handed out."""
    items.reverse()
    while items:
        yield items.pop()


def _cluster_ids(cluster: Any) -> list[str]:
    cites = cluster.get("citationItems", []) if isinstance(cluster, dict) else cluster
    return [str(c["id"]) for c in cites]


def _render_writer(resolved: Any, items: list[dict[str, Any]], citations: Sequence[Any] | None,
                   ascii_only: bool, uncited: Sequence[str] = ()) -> RenderResult:
    """BibTeX/BibLaTeX: entries from citeform's writer; citations as ``\\cite{...}``."""
    from .formats.bibtex_writer import to_bibtex

    by_id = {it["id"]: it for it in items}
    if citations is not None:
        cites = [r"\cite{" + ",".join(_cluster_ids(c)) + "}" for c in citations]
        wanted: list[str] = []
        for c in citations:
            wanted += [i for i in _cluster_ids(c) if i not in wanted]
        wanted += [str(i) for i in uncited if str(i) not in wanted]
        chosen = [by_id[i] for i in wanted if i in by_id]
    else:
        cites, chosen = [], items
    entries = [
        to_bibtex([it], ascii=ascii_only, biblatex=resolved.writer == "biblatex").strip()
        for it in chosen
    ]
    return RenderResult(cites, entries, [it["id"] for it in chosen], by_id, resolved.name)
