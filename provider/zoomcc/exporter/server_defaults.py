"""Arguments equal to what a new object has anyway (``apispec.server_defaults``) are left out
of the program: leaving them out says the same thing in fewer lines."""

from __future__ import annotations

from typing import Any

from zoomcc.apispec.server_defaults import SERVER_DEFAULTS


def without_server_defaults(type_name: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` less what equals a new object's value (key by key inside objects)."""
    defaults = SERVER_DEFAULTS.get(type_name, {})
    out: dict[str, Any] = {}
    for name, value in values.items():
        default = defaults.get(name)
        if isinstance(value, dict) and isinstance(default, dict):
            value = {k: v for k, v in value.items() if not _same(v, default.get(k))}
            if not value:
                continue
        elif name in defaults and _same(value, default):
            continue
        out[name] = value
    return out


def _same(value: Any, default: Any) -> bool:
    return isinstance(value, bool) == isinstance(default, bool) and bool(value == default)
