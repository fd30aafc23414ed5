"""Lookups: read an object a stack references but does not own, by id or by name."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from zoomcc.client import NotFoundError, ZoomClient
from zoomcc.dynamic.config import CLIENTS, resolve_settings
from zoomcc.dynamic.values import extract, normalize
from zoomcc.resources import catalog
from zoomcc.resources.spec import ResourceSpec


class LookupError_(LookupError):
    """No object, or more than one, matches the lookup."""


def find(
    client: ZoomClient,
    spec: ResourceSpec,
    *,
    object_id: str | None = None,
    name: str | None = None,
    parents: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The object's fields in the SDK's names (what the resource's outputs would be)."""
    if (object_id is None) == (name is None):
        raise ValueError(f"get_{spec.name}: give exactly one of id or name")
    parents = parents or {}
    if name is not None:
        key = spec.natural_key_api
        if key is None:
            raise ValueError(f"{spec.name} has no name to look up by; use id")
        hits = [
            item
            for item in client.paginate(
                spec.collection_url(parents),
                items_key=spec.list_key,
                rate_label=spec.list_op.rate_label,
                operation=spec.list_op.id,
            )
            if item.get(key) == name
        ]
        if len(hits) != 1:
            found = "no" if not hits else f"{len(hits)}"
            raise LookupError_(f"{spec.name}: {found} objects named {name!r}")
        object_id = str(hits[0][spec.id_field])
    assert object_id is not None
    try:
        live = client.request(
            "GET",
            spec.item_url(object_id, parents),
            rate_label=spec.read_op.rate_label,
            operation=spec.read_op.id,
            not_found_codes=spec.not_found_codes,
        )
    except NotFoundError:
        raise LookupError_(f"{spec.name}: no object with id {object_id!r}") from None
    live = normalize(dict(live or {}))
    out = {spec.friendly(k): v for k, v in live.items() if k in spec.output_fields}
    for api_field, path in spec.read_back.items():
        out[spec.friendly(api_field)] = extract(live, path)
    out["id"] = object_id
    return out


def lookup(
    type_name: str,
    stack_config: Mapping[str, Any],
    *,
    object_id: str | None = None,
    name: str | None = None,
    parents: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Resolve credentials like the provider does (stack config, then environment)."""
    client = CLIENTS.get(resolve_settings(stack_config, os.environ))
    return find(client, catalog.get(type_name), object_id=object_id, name=name, parents=parents)
