"""Safe CSL-JSON loading that remembers the line and column of every item and its fields.

The text is parsed once by :mod:`json` with the limits of YAML records (no more than a million
values, no NaN or Infinity, no number longer than 18 digits, no text longer than 100,000
characters, no nesting deeper than 64 levels, no field given twice), then scanned again for
the places where the top-level items and their fields start.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import DataError

MAX_DEPTH = 64
MAX_INT_DIGITS = 18
MAX_SCALAR = 100_000
MAX_NODES = 1_000_000

_WS = re.compile(r"[ \t\n\r]*")
Place = tuple[int, int]


class _Placed(ValueError):
    """A refused value (a number or constant, outside strings) whose text can be found in
    the document."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.pattern = r"(?<![\w.])" + re.escape(text) + r"(?![\w.])"


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Placed(f"number longer than {MAX_INT_DIGITS} digits; quote it to keep it as text",
                      text)
    return int(text)


def _parse_constant(text: str) -> Any:
    raise _Placed(f"{text} is not a JSON value", text)


def _parse_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Placed(f"number {text} is out of range", text)
    return value


# half of a UTF-16 pair without the other half: not a character, cannot be written as UTF-8
_LONE_SURROGATE = re.compile(
    r"(?<!\\)(?:\\\\)*\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})(?<!\\)(?:\\\\)*\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _has_lone_surrogate(data: Any) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(value, dict):
            stack.extend(value.values())
            stack.extend(value)
        elif isinstance(value, list):
            stack.extend(value)
    return False


def _at(text: str, pattern: str, outside_strings: bool = False) -> tuple[int | None, int | None]:
    """Line and column of the first match of ``pattern`` in ``text`` (None, None if none);
    with ``outside_strings``, of its first group where that takes part (the pattern's other
    branch matches the strings it skips)."""
    if outside_strings:
        m = next((m for m in re.finditer(pattern, text) if m.group(1) is not None), None)
    else:
        m = re.search(pattern, text)
    if not m:
        return None, None
    at = m.start(1) if outside_strings else m.start()
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


LAZY_PLACES_MAX = 2_000_000  # characters of a file read an item at a time, at most


def load(name: str, text: str) -> tuple[Any, list[tuple[Place, dict[str, Place]]] | None]:
    """The data, and for each top-level item its place and its fields' places (or None
    when the items are not where a scan can find them)."""
    _count_values(name, text)
    # the places an item-at-a-time reading finds later keep the whole text alive: a large
    # file (a batch of thousands of records) is read at once, so that its text can go
    fast = _load_list(text) if len(text) <= LAZY_PLACES_MAX else None
    if fast is not None:
        data, places = fast
        if not measure(data, long_strings=_may_hold_long_strings(text)) and not (
                "\\u" in text and _has_lone_surrogate(data)):
            return data, places
        # a problem: the whole-text reading below finds it again and places it
    repeated: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                repeated.append(k)
            out[k] = v
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_int=_parse_int,
                          parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as e:
        raise DataError(f"broken JSON: {e.msg}", file=name, line=e.lineno, column=e.colno) from None
    except _Placed as e:  # the first such value outside strings: the one json stopped at
        line, column = _at(text, r'"(?:[^"\\]|\\.)*"|(' + e.pattern + ")", outside_strings=True)
        raise DataError(f"broken JSON: {e}", file=name, line=line, column=column) from None
    except RecursionError:
        raise DataError(f"JSON nested deeper than {MAX_DEPTH} levels", file=name) from None
    except ValueError as e:  # pragma: no cover - json's own limits
        raise DataError(f"broken JSON: {e}", file=name) from None
    problem = measure(data, long_strings=_may_hold_long_strings(text))
    if problem:
        line = column = None
        if problem.startswith("value longer"):  # placed (and measured) at the first one
            problem, line, column = _first_long_string(text) or (problem, None, None)
        raise DataError(problem, file=name, line=line, column=column)
    if "\\u" in text and _has_lone_surrogate(data):
        line, column = _at(text, _LONE_SURROGATE.pattern)
        raise DataError("broken JSON: a \\u escape gives half of a UTF-16 pair (a lone "
                        "surrogate), not a character", file=name, line=line, column=column)
    scanner = _Scanner(text)
    places = scanner.items()
    if repeated:
        if scanner.repeats:
            field, (line, column) = scanner.repeats[0]
            raise DataError(f"{field!r} given twice in one item", file=name, line=line,
                            column=column, field=field)
        raise DataError(f"{repeated[0]!r} given twice in one mapping", file=name,
                        field=repeated[0])
    return data, places


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _first_long_string(text: str) -> tuple[str, int, int] | None:
    """The message, line and column of the first string in ``text`` longer than MAX_SCALAR."""
    for m in _STRING.finditer(text):
        if m.end() - m.start() - 2 > MAX_SCALAR:
            size = len(json.loads(m.group()))
            if size > MAX_SCALAR:
                at = m.start()
                return (f"value longer than {MAX_SCALAR:,} characters ({size:,})",
                        text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1)
    return None


class _Repeated(Exception):
    pass


def _unique_pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(items)
    if len(out) != len(items):
        raise _Repeated
    return out


def _load_list(text: str) -> tuple[list[Any], list[tuple[Place, Mapping[str, Place]]]] | None:
    """A top-level list parsed an item at a time, so that each item's place comes with it
    and its fields' places are found only when asked for; None when the text is anything
    else, or is wrong in any way (then :func:`load` reads it as a whole, for its error)."""
    decoder = json.JSONDecoder(object_pairs_hook=_unique_pairs, parse_int=_parse_int,
                               parse_float=_parse_float, parse_constant=_parse_constant)
    scan, ws = decoder.scan_once, _WS.match
    data: list[Any] = []
    places: list[tuple[Place, Mapping[str, Place]]] = []
    line, line_start, last = 1, 0, 0
    try:
        j = ws(text, 0).end()  # type: ignore[union-attr]
        if text[j] != "[":
            return None
        j = ws(text, j + 1).end()  # type: ignore[union-attr]
        if text[j] != "]":
            while True:
                newlines = text.count("\n", last, j)
                if newlines:
                    line += newlines
                    line_start = text.rfind("\n", last, j) + 1
                last = j
                place = (line, j - line_start + 1)
                value, end = scan(text, j)
                data.append(value)
                places.append((place, _Fields(text, j, place) if text[j] == "{" else {}))
                j = ws(text, end).end()  # type: ignore[union-attr]
                if text[j] == "]":
                    break
                if text[j] != ",":
                    return None
                j = ws(text, j + 1).end()  # type: ignore[union-attr]
        if ws(text, j + 1).end() != len(text):  # type: ignore[union-attr]
            return None
    except Exception:  # noqa: BLE001 - any fault is reported by the whole-text reading
        return None
    return data, places


class _Fields(Mapping[str, Place]):
    """The places of one item's fields, found in the text when first asked for (most runs
    never ask: they are for messages). Pickled as a plain dict."""

    def __init__(self, text: str, offset: int, place: Place) -> None:
        self._at = (text, offset, place)
        self._fields: dict[str, Place] | None = None

    def _get(self) -> dict[str, Place]:
        if self._fields is None:
            text, offset, (line, column) = self._at
            scanner = _Scanner(text)
            scanner._offset, scanner._line, scanner._line_start = offset, line, offset - column + 1
            self._fields = scanner.obj(offset)[0]
        return self._fields

    def __getitem__(self, key: str) -> Place:
        return self._get()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __repr__(self) -> str:
        return repr(self._get())

    def __reduce__(self) -> Any:
        return dict, (self._get(),)


class Lines(Mapping[str, int]):
    """The lines of fields whose places are found when first asked for."""

    def __init__(self, places: Mapping[str, Place]) -> None:
        self._places = places

    def __getitem__(self, key: str) -> int:
        return self._places[key][0]

    def __contains__(self, key: object) -> bool:
        return key in self._places

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self) -> Any:
        return dict, (dict(self),)


