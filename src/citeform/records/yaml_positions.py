"""Safe YAML loading that remembers the line and column of every record and field.

Only plain data is built (mappings, lists, text, whole numbers, true/false, null): no tag
can construct an object.  Before anything is built the document is measured, so that alias
bombs, self-referring aliases, deep nesting and huge values end quickly with a clear error.

Values are read as people mean them in a bibliography: ``010`` and ``10:15`` stay text
(YAML 1.1 would read an octal 8 and a base-60 615), ``1.10`` stays text (not the number
1.1), ``2002-03-15`` stays text (read by :mod:`citeform.records.date_parsing`, as JSON Schema sees it), and
only ``true``/``false`` are true/false (``no``, the language code of Norwegian, stays text).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import DataError
from .record_limits import MAX_DEPTH, MAX_INT_DIGITS, MAX_NODES, MAX_SCALAR

_STD = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    _STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
)

try:  # the C parser is much faster where libyaml is available
    _Base: type = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader

_IMPLICIT = [
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    ("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), "-+0123456789"),
    ("tag:yaml.org,2002:merge", re.compile(r"^<<$"), "<"),
    ("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]),
]


class RecordLoader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader with bibliography-friendly implicit types (see the module docstring)."""

    yaml_implicit_resolvers: dict = {}


for _tag, _regexp, _first in _IMPLICIT:
    RecordLoader.add_implicit_resolver(_tag, _regexp, list(_first))


# YAML 1.1 also breaks lines at NEL, LS and PS; editors (and our messages) count only \n
_ODD_BREAKS = ("\x85", "\u2028", "\u2029")


