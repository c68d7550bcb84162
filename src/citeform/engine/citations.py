"""Rendering one citation cluster: cite order, affixes, suppress-author, grouping, collapsing.

Entry point: :func:`render_cluster`, called by our ``cs:layout`` for ``cs:citation``.
"""

from __future__ import annotations

import re
from functools import cache, cmp_to_key

from citeproc.source import Citation, CitationItem, DateRange, VariableError
from citeproc.string import String

from . import markup as m
from .groups import end_of_cite
from .sorting import author_string_key, compare_keys, key_values, sort_items, text_key
from .state import get_state

NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"
# citeproc-js's marker for an author-only cite whose style prints no names (a numbered style)
NO_AUTHOR_FORM = "[NO_PRINTED_FORM]"


def is_placeholder(text: str) -> bool:
    """Whether a rendered citation (in any output format) is one of the placeholders above."""
    plain = text.replace("\\", "")  # Markdown escapes its brackets and underscores
    return NO_PRINTED_FORM in plain or NO_AUTHOR_FORM in plain


def render_cite(layout, cite, suppress_author: bool = False, author_only: bool = False,
                continues_group: bool = False, drop_year: bool = False):
    """One cite's text (without its prefix/suffix) and its first names output.

    ``continues_group``: the cite follows one of the same names in a collapsed group;
    ``drop_year``: its first year prints nothing (it is the previous cite's)."""
    state = get_state(layout)
    layout.repressed = {}
    flags = cite.get("_cite") or {}
    if state is not None:
        flagged_author_only = bool(flags.get("author-only"))
        state.begin_cite(
            suppress_author=suppress_author or bool(flags.get("suppress-author")),
            author_only=author_only or flagged_author_only,
            item=cite,
            # citeproc-js's element trace decides what a cite flagged so prints; a cite
            # continuing a collapsed group just loses its names
            trace=(flagged_author_only or bool(flags.get("suppress-author"))) and not continues_group,
        )
        if flagged_author_only:
            state.suppressed.add("locator")  # citeproc-js: done_vars holds it from the start
        state.continues_group = continues_group
        state.drop_year = drop_year
    try:
        text = end_of_cite(layout.render_children(cite))
    except VariableError:
        text = None
    names = state.first_names if state is not None else None
    if state is not None and state.author_only:
        if state.trace_on:
            text = without_decorations(text, state.quotes) if text is not None else None
        else:
            text = names
    return text, names


_DECORATION_TOKENS = frozenset(
    ch for pair in (m.ITALIC, m.BOLD, m.SMALLCAPS, m.SUPERSCRIPT, m.SUBSCRIPT, m.UNDERLINE,
                    m.NORMAL_STYLE, m.NORMAL_WEIGHT, m.NORMAL_VARIANT, m.NODECOR, m.BASELINE,
                    m.QUOTE, m.SQUOTE)
    for ch in pair
) | {m.STYLE_QUOTE}
_CURLY = {m.CURLY_DOUBLE[0]: "\u201c", m.CURLY_SINGLE[0]: "\u2018"}
_CURLY_CLOSE = frozenset((m.CURLY_DOUBLE[1], m.CURLY_SINGLE[1]))


def without_decorations(text, quotes) -> String:
    """An author-only cite's text as citeproc-js prints it: with its decorations suppressed
    (getCitationCluster's ``suppress_decorations``): no fonts, no quotes of the style, and of
    the quotations typed in the data only those whose marks are not the locale's (de-DE's
    ``“…”``) are left, as typed."""
    marks = (quotes.open, quotes.open_inner) if quotes is not None else ("\u201c", "\u2018")
    out = []
    kept: list[bool] = []  # per open typed quotation: whether its tokens stay
    for ch in str(text):
        if ch in _DECORATION_TOKENS:
            continue
        if ch in _CURLY:
            keep = _CURLY[ch] not in marks
            kept.append(keep)
            if not keep:
                continue
        elif ch in _CURLY_CLOSE:
            if kept and not kept.pop():
                continue
        out.append(ch)
    return String("".join(out))


