"""The generated API spec must match the reference, and the payload models must bite."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from zoomcc.apispec import (
    Body,
    FieldSpec,
    Operation,
    error_paths,
    generate,
    load_api_spec,
    model_for,
    validate_request,
)
from zoomcc.apispec.errata import ERRATA

SPEC = load_api_spec()


# --- the checked-in JSON -------------------------------------------------------------


def test_reference_path_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(generate.REFERENCE_ENV, str(tmp_path / "x.txt"))
    assert generate.default_reference_path() == tmp_path / "x.txt"


# --- shape of the whole spec ---------------------------------------------------------


@pytest.mark.parametrize("op", SPEC.operations, ids=lambda o: o.id)
def test_every_operation_is_complete(op: Operation) -> None:
    assert op.method in {"GET", "POST", "PUT", "PATCH", "DELETE"}
    assert op.path.startswith("/contact_center/")
    assert op.rate_label in {"LIGHT", "MEDIUM", "HEAVY"}
    assert op.scopes and all(s.startswith("contact_center") for s in op.scopes)
    assert op.granular_scopes and op.tags
    assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", op.id)
    assert op.success_response is not None
    assert [r.status for r in op.responses] == sorted({r.status for r in op.responses})
    assert all(e.status >= 400 for e in op.errors)


def test_counts() -> None:
    requests = [o for o in SPEC.operations if o.request is not None]
    assert len(requests) == 117
    assert Counter(o.request.content_type for o in requests if o.request) == {
        "application/json": 114,
        "multipart/form-data": 3,
    }
    assert Counter(o.rate_label for o in SPEC.operations) == {
        "LIGHT": 179,
        "MEDIUM": 105,
        "HEAVY": 28,
    }


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


# --- every example in the reference against the models -------------------------------

# Examples that contradict their own schema. The enums are not widened (that would
# hide real mistakes); each entry names the one field path that must be rejected.
KNOWN_INVALID_EXAMPLES: dict[tuple[str, str, str], tuple[str, str]] = {
    ("GET", "/contact_center/system_statuses", "response:200"): (
        "statuses.0.status_name",
        'custom status "Lunch" is outside the status_name enum',
    ),
    ("POST", "/contact_center/system_statuses", "response:201"): (
        "status_name",
        'custom status "Lunch" is outside the status_name enum',
    ),
    ("GET", "/contact_center/system_statuses/{statusId}", "response:200"): (
        "status_name",
        'custom status "Lunch" is outside the status_name enum',
    ),
    ("GET", "/contact_center/engagements/{engagementId}/recordings/status", "response:200"): (
        "channel_source",
        '"live_video" is not one of in_app_video, kiosk_video, web_video',
    ),
    ("GET", "/contact_center/business_hours/{businessHourId}/queues", "response:200"): (
        "queues.0.queue_id",
        "required queue_id missing from the example (only cc_queue_id is sent)",
    ),
    ("GET", "/contact_center/closures/{closureSetId}/queues", "response:200"): (
        "queues.0.queue_id",
        "required queue_id missing from the example (only cc_queue_id is sent)",
    ),
    ("GET", "/contact_center/analytics/historical/queues/metrics", "response:200"): (
        "queues.0.messaging.channel_sources.0",
        'example joins two enum values in one string: "web_chat,in_app_chat"',
    ),
    (
        "GET",
        "/contact_center/analytics/historical/queues/{queueId}/agents/metrics",
        "response:200",
    ): (
        "agents.0.messaging.channel_sources.0",
        'example joins two enum values in one string: "web_chat,in_app_chat"',
    ),
    ("GET", "/contact_center/analytics/log/historical/engagement", "response:200"): (
        "engagement_logs.0.aiea_used",
        '"notUsed" vs enum "not_used"',
    ),
    ("GET", "/contact_center/analytics/log/historical/journey", "response:200"): (
        "journeys.0.channels.0",
        'channels declared as objects {channel, channel_source}; the example sends "voice"',
    ),
    # The schema wins over the example (issue 10, item 14): `package` is an object.
    **{
        (method, path, target): ("package", 'package declared an object; the example "essentials"')
        for method, path, target in (
            ("POST", "/contact_center/users/templates", "request"),
            ("POST", "/contact_center/users/templates", "response:201"),
            ("GET", "/contact_center/users/templates/{templateId}", "response:200"),
            ("PATCH", "/contact_center/users/templates/{templateId}", "request"),
        )
    },
    # The schema wins over the example (issue 10, item 13): `phone_numbers` is required
    # (reference line 1364); the provider sends it, derived from `phones`.
    **{
        (method, path, target): ("phone_numbers", "phone_numbers required; the example omits it")
        for method, path, target in (
            ("POST", "/contact_center/address_books/{addressBookId}/contacts", "request"),
            ("POST", "/contact_center/address_books/{addressBookId}/contacts", "response:201"),
            (
                "PATCH",
                "/contact_center/address_books/{addressBookId}/contacts/{contactId}",
                "request",
            ),
        )
    },
}


def _examples() -> list[tuple[Operation, str, Body]]:
    out: list[tuple[Operation, str, Body]] = []
    for op in SPEC.operations:
        if op.request is not None and op.request.example is not None:
            out.append((op, "request", op.request))
        for r in op.responses:
            if r.body is not None and r.body.example is not None:
                out.append((op, f"response:{r.status}", r.body))
    return out


EXAMPLES = _examples()


def test_example_counts() -> None:
    targets = Counter(t.split(":")[0] for _, t, _ in EXAMPLES)
    assert targets == {"request": 117, "response": 198}
    found = {(op.method, op.path, target) for op, target, _ in EXAMPLES}
    assert set(KNOWN_INVALID_EXAMPLES) <= found


@pytest.mark.parametrize(
    ("op", "target", "body"), EXAMPLES, ids=[f"{o.id}-{t}" for o, t, _ in EXAMPLES]
)
def test_reference_example_validates(op: Operation, target: str, body: Body) -> None:
    def check() -> None:
        if target == "request":
            validate_request(op, body.example)
        else:
            model_for(body.schema_, f"{op.id}_{target.replace(':', '_')}").model_validate(
                body.example
            )

    known = KNOWN_INVALID_EXAMPLES.get((op.method, op.path, target))
    if known is None:
        check()
        return
    with pytest.raises(ValidationError) as info:
        check()
    assert error_paths(info.value) == [known[0]], known[1]


# --- the payload models ----------------------------------------------------------------


def _errors(op_id: str, payload: Any) -> list[tuple[str, str]]:
    op = SPEC.by_id(op_id)
    with pytest.raises(ValidationError) as info:
        validate_request(op, payload)
    return [(".".join(map(str, e["loc"])), e["type"]) for e in info.value.errors()]


def test_unknown_field_is_rejected() -> None:
    assert _errors("create_a_queue", {"queue_name": "q", "colour": "red"}) == [
        ("colour", "extra_forbidden")
    ]
    nested = {"queues": [{"queue_name": "a", "queue_description": "b", "x": 1}]}
    assert _errors("batch_create_queues_with_a_template", nested) == [
        ("queues.0.x", "extra_forbidden")
    ]


def test_wrong_type_is_rejected() -> None:
    assert _errors("create_a_queue", {"queue_name": 5}) == [("queue_name", "string_type")]
    assert _errors("create_a_queue", {"channel_types": "voice"}) == [("channel_types", "list_type")]


def test_out_of_enum_value_is_rejected() -> None:
    assert _errors("create_a_queue", {"channel": "fax"}) == [("channel", "literal_error")]
    assert _errors("create_a_queue", {"channel_types": ["voice", "fax"]}) == [
        ("channel_types.1", "literal_error")
    ]


def test_missing_required_field_is_rejected() -> None:
    payload = {"queues": [{"queue_description": "d"}]}
    assert _errors("batch_create_queues_with_a_template", payload) == [
        ("queues.0.queue_name", "missing")
    ]


def test_explicit_null_needs_nullable() -> None:
    assert _errors("create_a_queue", {"queue_name": None}) == [("queue_name", "string_type")]
    schema = FieldSpec(
        name="",
        type="object",
        fields=[FieldSpec(name="note", type="string", nullable=True)],
    )
    model = model_for(schema, "nullable_test")
    model.model_validate({"note": None})
    model.model_validate({})


def _int_model(enum: list[str | int] | None = None) -> type[Any]:
    schema = FieldSpec(
        name="",
        type="object",
        fields=[FieldSpec(name="count", type="integer", required=True, enum=enum)],
    )
    return model_for(schema, f"int_test_{enum}")


@pytest.mark.parametrize("enum", [None, [1, 2, 3]])
def test_whole_floats_are_integers(enum: list[str | int] | None) -> None:
    model = _int_model(enum)
    assert model.model_validate({"count": 2.0}).model_dump(by_alias=True) == {"count": 2}
    assert model.model_validate({"count": 2}).model_dump(by_alias=True) == {"count": 2}
    for bad in (1.5, True, "2"):
        with pytest.raises(ValidationError) as info:
            model.model_validate({"count": bad})
        assert error_paths(info.value) == ["count"]


def test_integer_fields_of_a_real_operation_accept_whole_floats() -> None:
    op = SPEC.op("PATCH", "/contact_center/queues/{queueId}")
    assert op.request is not None
    assert op.request.schema_.field("wrap_up_time").type == "integer"
    payload = dict(op.request.example)
    assert payload["wrap_up_time"] == 50
    validate_request(op, {**payload, "wrap_up_time": 50.0, "max_wait_time": 50.0})
    assert _errors("update_a_queue", {**payload, "wrap_up_time": 50.5}) == [
        ("wrap_up_time", "int_type")
    ]


def test_email_format_is_checked_loosely() -> None:
    op = SPEC.op("POST", "/contact_center/address_books/{addressBookId}/contacts")
    assert op.request is not None
    emails = op.request.schema_.field("emails")
    assert emails.items is not None and emails.items.format == "email"
    base = {"display_name": "J", "phones": [], "phone_numbers": []}
    validate_request(op, {**base, "emails": ["j.doe+cc@example.co.uk"]})
    assert _errors("create_an_address_book_contact", {**base, "emails": ["not-an-email"]}) == [
        ("emails.0", "email")
    ]


def test_operation_without_body() -> None:
    op = SPEC.op("GET", "/contact_center/queues")
    validate_request(op, None)
    with pytest.raises(ValidationError):
        validate_request(op, {"queue_name": "q"})


def test_free_form_object_and_model_cache() -> None:
    op = SPEC.op("POST", "/contact_center/outbound_campaign/campaigns")
    assert op.request is not None
    settings = op.request.schema_.field("dialing_method_settings")
    assert settings.type == "object" and settings.fields == []
    payload = dict(op.request.example)
    payload["dialing_method_settings"] = {"anything": {"goes": True}}
    validate_request(op, payload)
    schema = op.request.schema_
    assert model_for(schema, "campaign") is model_for(schema, "campaign")
    assert model_for(schema, "campaign") is not model_for(schema, "campaign2")


def test_spec_json_is_packaged() -> None:
    data = json.loads(generate.SPEC_PATH.read_text(encoding="utf-8"))
    assert len(data["operations"]) == 312
    assert load_api_spec() is load_api_spec()


def test_query_parameters_of_the_real_api_are_in_the_spec() -> None:
    region_delete = SPEC.op("DELETE", "/contact_center/regions/{regionId}")
    assert region_delete.required_query == ("move_to_region_id",)
    assert SPEC.op("GET", "/contact_center/variables").required_query == ("variable_group_id",)
    kind = SPEC.op("GET", "/contact_center/queues/{queueId}").query_param("queue_identifier_type")
    assert kind is not None and kind.enum == ["id", "name"]
    archive = SPEC.op("DELETE", "/contact_center/asset_library/assets/{assetId}")
    assert archive.query_param("archive") is not None
    assert archive.query_param("archive").type == "boolean"  # type: ignore[union-attr]
    assert sum(len(o.query) for o in SPEC.operations) == 683
