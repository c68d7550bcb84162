"""The ``manuscript`` job: a Markdown text in, the same text with its citations rendered out.

Only the citations change (and, in a note style, the space before a bracketed citation and a
punctuation mark right after it, as pandoc moves them); every other byte is kept. The
bibliography goes into the ``::: {#refs}`` div, else at the end; the notes of a note style
are added at the end as ``[^cfN]:`` definitions.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import DataError
from .citing import Citation, Rendered, note_numbers, render_document
from .scanner import Scan, scan

_NOTE_PUNCT = ".,;:!?"
_ANCHOR_SAFE = re.compile(r"[\w:.\-/+]+")


@dataclass
class Options:
    """The command line's say (``None``: the front matter's, else the default)."""

    paths: Sequence[str] | None = None
    style: str | None = None
    locale: str | None = None
    link_citations: bool | None = None
    bibliography: bool | None = None
    strict: bool = False
    jobs: int | None = None  # processes for a large bibliography (None: automatic)


DEFAULT_STYLE = "vancouver"


def read_input(path: str) -> tuple[str, str]:
    """(name for messages, text) of a manuscript file or ``-`` (standard input), exactly as
    written: line endings and a byte order mark are kept."""
    from ..records.load import read_bytes

    name = "<stdin>" if path == "-" else path
    if path != "-" and os.path.isdir(path):
        raise DataError("is a folder, not a manuscript", file=name)
    raw = read_bytes(path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError("UTF-16 text; save the file as UTF-8", file=name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise DataError(f"not UTF-8 text (byte offset {e.start})", file=name, line=line) from None
    if "\x00" in text:
        raise DataError("binary data, not text (NUL byte)", file=name,
                        line=text.count("\n", 0, text.index("\x00")) + 1)
    return name, text


def run(text: str, name: str = "<stdin>", options: Options | None = None,
        warn: Callable[[str], None] | None = None) -> str:
    """The manuscript ``text`` (called ``name``) with its citations rendered."""
    from . import front_matter

    options = options or Options()
    messages: list[str] = []
    say = warn or (lambda _m: None)
    collect = messages.append if options.strict else say
    found = scan(text)
    folder = os.path.dirname(name) if name != "<stdin>" else ""
    settings = front_matter.read(text, found.front_matter, name, folder, collect)
    if settings is None:  # not a mapping: not metadata
        found = scan(text, metadata=False)
        settings = front_matter.Settings()
    if not found.occurrences and not settings.nocite:
        _finish_strict(messages)
        return text

    records = manuscript_records(options, settings, collect, name)
    style = options.style or settings.style or DEFAULT_STYLE
    locale = options.locale or settings.lang
    link, with_bib = link_and_bibliography(options, settings)

    citations, note_of = _citations(found, name)
    events = _events(found)
    from .. import styles
    from .citing import is_note_style

    resolved = styles.resolve(style)
    note_style = not resolved.writer and is_note_style(resolved)
    numbers = note_numbers(events, note_style)
    unreferenced = len(numbers) + 1  # a footnote never referenced: after every other note
    for i, c in enumerate(citations):
        label = note_of[i]
        if label is not None:
            c.note = numbers.get(label, unreferenced)
            c.note_index = c.note
        else:
            c.note_index = numbers.get(("cite", i), 0)
    doc, entries, anchors = render_linked(
        citations, records, style, "markdown", locale, settings, options, collect, link,
        with_bib, lambda text, key: f"[{text}](#ref-{key})")
    _finish_strict(messages)
    return _assemble(text, found, doc.citations, note_of, entries, anchors, doc.note_style,
                     settings.reference_section_title)


def link_and_bibliography(options: Options, settings: Any) -> tuple[bool, bool]:
    """Whether citations link to their entries and whether the bibliography is added: the
    options, else the front matter (``link-citations``, ``suppress-bibliography``)."""
    link = options.link_citations if options.link_citations is not None else \
        bool(settings.link_citations)
    with_bib = options.bibliography if options.bibliography is not None else \
        not settings.suppress_bibliography
    return link, with_bib


def render_linked(citations: list[Citation], records: Any, style: str, fmt: str,
                  locale: str | None, settings: Any, options: Options,
                  warn: Callable[[str], None], link: bool, with_bib: bool,
                  wrap: Callable[[str, str], str]) -> tuple[Any, list[tuple[str, str]], set[str]]:
    """The citations and bibliography rendered as one document (``--jobs`` as given), the
    entries as (key, text) when the bibliography is added, and the keys whose entries get an
    anchor. ``wrap(text, key)`` links a citation's part to its entry, for keys an anchor can
    name."""
    from ..engine.parallel import options as parallel

    def link_part(text: str, key: str) -> str:
        return wrap(text, key) if _ANCHOR_SAFE.fullmatch(key) else text

    with parallel(jobs=options.jobs):
        doc = render_document(citations, records, style, fmt=fmt, locale=locale,
                              nocite=settings.nocite, warn=warn, strict=options.strict,
                              link=link_part if link and with_bib else None)
    entries = list(zip(doc.bibliography_ids, doc.bibliography)) if with_bib else []
    anchors = {k for k, _ in entries if _ANCHOR_SAFE.fullmatch(k)} if link else set()
    return doc, entries, anchors


def _finish_strict(messages: list[str]) -> None:
    if messages:
        from ..records.load import LoadErrors

        raise LoadErrors([DataError(m) for m in messages])


def manuscript_records(options: Options, settings: Any, warn: Callable[[str], None],
                       name: str = "") -> list[Any]:
    """The records a manuscript (called ``name``) cites from: ``-r`` paths, else its
    bibliography, else the default paths (none when it has references of its own), and the
    references written in it."""
    from ..errors import UsageError
    from ..records.load import default_record_paths, load_records

    if options.paths:
        paths: list[str] | None = list(options.paths)
    elif settings.bibliography is not None:
        paths = settings.bibliography
    elif settings.references:
        paths = []
    else:
        paths = default_record_paths()
    try:
        records = load_records(paths, warn=warn) if paths else []
    except UsageError as e:  # a file that is not there: say whose bibliography names it
        if options.paths or settings.bibliography is None or not name:
            raise
        raise UsageError(f"bibliography: {e.message}", file=name) from None
    inline = settings.references
    if inline:
        places = {r.key: r.place() for r in records}
        twice = [r for r in inline if r.key in places]
        if twice:
            raise DataError(f"duplicate key {twice[0].key!r}, also at {places[twice[0].key]}",
                            file=twice[0].file, line=twice[0].line, key=twice[0].key)
        records = records + list(inline)
    return records


def _citations(found: Scan, name: str) -> tuple[list[Citation], list[str | None]]:
    citations, notes = [], []
    for o in found.occurrences:
        citations.append(Citation(o.cluster, None, o.bracketed, f"{name}:{o.line}:{o.column}"))
        notes.append(o.note)
    return citations, notes


def _events(found: Scan) -> list[tuple[str, Any]]:
    """Footnote marks and running-text citations, in text order."""
    events: list[tuple[int, str, Any]] = [(m.start, "mark", m.label) for m in found.note_marks]
    events += [(o.start, "cite", ("cite", i)) for i, o in enumerate(found.occurrences)
               if o.note is None]
    events.sort(key=lambda e: e[0])
    return [(kind, token) for _, kind, token in events]


def _assemble(text: str, found: Scan, rendered: list[Rendered], note_of: list[str | None],
              entries: list[tuple[str, str]], anchors: set[str], note_style: bool,
              title: str | None) -> str:
    nl = "\r\n" if "\r\n" in text else "\n"
    prefix = _note_prefix(found.footnote_labels)
    edits: list[tuple[int, int, str]] = []
    notes: list[str] = []
    last = 0
    for o, r, label in zip(found.occurrences, rendered, note_of):
        start, end = o.start, o.end
        replacement = _link(r.text, r.ids, anchors)
        if note_style and label is None and r.note is not None:
            number = f"{prefix}{len(notes) + 1}"
            notes.append(f"[^{number}]: {_link(_block_start(r.note), r.ids, anchors)}")
            mark = f"[^{number}]"
            if o.bracketed:
                # as pandoc: no space before the note, a punctuation mark after it moves before
                start = _before_space(text, start, last)
                if end < len(text) and text[end] in _NOTE_PUNCT:
                    mark = text[end] + mark
                    end += 1
            replacement += mark
        elif replacement.startswith("^"):
            # a superscript citation takes no space before it, as pandoc prints it
            start = _before_space(text, start, last)
        edits.append((start, end, replacement))
        last = end
    bib = [(f"[]{{#ref-{k}}}" if k in anchors else "") + _block_start(e) for k, e in entries]
    if found.refs_div is not None and bib:
        opened, close = found.refs_div
        inner = text[opened:close]
        sep = "" if not inner.strip() or inner.endswith(("\n\n", "\r\n\r\n")) else nl
        edits.append((close, close, sep + (nl + nl).join(bib) + nl))
        edits.sort(key=lambda e: e[0])
        bib = []
    out: list[str] = []
    pos = 0
    for start, end, replacement in edits:
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    body = "".join(out)
    tail: list[str] = []
    if notes:
        tail.append((nl + nl).join(notes))
    if bib:
        if title:
            tail.append(f"# {title}")
        tail.append((nl + nl).join(bib))
    if tail:
        body = body.rstrip("\r\n") + nl + nl + (nl + nl).join(tail) + nl
    return body


_BLOCK_MARKER = re.compile(r"(\d{1,9})([.)])(?=\s|$)|([-+*>|:=])(?=\s|$)|(%)")


def _block_start(text: str) -> str:
    """A paragraph's text with what would make Markdown read it as a list, quote, table
    or title block at its start escaped (``1. Author`` is an entry, not a list)."""
    m = _BLOCK_MARKER.match(text)
    if not m:
        return text
    if m.group(1):
        return m.group(1) + "\\" + text[m.end(1):]
    return "\\" + text


def _before_space(text: str, start: int, limit: int) -> int:
    """Where the white space before ``start`` begins: spaces and tabs, and a line break
    inside a paragraph (not a blank line, not a hard break), but not before ``limit``."""
    i = start
    while i > limit and text[i - 1] in " \t":
        i -= 1
    if i == start and i > limit and text[i - 1] == "\n":
        j = i - 1
        if j > limit and text[j - 1] == "\r":
            j -= 1
        line_start = text.rfind("\n", 0, j) + 1
        previous = text[line_start:j]
        if previous.strip() and not previous.endswith(("  ", "\\")) and j > limit:
            i = j
            while i > max(limit, line_start) and text[i - 1] in " \t":
                i -= 1
    return i


def _note_prefix(labels: set[str]) -> str:
    """``cf``, or ``cf_``... when the manuscript already has a footnote called ``cfN``."""
    prefix = "cf"
    while any(re.fullmatch(re.escape(prefix) + r"\d+", label) for label in labels):
        prefix += "_"
    return prefix


def _link(text: str, ids: list[str], anchors: set[str]) -> str:
    """``[text](#ref-KEY)`` for a citation of one record that has an entry."""
    if len(ids) == 1 and ids[0] in anchors and text and "](#ref-" not in text:
        if len(text) > 2 and text[0] == text[-1] == "^" and "^" not in text[1:-1]:
            # a superscript: the link inside it ("[^1^]" would read as a footnote)
            return f"^[{text[1:-1]}](#ref-{ids[0]})^"
        return f"[{text}](#ref-{ids[0]})"
    return text
