"""The ``filter`` job: pandoc's JSON AST in, the same AST with every ``Cite`` rendered out.

The settings come from the document's metadata (``bibliography``, ``references``, ``csl``,
``lang``, ``nocite``, ``link-citations``, ``suppress-bibliography``,
``reference-section-title``), as pandoc's citeproc reads them; options win over them. The
AST's ``pandoc-api-version`` is kept, and only node types that pandoc 2.17 and 3.x share are
written (``Str``, ``Space``, ``Emph``, ``Strong``, ``Superscript``, ``Subscript``,
``SmallCaps``, ``Span``, ``Link``, ``Note``, ``Para``, ``Div``, ``Header``).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

from ..errors import DataError
from .citing import Citation, note_numbers
from .markdown_job import DEFAULT_STYLE, Options, link_and_bibliography, render_linked

Node = dict[str, Any]


def run(raw: bytes, options: Options | None = None,
        warn: Callable[[str], None] | None = None) -> str:
    """The JSON AST in ``raw`` with its citations and bibliography rendered, as JSON text."""
    options = options or Options()
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise DataError(f"not pandoc's JSON AST ({e}); run pandoc with -t json",
                        file="<stdin>") from None
    except RecursionError:
        raise DataError("not pandoc's JSON AST (nested too deeply); run pandoc with -t json",
                        file="<stdin>") from None
    if not (isinstance(doc, dict) and isinstance(doc.get("blocks"), list)
            and "pandoc-api-version" in doc):
        raise DataError("not pandoc's JSON AST (no pandoc-api-version and blocks); run pandoc "
                        "with -t json", file="<stdin>")
    messages: list[str] = []
    say = warn or (lambda _m: None)
    collect = messages.append if options.strict else say
    meta = {k: _meta_value(v) for k, v in (doc.get("meta") or {}).items()}
    settings, references = _settings(meta, doc.get("meta") or {}, collect)

    cites: list[tuple[Node, Any]] = []  # each Cite and the note it is in (False: none)
    events: list[tuple[str, Any]] = []
    parents: dict[int, list[Any]] = {}  # id of a Cite -> the inline list it is in
    _walk(doc["blocks"], False, cites, events, parents=parents)
    if not cites and not settings.nocite:
        _finish(messages)
        return json.dumps(doc, ensure_ascii=False)

    from .. import styles
    from .citing import is_note_style
    from .markdown_job import manuscript_records

    settings.references = references
    records = manuscript_records(options, settings, collect)
    style = options.style or settings.style or DEFAULT_STYLE
    locale = options.locale or settings.lang
    resolved = styles.resolve(style)
    note_style = not resolved.writer and is_note_style(resolved)
    numbers = note_numbers(events, note_style)
    citations: list[Citation] = []
    for i, (node, note) in enumerate(cites):
        cluster, bracketed = _cluster(node)
        c = Citation(cluster, None, bracketed, f"<stdin>: citation {i + 1}")
        if note is not False:
            c.note = numbers.get(note, len(numbers) + 1)
            c.note_index = c.note
        else:
            c.note_index = numbers.get(("cite", i), 0)
        citations.append(c)
    import html

    link, with_bib = link_and_bibliography(options, settings)
    rendered, entries, anchors = render_linked(
        citations, records, style, "html", locale, settings, options, collect, link, with_bib,
        lambda text, key: f'<a href="#ref-{html.escape(key, quote=True)}">{text}</a>')
    _finish(messages)

    for (node, note), r in zip(cites, rendered.citations):
        whole = set() if r.linked else anchors  # its parts link already
        inlines = _linked(html_inlines(r.text), r.ids, whole)
        if r.note is not None and note is False:
            note_inlines = _linked(html_inlines(r.note), r.ids, whole)
            inlines = inlines + [{"t": "Note", "c": [{"t": "Para", "c": note_inlines}]}]
            if not r.text and id(node) in parents:
                _tuck(parents[id(node)], node)
        elif _superscript(inlines) and id(node) in parents:
            _tuck(parents[id(node)], node, punctuation=False)
        node["c"][1] = inlines
    if entries:
        _place_bibliography(doc, entries, anchors, settings.reference_section_title)
    return json.dumps(doc, ensure_ascii=False)


def _finish(messages: list[str]) -> None:
    if messages:
        from ..records.load import LoadErrors

        raise LoadErrors([DataError(m) for m in messages])


def _settings(meta: dict[str, Any], raw_meta: dict[str, Any],
              warn: Callable[[str], None]) -> tuple[Any, list[Any]]:
    from ..records.load import LoadErrors, RawRecord, make_record
    from .front_matter import from_mapping

    settings = from_mapping({k: v for k, v in meta.items() if k != "references"},
                            "<metadata>", os.getcwd())
    refs = meta.get("references")
    records: list[Any] = []
    if refs is not None:
        if not isinstance(refs, list):
            raise DataError("'references' must be a list of records", file="<metadata>")
        errors = []
        for i, data in enumerate(refs):
            try:
                records.append(make_record(
                    RawRecord(data, "<metadata>", None, csl_input=True), warn))
            except DataError as e:
                errors.append(DataError(e.message, file="<metadata>", key=e.key or
                                        f"references item {i + 1}", field=e.field))
        if errors:
            raise errors[0] if len(errors) == 1 else LoadErrors(errors)
    return settings, records


def _meta_value(node: Any) -> Any:
    """A metadata value as plain data (text for inlines and blocks)."""
    if not isinstance(node, dict):
        return node
    kind, content = node.get("t"), node.get("c")
    if kind == "MetaMap":
        return {k: _meta_value(v) for k, v in content.items()}
    if kind == "MetaList":
        return [_meta_value(v) for v in content]
    if kind == "MetaBool":
        return bool(content)
    if kind == "MetaString":
        return content
    if kind == "MetaInlines":
        return stringify(content)
    if kind == "MetaBlocks":
        return "\n\n".join(stringify(b.get("c", [])) for b in content)
    return None


def stringify(inlines: Any) -> str:
    """The text of pandoc inlines (formatting dropped)."""
    out: list[str] = []

    def go(x: Any) -> None:
        if isinstance(x, list):
            for y in x:
                go(y)
            return
        if not isinstance(x, dict):
            return
        kind, c = x.get("t"), x.get("c")
        if kind == "Str":
            out.append(c)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Code", "Math"):
            out.append(c[1])
        elif kind == "Quoted":
            single = c[0].get("t") == "SingleQuote"
            out.append("\u2018" if single else "\u201c")
            go(c[1])
            out.append("\u2019" if single else "\u201d")
        elif kind in ("Link", "Image", "Span", "Cite"):
            go(c[1])
        elif kind in ("Emph", "Strong", "Strikeout", "Superscript", "Subscript", "SmallCaps",
                      "Underline", "Plain", "Para"):
            go(c)
    go(inlines)
    return "".join(out)


def _superscript(inlines: list[Node]) -> bool:
    """Whether a rendered citation starts with a superscript (or a link around one)."""
    first = inlines[0] if inlines else None
    if isinstance(first, dict) and first.get("t") == "Link":
        first = first["c"][1][0] if first["c"][1] else None
    return isinstance(first, dict) and first.get("t") == "Superscript"


def _tuck(parent: list[Any], node: Node, punctuation: bool = True) -> None:
    """As pandoc does for a note: no space before it, a punctuation mark after it moved
    before it (a superscript citation: only the space)."""
    i = next(k for k, y in enumerate(parent) if y is node)
    if i > 0 and isinstance(parent[i - 1], dict) and \
            parent[i - 1].get("t") in ("Space", "SoftBreak"):
        del parent[i - 1]
        i -= 1
    if not punctuation:
        return
    after = parent[i + 1] if i + 1 < len(parent) else None
    if isinstance(after, dict) and after.get("t") == "Str" and after["c"][:1] in \
            tuple(".,;:!?"):
        mark = after["c"][0]
        if len(after["c"]) == 1:
            del parent[i + 1]
        else:
            after["c"] = after["c"][1:]
        before = parent[i - 1] if i > 0 else None
        if isinstance(before, dict) and before.get("t") == "Str":
            before["c"] += mark
        else:
            parent.insert(i, {"t": "Str", "c": mark})


def _walk(x: Any, note: Any, cites: list[tuple[Node, Any]], events: list[tuple[str, Any]],
          counter: list[int] | None = None, parents: dict[int, list[Any]] | None = None,
          parent: list[Any] | None = None) -> None:
    """Collect the Cites in document order, each with the note it is in (``False``: none),
    and the footnote marks and running-text cites in order."""
    counter = counter if counter is not None else [0]
    parents = parents if parents is not None else {}
    if isinstance(x, list):
        for y in x:
            _walk(y, note, cites, events, counter, parents, x)
        return
    if not isinstance(x, dict):
        return
    kind = x.get("t")
    if kind == "Note" and note is False:
        counter[0] += 1
        label = f"note{counter[0]}"
        events.append(("mark", label))
        _walk(x.get("c"), label, cites, events, counter, parents)
        return
    if kind == "Cite":
        if note is False:
            events.append(("cite", ("cite", len(cites))))
        cites.append((x, note))
        if parent is not None:
            parents[id(x)] = parent
        return  # a Cite's own inlines are replaced
    content = x.get("c")
    if isinstance(content, (list, dict)):
        _walk(content, note, cites, events, counter, parents)


def _cluster(node: Node) -> tuple[list[dict[str, Any]], bool]:
    """The cites of a pandoc ``Cite`` in citeform's form, and whether it is bracketed."""
    from ..intext import add_suffix

    cluster: list[dict[str, Any]] = []
    narrative = False
    for item in node["c"][0]:
        cite: dict[str, Any] = {"id": item.get("citationId", "")}
        prefix = " ".join(stringify(item.get("citationPrefix", [])).split())
        if prefix:
            cite["prefix"] = prefix + " "
        add_suffix(cite, stringify(item.get("citationSuffix", [])), escaped=False)
        mode = (item.get("citationMode") or {}).get("t")
        if mode == "AuthorInText":
            cite["mode"] = "author-in-text"
            narrative = True
        elif mode == "SuppressAuthor":
            cite["suppress-author"] = True
        cluster.append(cite)
    return cluster, not narrative


