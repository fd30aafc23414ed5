"""A flow file's JSON: the ``${<name>}`` placeholders that stand for the ids of managed objects
(written by ``zoomcc export``, filled by ``pulumi_zoomcc.flow_file``), and its nodes keyed by
id (what a preview's diff and ``zoomcc review`` read of a flow).

The reference documents the file only as "another flow's exported JSON" (line 10935; the
export operation, line 11572: "Export a flow's content as JSON.") and gives no schema, so
nothing here assumes one beyond JSON itself: a node is any object in a list that has an
``id``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

PLACEHOLDER = "${{{name}}}"
"""How a flow's JSON names a managed object whose id it needs (``${queue_support}``)."""
NAME = re.compile(r"\A[A-Za-z_][A-Za-z0-9_.-]*\Z")
"""What a placeholder's name may hold: the export's resource names, e.g. ``queue_support``."""


def placeholder(name: str) -> str:
    """``${<name>}`` (``name`` as the program names the object: ``queue_support``)."""
    if not NAME.match(name):
        raise ValueError(f"flow placeholder name {name!r}: use letters, digits, _ . -")
    return PLACEHOLDER.format(name=name)


def fill(text: str, ids: Mapping[str, str | None]) -> str:
    """``text`` with each ``${<name>}`` of ``ids`` replaced by that id; a ``None`` id (a
    reference an export cut from a cycle, unset on a first run) leaves its placeholder."""
    for name, value in ids.items():
        if value is not None:
            text = text.replace(placeholder(name), value)
    return text


def nodes(content: Any) -> dict[str, Any]:
    """The flow's nodes keyed by id (``{"menu": {"type": "Menu", "next": "support"}}``): every
    object in a list that has an ``id``, outermost first (a node's inner nodes stay in it).
    A file without such objects gives its top-level fields, so a change still shows."""
    found: dict[str, Any] = {}

    def walk(value: Any, in_list: bool) -> None:
        if isinstance(value, dict):
            node_id = value.get("id")
            if in_list and isinstance(node_id, str | int) and not isinstance(node_id, bool):
                key, n = str(node_id), 2
                while key in found:  # the same id twice: both kept
                    key, n = f"{node_id} ({n})", n + 1
                found[key] = {k: v for k, v in value.items() if k != "id"}
                return
            for item in value.values():
                walk(item, False)
        elif isinstance(value, list):
            for item in value:
                walk(item, True)

    walk(content, False)
    if not found and isinstance(content, dict):
        return dict(content)
    return found


def canonical(content: Any) -> bytes:
    """The JSON re-dumped with sorted keys, compact: reformatting is no change."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