class _Lines:
    """Line and column of a YAML mark, counting lines the way an editor does."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.odd = any(b in text for b in _ODD_BREAKS)

    def place(self, mark: Any) -> tuple[int, int]:
        """1-based (line, column) of a mark."""
        if not self.odd:
            return mark.line + 1, mark.column + 1
        index = min(mark.index, len(self.text))
        start = self.text.rfind("\n", 0, index) + 1
        return self.text.count("\n", 0, index) + 1, index - start + 1

    def fix(self, node: yaml.Node) -> None:
        """Give a node the mark an editor would (only needed after odd line breaks)."""
        if self.odd:
            line, column = self.place(node.start_mark)
            m = node.start_mark
            node.start_mark = yaml.error.Mark(m.name, m.index, line - 1, column - 1, None, None)


def load(name: str, text: str) -> tuple[Any, Any]:
    """Compose and construct one YAML document safely: returns (node, data)."""
    loader = RecordLoader(text)
    lines = _Lines(text)
    try:
        _count_values(name, text, lines)
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_shape(name, node, lines)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, column = lines.place(mark) if mark else (None, None)
        raise DataError(_yaml_message(e, text, lines), file=name, line=line,
                        column=column) from None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow
        char = e.character if isinstance(e.character, str) else chr(e.character)
        at = text.find(char)  # the first one stops the reader (its position may be in bytes)
        at = at if at >= 0 else e.position
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        raise DataError(f"character U+{ord(char):04X} is not allowed in YAML", file=name,
                        line=line, column=column) from None
    except yaml.YAMLError as e:
        message = " ".join(str(e).split())
        raise DataError(f"broken YAML: {message}", file=name) from None
    except RecursionError:
        raise DataError("YAML nested too deeply", file=name) from None
    except (ValueError, TypeError, OverflowError) as e:  # a value the constructor cannot build
        raise DataError(f"broken YAML: {e}", file=name) from None
    finally:
        loader.dispose()
    return node, data


_VALUE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent,
                 yaml.SequenceStartEvent)


def _count_values(name: str, text: str, lines: _Lines) -> None:
    """Refuse a document of more than MAX_NODES values before building any of them (a file
    within the size limit can hold tens of millions of tiny values)."""
    if len(text) <= MAX_NODES:  # each value takes at least one character
        return
    counter = RecordLoader(text)
    try:
        count = 0
        while counter.check_event():
            event = counter.get_event()
            if isinstance(event, _VALUE_EVENTS):
                count += 1
                if count > MAX_NODES:
                    line, column = lines.place(event.start_mark)
                    raise DataError(f"YAML too large: more than {MAX_NODES:,} values",
                                    file=name, line=line, column=column)
    finally:
        counter.dispose()


def _yaml_message(e: yaml.MarkedYAMLError, text: str, lines: _Lines) -> str:
    problem = (e.problem or e.context or "broken YAML").strip()
    if e.problem_mark and text[e.problem_mark.index:e.problem_mark.index + 1] == "\t":
        return "broken YAML: a tab; indent with spaces"
    if "maximum nesting depth" in problem:
        return f"YAML nested deeper than {MAX_DEPTH} levels"
    m = re.match(r"could not determine a constructor for the tag '([^']*)'", problem)
    if m:
        return _tag_message(m.group(1))
    if problem.startswith("found unhashable key"):
        return "broken YAML: a field name must be text, not a list or mapping"
    if "found another document" in problem:
        return "more than one YAML document (---) in a file; put several records in one list"
    context, where = e.context, e.context_mark
    start = lines.place(where)[0] if where else None
    if context and start and e.problem and (
            not e.problem_mark or start != lines.place(e.problem_mark)[0]):
        return f"broken YAML: {problem} ({context} that starts on line {start})"
    return f"broken YAML: {problem}"


def _tag_message(tag: str) -> str:
    short = "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag
    return f"YAML tag {short} is not allowed (records are plain data)"


def _at(node: yaml.Node) -> dict[str, int]:
    return {"line": node.start_mark.line + 1, "column": node.start_mark.column + 1}


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_shape(name: str, root: yaml.Node, lines: _Lines | None = None) -> None:
    """Refuse alias bombs, self-reference, deep nesting, huge values and repeated fields.

    Works on the composed graph, where an alias is a shared node: every distinct collection
    is visited once, and the size and depth it would have when expanded are computed from
    its children, so a bomb is measured without being expanded.  Scalars (most nodes) are
    checked where they are met.
    """
    fix = lines.fix if lines is not None and lines.odd else None
    if not isinstance(root, _COLLECTIONS):
        if fix:
            fix(root)
        _check_scalar(name, root)
        return
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        nid = id(node)
        kids = _children(node)
        if children_done:
            total, deepest = 1, 0
            for kid in kids:
                if isinstance(kid, _COLLECTIONS):
                    total += size[id(kid)]
                    deepest = max(deepest, height[id(kid)])
                else:
                    total += 1
                    deepest = deepest or 1
            size[nid], height[nid] = total, deepest + 1
            on_path.discard(nid)
            if total > MAX_NODES:
                raise DataError(f"YAML too large: more than {MAX_NODES:,} values once aliases "
                                "are expanded (alias bomb?)", file=name, **_at(node))
            if deepest + 1 > MAX_DEPTH:
                raise DataError(f"YAML nested deeper than {MAX_DEPTH} levels", file=name,
                                **_at(node))
            continue
        if nid in size:
            continue
        if fix:
            fix(node)
        if node.tag not in _PLAIN_TAGS:
            raise DataError(_tag_message(node.tag), file=name, **_at(node))
        on_path.add(nid)
        stack.append((node, True))
        for kid in reversed(kids):
            if not isinstance(kid, _COLLECTIONS):
                if fix:
                    fix(kid)
                _check_scalar(name, kid)
            elif id(kid) in on_path:
                raise DataError("YAML alias refers to itself (a value cannot contain itself)",
                                file=name, **_at(kid))
            elif id(kid) not in size:
                stack.append((kid, False))
        if isinstance(node, yaml.MappingNode):
            _check_fields(name, node)


_COLLECTIONS = (yaml.MappingNode, yaml.SequenceNode)
_INT = "tag:yaml.org,2002:int"


def _check_scalar(name: str, node: yaml.Node) -> None:
    """Only plain-data tags, and limits on the length of a value and of a number."""
    if node.tag not in _PLAIN_TAGS:
        raise DataError(_tag_message(node.tag), file=name, **_at(node))
    value = node.value
    if len(value) > MAX_SCALAR:
        raise DataError(f"value longer than {MAX_SCALAR:,} characters ({len(value):,})",
                        file=name, **_at(node))
    if node.tag == _INT and len(value.lstrip("+-")) > MAX_INT_DIGITS:
        raise DataError(f"number longer than {MAX_INT_DIGITS} digits; quote it to keep it "
                        "as text", file=name, **_at(node))


def _check_fields(name: str, node: yaml.MappingNode) -> None:
    """No field given twice in one mapping."""
    seen: dict[str, int] = {}
    for k, _ in node.value:
        if isinstance(k, yaml.ScalarNode) and k.tag != "tag:yaml.org,2002:merge":
            if k.value in seen:
                raise DataError(f"{k.value!r} given twice (first on line {seen[k.value]})",
                                file=name, field=k.value, **_at(k))
            seen[k.value] = k.start_mark.line + 1


def line_of(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def column_of(node: yaml.Node | None) -> int | None:
    return node.start_mark.column + 1 if node is not None else None


def field_positions(node: yaml.Node | None) -> dict[str, tuple[int, int]]:
    """For a mapping node: field name -> (line, column) where the field is written."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(k.value): (k.start_mark.line + 1, k.start_mark.column + 1)
        for k, _ in node.value
        if isinstance(k, yaml.ScalarNode)
    }


def field_lines(node: yaml.Node | None) -> dict[str, int]:
    """For a mapping node: field name -> 1-based line where the field is written."""
    return {k: line for k, (line, _) in field_positions(node).items()}


def child(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def items(node: yaml.Node | None) -> list[yaml.Node | None]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
