"""Links in HTML and Markdown output: DOIs and URLs in entries, entry anchors, and citations
that link to their entries (pandoc's ``link-citations``).

Entries are rendered first and linked after: a DOI or URL is found in the entry as the
engine printed it (escaped for the format) and wrapped in a link, so the text itself never
changes. Plain text and RTF are left as they are.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence
from typing import Any

LINKED_FORMATS = ("html", "markdown")
DOI_RESOLVER = "https://doi.org/"
_RESOLVERS = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
              "doi.org/")
_LINKABLE_SCHEMES = ("http://", "https://", "ftp://")  # never javascript: or data:
_URL_SAFE = "!#$%&'*+,/:;=?@[]~-._"  # characters of a URL kept as they are
_CSL = "{http://purl.org/net/xbiblio/csl}"


def quote(text: str, safe: str) -> str:
    """``urllib.parse.quote``, imported only when a link is made (it costs start-up time)."""
    from urllib.parse import quote as url_quote

    return url_quote(text, safe=safe)


def entry_id(key: str) -> str:
    """The id of a record's entry in HTML, ``ref-KEY`` as pandoc writes it (escaped for an
    attribute; white space, which an id cannot hold, as ``_``)."""
    return html.escape("ref-" + re.sub(r"\s", "_", key), quote=True)


def _fragment(key: str, fmt: str) -> str:
    """``#ref-KEY`` as the target of a link."""
    target = "#ref-" + quote(re.sub(r"\s", "_", key), safe=_URL_SAFE)
    return html.escape(target, quote=True) if fmt == "html" else target


@functools.lru_cache(maxsize=64)
def _shown_fixed(text: str, fmt: str) -> str:
    """:func:`_shown` of the few fixed texts (resolvers, a style's affixes), once each."""
    return _shown(text, fmt)


def _shown(text: str, fmt: str) -> str:
    """``text`` as the engine prints it in ``fmt`` (escaped)."""
    from .engine.serializers import render_inline

    return render_inline(text, fmt)


def _link(text: str, href: str, fmt: str) -> str:
    if fmt == "html":
        return f'<a href="{html.escape(href, quote=True)}">{text}</a>'
    return f"[{text}]({href})"


def _doi(value: Any) -> str:
    doi = str(value or "").strip()
    for prefix in (*_RESOLVERS, "doi:", "DOI:", "doi: ", "DOI: "):
        if doi.lower().startswith(prefix.lower()):
            doi = doi[len(prefix):].strip()
    return doi


def link_entry(entry: str, item: dict[str, Any], fmt: str) -> str:
    """``entry`` with the item's DOI (to ``https://doi.org/DOI``) and URL as links.

    A DOI printed after a resolver (``https://doi.org/10.1/x``) links as a whole; one printed
    after a label (``doi:10.1/x``) links the DOI itself, as pandoc does. Only ``http``,
    ``https`` and ``ftp`` URLs become links.
    """
    if fmt not in LINKED_FORMATS:
        return entry
    spans: list[tuple[int, int, str]] = []
    doi = _doi(item.get("DOI"))
    if doi:
        shown = _shown(doi, fmt)
        start = _find(entry, shown, spans)
        if start >= 0:
            end = start + len(shown)
            for resolver in _RESOLVERS:
                before = _shown_fixed(resolver, fmt)
                if entry[:start].lower().endswith(before.lower()):
                    start -= len(before)
                    break
            spans.append((start, end, DOI_RESOLVER + quote(doi, safe=_URL_SAFE)))
    url = str(item.get("URL") or "").strip()
    if url and url.lower().startswith(_LINKABLE_SCHEMES):
        shown = _shown(url, fmt)
        start = _find(entry, shown, spans)
        if start >= 0:
            spans.append((start, start + len(shown), quote(url, safe=_URL_SAFE)))
    for start, end, href in sorted(spans, reverse=True):
        entry = entry[:start] + _link(entry[start:end], href, fmt) + entry[end:]
    return entry


def _find(text: str, part: str, taken: list[tuple[int, int, str]]) -> int:
    """Where ``part`` first occurs in ``text`` outside the spans ``taken`` (-1: nowhere)."""
    if not part:
        return -1
    start = 0
    while True:
        i = text.find(part, start)
        if i < 0:
            lower = text.lower().find(part.lower(), start)  # a style may change a DOI's case
            i = lower
        if i < 0:
            return -1
        if all(i >= e or i + len(part) <= s for s, e, _ in taken):
            return i
        start = i + 1


def entry_anchor(key: str) -> str:
    """An empty element giving a Markdown entry the id a linked citation points to."""
    return f'<span id="{entry_id(key)}"></span>'


