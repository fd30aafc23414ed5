"""Comparing what an API answered with what was declared."""

from __future__ import annotations

from typing import Any


def contains(actual: Any, expected: Any) -> bool:
    """``actual`` holds everything ``expected`` declares (the API may add ids and defaults):
    every key (even one declared ``None``), and nested values likewise."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and contains(actual[k], v) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(contains(a, e) for a, e in zip(actual, expected, strict=True))
        )
    return bool(actual == expected)