def _memo_render_cite(layout, cite):
    """:func:`render_cite` of a cite of a citation, rendered once per item, locator and flags
    when the state holds a memo (see ``EngineState.cite_memo``)."""
    state = get_state(layout)
    memo = state.cite_memo if state is not None else None
    if memo is None:
        return render_cite(layout, cite)
    flags = cite.get("_cite") or {}
    locator = cite.get("locator")
    key = ("cite", cite.key, None if locator is None else (locator.label, str(locator.identifier)),
           bool(flags.get("suppress-author")), bool(flags.get("author-only")))
    found = memo.get(key)
    if found is None:
        text, names = render_cite(layout, cite)
        found = memo[key] = (text, names, state.names_tried, state.names_by_text,
                             list(state.more_names), state.text_variable_run)
    else:
        # as the render it stands for left them
        state.names_tried, state.names_by_text, state.more_names = found[2], found[3], list(found[4])
        state.text_variable_run = found[5]
    return found[0], found[1]


def _plain(text) -> str:
    return m.strip_tokens(str(text)) if text is not None else ""


def _affixed(cite, text):
    prefix = cite.get("prefix")
    suffix = cite.get("suffix")
    out = str(text) if text is not None else ""
    if cite.get("_braces"):  # a note style: the nested-brace rule counts the cite's affixes
        prefix, suffix = m.mark_braces(str(prefix or "")), m.mark_braces(str(suffix or ""))
    if prefix:
        prefix = str(prefix)
        if cite.get("_keep_delimiter") and m.PREFIX_PUNCT in prefix:
            prefix = m.NOJOIN + prefix.replace(m.PREFIX_PUNCT, "")  # and no join with the delimiter
        out = prefix + ("" if prefix.endswith((" ", "(", "[")) or not out else "") + out
    if suffix:
        suffix = str(suffix)
        if cite.get("_whole_delimiter"):
            suffix = suffix.replace(m.SUFFIX_PUNCT, "")
        out = out + _suffix_seam(suffix) + suffix
    return out


def _suffix_seam(suffix: str) -> str:
    """Tokens between a cite and its suffix, as citeproc-js joins them: a suffix of punctuation
    only stays as typed ('n.d.' + '.' is 'n.d..') and outside a closing quote, as does one
    starting with another mark than a period ('“Q”, p. 5'); '. x' joins as usual."""
    bare = suffix.replace(m.SUFFIX_PUNCT, "")
    if not bare or bare[0] not in ".,;:!?":
        return ""
    if not bare.strip(".,;:!?"):
        return m.NOPIQ + m.NOJOIN
    return "" if bare[0] == "." else m.NOPIQ


def _delims(citation_el, layout):
    delimiter = layout.get("delimiter", "")
    group = citation_el.get("cite-group-delimiter")
    after = citation_el.get("after-collapse-delimiter")
    if group is None:
        # citeproc-js (getSpliceDelimiter) joins the cites of one author with the layout's
        # delimiter when after-collapse-delimiter is given or the style is a note style, else
        # with ", "
        in_text = citation_el.get_root().get("class") == "in-text"
        plain = in_text and after is None and citation_el.get("collapse") != "citation-number"
        group = ", " if plain else delimiter
    if after is None:
        after = delimiter
    ys = citation_el.get("year-suffix-delimiter")
    if ys is None:  # falls back to an explicit cite-group-delimiter, then the layout's
        ys = citation_el.get("cite-group-delimiter", delimiter)
    return delimiter, group, after, ys


def _render_one(layout, cite) -> dict:
    text, names = _memo_render_cite(layout, cite)
    state = get_state(layout)
    return {"cite": cite, "text": text, "names": _plain(names) if names is not None else None,
            "names_tried": state is not None and state.names_tried,
            "names_by_text": state is not None and state.names_by_text,
            "text_variable_run": state is not None and state.text_variable_run,
            "more_names": tuple(_plain(n) for n in state.more_names) if state is not None else ()}


