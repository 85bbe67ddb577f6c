"""No import circle inside the package (issue 15): module-level and function-level imports,
``TYPE_CHECKING`` ones, and modules named in strings for ``importlib`` (the command table of
``vbparse.cli``, the lazy names of ``vbparse``) all count as edges. An import of a module's own
package (``vbparse.ingest.safety`` → ``vbparse.ingest``) is not one: Python has started loading
every parent package before the module runs."""

from __future__ import annotations

import ast
from pathlib import Path

import vbparse

PACKAGE_ROOT = Path(vbparse.__file__).parent


def _modules(root: Path, package: str) -> dict[str, Path]:
    """Dotted name → file of every module under ``root`` (a package ``__init__`` is the
    package's own name)."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _target(name: str, modules: dict[str, Path]) -> str | None:
    """The package module ``name`` loads: itself, or its longest prefix that is a module."""
    parts = name.split(".")
    while parts:
        dotted = ".".join(parts)
        if dotted in modules:
            return dotted
        parts.pop()
    return None


def _is_parent(target: str, module: str) -> bool:
    """True for ``module`` itself and the packages it sits in."""
    return module == target or module.startswith(target + ".")


def _imports(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package modules ``module`` imports, wherever the import statement sits."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Constant) and node.value in modules:
            names = [node.value]  # importlib.import_module("vbparse.commands")
        for name in names:
            target = _target(name, modules)
            if target is not None and not _is_parent(target, module):
                found.add(target)
    return found


def import_cycles(root: Path, package: str) -> list[list[str]]:
    """One cycle (as a closed path of modules) per strongly connected group of modules."""
    modules = _modules(root, package)
    graph = {name: sorted(_imports(name, path, modules)) for name, path in modules.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return [_cycle_in(group, graph) for group in groups]


def _cycle_in(group: list[str], graph: dict[str, list[str]]) -> list[str]:
    """A closed path through the group's first module (breadth first: a shortest one)."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in graph[node]:
            if nxt == start:
                return [*paths[node], start]
            if nxt in members and nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    return group


def test_import_cycles_none_in_the_package():
    cycles = import_cycles(PACKAGE_ROOT, "vbparse")
    assert not cycles, "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_import_cycles_found_through_functions_relative_imports_and_strings(tmp_path):
    root = tmp_path / "pkg"
    _write(
        root,
        {
            "__init__.py": "",
            "a.py": "from pkg.sub import b\n",
            "sub/__init__.py": "",
            "sub/b.py": "def f():\n    from .. import c\n",
            "c.py": 'import importlib\nimportlib.import_module("pkg.a")\n',
            "d.py": "from pkg import e\n",
            "e.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.d\n",
            "f.py": "import pkg.a\n",
            "sub/g.py": "from pkg.sub import b\nfrom pkg import sub\n",
        },
    )
    cycles = import_cycles(root, "pkg")
    assert sorted(cycles) == [["pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"], ["pkg.d", "pkg.e", "pkg.d"]]
