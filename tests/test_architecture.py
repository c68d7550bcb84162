"""The package's shape: no import cycles (imports inside functions count), one name per module.

The layers themselves are import-linter contracts in pyproject.toml (``lint-imports``).
"""

from __future__ import annotations

import ast
from collections import Counter, deque
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "citeform"

Graph = dict[str, dict[str, int]]  # importer -> {imported: line of the first such import}


def module_files(package: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package ``__init__``) for every module under ``package``."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        out[".".join(parts)] = (path, is_package)
    return out


def import_graph(package: Path) -> Graph:
    """Every import between modules of ``package``, wherever it stands in a module (inside
    functions, ``if TYPE_CHECKING:`` blocks and ``try:`` included). ``from a import b``
    counts as importing ``a.b`` when that is a module, else ``a``."""
    modules = module_files(package)
    graph: Graph = {name: {} for name in modules}
    for name, (path, is_package) in modules.items():
        here = name if is_package else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = here.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1]
                                    + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                           for alias in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].setdefault(target, node.lineno)
    return graph


def tangles(graph: Graph) -> list[set[str]]:
    """The groups of two or more modules that all reach each other by imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(v: str) -> None:  # Tarjan's algorithm; the graph is small enough to recurse
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def cycles(graph: Graph) -> list[list[str]]:
    """One shortest cycle (first module repeated at the end) per tangle."""
    return [_shortest_cycle(graph, group) for group in tangles(graph)]


def _shortest_cycle(graph: Graph, group: set[str]) -> list[str]:
    best: list[str] | None = None
    for start in sorted(group):
        came_from: dict[str, str] = {}
        queue = deque([start])
        while queue:
            v = queue.popleft()
            if start in graph[v]:
                path = [v]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                path = [start, *reversed(path[:-1]), start]
                if best is None or len(path) < len(best):
                    best = path
                break
            for w in sorted(graph[v]):
                if w in group and w not in came_from and w != start:
                    came_from[w] = v
                    queue.append(w)
    assert best is not None
    return best


def describe(graph: Graph, cycle: list[str]) -> str:
    return " -> ".join(
        [cycle[0]] + [f"{b} (line {graph[a][b]} of {a})" for a, b in zip(cycle, cycle[1:])])


def test_no_import_cycles() -> None:
    graph = import_graph(PACKAGE)
    found = [f"{describe(graph, _shortest_cycle(graph, group))}\n  ({len(group)} modules tangled: "
             f"{', '.join(sorted(group))})" for group in tangles(graph)]
    assert not found, "import cycles inside src/citeform:\n" + "\n".join(found)


def test_no_two_modules_share_a_file_name() -> None:
    names = Counter(path.name for path in PACKAGE.rglob("*.py") if path.name != "__init__.py")
    shared = sorted(name for name, n in names.items() if n > 1)
    assert not shared, f"module file names used more than once under src/citeform: {shared}"


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


def test_a_cycle_through_a_function_level_import_is_found(tmp_path: Path) -> None:
    package = _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/low/__init__.py": "",
        "pkg/low/a.py": "def f():\n    from ..high import b\n",
        "pkg/high/__init__.py": "",
        "pkg/high/b.py": "from pkg.high.c import x\n",
        "pkg/high/c.py": "import pkg.low.a\nx = 1\n",
        "pkg/free.py": "from .low import a\n",
    })
    graph = import_graph(package)
    assert graph["pkg.low.a"] == {"pkg.high.b": 2}
    assert graph["pkg.free"] == {"pkg.low.a": 1}
    found = cycles(graph)
    assert found == [["pkg.high.b", "pkg.high.c", "pkg.low.a", "pkg.high.b"]]
    assert describe(graph, found[0]) == (
        "pkg.high.b -> pkg.high.c (line 1 of pkg.high.b) -> pkg.low.a (line 1 of pkg.high.c)"
        " -> pkg.high.b (line 2 of pkg.low.a)")


@pytest.mark.parametrize("source", [
    "from . import b\n",            # a sibling module by relative import
    "if False:\n    import pkg.b\n",  # an import under a condition counts too
])
def test_a_two_module_cycle_is_found(tmp_path: Path, source: str) -> None:
    package = _write(tmp_path, {"pkg/__init__.py": "", "pkg/a.py": source,
                                "pkg/b.py": "from .a import thing\n"})
    assert cycles(import_graph(package)) == [["pkg.a", "pkg.b", "pkg.a"]]


def test_an_acyclic_package_passes(tmp_path: Path) -> None:
    package = _write(tmp_path, {"pkg/__init__.py": "from .a import x\n",
                                "pkg/a.py": "from .b import y as x\n",
                                "pkg/b.py": "y = 1\n"})
    assert cycles(import_graph(package)) == []


def test_ci_runs_the_contracts_and_ruff_next_to_pytest() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines()]
    assert any(line.endswith("python -m pytest") for line in lines)
    assert {".venv/bin/lint-imports", ".venv/bin/ruff check ."} <= set(lines)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"import-linter>=' in pyproject and "[tool.importlinter]" in pyproject
