"""Safe YAML loading that remembers the line of every record and field."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import DataError

MAX_NODES = 1_000_000
MAX_DEPTH = 64

try:  # the C loader is much faster where libyaml is available
    _Loader: type = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def load(name: str, text: str) -> tuple[Any, Any]:
    """Compose and construct one YAML document safely: returns (node, data)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_shape(name, node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = e.problem or e.context or "broken YAML"
        raise DataError(
            f"broken YAML: {problem}",
            file=name,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as e:
        raise DataError(f"broken YAML: {e}", file=name) from None
    except RecursionError:
        raise DataError("YAML nested too deeply", file=name) from None
    finally:
        loader.dispose()
    return node, data


def _check_shape(name: str, root: yaml.Node) -> None:
    """Refuse alias bombs and deep nesting before constructing anything."""
    count = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise DataError(f"YAML too large: more than {MAX_NODES:,} values (alias bomb?)",
                            file=name, line=root.start_mark.line + 1)
        if depth > MAX_DEPTH:
            raise DataError(f"YAML nested deeper than {MAX_DEPTH} levels", file=name,
                            line=node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and depth <= 2:
                    if k.value in seen:
                        raise DataError(
                            f"field {k.value!r} given twice (first on line {seen[k.value]})",
                            file=name, line=k.start_mark.line + 1, column=k.start_mark.column + 1,
                            field=k.value,
                        )
                    seen[k.value] = k.start_mark.line + 1
                stack.append((k, depth + 1))
                stack.append((v, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, depth + 1) for v in node.value)


def line_of(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def field_lines(node: yaml.Node | None) -> dict[str, int]:
    """For a mapping node: field name -> 1-based line where the field is written."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


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