def _by_author_string(sort_el, cites: list, authors: dict[int, str | None]) -> list:
    """The cites ordered by their author strings, in the direction of the first sort key.

    citeproc-js's grouped sort (an in-text citation that collapses or has a
    ``cite-group-delimiter``) sorts on the author string first, then on the style's keys:
    cites tied on every key of the style keep the order of their names (Harvard, sorted by
    year only: ``(Lee, 2010; Mid, 2010; Zed, 2010)`` whatever order they are cited in), and
    only then are the cites of one author gathered. The sort that follows is stable. Author
    strings are collated as citeproc-js collates them, punctuation and spaces ignored
    (``Pham, Bailey, et al.`` before ``Pham et al.``).
    """
    first = sort_el.find("cs:key", sort_el.nsmap)
    descending = first is not None and first.get("sort") == "descending"

    def names(cite) -> str:
        return authors[id(cite)] or ""

    ordered = sorted(cites, key=lambda cite: author_string_key(names(cite)), reverse=descending)
    return sorted(ordered, key=lambda cite: not names(cite))  # no names: after those with names


def _grouped_sort(sort_el, cites: list, layout, rendered: dict[int, dict]) -> list:
    """citeproc-js's grouped sort (an in-text citation that collapses or has a
    ``cite-group-delimiter``).

    The cites are sorted on their author string, then on the style's keys; each run of one
    author string then takes the first key's value of its first cite, and the cites are
    sorted again on that value and their place in the first sort, both in the first key's
    direction (a descending key reverses the first sort's order of tied cites). Cites of
    different authors tied on the first key keep the order of their names: ``(Smith, 2020;
    Smith et al., 2016)`` when that key leaves out the names after the first, and
    ``(Lee, 2010; Mid, 2010; Zed, 2010)`` in a style sorted by year only.
    """
    authors = {id(cite): _ambiguous_author_string(layout, cite, rendered[id(cite)]) for cite in cites}
    first = _by_author_string(sort_el, sort_items(sort_el, cites, layout), authors)
    key_el = sort_el.find("cs:key", sort_el.nsmap)
    if key_el is None or len(first) < 2:
        return first
    descending = key_el.get("sort") == "descending"
    base: list = []
    previous, current = object(), None
    for cite, value in zip(first, key_values(key_el, first, layout), strict=True):
        names = authors[id(cite)]
        if names != previous:
            # citeproc-js writes the value into a string: a missing one becomes "undefined"
            previous, current = names, _undefined() if value is None else value
        base.append(current)
    def compare(a: int, b: int) -> int:  # citeproc-js's key is the value and the index, as one string
        return compare_keys(base[a], base[b], descending) or ((b - a) if descending else (a - b))

    return [first[i] for i in sorted(range(len(first)), key=cmp_to_key(compare))]


def _ambiguous_author_string(layout, cite, rendered: dict) -> str | None:
    """The author string citeproc-js's grouped sort reads for a cite: the names of the item's
    cite as its disambiguation tests it (subsequent position, near the last note, no locator,
    no affixes, no suppress-author), with the names and given names disambiguation settled on;
    not the names of the cite as printed. An author list shortened by
    ``et-al-subsequent-*`` is keyed shortened, and initials a first cite picks up for a
    namesake (``Ł. Walker``) are not in it. Read once per item and render.
    """
    state = get_state(layout)
    if state is None:
        return _author_string(rendered)
    memo = state.author_strings
    key = cite.key
    if key not in memo:
        bibliography = getattr(cite.get("citation"), "bibliography", None) if hasattr(cite, "get") else None
        if bibliography is None:
            return _author_string(rendered)
        holder = Citation([CitationItem(key)])
        holder.bibliography = bibliography
        probe = holder.cites[0]
        probe["_positions"] = {"subsequent", "near-note"}
        probe["_position"] = "subsequent"
        _text, names = render_cite(layout, probe)
        memo[key] = None if names is None or state.names_by_text else _plain(names)
    return memo[key]


def _printed_names(state, cite, rendered: dict[int, dict]) -> str | None:
    """The names a cite's item prints as the grouped sort read them (None: none)."""
    if cite.key in state.author_strings:
        return state.author_strings[cite.key]
    return _author_string(rendered[id(cite)])


