"""Spot checks of the generated API spec against the reference text: names, scopes, errors,
not-found codes, bodies and status lines as the reference states them, and the errata applied."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from zoomcc.apispec import load_api_spec, model_for
from zoomcc.apispec.errata import ERRATA

SPEC = load_api_spec()


# --- spot checks against the reference text ------------------------------------------


def test_create_a_queue() -> None:
    op = SPEC.by_id("create_a_queue")
    assert op is SPEC.op("post", "/contact_center/queues")
    assert (op.title, op.tags, op.rate_label) == ("Create a queue", ["Queues"], "LIGHT")
    assert op.scopes == ["contact_center_queue:write:admin"]
    assert op.granular_scopes == ["contact_center:write:queue:admin"]
    assert op.request is not None
    schema = op.request.schema_
    assert [f.name for f in schema.fields] == [
        "channel",
        "channel_types",
        "queue_description",
        "queue_name",
    ]
    channel = schema.field("channel")
    assert channel.enum == ["voice", "video", "messaging", "email", "work_item"]
    assert not channel.required
    channel_types = schema.field("channel_types")
    assert channel_types.type == "array" and channel_types.items is not None
    assert channel_types.items.type == "string" and "in_app_chat" in (
        channel_types.items.enum or []
    )
    ok = op.success_response
    assert ok is not None and ok.status == 201 and ok.description == "Queue created."
    assert ok.body is not None and "cc_queue_id" in [f.name for f in ok.body.schema_.fields]
    assert ok.body.example["cc_queue_id"] == "zeYjXoDOS_eV1QmTpj63PQ"
    assert [(e.status, e.code) for e in op.errors] == [(400, 1205), (429, None)]


def test_queue_templates_list_and_get_use_different_names() -> None:
    listing = SPEC.by_id("list_queue_templates")
    assert listing.success_response is not None and listing.success_response.body is not None
    items = listing.success_response.body.schema_.field("queue_templates").items
    assert items is not None
    assert {"template_id", "template_name", "template_status"} <= {f.name for f in items.fields}
    assert listing.success_response.body.schema_.field("page_size").type == "number"

    get = SPEC.op("GET", "/contact_center/queue_templates/{queueTemplateId}")
    assert get.id == "get_a_queue_template"
    assert get.success_response is not None and get.success_response.body is not None
    names = [f.name for f in get.success_response.body.schema_.fields]
    assert "queue_template_id" in names and "template_id" not in names
    assert get.not_found_codes == {1213}

    create = SPEC.op("POST", "/contact_center/queue_templates")
    assert create.request is not None
    required = [f.name for f in create.request.schema_.fields if f.required]
    assert required == ["channel", "queue_template_name", "queue_template_type"]


def test_scopes_without_space_after_comma_are_split() -> None:
    op = SPEC.op("GET", "/contact_center/business_hours")  # "a:read:admin,b:read:admin"
    assert op.scopes == [
        "contact_center_operating_hours:read:admin",
        "contact_center_queue:read:admin",
    ]


def test_error_line_with_several_codes() -> None:
    op = SPEC.op("POST", "/contact_center/address_books")
    assert [(e.status, e.code) for e in op.errors] == [
        (400, 1902),
        (400, 1903),
        (400, 2003),
        (400, 2002),
        (404, 1901),
        (429, None),
    ]
    assert op.errors[1].message == "The `address_book_name` field cannot be an empty value."
    assert next(r for r in op.responses if r.status == 400).description == "Bad Request"


def test_not_found_codes() -> None:
    get_queue = SPEC.op("GET", "/contact_center/queues/{queueId}")
    assert get_queue.not_found_codes == {1201}  # not 1002: "user ... not found" is a 401
    assert 1002 in {e.code for e in get_queue.errors}
    # Zoom reports a missing team with 400 here.
    team_agents = SPEC.op("GET", "/contact_center/teams/{teamId}/agents")
    assert (400, 4102) in {(e.status, e.code) for e in team_agents.errors}
    assert team_agents.not_found_codes == {4102}
    # Code 300 means "Validation failed" too, so it is never a not-found code.
    metrics = SPEC.op("GET", "/contact_center/analytics/historical/queues/{queueId}/agents/metrics")
    assert any(e.code == 300 and "does not exist" in e.message for e in metrics.errors)
    assert 300 not in metrics.not_found_codes


def test_top_level_array_body_with_max_items() -> None:
    op = SPEC.op("POST", "/contact_center/queues/batch")
    assert op.success_response is not None and op.success_response.body is not None
    schema = op.success_response.body.schema_
    assert schema.type == "array" and schema.max_items == 50
    assert schema.items is not None
    assert [f.name for f in schema.items.fields if f.required] == [
        "cc_queue_id",
        "channel",
        "queue_description",
        "queue_name",
    ]
    too_many = [
        {"cc_queue_id": "x", "channel": "voice", "queue_description": "", "queue_name": "q"}
    ] * 51
    with pytest.raises(ValidationError):
        model_for(schema, "batch_queues_response").model_validate(too_many)


def test_multipart_body() -> None:
    op = SPEC.op("POST", "/contact_center/flows")
    assert op.request is not None and op.request.content_type == "multipart/form-data"
    assert op.request.schema_.field("import_mode").enum == ["new", "version"]


def test_response_status_text_is_cleaned() -> None:
    ok = SPEC.op("POST", "/contact_center/address_books").success_response
    assert ok is not None and ok.description == "Address book created."
    # The reference says "Status: 200" but "HTTP Status Code: `201`" here; we keep 200.
    region = SPEC.op("POST", "/contact_center/regions").success_response
    assert region is not None and (region.status, region.description) == (200, "Region created.")


def test_lookup_errors_are_helpful() -> None:
    with pytest.raises(KeyError, match="supports GET, POST"):
        SPEC.op("PUT", "/contact_center/queues")
    with pytest.raises(KeyError, match="no operation has that path"):
        SPEC.op("GET", "/contact_center/queues/{id}")
    with pytest.raises(KeyError, match="no operation with id"):
        SPEC.by_id("create_queue")
    with pytest.raises(KeyError, match="fields: channel, channel_types"):
        body = SPEC.by_id("create_a_queue").request
        assert body is not None
        body.schema_.field("name")


# --- errata --------------------------------------------------------------------------


def test_errata_are_applied_and_the_schema_wins_over_examples_elsewhere() -> None:
    for method, path in [
        ("POST", "/contact_center/users/templates"),
        ("PATCH", "/contact_center/users/templates/{templateId}"),
    ]:
        body = SPEC.op(method, path).request
        assert body is not None
        package = body.schema_.field("package")
        assert package.type == "object"
        assert [f.name for f in package.fields] == [
            "package_name",
            "add_ons_plan",
            "billing_account_id",
        ]
    contact = SPEC.op("POST", "/contact_center/address_books/{addressBookId}/contacts").request
    assert contact is not None
    assert contact.schema_.field("phone_numbers").required
    assert contact.schema_.field("phones").required
    privileges = SPEC.op("DELETE", "/contact_center/roles/{roleId}/privileges").request
    assert privileges is not None and privileges.schema_.field("privileges").required
    assert all(e.reason for e in ERRATA)
