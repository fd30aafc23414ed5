"""Which answers carry the whole object: derived per type from the API spec, never by hand.

A create whose response documents every field the GET documents (at every depth) needs no
read-back: its outputs are the response plus the declared inputs. A list whose items carry
every GET field lets one listing answer the refresh of every object in it
(``collection_reads``). Where a field is missing, ``missing_from_create`` and
``missing_from_list`` name it (docs/performance.md lists them per type).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from zoomcc.apispec import FieldSpec
from zoomcc.resources.spec import ResourceSpec


def field_paths(fields: Iterable[FieldSpec], prefix: str = "") -> set[str]:
    """Every documented field as a path: ``queues[].queue_id``, ``voicemail.enabled``."""
    found: set[str] = set()
    for f in fields:
        path = prefix + f.name
        found.add(path)
        if f.type == "object":
            found |= field_paths(f.fields, path + ".")
        elif f.type == "array" and f.items is not None and f.items.type == "object":
            found |= field_paths(f.items.fields, path + "[].")
    return found


def _get_paths(spec: ResourceSpec) -> set[str]:
    return field_paths(spec.output_fields.values())


def _create_answer_fields(spec: ResourceSpec) -> list[FieldSpec]:
    """The fields one created object is answered with (one item of a batch create's list)."""
    resp = spec.create_op.success_response
    if resp is None or resp.body is None:
        return []
    fields = resp.body.schema_.fields
    if spec.create_batch is None:
        return list(fields)
    holder = next((f for f in fields if f.name == spec.create_batch), None)
    return list(holder.items.fields) if holder is not None and holder.items is not None else []


def _list_item_fields(spec: ResourceSpec) -> list[FieldSpec]:
    resp = spec.list_op.success_response
    if resp is None or resp.body is None:
        return []
    holder = next((f for f in resp.body.schema_.fields if f.name == spec.list_key), None)
    return list(holder.items.fields) if holder is not None and holder.items is not None else []


@cache
def missing_from_create(spec: ResourceSpec) -> tuple[str, ...]:
    """GET fields (paths) the create response does not document."""
    return tuple(sorted(_get_paths(spec) - field_paths(_create_answer_fields(spec))))


@cache
def missing_from_list(spec: ResourceSpec) -> tuple[str, ...]:
    """GET fields (paths) the list items do not document (under the names get uses)."""
    renamed = {listed: api for api, listed in spec.list_names.items()}
    listed = {
        renamed.get(head, head) + rest
        for head, rest in (_split(p) for p in field_paths(_list_item_fields(spec)))
    }
    return tuple(sorted(_get_paths(spec) - listed))


def _split(path: str) -> tuple[str, str]:
    """(top-level field, the rest of the path)."""
    cut = min((i for i in (path.find("."), path.find("[")) if i >= 0), default=len(path))
    return path[:cut], path[cut:]


def response_complete(spec: ResourceSpec) -> bool:
    """Whether a create's answer can stand for the GET (it documents every GET field)."""
    return bool(spec.output_fields) and not missing_from_create(spec)


def list_complete(spec: ResourceSpec) -> bool:
    """Whether a list item can stand for the GET (it documents every GET field)."""
    return bool(spec.output_fields) and not missing_from_list(spec)


def live_from_item(spec: ResourceSpec, item: Mapping[str, Any]) -> dict[str, Any]:
    """A list item in the names the GET answers with (``list_names`` undone)."""
    renamed = {listed: api for api, listed in spec.list_names.items()}
    return {renamed.get(k, k): v for k, v in item.items()}


def answer_as_read(
    spec: ResourceSpec, created: Any, after_create: dict[str, Any], payload: dict[str, Any]
) -> dict[str, Any] | None:
    """The create's answer where it stands for a GET: its response documents every
    field the GET does (``completeness``), it is the answer itself (not an id recovered
    by name) and no call changed the object since (an update-only field, a follow-up)."""
    if not response_complete(spec) or after_create or not isinstance(created, dict):
        return None
    if set(created) <= {spec.id_field}:  # recovered after a lost answer: only the id
        return None
    if any(payload.get(call.when) not in (None, False) for call in spec.follow_ups):
        return None
    return created