def _author_string(rendered: dict) -> str | None:
    """The names a cite prints, as the grouped sort knows them: None when it prints none.

    citeproc-js records a cite's author string only when a ``cs:names`` prints names; a title
    printed by ``cs:substitute`` in their place leaves it unset, like a cite without names.
    """
    return None if rendered["names_by_text"] else rendered["names"]


def _gathered(cites: list, rendered: dict[int, dict]) -> list:
    """The sorted cites with those of the same names moved up to the first of them.

    Cites that print no names (or a title in their place) form one group of their own,
    placed where its first cite is.
    """
    groups: dict[object, list] = {}
    for cite in cites:
        names = _author_string(rendered[id(cite)])
        groups.setdefault(_NO_NAMES if names is None else names, []).append(cite)
    return [cite for group in groups.values() for cite in group]


_NO_NAMES = object()


@cache
def _undefined() -> tuple[str, str]:
    """The key of the string "undefined" (made when first needed: it loads the collation)."""
    return ("t", text_key("undefined"))


def render_cluster(layout, citation) -> str:
    citation_el = layout.getparent()
    cites = [c for c in citation.cites]
    collapse = citation_el.get("collapse")
    grouping = collapse in ("year", "year-suffix", "year-suffix-ranged") or citation_el.get(
        "cite-group-delimiter"
    ) is not None
    delimiter, group_delim, after_collapse, ys_delim = _delims(citation_el, layout)

    state = get_state(layout)
    braces = state is not None and state.note_braces
    if braces:
        for cite in cites:
            cite["_braces"] = True
    done: dict[int, dict] = {}
    grouped = state is None or state.grouped_sort
    # citeproc-js's grouped sort: its first key (the author string) takes a copy of the first
    # key's direction, so that any plain sort of such a style gives each later key the
    # direction of the key before it
    shifted = grouping and layout.get_root().get("class") == "in-text"
    if citation_el.sort is not None:
        if grouped and shifted and len(cites) > 1:
            done = {id(cite): _render_one(layout, cite) for cite in cites}
            cites = _gathered(_grouped_sort(citation_el.sort, cites, layout, done), done)
            changed = state.resorted.get(id(citation)) if state is not None else None
            if changed and any(_printed_names(state, cite, done) is not None for cite in cites
                               if cite.key in changed):
                # citeproc-js sorted this citation again on the keys alone: an item of it whose
                # cite renders names changed (pipeline._resorted)
                cites = sort_items(citation_el.sort, cites, layout, shifted=True)
                grouped = False
        else:
            cites = sort_items(citation_el.sort, cites, layout, shifted=shifted and not grouped)
    alone = next((cite for cite in cites if (cite.get("_cite") or {}).get("author-only")), None)
    if alone is not None:
        cites = [alone]  # citeproc-js prints the first author-only cite of a cluster, alone
    rendered = [done.get(id(cite)) or _render_one(layout, cite) for cite in cites]
    rendered = _without_empty_cites(rendered)

    for before, after in zip(rendered, rendered[1:], strict=False):
        # after a cite with a suffix, a prefix starting with punctuation no longer replaces the
        # delimiter (citeproc-js: "A x,; B")
        after["cite"]["_keep_delimiter"] = bool(before["cite"].get("suffix"))
    if collapse == "citation-number":
        for r in rendered:
            r["locator_printed"] = "locator" in r["cite"] and _locator_printed(layout, r)
        pieces = _collapse_numbers(rendered, delimiter, after_collapse)
    elif grouping:
        pieces = _collapse_names(layout, rendered, collapse, delimiter, group_delim, after_collapse, ys_delim,
                                 gather=citation_el.sort is not None and grouped,
                                 explicit_after=citation_el.get("after-collapse-delimiter") is not None)
    else:
        pieces = [(_affixed(r["cite"], r["text"]), delimiter) for r in rendered]
    author_only = bool(cites) and all((c.get("_cite") or {}).get("author-only") for c in cites)
    if not pieces:
        # a cluster that prints nothing (an author-only cite of an item that prints no names,
        # cites whose author was suppressed): citeproc-js's marker
        if braces:
            state.brace_depth = 0
        return String(NO_AUTHOR_FORM)
    if braces:
        return _resolved_braces(state, _assembled(layout, cites, pieces, author_only, braces))
    return _assembled(layout, cites, pieces, author_only)


