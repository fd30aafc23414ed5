"""The emulator's collections agree with the checked-in API spec (that the emulator reads
the API from that spec alone is checked with every package's imports, in
``test_import_direction``).

Checks against the reference text itself (the quoted reference lines) are in
``tests/reference``, a separate CI step.
"""

from __future__ import annotations

import re

import pytest

from zoomcc.apispec import Operation, load_api_spec
from zoomcc.emulator import DEFAULT_COLLECTIONS, Collection

COLLECTIONS = [
    pytest.param(c, id=c.name) for c in DEFAULT_COLLECTIONS if c.name != "stand_in_parents"
]
# Documented deviations, each with its reason at the collection's declaration.
LEFT_OUT_OF_CREATE_VIEW = {"queues": {"queue_id"}}  # the create example has no queue_id
EXTRA_REQUIRED_ON_CREATE = {"skills": {"skill_category_id", "skill_name"}}


def _norm(path: str) -> str:
    return re.sub(r"\{\w+\}", "{}", path)


def _ops(coll: Collection) -> dict[str, Operation]:
    """The spec's operations standing for the collection's standard operations."""
    by_path = {(o.method, _norm(o.path)): o for o in load_api_spec().operations}
    wanted = {
        "list": ("GET", _norm(coll.path)),
        "create": ("POST", _norm(coll.path)),
        "get": ("GET", _norm(coll.item_path)),
        "update": ("PATCH", _norm(coll.item_path)),
        "delete": ("DELETE", _norm(coll.item_path)),
    }
    return {
        name: by_path[key]
        for name, key in wanted.items()
        if key in by_path and name not in coll.omitted_ops
    }


def _body(op: Operation) -> dict[str, bool]:
    if op.request is None:
        return {}
    return {f.name: f.required for f in op.request.schema_.fields}


def _shown(op: Operation) -> list[str]:
    resp = op.success_response
    return [f.name for f in resp.body.schema_.fields] if resp and resp.body else []


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_every_collection_is_a_spec_collection(coll: Collection) -> None:
    ops = _ops(coll)
    assert {"list", "create"} <= set(ops)
    assert coll.rate_labels["list"] == ops["list"].rate_label
    assert coll.list_key in _shown(ops["list"])
    assert coll.list_total_records == ("total_records" in _shown(ops["list"]))


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_rate_labels_are_the_operations(coll: Collection) -> None:
    ops = _ops(coll)
    labels = {name: label for name, label in coll.rate_labels.items() if name in ops}
    assert labels == {name: op.rate_label for name, op in ops.items()}


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_request_fields_are_the_operations(coll: Collection) -> None:
    ops = _ops(coll)
    create = _body(ops["create"])
    if ops["create"].request is not None and ops["create"].request.content_type.startswith(
        "application/json"
    ) and not any(e.method == "POST" and e.path == coll.path for e in coll.extra_routes):
        assert set(coll.create_fields) == set(create)
        required = {n for n, req in create.items() if req}
        assert set(coll.required_on_create) == required | EXTRA_REQUIRED_ON_CREATE.get(
            coll.name, set()
        )
    if "update" in ops:
        assert set(coll.update_fields) == set(_body(ops["update"]))


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_views_are_the_response_schemas(coll: Collection) -> None:
    ops = _ops(coll)
    if "get" in ops:
        assert set(coll.get_view) == set(_shown(ops["get"]))
        assert coll.id_field in coll.get_view
    left_out = LEFT_OUT_OF_CREATE_VIEW.get(coll.name, set())
    if _shown(ops["create"]):
        assert set(coll.create_view) == set(_shown(ops["create"])) - left_out


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_errors_are_documented(coll: Collection) -> None:
    ops = _ops(coll)
    documented = {(e.status, e.code) for op in ops.values() for e in op.errors}
    if coll.not_found.code != 404:  # 404 without a code: nothing documented to compare
        assert (coll.not_found.status, coll.not_found.code) in documented
    if coll.duplicate_error is not None and coll.name not in (
        "ip_address_block_list_rules",
        "phone_block_list_rules",
    ):
        create = {(e.status, e.code) for e in ops["create"].errors}
        assert (coll.duplicate_error.status, coll.duplicate_error.code) in create
        # A duplicate error with no *_name field to key it (campaign contacts) never fires.
        assert coll.natural_key is None or coll.natural_key in coll.create_fields


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_list_filters_are_the_lists_query_parameters(coll: Collection) -> None:
    listing = _ops(coll)["list"]
    taken = {q.name for q in listing.query}
    assert set(coll.list_filters) | set(coll.custom_filters) <= taken
    assert set(coll.required_filters) == set(listing.required_query)


def test_required_list_parameters_are_modelled() -> None:
    required = {c.name: set(c.required_filters) for c in DEFAULT_COLLECTIONS if c.required_filters}
    assert required == {"address_books": {"unit_id"}, "variables": {"variable_group_id"}}


@pytest.mark.parametrize("coll", COLLECTIONS)
def test_defaults_and_computed_fields_are_visible(coll: Collection) -> None:
    visible = set(coll.get_view) | set(coll.list_view) | set(coll.create_view)
    assert set(coll.defaults) <= visible | set(coll.create_fields)
    assert set(coll.computed) <= visible
    assert set(coll.generated) <= visible
