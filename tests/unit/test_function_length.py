"""Functions short enough to read at a glance: none in ``zoomcc.client`` over 40 lines (its
send loop is an httpx auth flow, a retry layer and an answer mapping, issue 26), none in the
provider over 60 but the ones listed in ``LONG_TODAY``, a list that may only shrink.

A function's length runs from its ``def`` line to its last line, docstring included,
decorators not; a nested function counts on its own and inside the one around it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

import zoomcc

PROVIDER = Path(zoomcc.__file__).parent

CLIENT_LIMIT = 40
PROVIDER_LIMIT = 60

LONG_TODAY: Mapping[str, int] = {}
"""The provider's functions over ``PROVIDER_LIMIT`` lines when this test was written, with
their length then; none is left (issue 26 split the last seven). The list only shrinks: a
listed function may not grow, one split below the limit must leave the list (the test says
so), and no function may join it."""


def _functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, int]]:
    """(qualified name, length) of every function in ``tree``, methods as ``Class.name``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            yield prefix + node.name, node.end_lineno - node.lineno + 1
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")
        else:
            yield from _functions(node, prefix)


def lengths(root: Path) -> dict[str, int]:
    """``"path/under/zoomcc.py:qualified.name"`` -> length, for every function under ``root``."""
    found: dict[str, int] = {}
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(PROVIDER).as_posix()
        for name, length in _functions(ast.parse(path.read_text(encoding="utf-8"))):
            found[f"{where}:{name}"] = max(length, found.get(f"{where}:{name}", 0))
    return found


@pytest.mark.parametrize(
    ("package", "limit", "allowed"),
    [
        pytest.param("client", CLIENT_LIMIT, {}, id="client-40"),
        pytest.param("", PROVIDER_LIMIT, LONG_TODAY, id="provider-60"),
    ],
)
def test_no_function_is_longer_than_its_package_allows(
    package: str, limit: int, allowed: Mapping[str, int]
) -> None:
    too_long = {
        name: length
        for name, length in lengths(PROVIDER / package).items()
        if length > max(limit, allowed.get(name, 0))
    }
    assert not too_long, (
        f"functions over {limit} lines (split them into steps named for what they do; "
        f"a listed one may not grow): {too_long}"
    )


def test_the_list_of_long_functions_only_shrinks() -> None:
    found = lengths(PROVIDER)
    stale = {name for name in LONG_TODAY if found.get(name, 0) <= PROVIDER_LIMIT}
    assert not stale, (
        f"now {PROVIDER_LIMIT} lines or fewer (or gone): remove from LONG_TODAY: {stale}"
    )


def test_lengths_are_measured_per_function_and_method() -> None:
    source = "class A:\n    def f(self):\n        def g():\n            pass\n        return g\n"
    assert dict(_functions(ast.parse(source))) == {"A.f": 4, "A.f.g": 2}
