"""The package's folders are its layers, and imports only go downward.

``cli`` and ``site`` -> ``render`` -> ``index`` -> ``notes``; only ``site`` imports
MkDocs or Material; no module imports itself back through another.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "garden"
# Each layer and the layers it may import (besides itself).
MAY_IMPORT = {
    "notes": set(),
    "index": {"notes"},
    "render": {"index", "notes"},
    "site": {"render", "index", "notes"},
    "cli": {"site", "render", "index", "notes"},
}
ENGINE = ("mkdocs", "material", "properdocs")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, as absolute dotted names (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "garden" and parts[1] in MAY_IMPORT else None


def garden_imports(module: str) -> set[str]:
    """The Garden modules ``module`` imports (names of functions left out)."""
    return {name for name in imported(MODULES[module]) if name in MODULES and name != module}


@pytest.mark.parametrize("module", [name for name in MODULES if layer_of(name)])
def test_imports_only_go_downward(module):
    own = layer_of(module)
    upward = {name for name in garden_imports(module) if layer_of(name) not in MAY_IMPORT[own] | {own, None}}
    assert upward == set(), f"{module} ({own}) may import only {sorted(MAY_IMPORT[own])}"


@pytest.mark.parametrize("module", [name for name in MODULES if layer_of(name) not in ("site", "cli")])
def test_only_site_imports_the_engine(module):
    engine = {name for name in imported(MODULES[module]) if name.split(".")[0] in ENGINE}
    assert engine == set()


def test_every_module_lives_in_a_layer():
    loose = [name for name in MODULES if name != "garden" and layer_of(name) is None]
    assert loose == []


def test_no_import_cycle():
    graph = {module: garden_imports(module) for module in MODULES}
    state: dict[str, str] = {}

    def visit(module: str, trail: tuple[str, ...]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":  # an open module is on the trail: the path back to it is the cycle
                pytest.fail("import cycle: " + " -> ".join(trail[trail.index(target):] + (target,)))
            if target not in state:
                visit(target, trail + (target,))
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, (module,))


def test_every_layer_says_what_it_may_import():
    for layer in MAY_IMPORT:
        init = PACKAGE / layer / "__init__.py"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{init} has no docstring"
