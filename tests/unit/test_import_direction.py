"""Imports point down only: apispec <- client, resources <- dynamic, codegen <- exporter,
lookup <- cli; the emulator reads the API from apispec alone (never from the provider's
``zoomcc.resources`` or ``zoomcc.dynamic``: it must be able to disagree with them).

Every import counts, at module level, inside a function (a lazy import is still a
dependency) or under ``TYPE_CHECKING`` (a type-only import still couples the modules), and so
does a ``"module:Class"`` string naming a class to import. No module reaches itself through
its imports: within a package too, dependencies form no circle.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from pathlib import Path

import pytest

import pulumi_zoomcc
import zoomcc

ALLOWED: dict[str, frozenset[str]] = {
    "zoomcc": frozenset(),
    "apispec": frozenset(),
    "client": frozenset({"apispec"}),
    "resources": frozenset({"apispec"}),
    "emulator": frozenset({"apispec"}),
    "engine": frozenset(),
    "dynamic": frozenset({"apispec", "client", "resources"}),
    "codegen": frozenset({"apispec", "resources"}),
    "exporter": frozenset({"apispec", "client", "resources", "dynamic"}),
    "lookup": frozenset({"apispec", "client", "resources", "dynamic"}),
    "plugin": frozenset({"apispec", "client", "resources", "dynamic", "exporter", "lookup"}),
    "quickstart": frozenset({"emulator", "engine"}),
    "review": frozenset({"apispec", "resources"}),
    "rehearsal": frozenset(
        {"apispec", "client", "resources", "dynamic", "emulator", "exporter", "engine", "review"}
    ),
    "cli": frozenset(
        {"apispec", "client", "resources", "dynamic", "emulator", "engine", "exporter", "lookup"}
        | {"quickstart", "codegen", "review", "rehearsal"}
    ),
    "pulumi_zoomcc": frozenset({"apispec", "client", "resources", "dynamic", "lookup"}),
}
"""Package (or top-level module) -> the zoomcc packages it may import."""

PROVIDER = Path(zoomcc.__file__).parent
SDK = Path(pulumi_zoomcc.__file__).parent
CLASS_PATH = re.compile(r"^zoomcc(\.\w+)+:\w+$")
"""A ``"module:Class"`` string: an import the AST does not show."""


def package_of(path: Path) -> str:
    """``zoomcc/dynamic/provider.py`` -> ``dynamic``; ``zoomcc/cli.py`` -> ``cli``;
    ``zoomcc/__init__.py`` -> ``zoomcc``."""
    if path.is_relative_to(SDK):
        return "pulumi_zoomcc"
    parts = path.relative_to(PROVIDER).parts
    return "zoomcc" if parts == ("__init__.py",) else parts[0].removesuffix(".py")


def dotted(path: Path) -> str:
    """The module's dotted name: ``zoomcc.dynamic.provider``."""
    root = SDK.parent if path.is_relative_to(SDK) else PROVIDER.parent
    return ".".join(path.relative_to(root).with_suffix("").parts)


def imported(tree: ast.AST, module: str = "") -> list[str]:
    """Every module name ``tree`` imports or names as ``"module:Class"``; ``module`` (the
    tree's own dotted name) resolves relative imports."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.split(".")[: -node.level]
                base = ".".join([*parent, *([base] if base else [])])
            found += [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and CLASS_PATH.match(node.value)
        ):
            found.append(node.value.partition(":")[0])
    return found


def zoomcc_packages(names: list[str]) -> set[str]:
    """The zoomcc packages among imported module names."""
    return {n.split(".")[1] for n in names if n.startswith("zoomcc.") and n.count(".") >= 1}


def _modules() -> list[Path]:
    return sorted([*PROVIDER.rglob("*.py"), *SDK.rglob("*.py")])


def module_imports(tree: ast.AST, module: str, known: set[str]) -> set[str]:
    """The modules among ``known`` that ``tree`` (module ``module``, a package as
    ``pkg.__init__``) imports: ``from a import b`` imports the module ``a.b`` where there is one
    (as Python does), else ``a``."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = imported(ast.Module(body=[node], type_ignores=[]), module)[0]
            named = (f"{base}.{alias.name}" for alias in node.names)
            found |= {name if name in known else base for name in named}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found |= {node.value.partition(":")[0]} if CLASS_PATH.match(node.value) else set()
    return found & known - {module.removesuffix(".__init__")}


def import_graph(paths: list[Path]) -> dict[str, set[str]]:
    """Module -> the modules among ``paths`` it imports (a package by its ``__init__``)."""
    names = {dotted(p).removesuffix(".__init__"): p for p in paths}
    return {  # a package's ``from . import x`` is relative to the package itself
        name: module_imports(ast.parse(path.read_text(encoding="utf-8")), dotted(path), set(names))
        for name, path in names.items()
    }


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The groups of modules that reach one another (strongly connected, more than one)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        order[node] = low[node] = len(order)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in order:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], order[target])
        if low[node] == order[node]:
            group = stack[stack.index(node) :]
            del stack[stack.index(node) :]
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return found


def test_every_package_has_a_rule() -> None:
    packages = {package_of(p) for p in _modules()}
    assert "emulator" in packages and "pulumi_zoomcc" in packages  # the walk reaches them
    assert packages <= set(ALLOWED), packages - set(ALLOWED)


@pytest.mark.parametrize("path", _modules(), ids=dotted)
def test_a_module_imports_only_the_packages_below_it(path: Path) -> None:
    package = package_of(path)
    used = zoomcc_packages(imported(ast.parse(path.read_text(encoding="utf-8")), dotted(path)))
    upward = sorted(used - ALLOWED[package] - {package})
    assert upward == [], f"{path} ({package}) imports zoomcc.{upward}"


def test_the_import_check_sees_lazy_imports_and_class_paths() -> None:
    tree = ast.parse(
        "from zoomcc import resources\n"
        "def later():\n"
        "    from zoomcc.dynamic.provider import x\n"
        "PROVIDER = 'zoomcc.dynamic.membership:MembershipProvider'\n"
        "from .model import y\n"
    )
    found = imported(tree, "zoomcc.emulator.app")
    assert zoomcc_packages(found) == {"resources", "dynamic", "emulator"}
    assert "zoomcc.emulator.model" in found


def test_no_modules_import_one_another_in_a_circle() -> None:
    graph = import_graph([*PROVIDER.rglob("*.py")])
    assert "zoomcc.emulator.collection" in graph["zoomcc.emulator.store"]  # the walk sees edges
    assert cycles(graph) == []


def test_the_circle_check_sees_type_only_imports() -> None:
    sources = {
        "a": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from zoomcc.b import B\n",
        "b": "from zoomcc.c import C\n",
        "c": "def later():\n    from zoomcc import a\n",
        "d": "from zoomcc.a import A\nfrom zoomcc import e\n",
        "e": "from zoomcc.d import D\n",  # d imports the module e, not the package zoomcc
    }
    known = {f"zoomcc.{name}" for name in sources} | {"zoomcc"}
    graph = {
        f"zoomcc.{name}": module_imports(ast.parse(text), f"zoomcc.{name}", known)
        for name, text in sources.items()
    }
    assert cycles(graph) == [["zoomcc.a", "zoomcc.b", "zoomcc.c"], ["zoomcc.d", "zoomcc.e"]]