def _resolved_braces(state, text):
    """The cluster with its affix parentheses counted (see ``markup.resolve_braces``); the depth
    it ends at is kept for the bibliography, which citeproc-js renders with the same counter."""
    resolved, state.brace_depth = m.resolve_braces(str(text), 0)
    return m.Marked(resolved)


def _assembled(layout, cites, pieces, author_only, braces: bool = False):
    """The cluster's text: the pieces joined, then the layout's affixes."""
    out = pieces[0][0]
    for (text, _d), (_prev_text, prev_delim) in zip(pieces[1:], pieces[:-1], strict=False):
        out = out + prev_delim + text
    if layout.get_root().get("class") == "note" and cites and not cites[0].get("prefix"):
        out = _capitalize_opening_term(layout, out)
    if author_only:
        return String(out)  # author-only: the names alone, without the layout's affixes
    return layout.format(layout.wrap_affixes(String(out), braces))


def _without_empty_cites(rendered: list[dict]) -> list[dict]:
    """The cites that print something, as citeproc-js (getCitationCluster) keeps them.

    A cite that prints nothing is marked with ``[CSL STYLE ERROR: reference with no printed
    form.]`` only when it is the first cite and the cluster's last cite is not suppress-author
    (citeproc-js reads the flag of the last cite of its loop, whatever the empty one's own); an
    empty cite elsewhere is left out. citeproc-js then also loses the layout's prefix (with a
    first cite left out) or suffix (with a suppress-author last cite left out), printing
    ``(Aa`` or ``; Aa``; we keep both affixes (the deliberate difference
    ``empty-cite-keeps-layout-affixes``). An author-only cite's emptiness is handled by the
    caller.
    """
    if not rendered:
        return rendered

    def flag(r: dict, name: str) -> bool:
        return bool((r["cite"].get("_cite") or {}).get(name))

    last_suppressed = flag(rendered[-1], "suppress-author")
    kept = []
    for pos, r in enumerate(rendered):
        empty = (r["text"] is None or str(r["text"]) == "") and not (
            r["cite"].get("prefix") or r["cite"].get("suffix"))
        r["cite"]["_whole_delimiter"] = False
        if not empty:
            kept.append(r)
        elif pos == 0 and not last_suppressed and not flag(r, "author-only"):
            kept.append({**r, "text": NO_PRINTED_FORM})
        elif kept:
            # the delimiter after the cite before it is still whole: citeproc-js reads the
            # suffix of the cite just before, here empty ("Ward et al..; Michel et al.")
            kept[-1]["cite"]["_whole_delimiter"] = True
    return kept


def _capitalize_opening_term(layout, text: str) -> str:
    """In note styles a note that opens with "ibid." reads "Ibid." (as citeproc-js writes it)."""
    try:
        term = str(layout.get_single_term(name="ibid") or "")
    except Exception:  # noqa: BLE001 - a locale without the term
        return text
    plain = m.strip_tokens(text)
    if not term or not plain.startswith(term) or not term[:1].islower():
        return text
    for i, ch in enumerate(text):
        if ch not in m.ALL_TOKENS:
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def _locator_printed(layout, r) -> bool:
    """Whether the cite's locator shows in its text (a style may print none in citations)."""
    cite = r["cite"]
    locator = cite.pop("locator")
    try:
        without, _names = render_cite(layout, cite)
    finally:
        cite["locator"] = locator
    return _plain(without) != _plain(r["text"])


def _number(r) -> int | None:
    """The citation number of a cite that can join a collapsed run (citeproc-js: not one with a
    suffix or a printed locator; one with a prefix only where a run starts)."""
    cite = r["cite"]
    if r.get("locator_printed") or cite.get("suffix"):
        return None
    text = _plain(r["text"]).strip()
    try:
        number = cite.number
    except (ValueError, VariableError):
        return None
    return number if text and str(number) in text else None


