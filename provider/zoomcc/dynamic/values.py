"""Value handling shared by check, diff and read: unknowns, numbers, comparison."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from pulumi.output import Unknown
from pulumi.runtime.rpc import UNKNOWN


def is_unknown(value: Any) -> bool:
    """True for a value not known yet during preview, anywhere inside ``value``."""
    if isinstance(value, Unknown):
        return True
    if isinstance(value, str):
        return value == UNKNOWN
    if isinstance(value, Mapping):
        return any(is_unknown(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(is_unknown(v) for v in value)
    return False


def normalize(value: Any) -> Any:
    """Plain JSON values with whole floats as ints: the engine sends every number as a float."""
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, Mapping):
        return {str(k): normalize(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [normalize(v) for v in value]
    return value


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def matches(desired: Any, actual: Any, *, ordered: bool = False) -> bool:
    """Whether ``actual`` satisfies ``desired``.

    Objects match when every key the user declared matches (the API adds keys of its own);
    lists match as multisets unless ``ordered``; ``None`` and a missing value are alike.
    """
    desired, actual = normalize(desired), normalize(actual)
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            return False
        return all(matches(v, actual.get(k)) for k, v in desired.items() if v is not None)
    if isinstance(desired, list):
        if not isinstance(actual, list) or len(actual) != len(desired):
            return False
        if ordered:
            return all(matches(d, a) for d, a in zip(desired, actual, strict=True))
        remaining = list(actual)
        for item in sorted(desired, key=_sort_key):
            hit = next((i for i, a in enumerate(remaining) if matches(item, a)), None)
            if hit is None:
                return False
            remaining.pop(hit)
        return True
    if desired is None:
        return actual is None or actual == "" or actual == [] or actual == {}
    return bool(desired == actual)


class UnexpectedShapeError(ValueError):
    """A GET answered a value in another shape than the provider reads it in: failing beats
    reading nulls (``[null, null]`` for a role's privileges), which would diff forever."""


def extract(document: Mapping[str, Any], path: str, *, subject: str = "") -> Any:
    """Follow ``a.b[].c`` through ``document``: ``b[]`` is a list whose items the rest of the
    path is read from; ``*`` joins the lists an object holds (``privileges.*``: a role's
    privileges, grouped by kind). A missing value reads as None (``[]`` for a list); a value
    of another shape raises UnexpectedShapeError naming ``subject`` (``Role r1 'privileges'``)
    and where the shape differs."""
    return _walk(document, path.split("."), [], path, subject)


def _walk(value: Any, parts: list[str], trail: list[str], path: str, subject: str) -> Any:
    if not parts:
        return value
    part, rest = parts[0], parts[1:]
    over_list = part.endswith("[]")
    key = part[:-2] if over_list else part
    if key == "*":
        groups = _expect(value, Mapping, "an object", trail, path, subject) or {}
        items: list[Any] = []
        for name, group in groups.items():
            items += _expect(group, list, "a list", [*trail, str(name)], path, subject) or []
        return [_walk(item, rest, [*trail, "*"], path, subject) for item in items]
    found = (_expect(value, Mapping, "an object", trail, path, subject) or {}).get(key)
    here = [*trail, key]
    if not over_list:
        return None if found is None and rest else _walk(found, rest, here, path, subject)
    listed = _expect(found, list, "a list", here, path, subject) or []
    return [_walk(item, rest, [*trail, part], path, subject) for item in listed]


_SHAPES: dict[type, str] = {list: "a list", dict: "an object", str: "a string"}


def _expect(value: Any, kind: type, shape: str, trail: list[str], path: str, subject: str) -> Any:
    """``value`` if it is a ``kind`` or None; else UnexpectedShapeError."""
    if value is None or isinstance(value, kind):
        return value
    where = ".".join(trail) or "the response"
    got = _SHAPES.get(type(value), f"a {type(value).__name__}")
    head = f"{subject}: " if subject else ""
    raise UnexpectedShapeError(
        f"{head}the GET response holds {got} at '{where}' where {shape} was expected "
        f"(read through '{path}'): the API answered in a shape the provider does not know"
    )


def without(mapping: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    drop = set(keys)
    return {k: v for k, v in mapping.items() if k not in drop}
