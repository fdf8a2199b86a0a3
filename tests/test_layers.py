"""Imports flow one way: ground ← ingest ← vectorstore ← (prompts) ← rag ← bot ← shell (ngvh).

The project's imports are read with ast (relative and function-level imports included; imports under
`if TYPE_CHECKING:` are for type checkers only and are skipped), then checked for a package-level
cycle, a module-level cycle, and an import against the direction of the layers.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

# rank of each layer: a module may import its own layer and lower ranks only
LAYERS = {"ground": 0, "ingest": 1, "vectorstore": 2, "prompts": 2, "rag": 3, "bot": 4, "ngvh": 5}
PACKAGES = ("ground", "ingest", "vectorstore", "prompts", "rag", "bot", "ngvh")
FORBIDDEN = (("rag", "ingest"),)  # (importer, imported): rag reads plans through vectorstore and ground only
# rank of each stage inside rag: a stage may import its own stage and lower ranks only
STAGES = {"rag.models": 0, "rag.ports": 0, "rag.understand": 1, "rag.find": 2, "rag.decide": 3, "rag.compose": 4,
          "rag.answerer": 5, "rag.llm": 6, "rag.dialogue": 6, "rag": 7}


def layer_of(module: str, layers: dict[str, int] = LAYERS) -> str | None:
    """The layer a dotted module name belongs to (the longest matching layer name), None if outside."""
    best = None
    for name in layers:
        if module == name or module.startswith(name + "."):
            if best is None or len(name) > len(best):
                best = name
    return best


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(source: str, module: str, is_package: bool) -> set[str]:
    """Dotted names a module imports, relative imports resolved; TYPE_CHECKING blocks skipped."""
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            skipped.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            # "from pkg import name": pkg.name when it is a module, else pkg itself (resolved in project_graph)
            found.update(f"{prefix}.{alias.name}" if alias.name != "*" else prefix for alias in node.names)
    return found


def project_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """module → project modules it imports (an imported name that is an attribute maps to its module)."""
    files = {module_name(p, root): p for pkg in PACKAGES for p in (root / pkg).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        targets = set()
        for name in imports_of(path.read_text(encoding="utf-8"), module, path.name == "__init__.py"):
            while name and name not in files:  # "from x import y" where y is a function: x is the module
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node, or a node importing itself (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for module, targets in graph.items():
        source = layer_of(module)
        out.setdefault(source, set()).update(t for t in map(layer_of, targets) if t and t != source)
    return out


def upward_imports(graph: dict[str, set[str]], layers: dict[str, int] = LAYERS) -> list[tuple[str, str]]:
    return sorted(
        (module, target)
        for module, targets in graph.items()
        for target in targets
        if (a := layer_of(module, layers)) and (b := layer_of(target, layers)) and layers[b] > layers[a]
    )


def forbidden_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted((module, target) for module, targets in graph.items() for target in targets
                  if (layer_of(module), layer_of(target)) in FORBIDDEN)


# -- the checker itself can fail ------------------------------------------------------------------
def test_checker_sees_cycles_and_upward_imports():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    assert upward_imports({"ingest.x": {"rag.y"}, "rag.y": {"ingest.x"}}) == [("ingest.x", "rag.y")]
    assert package_graph({"ground.vi": {"ngvh.cli"}, "ngvh.cli": {"ground.vi"}}) == {
        "ground": {"ngvh"}, "ngvh": {"ground"}
    }
    assert forbidden_imports({"rag.find.scope": {"ingest.places", "ground.places"}}) == [
        ("rag.find.scope", "ingest.places")]
    assert upward_imports({"rag.find.plans": {"rag.compose.passages"}}, STAGES) == [
        ("rag.find.plans", "rag.compose.passages")]


def test_checker_reads_relative_function_level_and_skips_type_checking():
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import sibling\n"
        "from ..ingest import models\n"
        "if TYPE_CHECKING:\n"
        "    from bot.app import X\n"
        "def f():\n"
        "    import rag.answerer\n"
    )
    found = imports_of(source, "pkg.sub.mod", is_package=False)
    assert {"pkg.sub.sibling", "pkg.ingest.models", "rag.answerer"} <= found
    assert not any(name.startswith("bot") for name in found)


# -- the project ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return project_graph()


def test_no_module_level_cycle(graph):
    assert cycles(graph) == []


def test_no_package_level_cycle(graph):
    assert cycles(package_graph(graph)) == []


def test_imports_flow_one_way(graph):
    assert upward_imports(graph) == []


def test_rag_never_imports_ingest(graph):
    assert forbidden_imports(graph) == []


def test_rag_stages_flow_one_way(graph):
    assert upward_imports({m: ts for m, ts in graph.items() if layer_of(m) == "rag"}, STAGES) == []


def test_nobody_imports_the_shell(graph):
    assert [(m, t) for m, ts in graph.items() for t in ts if layer_of(t) == "ngvh" and layer_of(m) != "ngvh"] == []


# -- seams are Protocols, not attribute probes ---------------------------------------------------
PROBES = ("getattr", "hasattr")


def probes_in(source: str) -> list[int]:
    """Lines calling getattr/hasattr (an attribute probe where a Protocol should say what is there)."""
    return sorted(node.lineno for node in ast.walk(ast.parse(source))
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in PROBES)


def test_the_probe_checker_sees_a_probe():
    assert probes_in("x = getattr(plan, 'links', None)\ny = plan.links\nif hasattr(a, 'b'):\n    pass\n") == [1, 3]


def test_rag_reads_its_seams_without_attribute_probes():
    found = {str(p.relative_to(ROOT)): lines for p in sorted((ROOT / "rag").rglob("*.py"))
             if (lines := probes_in(p.read_text(encoding="utf-8")))}
    assert found == {}


MAX_MODULE_LINES = 400  # a module longer than this is two modules (issue 18)


def test_no_module_outside_tests_and_bench_is_over_the_limit():
    long = {str(p.relative_to(ROOT)): n for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}
