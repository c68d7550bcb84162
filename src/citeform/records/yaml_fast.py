"""Record files in the plainest YAML, read without a YAML parser.

Importing PyYAML costs more start-up time than reading a record file of a few dozen lines,
so the common shape of a record file is read here: block mappings and block sequences of
one-line plain or simply quoted values, with comments and blank lines.  Whatever this
reading takes, it reads exactly as :mod:`citeform.records.yaml_positions` does (the same
data, and the same line and column for every record and field); anything else (flow
collections, block scalars, anchors, tags, escapes, values over several lines, tabs, a
repeated field, a value or number over the limits, characters a printer would not show,
any doubt) is declined (:func:`read` gives None) and left to the YAML parser, which also
reports every error.
"""

from __future__ import annotations

from typing import Any

from .record_limits import MAX_INT_DIGITS, MAX_NODES, MAX_SCALAR

# (data, line, column, {field: (line, column)}, csl_input): one record, as the cache keeps it
Parsed = tuple[Any, "int | None", "int | None", dict[str, tuple[int, int]], bool]

_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_NULL = frozenset(("~", "null", "Null", "NULL"))
_KEY_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_KEY_CHARS = _KEY_FIRST | frozenset("0123456789-")
# a plain value starting with one of these is left to YAML (indicators, and '-', '?', ':'
# which start a plain value only when no space follows)
_NOT_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>%@`")
_MAX_KEY = 1000  # libyaml reads a key of at most 1024 characters
_MAX_DEPTH = 16  # nesting levels taken here (MAX_DEPTH is far above)


class _Declined(Exception):
    """Not a text read here."""


def read(text: str) -> list[Parsed] | None:
    """The records of a YAML text as ``yaml_positions`` reads them, or None when the text is
    not one read here.  Lines and columns are 1-based."""
    if len(text) > MAX_NODES:  # the YAML reader counts the values of larger texts first
        return None
    content: list[tuple[int, int, str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] == "#":
            if stripped and not line.isprintable():
                return None
            continue
        if not line.isprintable():  # tabs, control and format characters, odd line breaks
            return None
        content.append((number, len(line) - len(stripped), line))
    if not content:
        return []
    reader = _Reader(content)
    try:
        return reader.document()
    except (_Declined, RecursionError):
        return None


class _Reader:
    """Reads the lines that hold something (not blank, not a comment) of one document."""

    def __init__(self, content: list[tuple[int, int, str]]) -> None:
        self.content = content
        self.at = 0  # the next line to read
        self.depth = 0

    def document(self) -> list[Parsed]:
        number, indent, line = self.content[0]
        if indent:
            raise _Declined
        if _entry(line, 0):
            items = self.sequence(0, keep=True)
            parsed: list[Parsed] = [(value, line_, column, fields, False)
                                    for value, line_, column, fields in items]
        else:
            data, fields = self.mapping(0)
            if "references" in data:  # pandoc's CSL-YAML: left to the YAML reader
                raise _Declined
            parsed = [(data, number, 1, fields, False)]
        if self.at != len(self.content):
            raise _Declined
        return parsed

    def mapping(self, column: int) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
        """A block mapping whose keys start at ``column``, the first on the current line."""
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise _Declined
        data: dict[str, Any] = {}
        fields: dict[str, tuple[int, int]] = {}
        content = self.content
        while True:
            number, _, line = content[self.at]
            end = _key_end(line, column)
            key = line[column:end]
            if key in data:
                raise _Declined  # the YAML reader names both places
            fields[key] = (number, column + 1)
            rest = line[end + 1:].lstrip(" ")
            self.at += 1
            if not rest or rest[0] == "#":
                data[key] = self.block_value(column)
            else:
                data[key] = _scalar(rest)
            if self.at == len(content):
                break
            indent = content[self.at][1]
            if indent < column:
                break
            if indent > column:  # a value over several lines, or a broken one
                raise _Declined
        self.depth -= 1
        return data, fields

    def block_value(self, column: int) -> Any:
        """The value of a key at ``column`` given on the lines below it (none: null)."""
        if self.at == len(self.content):
            return None
        _, indent, line = self.content[self.at]
        if indent > column:
            if _entry(line, indent):
                return self.sequence(indent)
            return self.mapping(indent)[0]
        if indent == column and _entry(line, indent):
            return self.sequence(indent)  # a list written level with its key
        return None

    def sequence(self, column: int, keep: bool = False) -> list[Any]:
        """A block sequence whose ``-`` are at ``column``; with ``keep``, each item as
        (value, line, column, fields)."""
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise _Declined
        items: list[Any] = []
        content = self.content
        while True:
            number, _, line = content[self.at]
            rest = line[column + 1:].lstrip(" ")
            if not rest or rest[0] == "#" or _entry(rest, 0):
                raise _Declined  # an item on the lines below, or a list in a list
            start = len(line) - len(rest)
            if _is_key(rest):
                value, fields = self.mapping(start)
            else:
                value, fields = _scalar(rest), {}
                self.at += 1
            items.append((value, number, start + 1, fields) if keep else value)
            if self.at == len(content):
                break
            _, indent, line = content[self.at]
            if indent < column:
                break
            if indent > column:
                raise _Declined
            if not _entry(line, column):
                break  # the next key of the mapping this list is the value of
        self.depth -= 1
        return items


def _entry(line: str, column: int) -> bool:
    """Whether a list item (``-`` then a space or the end of the line) starts at ``column``."""
    return line.startswith("-", column) and (len(line) == column + 1 or line[column + 1] == " ")


def _key_end(line: str, column: int) -> int:
    """Where the ``:`` of a plain key starting at ``column`` is; declined if there is none."""
    end = line.find(":", column)
    if end <= column or end - column > _MAX_KEY or (end + 1 < len(line) and line[end + 1] != " "):
        raise _Declined
    key = line[column:end]
    if key[0] not in _KEY_FIRST or not _KEY_CHARS.issuperset(key) or key in _BOOL or key in _NULL:
        raise _Declined  # another kind of key, or one YAML reads as true/false or null
    return end


def _is_key(text: str) -> bool:
    try:
        _key_end(text, 0)
    except _Declined:
        return False
    return True


def _scalar(text: str) -> Any:
    """A one-line value (``text``: from its first character to the end of the line)."""
    first = text[0]
    if first == "[":
        value, end = _flow(text, 1, 1)
        _after_quote(text[end:])
        return value
    if first == '"':
        end = text.find('"', 1)
        value = text[1:end]
        if end < 0 or "\\" in value:
            raise _Declined  # over several lines, or escapes
        _after_quote(text[end + 1:])
    elif first == "'":
        parts = []
        start = 1
        while True:
            end = text.find("'", start)
            if end < 0:
                raise _Declined
            if text.startswith("'", end + 1):
                parts.append(text[start:end + 1])
                start = end + 2
                continue
            parts.append(text[start:end])
            break
        value = "".join(parts)
        _after_quote(text[end + 1:])
    else:
        if first in _NOT_PLAIN_FIRST:
            raise _Declined
        cut = text.find(" #")
        value = (text if cut < 0 else text[:cut]).rstrip(" ")
        if ": " in value or value.endswith(":"):
            raise _Declined  # a mapping, or a YAML error
        if len(value) > MAX_SCALAR:
            raise _Declined
        return _resolve(value)
    if len(value) > MAX_SCALAR:
        raise _Declined
    return value


def _flow(text: str, at: int, depth: int) -> tuple[list[Any], int]:
    """A one-line list in brackets (``[a, b]``, ``[[1948, 7]]``) of plain values and lists,
    from just after its ``[``: (the list, where its ``]`` ends)."""
    if depth > _MAX_DEPTH:
        raise _Declined
    items: list[Any] = []
    size = len(text)
    while True:
        while at < size and text[at] == " ":
            at += 1
        if at == size:
            raise _Declined  # over several lines
        if text[at] == "]" and not items:
            return items, at + 1
        if text[at] == "[":
            value, at = _flow(text, at + 1, depth + 1)
        else:
            end = at
            while end < size and text[end] not in _FLOW_STOP:
                end += 1
            plain = text[at:end].rstrip(" ")
            if not plain or plain[0] in _NOT_PLAIN_FIRST or plain[0] in "'\"" \
                    or len(plain) > MAX_SCALAR:
                raise _Declined
            value, at = _resolve(plain), end
        items.append(value)
        while at < size and text[at] == " ":
            at += 1
        if at == size or text[at] not in ",]":
            raise _Declined
        at += 1
        if text[at - 1] == "]":
            return items, at


# the end of a plain value in a list in brackets; other characters (':', '#', '{', '}' and
# quotes, whose readings differ there) are left to YAML
_FLOW_STOP = frozenset(",[]{}:#")


def _after_quote(text: str) -> None:
    """After a closing quote only spaces and a comment may follow."""
    rest = text.lstrip(" ")
    if rest and not (rest[0] == "#" and len(rest) < len(text)):
        raise _Declined


def _resolve(value: str) -> Any:
    """A plain value as the record loader's resolvers read it: true/false, a whole number,
    null, else text."""
    if value in _BOOL:
        return _BOOL[value]
    if value in _NULL:
        return None
    if value == "<<":
        raise _Declined  # a merge key to the YAML reader, which refuses it
    digits = value[1:] if value[0] == "+" else value
    if digits.isascii() and digits.isdigit() and (digits == "0" or digits[0] != "0"):
        if len(digits) > MAX_INT_DIGITS:
            raise _Declined  # the YAML reader reports it
        return int(digits)
    return value
