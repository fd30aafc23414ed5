"""Emulated collections derived from a resource spec and the API spec, with no hand tables.

The eight first collections are hand-checked tables (``table.py``); the rest start from
what the reference says about the object (request fields and their types, the views each
response shows, the not-found and duplicate-name errors, rate-limit labels) and add hooks
only for behaviour the reference describes in prose.
"""

from __future__ import annotations

import re
from typing import Any

from zoomcc.apispec import FieldSpec as ApiField
from zoomcc.apispec import Operation as ApiOperation
from zoomcc.emulator.model import OMIT, Collection, Computed, ErrorDef, FieldSpec, ParentRef
from zoomcc.resources.spec import ResourceSpec

_PLACEHOLDER = re.compile(r"\$\{?(\w+)\}?|\{(\w+)\}")
_DUPLICATE = re.compile(r"already exist|duplicat|is taken|already in use", re.I)
_CREATED = ("created_time", "create_time", "created_at", "date_created")
_MODIFIED = ("last_modified_time", "modify_time", "modified_time", "updated_time", "update_time")


def _field(spec: ApiField) -> FieldSpec:
    kind = spec.type
    return FieldSpec(kind, tuple(spec.enum or ()))


def _body_fields(op: ApiOperation | None) -> dict[str, ApiField]:
    if op is None or op.request is None or op.request.schema_.type != "object":
        return {}
    return {f.name: f for f in op.request.schema_.fields}


def _view(op: ApiOperation | None, *, list_key: str | None = None) -> tuple[str, ...]:
    resp = op.success_response if op is not None else None
    if resp is None or resp.body is None:
        return ()
    fields = resp.body.schema_.fields
    if list_key is not None:
        holder = next((f for f in fields if f.name == list_key), None)
        fields = holder.items.fields if holder is not None and holder.items is not None else []
    return tuple(f.name for f in fields)


def _error(op: ApiOperation, codes: frozenset[int], statuses: tuple[int, ...]) -> ErrorDef | None:
    for err in op.errors:
        if err.code is not None and err.code in codes and err.status in statuses:
            return ErrorDef(err.status, err.code, _PLACEHOLDER.sub("{id}", err.message))
    return None


def collection_from_spec(spec: ResourceSpec, **overrides: Any) -> Collection:
    """An emulated collection behaving as the reference documents ``spec``'s object."""
    create = _body_fields(spec.create_op)
    update = _body_fields(spec.update_op)
    path_params = set(spec.path_inputs)
    fields = {name: _field(f) for name, f in {**update, **create}.items()}
    get_view = _view(spec.read_op)
    list_view = _view(spec.list_op, list_key=spec.list_key) or get_view
    create_view = _view(spec.create_op) or (spec.id_field,)
    not_found = _error(spec.read_op, spec.not_found_codes, (404, 400)) or _error(
        spec.delete_op, spec.not_found_codes, (404, 400)
    )
    if not_found is None:
        not_found = ErrorDef(404, 404, f"{spec.name} does not exist: {{id}}.")
    duplicate = next(
        (
            # The store fills a duplicate's message with the name, not an id.
            ErrorDef(e.status, e.code, _PLACEHOLDER.sub("{name}", e.message))
            for e in spec.create_op.errors
            if e.code is not None and e.status in (400, 409) and _DUPLICATE.search(e.message)
        ),
        None,
    )
    labels = {
        "list": spec.list_op.rate_label,
        "create": spec.create_op.rate_label,
        "get": spec.read_op.rate_label,
        "update": (spec.update_op or spec.read_op).rate_label,
        "delete": spec.delete_op.rate_label,
    }
    parent = None
    collection_path = spec.collection_path
    if path_params:
        (param,) = path_params  # one level of nesting is all the reference has
        parent = ParentRef(collection=overrides.pop("parent_collection"), param=param)
    values: dict[str, Any] = {
        "name": spec.list_key,
        "path": collection_path,
        "id_field": spec.id_field,
        "list_key": spec.list_key,
        "not_found": not_found,
        "fields": fields,
        "create_fields": tuple(create),
        "update_fields": tuple(update),
        "create_view": create_view,
        "get_view": get_view,
        "list_view": list_view,
        "rate_labels": labels,
        "required_on_create": tuple(n for n, f in create.items() if f.required),
        "required_on_update": tuple(n for n, f in update.items() if f.required),
        # Names are unique only where the reference documents a duplicate-name error.
        "natural_key": spec.natural_key_api if duplicate is not None else None,
        "natural_key_scope": spec.natural_key_scope,
        "duplicate_error": duplicate,
        "parent": parent,
        "created_time_field": next((f for f in _CREATED if f in get_view), None),
        "modified_time_field": next((f for f in _MODIFIED if f in get_view), None),
        "modified_by_field": "modified_by" if "modified_by" in get_view else None,
        "defaults": {
            name: f.default
            for name, f in {**update, **create}.items()
            if f.default is not None and name in get_view
        },
    }
    # List items that name a field otherwise than get (``spec.list_names``) show the same value.
    computed: dict[str, Computed] = {
        listed: _alias(api_field) for api_field, listed in spec.list_names.items()
    }
    computed.update(overrides.pop("computed", {}))
    values.update(overrides)
    return Collection(**values, computed=computed)


def _alias(api_field: str) -> Computed:
    def compute(store: Any, data: dict[str, Any]) -> Any:
        return data.get(api_field, OMIT)

    return compute
