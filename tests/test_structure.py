"""Package structure: no import cycles between newsmine modules; the CLI stays light.

Cycles make import order matter and stages impossible to test alone; the
graph is read from the source (``ast``), so a cycle hidden in a function-level
import counts too. The CLI check runs in a fresh interpreter, where
``sys.modules`` shows exactly what ``--help`` pulled in.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "newsmine"
HEAVY = ("spacy", "torch", "transformers", "trafilatura", "sklearn", "numpy")


def modules() -> dict[str, Path]:
    """Dotted module name -> source file, for every module in the package."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported(tree: ast.Module, package: str) -> set[str]:
    """Every ``newsmine...`` name an import statement anywhere in ``tree`` mentions."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the importing package
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in names if name.split(".")[0] == "newsmine"}


def import_graph() -> dict[str, set[str]]:
    """Module -> the newsmine modules it imports (at module level or inside functions).

    The root package ``newsmine`` is left out: it is the facade whose lazy
    re-exports point down into the stages, and stages read ``__version__``
    from it, which is not a dependency between stages.
    """
    known = modules()

    def owner(name: str) -> str:
        # ``newsmine.fetch.Fetcher`` -> the module ``newsmine.fetch`` that defines it.
        while name not in known:
            name = name.rpartition(".")[0]
        return name

    graph = {}
    for name, path in known.items():
        if name == "newsmine":
            continue
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = {owner(n) for n in imported(ast.parse(path.read_text(encoding="utf-8")), package)}
        graph[name] = targets - {name, "newsmine"}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle as a list of modules (first repeated last), or [] when the graph is acyclic."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" after
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return path[path.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[node] = "done"
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_cycle_finder_sees_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_graph_resolves_relative_and_attribute_imports():
    graph = import_graph()
    assert "newsmine.controls" in graph["newsmine.terminal"]  # from newsmine.controls import strip_controls
    assert "newsmine.cli" in graph["newsmine.cli.evaluate"]  # from newsmine.cli import LazyGroup
    assert len(graph) > 50


def test_no_import_cycles():
    assert find_cycle(import_graph()) == []


def test_every_command_help_loads_no_heavy_library():
    """``newsmine X --help``, for every command and subcommand, imports no model or parser library."""
    code = """
import json, sys
import click
from click.testing import CliRunner
from newsmine.cli import cli

def walk(group, ctx, prefix):
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield prefix + [name]
        if isinstance(command, click.Group):
            yield from walk(command, click.Context(command), prefix + [name])

helped = []
for args in [[]] + list(walk(cli, click.Context(cli), [])):
    result = CliRunner().invoke(cli, args + ["--help"])
    assert result.exit_code == 0, (args, result.output)
    helped.append(" ".join(args))
print(json.dumps({"helped": helped, "loaded": sorted(set(sys.argv[1:]) & set(sys.modules))}))
"""
    out = subprocess.run([sys.executable, "-c", code, *HEAVY], capture_output=True, text=True, check=True).stdout
    report = json.loads(out)
    assert {"ingest", "analyze", "query", "eval extraction", "eval classify"} <= set(report["helped"])
    assert report["loaded"] == []
