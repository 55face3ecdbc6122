"""The package's imports point down the pipeline, and form no cycle.

data -> network -> analytics -> views -> (report | app | interop) -> publish -> cli, with errors,
terminal and i18n beneath them all (see ARCHITECTURE.md). Imports inside functions count:
a lazy import is still a dependency.
"""

import ast
from pathlib import Path

import networkx as nx
import pytest

import labkit

PACKAGE = Path(labkit.__file__).resolve().parent

#: top-level part of the package -> its layer; parts on one layer may not import each other.
LAYERS = {
    "labkit.terminal": 0, "labkit.i18n": 0, "labkit._startup": 0, "labkit._version": 0,
    "labkit.errors": 1,
    "labkit.data": 2,
    "labkit.network": 3,
    "labkit.analytics": 4,
    "labkit.views": 5,
    "labkit.report": 6, "labkit.app": 6, "labkit.interop": 6,
    "labkit.publish": 7,
    "labkit.cli": 8,
    "labkit": 9, "labkit.__main__": 9,
}


def module_name(path: Path) -> str:
    parts = ["labkit", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    rel = Path(*name.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").is_file() or (PACKAGE / rel / "__init__.py").is_file()


def imports(path: Path) -> set[str]:
    """The labkit modules that the file at ``path`` imports, anywhere in it."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "labkit"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "labkit":
                continue
            for alias in node.names:  # `from . import io` imports the module labkit.data.io
                sub = f"{target}.{alias.name}"
                found.add(sub if is_module(sub) else target)
    return found


def import_graph() -> nx.DiGraph:
    G = nx.DiGraph()
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        G.add_node(name)
        G.add_edges_from((name, t) for t in imports(path) if t != name)
    return G


def part(name: str) -> str:
    """The entry of LAYERS that ``name`` belongs to."""
    parts = name.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in LAYERS:
            return ".".join(parts[:n])
    raise KeyError(f"{name}: add its part of the package to LAYERS in {__file__}")


def test_the_walker_sees_imports():
    G = import_graph()
    assert ("labkit.data.model", "labkit.data.io") in G.edges
    assert ("labkit.report.html", "labkit.report.narrative") in G.edges
    assert ("labkit.views.theme", "labkit.network.graph") in G.edges  # `from ..network import graph`
    assert ("labkit.data.illustrative", "labkit.data.model") in G.edges  # an import inside a function


def test_no_import_cycle():
    cycles = list(nx.simple_cycles(import_graph()))
    assert cycles == [], cycles


def test_every_module_has_a_layer():
    for name in import_graph():
        part(name)


@pytest.mark.parametrize("edge", sorted(import_graph().edges), ids=lambda e: f"{e[0]}->{e[1]}")
def test_imports_point_down_the_pipeline(edge):
    a, b = (part(n) for n in edge)
    if a == b:
        return
    assert LAYERS[a] > LAYERS[b], f"{edge[0]} imports {edge[1]}: {a} may not use {b} (see ARCHITECTURE.md)"