def _collapse_numbers(rendered, delimiter, after_collapse):
    """Runs of three or more consecutive citation numbers become 'first–last'."""
    pieces = []
    i = 0
    while i < len(rendered):
        j = i
        start = _number(rendered[i])
        if start is not None:
            while (j + 1 < len(rendered) and not rendered[j + 1]["cite"].get("prefix")
                   and _number(rendered[j + 1]) == _number(rendered[j]) + 1):
                j += 1
        if start is not None and j - i >= 2:
            first = _affixed(rendered[i]["cite"], rendered[i]["text"])
            last = str(rendered[j]["text"])
            pieces.append((first + "\u2013" + last, after_collapse))
            i = j + 1
        else:
            pieces.append((_affixed(rendered[i]["cite"], rendered[i]["text"]), delimiter))
            i += 1
    return pieces


def _collapse_names(layout, rendered, collapse, delimiter, group_delim, after_collapse, ys_delim, gather=True,
                    explicit_after=False):
    """Cite grouping by identical names, then year / year-suffix collapsing.

    With an ``after-collapse-delimiter`` (``explicit_after``) it follows, as citeproc-js's
    getSpliceDelimiter has it, every cite with a locator and every group, even of one cite,
    unless the citation collapses year-suffixes: ``(Wong 1999, 328; 2000, 475; Garcia 1998)``,
    ``(Whittaker 1967; Wiens 1989b)``.
    """
    groups: list[list[dict]] = []
    index: dict[str, int] = {}
    last_names = None  # the names citeproc-js compares the next cite's with
    for r in rendered:
        outside = r.get("names_by_text") or (
            collapse and r["names"] is None and not r.get("names_tried") and _layout_has_names(layout))
        if outside:
            # a title in the authors' place, or a cite whose branch of a style that prints names
            # has no cs:names (APA's legislation: its title), is grouped with no other cite, and
            # citeproc-js's collapse state does not see it: it rides along with the group before
            # it, whose names a later cite may still continue ("Brown 2019; Title 2016, 1680")
            if collapse and groups:
                groups[-1].append({**r, "transparent": True})
            else:
                groups.append([r])
            continue
        key = r["names"]
        if key is not None and r.get("more_names"):
            # citeproc-js compares each cs:names a cite prints with the last one printed: a
            # letter's author equal to the cite before it is cut and the cite joined with the
            # layout's delimiter ("Rossi 1955; to van der Ven in press"); its recipient is then
            # the names the next cite is compared with ("Phillips et al. to Olsen, …; Phillips
            # et al. 2021" stays whole)
            if collapse and groups and last_names == key:
                groups[-1].append({**r, "ends_collapse": True})
                index = {k: v for k, v in index.items() if v != len(groups) - 1}
            else:
                groups.append([r])
            last_names = r["more_names"][-1]
            continue
        last_names = key
        if key is None and r.get("names_tried") and collapse and groups:
            # a cite whose cs:names prints nothing continues the group before it, of a named cite
            # or of one printing a title instead (citeproc-js: "Xu 1743, 2016", "Other case,
            # 2001, 1987" with the cite-group delimiter); one that has no cs:names to render
            # starts its own ("Álvarez: 2000; Pineapple Case: 2000")
            groups[-1].append(r)
            continue
        if key is None and collapse:
            key = ""  # cites whose cs:names print nothing, or a style without any, collapse together
        if key is not None and key in index and (gather or index[key] == len(groups) - 1):
            # a sorted citation gathers every cite of the same names; an unsorted one groups
            # only adjacent cites (citeproc-js)
            groups[index[key]].append(r)
        else:
            if key is not None:
                index[key] = len(groups)
            groups.append([r])
    pieces = []
    adds_suffix = layout.getparent().get("disambiguate-add-year-suffix") == "true"
    explicit_group = layout.getparent().get("cite-group-delimiter") is not None
    state = get_state(layout)
    # citeproc-js's use_cite_group_delimiter: whether the last cite whose names it saw continued
    # the names before it; kept from one citation to the next (it is never reset)
    continued = state.cite_group_continued if state is not None else False
    for group in groups:
        if not collapse:
            for k, r in enumerate(group):
                pieces.append((_affixed(r["cite"], r["text"]), group_delim if k < len(group) - 1 else delimiter))
            continue
        # elements: [text, separator before it, year-suffix letter, suffix-only?, has locator?]
        first = group[0]
        elems = [[_affixed(first["cite"], first["text"]), "", _suffix_only(first), False, "locator" in first["cite"]]]
        prev_year = _year_text(first)
        prev_apart = _apart(first["cite"])
        if first["names"] is not None and not first.get("names_by_text"):
            continued = False  # new names
        for r in group[1:]:
            if r.get("transparent"):
                # a title cite takes the delimiter the cite before it took (with a
                # cite-group-delimiter), else the layout's: its title ends the collapse
                sep = group_delim if explicit_group and continued else delimiter
                elems.append([_affixed(r["cite"], r["text"]), sep, "", False, "locator" in r["cite"], True])
                continue
            if r.get("ends_collapse"):
                sep = delimiter
                if explicit_after and (elems[-1][4] or len(elems) > 1 or collapse != "year-suffix"):
                    sep = after_collapse
                text = _affixed(r["cite"], _without_author(layout, r))
                elems.append([text, sep, "", False, "locator" in r["cite"], True])
                continued = False
                prev_year, prev_apart = _year_text(r), _apart(r["cite"])
                continue
            if r["names"] is not None:
                continued = True
            year = _year_text(r)
            suffix = _suffix_only(r)
            apart = _apart(r["cite"])
            same_year = collapse in ("year-suffix", "year-suffix-ranged") and suffix and year == prev_year
            # no letter printed right after the year ("in press", or after a range's last year:
            # "1992–1994b"): the cite stays whole, but for a year equal to the last one
            suffix_apart = bool(same_year) and not _prints_letter(layout, r, year, suffix)
            if suffix_apart:
                same_year = False
            if same_year:
                # the letter alone, with the cite's locator if any (citeproc-js: "2008a, b, p. 3")
                text = suffix
                if "locator" in r["cite"]:
                    text = _from_year_suffix(layout, r, year, suffix) or suffix
                if apart or prev_apart or "locator" in r["cite"]:
                    # citeproc-js: the letter keeps the cite's affixes ("2000a, cf. b, c!"); it, a
                    # letter with a locator ("2000a, b, p. 3") and a letter after a cite with affixes
                    # are joined with the cite-group delimiter, not the year-suffix one
                    elems.append([_affixed(r["cite"], text), group_delim, suffix, False, "locator" in r["cite"]])
                else:
                    elems.append([text, ys_delim, suffix, True, "locator" in r["cite"]])
            else:
                # citeproc-js drops a year equal to the previous cite's from any cite of a group
                # that collapses year-suffixes; without a letter to print, only the locator and
                # affixes remain ("Hansen 2024, p. 3" for the same item cited twice), or nothing
                drop_year = (collapse in ("year-suffix", "year-suffix-ranged") and (not suffix or suffix_apart)
                             and year is not None and year == prev_year and adds_suffix)
                text = _affixed(r["cite"], _without_author(layout, r, drop_year=drop_year))
                if not m.strip_tokens(str(text)).strip():
                    # nothing left once the names go (an undated cite): no empty piece; the
                    # delimiter after it is still its own, whole, not cut short by the suffix of
                    # the cite before (citeproc-js: "Cohen 1996.; Powell 2022")
                    if elems:
                        elems[-1][0] = elems[-1][0].replace(m.SUFFIX_PUNCT, "")
                    continue
                if r.get("text_variable_run") and not explicit_group and not explicit_after:
                    # citeproc-js ends the collapse of a cite that renders a text variable (APA's
                    # status: "Michel, 2012; in press"): without a cite-group-delimiter of the
                    # style's the layout's delimiter joins it
                    elems.append([text, delimiter, suffix, False, "locator" in r["cite"], True])
                    continue
                elems.append([text, group_delim, suffix, False, "locator" in r["cite"]])
            prev_year = year
            prev_apart = apart
        if collapse == "year-suffix-ranged":
            elems = _range_suffixes(elems)
        joined = elems[0][0]
        for i in range(1, len(elems)):
            text, sep, _suffix, only, _loc = elems[i][:5]
            previous = elems[i - 1]
            if len(elems[i]) > 5:  # a title cite riding along: its delimiter is settled
                pass
            elif not only and previous[3]:
                sep = group_delim  # after a collapsed run of suffixes
            elif not only and i >= 1 and _run_collapsed(elems, i - 1):
                sep = group_delim
            if explicit_after and previous[4]:
                sep = after_collapse
            joined += sep + text
        # a group that collapsed is followed by after-collapse-delimiter, a lone cite by the usual one
        lone = explicit_after and (collapse != "year-suffix" or elems[-1][4])
        collapsed = sum(1 for r in group if not r.get("transparent")) > 1
        pieces.append((joined, after_collapse if collapsed or lone else delimiter))
    if state is not None:
        state.cite_group_continued = continued
    if pieces:
        pieces[-1] = (pieces[-1][0], delimiter)
    return pieces


