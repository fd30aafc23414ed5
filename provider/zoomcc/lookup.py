"""Lookups: read an object a stack references but does not own, by id or by name."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from zoomcc.client import NotFoundError, ZoomClient
from zoomcc.dynamic import by_name
from zoomcc.dynamic.config import CLIENTS, resolve_settings
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.dynamic.values import extract, normalize
from zoomcc.resources import catalog
from zoomcc.resources.spec import ResourceSpec


class ObjectLookupError(LookupError):
    """No object, or more than one, matches the lookup."""


def object_outputs(
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
        live = _by_name(client, spec, name, parents)
    else:
        assert object_id is not None
        try:
            live = ResourceApi(spec, client).get(object_id, parents)
        except NotFoundError:
            raise ObjectLookupError(f"{spec.name}: no object with id {object_id!r}") from None
    live = normalize(dict(live or {}))
    object_id = str(live.get(spec.id_field) or object_id or "")
    out = {spec.friendly(k): v for k, v in live.items() if k in spec.output_fields}
    for api_field, path in spec.read_back.items():
        out[spec.friendly(api_field)] = extract(
            live, path, subject=f"{spec.name} {object_id} '{spec.friendly(api_field)}'"
        )
    out["id"] = object_id
    return out


def _by_name(
    client: ZoomClient, spec: ResourceSpec, name: str, parents: Mapping[str, Any]
) -> dict[str, Any]:
    """The object named ``name`` (within the scope ``parents`` give), in as few calls as the
    API allows: one where its get takes the name (see ``by_name``)."""
    key = spec.natural_key_api
    if key is None:
        raise ValueError(f"{spec.name} has no name to look up by; use id")
    payload: dict[str, Any] = {key: name}
    for api_field in spec.natural_key_scope:
        payload[api_field] = parents.get(spec.friendly(api_field))
    try:
        hits = by_name.objects_named(client, spec, payload, parents)
    except ValueError as exc:  # the name is not unique and the list needs a parent
        raise ObjectLookupError(
            f"{exc}; give it to tell the objects named {name!r} apart"
        ) from None
    if len(hits) != 1:
        found = "no" if not hits else f"{len(hits)}"
        raise ObjectLookupError(f"{spec.name}: {found} objects named {name!r}")
    if hits[0].live is not None:
        return hits[0].live
    try:
        return ResourceApi(spec, client).get(hits[0].object_id, parents)
    except NotFoundError:  # deleted between the list and the get
        raise ObjectLookupError(f"{spec.name}: no objects named {name!r}") from None


def lookup(
    type_name: str,
    stack_config: Mapping[str, Any],
    *,
    object_id: str | None = None,
    name: str | None = None,
    parents: Mapping[str, Any] | None = None,
    account: str | None = None,
) -> dict[str, Any]:
    """Resolve credentials like the provider does (stack config, then environment; or the
    account profile ``account`` of ``zoomcc:accounts``)."""
    client = CLIENTS.get(resolve_settings(stack_config, os.environ, account=account))
    spec = catalog.get_object(type_name)
    return object_outputs(client, spec, object_id=object_id, name=name, parents=parents)
