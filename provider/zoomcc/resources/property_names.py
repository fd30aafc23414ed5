"""Pulumi's schema names for a resource's arguments and outputs: the camelCase of the
Python argument names (``skill_category_id`` -> ``skillCategoryId``), nested fields too.

One mapping, read by the schema generator (``codegen.schema``) and by the plugin front end
(``plugin``), which translates every value it hands the handlers to their snake_case names
and every value they answer back. Free-form objects (a flow's nodes) keep their keys.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from zoomcc.apispec import FieldSpec
from zoomcc.apispec.names import snake as snake  # for names no field tree knows
from zoomcc.resources.base import BaseSpec

EXTRA_FIELDS: dict[str, FieldSpec] = {
    "import_id": FieldSpec(name="import_id", type="string"),
    "account": FieldSpec(name="account", type="string"),
    "adoption_changes": FieldSpec(name="adoption_changes", type="object"),
    "content_hash": FieldSpec(name="content_hash", type="string"),
}
"""Properties every front end shares that no API field tree holds (``import_id``, ...)."""


Translate = Callable[[Mapping[str, Any], Mapping[str, FieldSpec]], dict[str, Any]]


def camel(name: str) -> str:
    """``skill_category_id`` -> ``skillCategoryId``; a name without ``_`` is kept."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@cache
def resource_fields(spec: BaseSpec) -> dict[str, FieldSpec]:
    """Every property of ``spec`` by its friendly (snake_case) name: arguments, outputs and
    the shared extras."""
    fields = dict(EXTRA_FIELDS)
    for api_field, node in {**spec.output_fields, **spec.input_fields}.items():
        fields[spec.friendly(api_field)] = node
    return fields


def to_camel(values: Mapping[str, Any], fields: Mapping[str, FieldSpec]) -> dict[str, Any]:
    """``values`` (snake_case keys, as the handlers take them) in schema names."""
    return {camel(k): _value(v, fields.get(k), to_camel) for k, v in values.items()}


def to_snake(values: Mapping[str, Any], fields: Mapping[str, FieldSpec]) -> dict[str, Any]:
    """``values`` in schema names back to the handlers' snake_case keys."""
    known = {camel(name): name for name in fields}
    out: dict[str, Any] = {}
    for key, value in values.items():
        name = known.get(key, snake(key))
        out[name] = _value(value, fields.get(name), to_snake)
    return out


def _value(value: Any, node: FieldSpec | None, translate: Translate) -> Any:
    """``value`` with its object keys translated along ``node`` (free-form: untouched)."""
    if node is None:
        return value
    if node.type == "array" and node.items is not None and isinstance(value, list | tuple):
        return [_value(item, node.items, translate) for item in value]
    if node.type == "object" and node.fields and isinstance(value, Mapping):
        return translate(value, {f.name: f for f in node.fields})
    return value


def names_in(fields: Mapping[str, FieldSpec]) -> set[str]:
    """Every field name in ``fields`` at any depth (to name them in errors)."""
    found: set[str] = set()
    for name, node in fields.items():
        found.add(name)
        while node.type == "array" and node.items is not None:
            node = node.items
        found |= names_in({f.name: f for f in node.fields})
    return found