def lines_of(places: Mapping[str, Place]) -> Mapping[str, int]:
    """Field -> line of field -> (line, column), at once for a dict, when asked otherwise."""
    if isinstance(places, dict):
        return {k: line for k, (line, _) in places.items()}
    return Lines(places)


_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[,\[{]')


def _count_values(name: str, text: str) -> None:
    """Refuse more than MAX_NODES values before parsing (millions of tiny values fit in the
    size limit and would take gigabytes once built)."""
    if text.count(",") + text.count("[") + text.count("{") < MAX_NODES:
        return  # an upper bound: every value but the first follows a comma or opens
    count = 1
    for m in _TOKENS.finditer(text):
        if text[m.start()] != '"':
            count += 1
            if count > MAX_NODES:
                at = m.start()
                raise DataError(f"JSON too large: more than {MAX_NODES:,} values", file=name,
                                line=text.count("\n", 0, at) + 1,
                                column=at - (text.rfind("\n", 0, at) + 1) + 1)


def _may_hold_long_strings(text: str) -> bool:
    """False when no JSON string in ``text`` can be longer than MAX_SCALAR.

    A string's value is never longer than its text, and without escaped quotes that text
    holds no quote: a string longer than MAX_SCALAR spans a whole stretch of MAX_SCALAR // 2
    characters (counted from the start) with no quote in it.
    """
    if len(text) <= MAX_SCALAR:
        return False
    if '\\"' in text:  # a string may hold quotes
        return True
    step = MAX_SCALAR // 2
    return any('"' not in text[at:at + step] for at in range(0, len(text) - step + 1, step))


def measure(data: Any, long_strings: bool = True) -> str | None:
    """What is too big about the data: its nesting or one of its texts (None when fine).

    With ``long_strings`` false (the caller knows no text is too long), only the containers
    are walked.
    """
    if not long_strings:
        return _too_deep(data)
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"JSON nested deeper than {MAX_DEPTH} levels"
        if isinstance(value, dict):
            children: Any = [*value.values(), *value] if long_strings else value.values()
        elif isinstance(value, list):
            children = value
        else:
            if long_strings and isinstance(value, str) and len(value) > MAX_SCALAR:
                return f"value longer than {MAX_SCALAR:,} characters ({len(value):,})"
            continue
        if long_strings:
            stack.extend((v, depth + 1) for v in children)
        else:
            stack.extend((v, depth + 1) for v in children if isinstance(v, (dict, list)))
    return None


def _too_deep(data: Any) -> str | None:
    """:func:`measure` without ``long_strings``: only the nesting can be wrong. The
    containers are looked at a level at a time (the same answer as a walk of them)."""
    level = [data] if isinstance(data, (dict, list)) else []
    depth = 1
    while level:
        if depth > MAX_DEPTH:
            return f"JSON nested deeper than {MAX_DEPTH} levels"
        inner: list[Any] = []
        for value in level:
            for child in (value.values() if isinstance(value, dict) else value):
                if isinstance(child, (dict, list)):
                    inner.append(child)
        level = inner
        depth += 1
    return None


class _Scanner:
    """Finds where top-level items and their fields start in JSON text already parsed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.decoder = json.JSONDecoder(parse_int=_parse_int, parse_constant=_parse_constant)
        self.scan = self.decoder.scan_once  # (value, end) at an offset, as raw_decode without its checks
        self.repeats: list[tuple[str, Place]] = []
        # the last offset placed, its line and where that line starts: places are asked
        # for in the order of the text, so each newline is counted once
        self._offset = self._line_start = 0
        self._line = 1

    def place(self, offset: int) -> Place:
        """1-based (line, column) of an offset."""
        text = self.text
        if offset < self._offset:  # back to an earlier place: count again from the start
            self._offset = self._line_start = 0
            self._line = 1
        newlines = text.count("\n", self._offset, offset)
        if newlines:
            self._line += newlines
            self._line_start = text.rfind("\n", self._offset, offset) + 1
        self._offset = offset
        return self._line, offset - self._line_start + 1

    def skip(self, i: int) -> int:
        return _WS.match(self.text, i).end()  # type: ignore[union-attr]

    def items(self) -> list[tuple[Place, dict[str, Place]]] | None:
        try:
            i = self.skip(0)
            if self.text[i] == "[":
                return self.array(i)
            if self.text[i] == "{":
                fields, values, _ = self.obj(i, {})
                if "items" in values and self.text[values["items"]] == "[":
                    return self.array(values["items"])
                return [(self.place(i), fields)]
        except (ValueError, IndexError, StopIteration):  # StopIteration: scan_once found no value
            pass
        return None

    def array(self, i: int) -> list[tuple[Place, dict[str, Place]]]:
        out: list[tuple[Place, dict[str, Place]]] = []
        j = self.skip(i + 1)
        if self.text[j] == "]":
            return out
        while True:
            if self.text[j] == "{":
                place = self.place(j)
                fields, _, end = self.obj(j)
            else:
                place = self.place(j)
                fields, end = {}, self.scan(self.text, j)[1]
            out.append((place, fields))
            j = self.skip(end)
            if self.text[j] == "]":
                return out
            j = self.skip(j + 1)  # past the comma

    def obj(self, i: int, values: dict[str, int] | None = None
            ) -> tuple[dict[str, Place], dict[str, int], int]:
        """An object's fields' places, where it ends, and (given a mapping to fill) its
        values' offsets."""
        fields: dict[str, Place] = {}
        text, scan, ws, place, blank = self.text, self.scan, _WS.match, self.place, _BLANK
        j = i + 1
        if text[j] in blank:
            j = ws(text, j).end()
        if text[j] == "}":
            return fields, values or {}, j + 1
        while True:
            key, end = scan(text, j)
            if key in fields:
                self.repeats.append((key, place(j)))
            else:
                fields[key] = place(j)
            if text[end] in blank:
                end = ws(text, end).end()
            j = end + 1  # past the colon
            if text[j] in blank:
                j = ws(text, j).end()
            if values is not None:
                values.setdefault(key, j)
            j = scan(text, j)[1]
            if text[j] in blank:
                j = ws(text, j).end()
            if text[j] == "}":
                return fields, values or {}, j + 1
            j += 1  # past the comma
            if text[j] in blank:
                j = ws(text, j).end()


_BLANK = frozenset(" \t\n\r")