def _linked(inlines: list[Node], ids: list[str], anchors: set[str]) -> list[Node]:
    if len(ids) == 1 and ids[0] in anchors and inlines:
        return [{"t": "Link", "c": [["", [], []], inlines, ["#ref-" + ids[0], ""]]}]
    return inlines


def _place_bibliography(doc: Node, entries: list[tuple[str, str]], anchors: set[str],
                        title: str | None) -> None:
    blocks = [
        {"t": "Div", "c": [["ref-" + key if key in anchors else "", ["csl-entry"], []],
                           [{"t": "Para", "c": html_inlines(entry)}]]}
        for key, entry in entries
    ]
    refs = _find_refs(doc["blocks"])
    if refs is not None:
        refs["c"][1].extend(blocks)
        return
    if title:
        doc["blocks"].append({"t": "Header", "c": [1, ["bibliography", ["unnumbered"], []],
                                                  html_inlines(_escape(title))]})
    doc["blocks"].append({"t": "Div", "c": [["refs", ["references", "csl-bib-body"], []],
                                            blocks]})


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def _find_refs(x: Any) -> Node | None:
    if isinstance(x, list):
        for y in x:
            found = _find_refs(y)
            if found is not None:
                return found
        return None
    if not isinstance(x, dict):
        return None
    if x.get("t") == "Div" and x["c"][0][0] == "refs":
        return x
    content = x.get("c")
    return _find_refs(content) if isinstance(content, (list, dict)) else None


