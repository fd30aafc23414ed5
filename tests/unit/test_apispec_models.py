"""The payload models built from the spec bite: unknown fields, wrong types, values outside an
enum, missing required fields and nulls are refused; whole floats count as integers."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from zoomcc.apispec import FieldSpec, error_paths, load_api_spec, model_for, validate_request

SPEC = load_api_spec()


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
    wrong = {"queue_name": "Q", "channel_types": "voice"}
    assert _errors("create_a_queue", wrong) == [("channel_types", "list_type")]


def test_out_of_enum_value_is_rejected() -> None:
    named = {"queue_name": "Q"}
    assert _errors("create_a_queue", {**named, "channel": "fax"}) == [
        ("channel", "literal_error")
    ]
    assert _errors("create_a_queue", {**named, "channel_types": ["voice", "fax"]}) == [
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
    free = FieldSpec(name="settings", type="object", description="no field list")
    root = FieldSpec(name="", type="object", fields=[free])
    model_for(root, "free").model_validate({"settings": {"anything": {"goes": True}}})
    op = SPEC.op("POST", "/contact_center/outbound_campaign/campaigns")
    assert op.request is not None
    schema = op.request.schema_
    assert model_for(schema, "campaign") is model_for(schema, "campaign")
    assert model_for(schema, "campaign") is not model_for(schema, "campaign2")


def test_a_campaigns_dialing_settings_are_described_and_strict() -> None:
    """The reference names ``dialing_method_settings`` without fields; the errata give it the
    examples' and the update body's (``apispec.dialing_settings``), so a typo is refused."""
    op = SPEC.op("POST", "/contact_center/outbound_campaign/campaigns")
    assert op.request is not None
    settings = op.request.schema_.field("dialing_method_settings")
    assert {"enable_amd", "amd_settings", "max_skips", "max_concurrent_calls"} <= {
        f.name for f in settings.fields
    }
    payload = dict(op.request.example)
    validate_request(op, payload)
    payload["dialing_method_settings"] = {"max_skip": 1}
    with pytest.raises(ValidationError):
        validate_request(op, payload)
