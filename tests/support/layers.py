"""The import graph of the ``cellkg`` package, read with ``ast`` (nothing is imported or run).

Files map to module names through pyproject's ``[tool.setuptools.package-dir]`` (the top-level
folders are subpackages of ``cellkg``). Every ``cellkg.*`` import counts, at module level or inside
a function; an import under ``if TYPE_CHECKING:`` counts for the layers (a type-only dependency is
still a dependency) but not for cycles (it never runs, so it cannot loop at import time).
"""

from __future__ import annotations

import ast
import tomllib
from dataclasses import dataclass
from pathlib import Path

# Bottom to top; a module may import its own layer and any layer below. The three middle
# packages share a floor and must not import one another.
LAYERS: list[set[str]] = [
    {"cellkg", "cellkg.core"},
    {"cellkg.extract", "cellkg.graph", "cellkg.evaluate"},
    {"cellkg.ingest", "cellkg.train"},  # train joins extract and evaluate (fits the relation scorer)
    {"cellkg.api"},
    {"cellkg.ops"},
    {"cellkg.cli", "cellkg.__main__"},
]


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int
    type_only: bool


def module_files(root: Path) -> dict[str, Path]:
    """Module name -> file, for every .py file under the folders that pyproject maps."""
    mapping = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"]
    modules = {}
    # "cellkg" first: a subpackage mapped to its own folder (cellkg.extract -> extract/) then wins
    for package, folder in sorted(mapping.items(), key=lambda item: item[0].count(".")):
        base = root / folder
        for file in sorted(base.rglob("*.py")):
            parts = file.relative_to(base).with_suffix("").parts
            if "__pycache__" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join((package, *parts))] = file
    return modules


def _resolve(target: str, names: list[str], modules: set[str]) -> list[str]:
    """``from target import a, b``: the modules a and b when they are modules, else ``target``."""
    found = [f"{target}.{n}" for n in names if f"{target}.{n}" in modules]
    return found if len(found) == len(names) else [*found, target]


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(name: str, file: Path, modules: set[str]) -> list[Import]:
    tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    package = name if file.name == "__init__.py" else name.rpartition(".")[0]
    type_only_lines = {
        child.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _type_checking(node)
        for stmt in node.body
        for child in ast.walk(stmt)
        if hasattr(child, "lineno")
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, one level up per extra dot
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = _resolve(base, [alias.name for alias in node.names], modules)
        else:
            continue
        for target in targets:
            if target == "cellkg" or target.startswith("cellkg."):
                found.append(Import(name, target, node.lineno, node.lineno in type_only_lines))
    return found


def import_graph(root: Path) -> list[Import]:
    files = module_files(root)
    return [imp for name, file in files.items() for imp in imports_of(name, file, set(files))]


def layer_of(module: str) -> int:
    for level, prefixes in enumerate(LAYERS):
        if any(module == p or (p != "cellkg" and module.startswith(p + ".")) for p in prefixes):
            return level
    raise ValueError(f"{module} is in no layer: add its package to LAYERS")


def package_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def layer_violations(imports: list[Import]) -> list[str]:
    """Imports that go up a layer, or sideways between two packages of one shared floor."""
    problems = []
    for imp in imports:
        low, high = layer_of(imp.imported), layer_of(imp.importer)
        sideways = low == high and package_of(imp.importer) != package_of(imp.imported) and imp.imported != "cellkg"
        if low > high or (sideways and high == 1):
            problems.append(f"{imp.importer} (line {imp.line}) imports {imp.imported}")
    return problems


def cycles(imports: list[Import]) -> list[list[str]]:
    """Every strongly connected group of modules (run-time imports), each shown as one loop."""
    edges: dict[str, set[str]] = {}
    for imp in imports:
        if not imp.type_only and imp.importer != imp.imported:
            edges.setdefault(imp.importer, set()).add(imp.imported)
    return [_loop(group, edges) for group in _components(edges) if len(group) > 1]


def _components(edges: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's strongly connected components, iteratively (no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                groups.append(group)
    return groups


def _loop(group: set[str], edges: dict[str, set[str]]) -> list[str]:
    """A shortest loop through the group's first module, as a path that ends where it starts."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(edges.get(node, ()) & group):
                if child == start:
                    return [*paths[node], start]
                if child not in paths:
                    paths[child] = [*paths[node], child]
                    following.append(child)
        frontier = following
    raise AssertionError(f"{sorted(group)} is not a cycle")
