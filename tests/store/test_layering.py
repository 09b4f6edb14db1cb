"""The persistence layer imports one way: no cycles inside triage.store, and nothing above it (service, API)."""

from __future__ import annotations

import ast
from pathlib import Path

import triage.store

PACKAGE = Path(triage.store.__file__).parent


def internal_imports() -> dict[str, set[str]]:
    """Each module of triage.store (migrations excluded) and the other triage modules it imports."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.glob("*.py"):
        name = path.stem
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("triage"):
                if node.module == "triage.store":
                    found |= {f"triage.store.{alias.name}" for alias in node.names}
                else:
                    found.add(node.module)
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names if alias.name.startswith("triage")}
        graph[name] = found
    return graph


def test_nothing_in_the_store_imports_the_service_or_the_api() -> None:
    for name, imported in internal_imports().items():
        assert not {m for m in imported if m.startswith(("triage.service", "api"))}, name


def test_the_store_modules_import_one_way() -> None:
    graph = {
        name: {m.removeprefix("triage.store.").split(".")[0] for m in imported if m.startswith("triage.store.")}
        for name, imported in internal_imports().items()
        if name != "__init__"
    }
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " -> ".join((*path, name))
        if name in done:
            return
        for dependency in graph.get(name, ()):
            visit(dependency, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())
