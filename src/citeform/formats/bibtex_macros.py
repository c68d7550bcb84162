"""BibTeX field values: ``@string`` macros, month macros and ``#`` concatenation resolved."""

from __future__ import annotations

from .bibtex_types import MONTH_MACROS


def _split_concat(raw: str) -> list[str]:
    """``a # {b} # "c"`` -> its pieces, at ``#`` outside braces and quotes."""
    if "#" not in raw:  # (most values: no character-by-character walk)
        return [raw.strip()]
    pieces, depth, quoted, start = [], 0, False, 0
    for i, c in enumerate(raw):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == '"' and depth == 0:
            quoted = not quoted
        elif c == "#" and depth == 0 and not quoted:
            pieces.append(raw[start:i].strip())
            start = i + 1
    pieces.append(raw[start:].strip())
    return pieces


class MacroTooLong(ValueError):
    """A macro (``@string``) that grows past :data:`MAX_VALUE` characters: a macro bomb."""


MAX_VALUE = 100_000  # characters a resolved value may have (as for YAML values)


def resolve(raw: str, macros: dict[str, str], warnings: list[str] | None = None,
            too_long: set[str] | frozenset[str] = frozenset()) -> str:
    """A raw field value with its delimiters, macros and concatenations resolved.

    ``too_long`` names macros that could not be expanded; using one raises MacroTooLong.
    """
    out: list[str] = []
    size = 0
    for piece in _split_concat(raw):
        if piece.lower() in too_long:
            raise MacroTooLong(f"macro {piece!r} expands to more than {MAX_VALUE:,} characters")
        if len(piece) >= 2 and ((piece[0] == "{" and piece[-1] == "}") or (piece[0] == piece[-1] == '"')):
            out.append(piece[1:-1])
        elif piece.isdigit():
            out.append(piece)
        elif piece.lower() in macros:
            out.append(macros[piece.lower()])
        elif piece.lower() in MONTH_MACROS:
            out.append(piece.lower())  # kept as the macro; the month reader knows it
        else:
            if warnings is not None and piece:
                warnings.append(f"undefined macro {piece!r} kept as text")
            out.append(piece)
        size += len(out[-1])
        if size > MAX_VALUE:
            raise MacroTooLong(f"value expands to more than {MAX_VALUE:,} characters")
    return "".join(out)