def _layout_has_names(layout) -> bool:
    """Whether the citation layout holds a ``cs:names``, in itself or in a macro it calls
    (read once)."""
    d = layout.__dict__
    found = d.get("_cf_has_names")
    if found is None:
        found = d["_cf_has_names"] = _holds_names(layout, set())
    return found


def _holds_names(element, seen: set[str]) -> bool:
    for el in element.iter():
        if not isinstance(el.tag, str):
            continue
        name = el.tag.rsplit("}", 1)[-1]
        if name == "names":
            return True
        macro = el.get("macro") if name == "text" else None
        if macro and macro not in seen:
            seen.add(macro)
            if _holds_names(el.get_macro(macro), seen):
                return True
    return False


def _apart(cite) -> bool:
    """A cite with a prefix or a suffix: citeproc-js does not join the year-suffix letter after
    it, or its own, with the year-suffix delimiter."""
    return bool(cite.get("prefix") or cite.get("suffix"))


def _run_collapsed(elems, index: int) -> bool:
    """True when the element at ``index`` heads a run that swallowed year-suffixes."""
    # a run of letters ("2003a–c"), not a page range of the cite's locator ("pp. 45–7")
    return bool(re.search("\u2013[a-z]+$", m.strip_tokens(str(elems[index][0])))) and len(elems[index][2]) == 1


