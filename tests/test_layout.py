"""The kit's shape: small modules, one step each, no import cycles, no private imports.

Read from the source with ``ast`` (nothing is imported), so a cycle or a reach into another
module's underscore names fails here with the modules named.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGES = ("socialhrm",)  # the whole package, every sub-package included
MAX_LINES = 900


def _modules() -> dict[str, Path]:
    found = {}
    for pkg in PACKAGES:
        for path in sorted((SRC / pkg).rglob("*.py")):
            parts = path.relative_to(SRC).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> list[tuple[str, list[str], bool]]:
    """(module imported, names taken from it, at module level?) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.module, [a.name for a in node.names], id(node) in top))
        elif isinstance(node, ast.Import):
            out += [(a.name, [], id(node) in top) for a in node.names]
    return out


def test_the_course_package_has_its_steps():
    names = {n.rsplit(".", 1)[-1] for n in MODULES if n.startswith("socialhrm.course.")}
    assert {"catalogue", "coursemap", "progress", "registry", "selfcheck", "report", "copies",
            "cli"} <= names


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_the_limit(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines (limit {MAX_LINES}): split it"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_underscore_names_from_other_modules(name):
    bad = [f"{mod}.{n}" for mod, names, _ in _imports(MODULES[name])
           if mod.startswith("socialhrm") and mod != name
           for n in names if n.startswith("_") and n != "_" and not n.startswith("__")]
    assert not bad, f"{name} imports private names of other modules: {bad}"


def test_no_import_cycles_at_module_level():
    graph = {name: {mod for mod, _, top in _imports(path) if top and mod in MODULES
                    and mod != name}
             for name, path in MODULES.items()}
    # a package's __init__ runs before any of its modules: importing a.b imports a first
    for name in MODULES:
        parent = name.rsplit(".", 1)[0]
        if parent in MODULES and parent != name:
            for importer, deps in graph.items():
                if name in deps and importer != parent:
                    deps.add(parent)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1 and not (node.startswith(dep + ".")):
                raise AssertionError("import cycle: " + " -> ".join(
                    stack[stack.index(dep):] + [dep]))
            if dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


def test_checks_keeps_the_authoring_api():
    import socialhrm.checks as checks
    from socialhrm.checks import (  # noqa: F401 - the names judge files and exercises use
        HIDDEN_MESSAGE,
        NotYet,
        Result,
        check,
        evaluate,
        hidden,
        question,
        questions,
    )
    from socialhrm.checks.answers import (  # noqa: F401
        about,
        boolean,
        close,
        count,
        count_form,
        describe_value,
        number,
        parts,
        person,
        plural,
        rounded,
        share_form,
    )

    assert checks.check is check and callable(hidden)


def test_no_hard_coded_parents_of_file():
    bad = [name for name, path in MODULES.items()
           if name != "socialhrm.paths" and "parents[" in path.read_text(encoding="utf-8")]
    assert not bad, f"use socialhrm.paths instead of Path(__file__).parents[...] in {bad}"
