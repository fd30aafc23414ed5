"""Readable, stable, unique Python names: the type and what a person calls the object (its
name; a membership's or settings' parent), never an id, so two accounts holding the same
configuration get the same names."""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Callable
from typing import Any

from zoomcc.apispec.names import snake
from zoomcc.exporter.exported import ExportedObject
from zoomcc.resources.spec import ResourceSpec

MAX_LENGTH = 60
_LABEL_FIELDS = ("display_name", "contact_display_name", "first_name", "contact_first_name")
"""Where objects without a natural key (contacts) keep what a person calls them."""


def identifier(text: str) -> str:
    """A Python identifier from any text (lower case, underscores)."""
    name = re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower()[:MAX_LENGTH].strip("_")
    name = name or "object"
    if name[0].isdigit() or keyword.iskeyword(name):
        name = "_" + name
    return name


def object_label(obj: ExportedObject) -> str:
    """What a person calls an object: its natural key (an email's local part), else a
    display name; empty when it has neither."""
    spec = obj.spec
    assert isinstance(spec, ResourceSpec)
    key = spec.natural_key_api
    value = obj.live.get(key) if key else None
    if value is None:
        value = next((obj.live[f] for f in _LABEL_FIELDS if obj.live.get(f)), "")
    text = str(value)
    return text.split("@")[0] if "@" in text else text


def assign_names(objects: list[ExportedObject], label_of: Callable[[ExportedObject], str]) -> None:
    """Give every object a unique name ``<type>_<label>``; objects sharing a name are told
    apart by their arguments (ids left out), so the suffixes do not depend on list order."""
    groups: dict[str, list[ExportedObject]] = {}
    for obj in objects:
        base = identifier(f"{snake(obj.spec.name)}_{label_of(obj)}".rstrip("_"))
        groups.setdefault(base, []).append(obj)
    ids = {o.object_id for o in objects}
    taken = set(groups)
    for base, group in sorted(groups.items()):
        group.sort(key=lambda o: _id_free(o.inputs, ids))
        group[0].name, n = base, 2
        for obj in group[1:]:
            while f"{base}_{n}" in taken:
                n += 1
            obj.name = f"{base}_{n}"
            taken.add(obj.name)


def _id_free(value: Any, ids: set[str]) -> str:
    """The value as text with every exported id blanked (ids differ between accounts)."""

    def blank(v: Any) -> Any:
        if isinstance(v, str):
            return "" if v in ids else v
        if isinstance(v, dict):
            return {k: blank(x) for k, x in v.items()}
        if isinstance(v, list):
            return [blank(x) for x in v]
        return v

    return json.dumps(blank(value), sort_keys=True, default=str)
