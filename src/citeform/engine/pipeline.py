"""render_csl: drive citeproc-py with our style classes, then the output passes."""

from __future__ import annotations

import gc
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from citeproc.source import Citation, CitationItem, VariableError
from lxml import etree

from . import cache, parallel, serializers, typography
from . import clusters as cl
from .disambiguation import disambiguate, position_dependent
from .exceptions import EngineError
from .loader import load_style
from .markup import TokenFormatter
from .positions import assign_positions
from .registry import Bibliography, fast_item
from .source import OPEN_NAMES, ItemSource
from .state import EngineState


class EngineResult:
    """Rendered citations and bibliography entries, with the id of each entry."""

    def __init__(self, citations: list[str] | None = None, bibliography: list[str] | None = None,
                 bibliography_ids: list[str] | None = None) -> None:
        self.citations: list[str] = [] if citations is None else citations
        self.bibliography: list[str] = [] if bibliography is None else bibliography
        self.bibliography_ids: list[str] = [] if bibliography_ids is None else bibliography_ids

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EngineResult):
            return NotImplemented
        return (self.citations, self.bibliography, self.bibliography_ids) == (
            other.citations, other.bibliography, other.bibliography_ids)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"EngineResult(citations={self.citations!r}, bibliography={self.bibliography!r}, "
                f"bibliography_ids={self.bibliography_ids!r})")


def render_csl(
    items: Iterable[dict],
    style: str,
    citations: list | None = None,
    fmt: str = "text",
    locale: str | None = None,
    force_locale: bool = False,
    uncited: Sequence[str] = (),
    grouped_sort: bool = True,
) -> EngineResult:
    """Render CSL-JSON ``items`` with a CSL ``style`` (path or XML text).

    ``items`` is read once, before anything is rendered (an iterator may let each item go
    once the engine has made its reference).

    ``uncited``: with ``citations``, ids that go into the bibliography without being cited
    (pandoc's ``nocite``, citeproc-js's uncited items), after the cited ones.

    ``grouped_sort``: False sorts each cluster on the style's keys alone (see
    :func:`citeform.render`)."""
    if fmt not in serializers.FORMATS:
        raise EngineError(f"unknown output format {fmt!r}; choose one of {', '.join(serializers.FORMATS)}")
    loaded = load_style(style, locale, force_locale)
    try:
        with warnings.catch_warnings(), young_collections():
            warnings.simplefilter("ignore")
            return _render(loaded, items, citations, fmt, uncited, grouped_sort)
    except EngineError:
        raise
    except (
        etree.LxmlError, KeyError, TypeError, ValueError, AttributeError, IndexError,
        VariableError, RecursionError, ZeroDivisionError,
    ) as exc:
        raise EngineError(f"cannot render with this style: {type(exc).__name__}: {exc}") from None


# allocations between two collections of the youngest generation while rendering
YOUNG_THRESHOLD = 10_000


_collector_lock = threading.Lock()
_collector_users = 0  # young_collections blocks open, in any thread
_collector_saved: tuple[int, ...] | None = None  # the threshold before the outermost block


@contextmanager
def young_collections(freeze: bool = True) -> Iterator[None]:
    """Let the cyclic garbage collector look at what rendering makes, not at what it reads.

    Loading and rendering make many objects that live to the end (items, references, the
    style) and many small ones that are dropped at once (hardly any in cycles). With the
    collector's defaults each full collection walks all the live ones, more often as the
    input grows (6% of the time at 8,000 entries). Inside, the youngest generation is
    collected every ``YOUNG_THRESHOLD`` allocations instead of 700 (the outermost block, in
    any thread, sets and restores it), and with ``freeze`` what exists on entry is left out
    of collections (:func:`gc.freeze`) unless something is frozen already, a caller's
    freeze staying theirs. Nothing changes when the collector is off.
    """
    global _collector_users, _collector_saved
    with _collector_lock:
        if _collector_users == 0:
            _collector_saved = gc.get_threshold() if gc.isenabled() else None
            if _collector_saved is not None:
                gc.set_threshold(max(_collector_saved[0], YOUNG_THRESHOLD), *_collector_saved[1:])
        _collector_users += 1
        froze = freeze and _collector_saved is not None and not gc.get_freeze_count()
        if froze:
            gc.freeze()
    try:
        yield
    finally:
        with _collector_lock:
            if froze:
                gc.unfreeze()
            _collector_users -= 1
            if _collector_users == 0 and _collector_saved is not None:
                gc.set_threshold(*_collector_saved)
                _collector_saved = None