class _InlineBuilder(HTMLParser):
    """The engine's HTML (a few tags) as pandoc inlines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str | None, list[Node]]] = [(None, [])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        style = (attr.get("style") or "").replace(" ", "")
        kind: str | None
        if tag == "i" or tag == "em":
            kind = "Emph"
        elif tag == "b" or tag == "strong":
            kind = "Strong"
        elif tag == "sup":
            kind = "Superscript"
        elif tag == "sub":
            kind = "Subscript"
        elif tag == "span" and "small-caps" in style and "normal" not in style:
            kind = "SmallCaps"
        elif tag == "a":
            kind = "Link:" + (attr.get("href") or "")
        elif tag == "div":
            kind = "div"
        else:
            kind = "Span"
        self.stack.append((kind, []))

    def handle_endtag(self, tag: str) -> None:
        if len(self.stack) < 2:
            return
        kind, children = self.stack.pop()
        parent = self.stack[-1][1]
        if kind == "div":
            if parent and children:
                parent.append({"t": "Space"})
            parent.extend(children)
        elif kind and kind.startswith("Link:"):
            parent.append({"t": "Link", "c": [["", [], []], children, [kind[5:], ""]]})
        elif kind == "Span":
            parent.append({"t": "Span", "c": [["", [], []], children]})
        else:
            parent.append({"t": kind, "c": children})

    def handle_data(self, data: str) -> None:
        out = self.stack[-1][1]
        for part in re.split(r"( +)", data):
            if not part:
                continue
            if part.startswith(" "):
                if out and out[-1].get("t") != "Space":
                    out.append({"t": "Space"})
            elif out and out[-1].get("t") == "Str":
                out[-1]["c"] += part
            else:
                out.append({"t": "Str", "c": part})

    def result(self) -> list[Node]:
        while len(self.stack) > 1:
            self.handle_endtag("")
        return self.stack[0][1]


def html_inlines(text: str) -> list[Node]:
    """Pandoc inlines for the engine's HTML rendering of a citation or an entry."""
    builder = _InlineBuilder()
    builder.feed(text)
    builder.close()
    return builder.result()
