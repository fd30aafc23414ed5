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


def extract(document: Mapping[str, Any], path: str) -> Any:
    """Follow ``a.b[].c`` through ``document``; ``[]`` maps over a list; ``*`` joins the
    values of an object into one list (``privileges.*``: a role's grouped privileges)."""
    current: Any = document
    for part in path.split("."):
        over_list = part.endswith("[]")
        key = part[:-2] if over_list else part
        current = _get_each(current, key)
        if over_list and current is None:
            current = []
    return current


def _get_each(current: Any, key: str) -> Any:
    if isinstance(current, list):
        return [_get_each(item, key) for item in current]
    if isinstance(current, Mapping):
        if key == "*":
            return [x for v in current.values() for x in (v if isinstance(v, list) else [v])]
        return current.get(key)
    return None


def without(mapping: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    drop = set(keys)
    return {k: v for k, v in mapping.items() if k not in drop}