def _render(loaded, items: Iterable[dict], citations: list | None, fmt: str,
            uncited: Sequence[str] = (), grouped_sort: bool = True) -> EngineResult:
    source = ItemSource(items)
    bib = Bibliography(loaded, source, TokenFormatter)
    known = set(source)
    result = EngineResult()
    quotes = typography.locale_quotes(loaded)
    piq = typography.punctuation_in_quote(loaded)

    def finish(text) -> str:
        return typography.finish(str(text), quotes, piq)

    state = EngineState(implicit_year_suffix=uses_implicit_year_suffix(loaded))
    loaded.root.engine_state = state
    state.quotes = quotes
    state.note_braces = loaded.root.get("class") == "note"
    state.grouped_sort = grouped_sort
    made = []
    if citations is None:
        for key in source:
            bib.register(cl.make_citation([{"id": source.original_ids[key]}], known, None))
    else:
        cited: set[str] = set()
        for cluster in citations:
            cites, note_index = cl.cluster_cites(cluster)
            citation = cl.make_citation(cites, known, note_index)
            bib.register(citation)
            made.append(citation)
            cited.update(str(c["id"]).lower() for c in cites)
        for key in uncited:
            if str(key).lower() not in cited:
                cited.add(str(key).lower())
                bib.register(cl.make_citation([{"id": key}], known, None))
    _plain_bibliography_items(bib)
    if loaded.has_bibliography():
        bib.sort()
    assign_positions(made, near_note_distance(loaded))
    disambiguate(loaded, bib, list(bib.keys), state)
    state.resorted = _resorted(made, source)
    if cache.ENABLED and not position_dependent(loaded.root):
        # from here on a cite's text depends only on its item, locator and flags
        state.cite_memo = {}
    if citations is not None:
        for citation in made:
            text = bib.cite(citation, lambda item: None)
            result.citations.append(serializers.render_citation(finish(text), fmt))
    if loaded.has_bibliography():
        def finish_entry(entry) -> str:
            return serializers.render_entry(finish(entry), fmt)

        numeric = cites_by_number(loaded)
        for key, entry in zip(bib.keys, parallel.bibliography(bib, finish_entry), strict=True):
            if entry is None:
                if not numeric:
                    continue
                # a numbered list keeps its numbering: citeproc-js prints a placeholder entry
                entry = f"{len(result.bibliography) + 1}. [CSL STYLE ERROR: reference with no printed form.]"
                entry = serializers.render_entry(entry, fmt)
            result.bibliography.append(entry)
            result.bibliography_ids.append(source.original_ids.get(key, key))
    return result


def _resorted(made: list, source) -> dict[int, set[str]]:
    """The citations citeproc-js may sort again on the style's keys alone: ``id()`` of each,
    with the keys of the items that would make it do so.

    citeproc-js reads each item of a citation afresh when it processes the citation; an item
    whose stored copy changed since counts as changed, and every earlier citation of it is then
    sorted again with the plain sort, without the grouped sort of a collapsing in-text citation
    (its ties kept in the grouped order): ``Baker, 1788; McDonald, 1990; 1995b; Lefèvre et al.,
    2013; 2019b`` for a citation of "Lefèvre, …, Prince" cited again later. The copy changes
    when the item holds a person's name without a family or a given part and that name is
    rendered (filled with ``""``): here, an item cited again later; whether its cite renders
    names is asked when the citation is rendered (``citations.render_cluster``).
    """
    last: dict[str, int] = {}
    for index, citation in enumerate(made):
        for cite in citation.cites:
            reference = source.get(cite.key)
            if reference is not None and reference.get(OPEN_NAMES):
                last[cite.key] = index
    if not last:
        return {}
    found: dict[int, set[str]] = {}
    for index, citation in enumerate(made):
        keys = {cite.key for cite in citation.cites if last.get(cite.key, -1) > index}
        if keys:
            found[id(citation)] = keys
    return found


def cites_by_number(loaded) -> bool:
    """True when the citation prints ``citation-number`` (itself or through a macro)."""
    ns = {"cs": "http://purl.org/net/xbiblio/csl"}
    citation = loaded.root.find("cs:citation", ns)
    if citation is None:
        return False
    if citation.xpath('.//cs:text[@variable="citation-number"]', namespaces=ns):
        return True
    macros = {macro.get("name"): macro for macro in loaded.root.findall("cs:macro", ns)}
    seen: set[str] = set()
    todo = [el.get("macro") for el in citation.xpath(".//cs:text[@macro]", namespaces=ns)]
    while todo:
        name = todo.pop()
        macro = macros.get(name)
        if name in seen or macro is None:
            continue
        seen.add(name)
        if macro.xpath('.//cs:text[@variable="citation-number"]', namespaces=ns):
            return True
        todo.extend(el.get("macro") for el in macro.xpath(".//cs:text[@macro]", namespaces=ns))
    return False


def _plain_bibliography_items(bib) -> None:
    """Bibliography entries render from the item alone, never from a cite's locator or affixes.

    citeproc-py registers the first cite of each item as its bibliography item, so a style
    that prints ``locator`` when present (Chicago notes) would print it in the entry too.
    """
    plain = [fast_item(CitationItem(item.key)) for item in bib.items]
    holder = Citation(plain)
    holder.bibliography = bib
    bib.items = plain


def uses_implicit_year_suffix(loaded) -> bool:
    """True when the style never renders ``year-suffix`` itself."""
    found = loaded.root.xpath(
        './/cs:text[@variable="year-suffix" or @variable="citation-label"]', namespaces=loaded.root.nsmap
    )
    return not found  # a citation-label carries the year-suffix itself


def near_note_distance(loaded) -> int:
    try:
        return int(loaded.root.citation.get("near-note-distance", 5))
    except (TypeError, ValueError):
        return 5