def _range_suffixes(elems):
    """Three or more consecutive year-suffix letters become 'a–c'."""
    out = []
    i = 0
    while i < len(elems):
        j = i
        while (
            j + 1 < len(elems)
            and elems[j + 1][3]
            and len(elems[j][2]) == 1
            and len(elems[j + 1][2]) == 1
            and ord(elems[j + 1][2]) == ord(elems[j][2]) + 1
        ):
            j += 1
        if j - i >= 2:
            head = list(elems[i])
            head[0] = head[0] + "\u2013" + elems[j][2]
            out.append(head)
            i = j + 1
        else:
            out.append(elems[i])
            i += 1
    return out


def _without_author(layout, r, drop_year: bool = False):
    """The cite rendered without its names (and without its first year when ``drop_year``)."""
    text, _names = render_cite(layout, r["cite"], suppress_author=True, continues_group=True,
                               drop_year=drop_year)
    return text


def _from_year_suffix(layout, r, year, suffix: str) -> str | None:
    """The cite without its author from the year-suffix on (``b, p. 3`` of ``2008b, p. 3``)."""
    text = str(_without_author(layout, r) or "")
    found = re.search(re.escape(str(year)) + r"\s*" + re.escape(suffix), text)  # '2008b' or '2008 b'
    return text[found.end() - len(suffix):] if found else None


def _prints_letter(layout, r, year, suffix: str) -> bool:
    """Whether the cite prints its year-suffix letter after its year ('2008b', '2008 b')."""
    text = m.strip_tokens(str(_without_author(layout, r) or ""))
    return re.search(re.escape(str(year)) + r"\s*" + re.escape(suffix), text) is not None


def _year_text(r):
    ref = r["cite"].reference
    date = ref.get("issued")
    if isinstance(date, DateRange):
        date = date.get("begin")  # the year compared is that of the range's start (citeproc-js)
    try:
        return str(date.year) if date is not None else None
    except (AttributeError, VariableError):
        return None


def _suffix_only(r) -> str:
    return str(r["cite"].reference.get("year_suffix") or "")
