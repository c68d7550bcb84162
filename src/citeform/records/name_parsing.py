"""Parse the name forms a person writes by hand into CSL-JSON name objects."""

from __future__ import annotations

import re
from typing import Any

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "2nd", "3rd"}
_PARTICLE_PARTS = ("'", "’")
_NAME_KEYS = {
    "family",
    "given",
    "dropping-particle",
    "non-dropping-particle",
    "suffix",
    "literal",
    "comma-suffix",
    "static-ordering",
    "parse-names",
    "isInstitution",
}


class NameError_(ValueError):
    """A value that cannot be read as a name."""


def _is_particle(word: str) -> bool:
    """Lower-case words (``van``, ``de``, ``d'``, ``von der``) are particles."""
    return bool(word) and word[0].islower() and not word.endswith(".")


def _split_particles(family: str) -> dict[str, str]:
    """Split leading lower-case particles off a family name: ``van der Berg``."""
    words = family.split()
    particles: list[str] = []
    while len(words) > 1 and _is_particle(words[0]):
        particles.append(words.pop(0))
    rest = " ".join(words)
    # d'Alembert, dell'Acqua: an elided particle glued to the family name
    m = re.match(r"^([a-z]+['’])(\w.*)$", rest)
    if m and not particles:
        return {"non-dropping-particle": m.group(1), "family": m.group(2)}
    if m and particles:
        particles.append(m.group(1))
        rest = m.group(2)
    out: dict[str, str] = {"family": rest}
    if particles:
        out["non-dropping-particle"] = " ".join(particles)
    return out


def parse_name(value: Any) -> dict[str, Any]:
    """Turn one name (string or mapping) into a CSL-JSON name."""
    if isinstance(value, dict):
        # CSL-JSON names pass through as they are; only their shape is checked.
        for k in _NAME_KEYS & set(value):
            if isinstance(value[k], (list, dict)):
                raise NameError_(f"name part {k!r} must be text")
        out = dict(value)
        if not any(out.get(k) for k in ("family", "given", "literal")):
            raise NameError_("a name needs family, given or literal")
        return out
    if not isinstance(value, str):
        raise NameError_(f"a name must be text or a mapping, not {type(value).__name__}")
    text = " ".join(value.split())
    if not text:
        raise NameError_("empty name")
    if "," in text:
        parts = [p.strip() for p in text.split(",")]
        family, rest = parts[0], [p for p in parts[1:]]
        suffix = None
        if len(rest) >= 2 and rest[0].lower() in _SUFFIXES:
            suffix, rest = rest[0], rest[1:]
        elif len(rest) >= 1 and rest[-1].lower() in _SUFFIXES and len(rest) == 2:
            suffix, rest = rest[-1], rest[:-1]
        given = ", ".join(rest)
        out = _split_particles(family)
        words = given.split()
        dropping: list[str] = []
        while len(words) > 1 and _is_particle(words[-1]):
            dropping.insert(0, words.pop())
        if dropping:  # "Beethoven, Ludwig van": a dropping particle after the given name
            given = " ".join(words)
            out["dropping-particle"] = " ".join(dropping)
        if given:
            out["given"] = given
        if suffix:
            out["suffix"] = suffix
        return out
    words = text.split(" ")
    if len(words) == 1:
        return {"literal": text}
    suffix = None
    if words[-1].lower() in _SUFFIXES and len(words) > 2:
        suffix = words.pop()
    # family = last word plus any lower-case particles before it
    i = len(words) - 1
    while i > 1 and _is_particle(words[i - 1]):
        i -= 1
    out = _split_particles(" ".join(words[i:]))
    out["given"] = " ".join(words[:i])
    if suffix:
        out["suffix"] = suffix
    return out


def parse_names(value: Any) -> list[dict[str, Any]]:
    """A list of names, or one name given without a list."""
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list):
        raise NameError_(f"names must be a list, not {type(value).__name__}")
    return [parse_name(v) for v in _rejoin_split_names(value)]


_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.?[ -]?)+$")


def _rejoin_split_names(values: list[Any]) -> list[Any]:
    """Undo YAML's split of ``[Rousseau, R., Bollard, C.]`` into single words.

    Written as a flow list, ``Family, Given`` pairs come apart at every comma; when the list
    alternates one-word family names and initials, the pairs are put back together.
    """
    if len(values) < 2 or len(values) % 2 or not all(isinstance(v, str) for v in values):
        return values
    families, givens = values[0::2], values[1::2]
    if all(" " not in f.strip() and not _INITIALS.match(f.strip()) for f in families) and all(
        _INITIALS.match(g.strip()) for g in givens
    ):
        return [f"{f}, {g}" for f, g in zip(families, givens)]
    return values


def format_name(name: dict[str, Any]) -> str | dict[str, Any]:
    """The canonical written form: ``Family, Given`` or the mapping when that would lose parts."""
    if "literal" in name:
        return {"literal": name["literal"]}
    if not all(isinstance(v, str) for v in name.values()):
        return dict(name)
    keys = set(name) - {"family", "given", "non-dropping-particle", "dropping-particle", "suffix"}
    family = name.get("family", "")
    if keys or not family or "," in family or "," in name.get("given", ""):
        return dict(name)
    ndp = name.get("non-dropping-particle")
    if ndp:
        family = ndp + family if ndp.endswith(_PARTICLE_PARTS) else f"{ndp} {family}"
    parts = [family]
    if name.get("suffix"):
        parts.append(name["suffix"])
    given = " ".join(p for p in (name.get("given"), name.get("dropping-particle")) if p)
    if given:
        parts.append(given)
    text = ", ".join(parts)
    return text if parse_name(text) == name else dict(name)