class CitationLinker:
    """Links each cite of a rendered citation to its entry (``#ref-KEY``).

    A cluster of one record links its whole text inside the layout's affixes ("(<a>Smith,
    2020</a>)"); in a cluster of several, each part between the layout's delimiters links
    to the one record it names (its citation number, or its first author, editor or
    title), and a part that names none or several (a collapsed range, a group of years)
    stays as it is.
    """

    def __init__(self, style: Any, bibliography_ids: Sequence[str], items: dict[str, Any],
                 fmt: str) -> None:
        self.fmt = fmt
        self.items = items
        self.number = {str(k): n for n, k in enumerate(bibliography_ids, 1)}
        prefix, suffix, delimiter = _layout_affixes(style)
        self.prefix = _shown(prefix, fmt) if prefix else ""
        self.suffix = _shown(suffix, fmt) if suffix else ""
        self.delimiter = _shown(delimiter, fmt) if delimiter else ""

    def link(self, text: str, ids: Sequence[str]) -> str:
        keys = list(dict.fromkeys(ids))
        if not text or not keys:
            return text
        head, body, tail = self._split(text)
        if not body:
            return text
        if len(keys) == 1:
            return head + self._a(body, keys[0]) + tail
        pieces = self._pieces(body)
        return head + self.delimiter.join(self._piece(p, keys) for p in pieces) + tail

    def _pieces(self, body: str) -> list[str]:
        """``body`` split at the layout's delimiter, never inside an HTML character reference
        (the ``;`` of ``&#38;``)."""
        if not self.delimiter:
            return [body]
        pieces, start, at = [], 0, body.find(self.delimiter)
        while at >= 0:
            if not (self.fmt == "html" and re.search(r"&#?\w*$", body[start:at])):
                pieces.append(body[start:at])
                start = at + len(self.delimiter)
            at = body.find(self.delimiter, at + 1)
        return [*pieces, body[start:]]

    def _a(self, text: str, key: str) -> str:
        if self.fmt == "html":
            return f'<a href="{_fragment(key, self.fmt)}" role="doc-biblioref">{text}</a>'
        return f"[{text}]({_fragment(key, self.fmt)})"

    def _split(self, text: str) -> tuple[str, str, str]:
        """(opening markup and layout prefix, the cites, layout suffix and closing markup)."""
        if self.fmt == "html":
            opening, closing = r"(?:<[^/>][^>]*>)*", r"(?:</[^>]+>)*$"
        else:
            opening, closing = r"[*_^~]*", r"[*_^~]*$"
        head_end = re.match(opening, text).end()  # type: ignore[union-attr]
        tail_start = head_end + re.search(closing, text[head_end:]).start()  # type: ignore[union-attr]
        body = text[head_end:tail_start]
        head, tail = text[:head_end], text[tail_start:]
        if self.prefix and body.startswith(self.prefix):
            head, body = head + self.prefix, body[len(self.prefix):]
        if self.suffix and body.endswith(self.suffix):
            body, tail = body[: -len(self.suffix)], self.suffix + tail
        return head, body, tail

    def _piece(self, piece: str, keys: list[str]) -> str:
        plain = html.unescape(re.sub(r"<[^>]+>", "", piece)) if self.fmt == "html" \
            else re.sub(r"\\(.)", r"\1", piece)
        words = plain.strip()
        owners = [k for k in keys if self.number.get(k) is not None and words == str(self.number[k])]
        if not owners:
            owners = [k for k in keys if (name := _first_name(self.items.get(k) or {}))
                      and name in plain]
        if len(owners) != 1:
            return piece
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        return piece[:lead] + self._a(piece[lead:trail], owners[0]) + piece[trail:]


def _first_name(item: dict[str, Any]) -> str:
    """What a citation of the item most likely shows: its first author's (or editor's)
    family name, else the start of its title."""
    for role in ("author", "editor", "translator"):
        names = item.get(role) or []
        if names and isinstance(names[0], dict):
            name = names[0].get("family") or names[0].get("literal") or ""
            if name:
                return str(name)
    title = str(item.get("title-short") or item.get("title") or "")
    return title[:12]


def _layout_affixes(style: Any) -> tuple[str, str, str]:
    """The prefix, suffix and delimiter of a CSL style's citation layout."""
    from lxml import etree

    try:
        if style.path:
            root = etree.parse(style.path).getroot()
        else:
            root = etree.fromstring(style.xml.encode("utf-8"))
    except (OSError, etree.LxmlError, AttributeError):
        return "", "", ""
    layout = root.find(f"{_CSL}citation/{_CSL}layout")
    if layout is None:
        return "", "", ""
    return layout.get("prefix", ""), layout.get("suffix", ""), layout.get("delimiter", "")
