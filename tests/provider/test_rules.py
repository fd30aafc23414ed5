"""Declared format rules (resources/rules.py): each bad input fails in check, through the real
gRPC servicer, with the property and the full path named and not one request sent; valid and
unknown values pass. Then the rule types on their own."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.grpc_provider import UNKNOWN, DynamicProviderClient
from zoomcc.dynamic.validation import input_failures
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog
from zoomcc.resources.derived import Derived
from zoomcc.resources.rules import (
    E164,
    Before,
    Between,
    Clock,
    IsoDateTime,
    MaxLength,
    OneOf,
    Requires,
    When,
    locate,
)

_WEEKDAY = {"day_of_week": 1, "custom_hour_type": 2}


def _hours(*ranges: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": "B",
        "timezone": "UTC",
        "hours": {"hour_type": 2, "custom_hours": [{**_WEEKDAY, "custom_hour_ranges": [*ranges]}]},
    }


def _closures(start: Any, end: Any) -> dict[str, Any]:
    closure = {"closure_name": "New Year", "closure_hour_type": 1, "recurring_frequency": 0}
    return {
        "name": "C",
        "timezone": "UTC",
        "closures": [{**closure, "start_time": start, "end_time": end}],
    }


def _block(number: str, match_type: str = "phone_number", **more: Any) -> dict[str, Any]:
    return {
        "phone_number": number,
        "match_type": match_type,
        "country_iso_code": "US",
        "channel": ["voice"],
        "direction": ["inbound"],
        "status": "active",
        **more,
    }


def _variable(values: list[Any], variable_type: str = "global_variable") -> dict[str, Any]:
    return {
        "name": "V",
        "variable_group_id": "group0000000000000000A",
        "data_type": "string",
        "variable_type": variable_type,
        "values": values,
    }


def _book_contact(number: str) -> dict[str, Any]:
    phone = {"phone_number": number, "phone_type": "main"}
    return {"address_book_id": "book1", "display_name": "Ada", "phones": [phone]}


def _list_contact(number: str) -> dict[str, Any]:
    phone = {"contact_phone_number": number, "contact_phone_type": "Main"}
    return {"contact_list_id": "list1", "display_name": "Ada", "phones": [phone]}


def _campaign(**more: Any) -> dict[str, Any]:
    return {
        "name": "C",
        "dialing_method": "preview",
        "dialing_method_settings": {},
        "phone_number_id": "p1",
        "queue_id": "q1",
        **more,
    }


def _waiting_audio(*parts: dict[str, Any]) -> dict[str, Any]:
    audio = [{"order": i + 1, **part} for i, part in enumerate(parts)]
    wait_time = {
        "custom_audio_type": "advanced",
        "custom_audio": audio,
        "backup_custom_audio": [{"order": 1, "audio_asset_id": "a0"}],
        "over_limit_custom_audio": [{"order": 1, "audio_asset_id": "a0"}],
    }
    notify = {"is_loop": False, "play_after_seconds": 30, "notify_estimated_wait_time": wait_time}
    return {"queue_id": "q1", "notify_interrupts": notify}


def _queue_callbacks(start: str, end: str) -> dict[str, Any]:
    offer = {"callback_offer_day": "Mon"}
    offer |= {"callback_offer_start_time": start, "callback_offer_end_time": end}
    return {"name": "Q", "video_callback_settings": {"callback_offer_time": [offer]}}


# (type, inputs, the property named, the path the reason names, what the reason says)
BAD = [
    # the four pending cases of tests/reliability (formerly pending_bad_inputs.py.txt)
    ("PhoneNumberBlockListRule", _block("555-CALL-NOW"), "phone_number", "phone_number", "E.164"),
    ("Variable", _variable(["x" * 5000]), "values", "values.0", "4096"),
    (
        "BusinessHours",
        _hours({"start_time": "25:00", "end_time": "17:00"}),
        "hours",
        "hours.custom_hours.0.custom_hour_ranges.0.start_time",
        "HH:mm",
    ),
    (
        "BusinessHours",
        _hours({"start_time": "17:00", "end_time": "09:00"}),
        "hours",
        "hours.custom_hours.0.custom_hour_ranges.0",
        "before",
    ),
    # siblings
    (
        "BusinessHours",
        _hours({"start_time": "09:00", "end_time": "9pm"}),
        "hours",
        "hours.custom_hours.0.custom_hour_ranges.0.end_time",
        "HH:mm",
    ),
    (
        "PhoneNumberBlockListRule",
        _block("1800", "prefix", exceptions=["800-555-0101"]),
        "exceptions",
        "exceptions.0",
        "E.164",
    ),
    (
        "Variable",
        _variable(["y" * 301], "address_book_variable") | {"address_book_ids": ["ab1"]},
        "values",
        "values.0",
        "300",
    ),
    (
        "ClosureSet",
        _closures("2027-01-02T00:00:00Z", "2027-01-01T00:00:00Z"),
        "closures",
        "closures.0",
        "before",
    ),
    (
        "ClosureSet",
        _closures("2027-01-01", "2027-01-02T00:00:00Z"),
        "closures",
        "closures.0.start_time",
        "ISO 8601",
    ),
    (
        "AddressBookContact",
        _book_contact("(415) 555-0100"),
        "phones",
        "phones.0.phone_number",
        "E.164",
    ),
    (
        "CampaignContactListContact",
        _list_contact("4155550100"),
        "phones",
        "phones.0.contact_phone_number",
        "E.164",
    ),
    (
        "Queue",
        {"name": "Q", "outbound_settings": {"queue_caller_ids": ["+14155550100", "call me"]}},
        "outbound_settings",
        "outbound_settings.queue_caller_ids.1",
        "E.164",
    ),
    (
        "Queue",
        _queue_callbacks("18:00", "08:00"),
        "video_callback_settings",
        "video_callback_settings.callback_offer_time.0",
        "before",
    ),
    # requirements the reference states in prose or errors, not in the schema
    ("Skill", {"name": "S"}, "skill_category_id", "skill_category_id", "required"),
    (
        "Queue",
        {"name": "Q", "video_callback_settings": {"enable_callback_offer_time": True}},
        "video_callback_settings",
        "video_callback_settings",
        "'callback_offer_time' is required when enable_callback_offer_time is True",
    ),
    ("OutboundCampaign", _campaign(max_ring_time=10), "max_ring_time", "max_ring_time", "15"),
    (
        "OutboundCampaign",
        _campaign(abandonment_timeout=31),
        "abandonment_timeout",
        "abandonment_timeout",
        "between 2 and 30",
    ),
    (
        "QueueInterruptSettings",
        _waiting_audio({"audio_asset_id": "a1", "audio_variable": "wait_time"}),
        "notify_interrupts",
        "notify_interrupts.notify_estimated_wait_time.custom_audio.0",
        "not both",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("type_name", "inputs", "field", "path", "says"),
    BAD,
    ids=[f"{t}-{p}-{i}" for i, (t, _, _, p, _) in enumerate(BAD)],
)
def test_rule_breach_is_named_in_check_without_api_calls(
    provider: DynamicProviderClient,
    emulator: EmulatorServer,
    type_name: str,
    inputs: dict[str, Any],
    field: str,
    path: str,
    says: str,
) -> None:
    emulator.state.clear_requests()
    _, failures = provider.check(type_name, inputs)
    assert [f for f, _ in failures] == [field], failures
    reason = failures[0][1]
    assert reason.startswith(f"{type_name}: '{path}': "), reason
    assert says in reason
    assert emulator.state.requests == []


def test_a_wrong_nested_value_is_named_by_path_with_the_allowed_values_and_meanings(
    provider: DynamicProviderClient,
) -> None:
    day = {"day_of_week": 8, "custom_hour_type": 2, "custom_hour_range": []}
    inputs = {"name": "B", "timezone": "UTC", "hours": {"hour_type": 2, "custom_hours": [day]}}
    _, failures = provider.check("BusinessHours", inputs)
    reasons = sorted(reason for _, reason in failures)
    assert reasons == [
        "BusinessHours: 'hours.custom_hours.0.custom_hour_range': unknown field "
        "'custom_hour_range'; the fields are: custom_hour_ranges, custom_hour_type, day_of_week",
        "BusinessHours: 'hours.custom_hours.0.day_of_week': must be 1 (Monday), 2 (Tuesday), "
        "3 (Wednesday), 4 (Thursday), 5 (Friday), 6 (Saturday) or 7 (Sunday) (got 8)",
    ]


GOOD = [
    ("PhoneNumberBlockListRule", _block("+14155550123")),
    ("PhoneNumberBlockListRule", _block("1800", "prefix", exceptions=["8005550101"])),
    ("Variable", _variable(["x" * 4096])),
    ("Variable", _variable(["y" * 300], "address_book_variable") | {"address_book_ids": ["a"]}),
    ("BusinessHours", _hours({"start_time": "09:00", "end_time": "17:00"})),
    ("BusinessHours", _hours({"start_time": "00:00", "end_time": "23:59"})),
    ("BusinessHours", _hours({"start_time": "12:00", "end_time": "12:00"})),
    ("ClosureSet", _closures("2027-01-01T00:00:00Z", "2027-01-02T00:00:00Z")),
    ("ClosureSet", _closures("2027-01-01T00:00:00+02:00", "2027-01-01T00:00:00Z")),
    ("AddressBookContact", _book_contact("+442071234567")),
    ("CampaignContactListContact", _list_contact("+14155550100")),
    ("Queue", {"name": "Q", "outbound_settings": {"queue_caller_ids": ["+14155552671"]}}),
    ("Queue", _queue_callbacks("08:00", "18:00")),
    ("Skill", {"name": "S", "skill_category_id": "c1"}),
    ("OutboundCampaign", _campaign(max_ring_time=15, abandonment_timeout=30)),
    (
        "QueueInterruptSettings",
        _waiting_audio({"audio_asset_id": "a1"}, {"audio_variable": "wait_time"}),
    ),
    (
        "Queue",
        {"name": "Q", "video_callback_settings": {"enable_callback_offer_time": False}},
    ),
    # Values unknown during preview are never judged.
    ("Skill", {"name": "S", "skill_category_id": UNKNOWN}),
    ("BusinessHours", _hours({"start_time": UNKNOWN, "end_time": "09:00"})),
    ("PhoneNumberBlockListRule", _block(UNKNOWN)),
    ("Variable", _variable([UNKNOWN])),
]  # fmt: skip


@pytest.mark.parametrize(
    ("type_name", "inputs"), GOOD, ids=[f"{t}-{i}" for i, (t, _) in enumerate(GOOD)]
)
def test_valid_or_unknown_values_pass(
    provider: DynamicProviderClient,
    emulator: EmulatorServer,
    type_name: str,
    inputs: dict[str, Any],
) -> None:
    emulator.state.clear_requests()
    _, failures = provider.check(type_name, inputs)
    assert failures == []
    assert emulator.state.requests == []


def test_value_pydantic_already_refused_is_not_reported_twice() -> None:
    spec = catalog.get("BusinessHours")
    failures = input_failures(spec, _hours({"start_time": 900, "end_time": "17:00"}))
    assert len(failures) == 1, failures
    assert "HH:mm" not in failures[0][1]


def test_every_declared_rule_addresses_real_input_fields() -> None:
    """A typo in a rule's path would silently check nothing: every path must name input
    fields, ``[]`` exactly where the field is a list."""
    for spec in catalog.ALL:
        for path, rule in spec.rules:
            if not path:  # the arguments themselves: a required argument
                assert isinstance(rule, Requires) and rule.field in spec.input_fields, spec.name
                continue
            fields = spec.input_fields
            node = None
            for part in path.split("."):
                name = part.removesuffix("[]")
                assert name in fields, (spec.name, path, name)
                node = fields[name]
                if part.endswith("[]"):
                    assert node.type == "array" and node.items is not None, (spec.name, path)
                    node = node.items
                fields = {f.name: f for f in node.fields or []}
            assert node is not None
            target = rule.rule if isinstance(rule, When) else rule
            if isinstance(target, Derived):  # fills a whole top-level field, of any type
                assert path in spec.input_fields, (spec.name, path)
                assert all(source in spec.input_fields for source in target.sources())
                continue
            on_objects = isinstance(target, Before | OneOf | Requires)
            expected = {"object"} if on_objects else {"string"}
            if isinstance(target, Between):
                expected = {"integer", "number"}
            assert node.type in expected, (spec.name, path, node.type)
            if isinstance(target, Before):
                assert {target.start, target.end} <= set(fields), (spec.name, path)
            if isinstance(target, OneOf):
                assert set(target.fields) <= set(fields), (spec.name, path)
            if isinstance(target, Requires):
                assert target.field in fields, (spec.name, path)
                assert target.when is None or target.when[0] in fields, (spec.name, path)


def test_the_four_formerly_pending_resources_declare_rules() -> None:
    for name in ("PhoneNumberBlockListRule", "Variable", "BusinessHours", "ClosureSet"):
        assert catalog.get(name).rules, name


# ---- the rule types on their own ----------------------------------------------------------
_DOC: dict[str, Any] = {}


@pytest.mark.parametrize("value", ["+14155550100", "+442071234567", "+12"])
def test_e164_accepts(value: str) -> None:
    assert E164().failure(value, _DOC) is None


@pytest.mark.parametrize(
    "value", ["14155550100", "+1 415 555 0100", "+1-415-555-0100", "+0123", "+1234567890123456", ""]
)
def test_e164_refuses(value: str) -> None:
    message = E164().failure(value, _DOC)
    assert message is not None and "E.164" in message and repr(value) in message


def test_e164_partial_takes_prefixes_and_plain_digits() -> None:
    rule = E164(partial=True)
    assert rule.failure("1800", _DOC) is None
    assert rule.failure("+1415", _DOC) is None
    assert rule.failure("8005550101", _DOC) is None
    assert rule.failure("555-CALL-NOW", _DOC) is not None
    assert rule.failure("1" * 16, _DOC) is not None


@pytest.mark.parametrize("value", ["00:00", "09:30", "23:59"])
def test_clock_accepts(value: str) -> None:
    assert Clock().failure(value, _DOC) is None


@pytest.mark.parametrize("value", ["24:00", "25:00", "9:00", "09:60", "0900", "9am", "09:00:00"])
def test_clock_refuses(value: str) -> None:
    message = Clock().failure(value, _DOC)
    assert message is not None and "HH:mm" in message and repr(value) in message


def test_iso_datetime() -> None:
    rule = IsoDateTime()
    assert rule.failure("2027-01-01T00:00:00Z", _DOC) is None
    assert rule.failure("2027-01-01T00:00:00+05:30", _DOC) is None
    assert rule.failure("2027-01-01T00:00:00.5Z", _DOC) is None
    for bad in ("2027-01-01", "2027-01-01T00:00:00", "2027-13-01T00:00:00Z", "tomorrow"):
        message = rule.failure(bad, _DOC)
        assert message is not None and "ISO 8601" in message, bad


def test_max_length() -> None:
    rule = MaxLength(3)
    assert rule.failure("abc", _DOC) is None
    message = rule.failure("abcd", _DOC)
    assert message is not None and "at most 3 characters" in message and "got 4" in message


def test_before_on_clock_times_and_datetimes() -> None:
    rule = Before("start_time", "end_time")
    assert rule.failure({"start_time": "09:00", "end_time": "17:00"}, _DOC) is None
    assert rule.failure({"start_time": "09:00", "end_time": "09:00"}, _DOC) is None
    message = rule.failure({"start_time": "17:00", "end_time": "09:00"}, _DOC)
    assert message is not None and "'start_time' must be before" in message and "'17:00'" in message
    # Compared as instants, offsets included.
    later = {"start_time": "2027-01-01T10:00:00+02:00", "end_time": "2027-01-01T09:00:00Z"}
    assert rule.failure(later, _DOC) is None
    assert rule.failure({**later, "end_time": "2027-01-01T07:00:00Z"}, _DOC) is not None
    # Equal values are refused only when strict.
    same = {"start_time": "09:00", "end_time": "09:00"}
    assert Before("start_time", "end_time", strict=True).failure(same, _DOC) is not None


def test_before_leaves_bad_formats_and_missing_fields_to_other_rules() -> None:
    rule = Before("start_time", "end_time")
    assert rule.failure({"start_time": "25:00", "end_time": "09:00"}, _DOC) is None
    assert rule.failure({"start_time": "17:00"}, _DOC) is None
    assert rule.failure({"start_time": "17:00", "end_time": "2027-01-01T00:00:00Z"}, _DOC) is None
    assert rule.failure("17:00", _DOC) is None


def test_rules_ignore_values_of_another_type() -> None:
    for rule in (E164(), Clock(), IsoDateTime(), MaxLength(1)):
        assert rule.failure(12, _DOC) is None
        assert rule.failure(None, _DOC) is None


def test_when_applies_its_rule_only_under_the_condition() -> None:
    rule = When("variable_type", "address_book_variable", MaxLength(2))
    assert rule.failure("abc", {"variable_type": "global_variable"}) is None
    assert rule.failure("abc", {}) is None
    message = rule.failure("abc", {"variable_type": "address_book_variable"})
    assert message is not None and "address_book_variable" in message


def test_requires_names_the_field_and_quotes_the_reference() -> None:
    rule = Requires("b", 'line 1: "b is required"', when=("a", True))
    assert rule.failure({"a": False}, _DOC) is None
    assert rule.failure({"a": True, "b": 1}, _DOC) is None
    message = rule.failure({"a": True}, _DOC)
    assert message is not None and "'b' is required when a is True" in message
    assert 'line 1: "b is required"' in message


def test_between_includes_both_ends() -> None:
    rule = Between(2, 30)
    assert rule.failure(2, _DOC) is None and rule.failure(30.0, _DOC) is None
    message = rule.failure(1, _DOC)
    assert message is not None and "between 2 and 30" in message and "got 1" in message
    assert rule.failure(True, _DOC) is None  # a bool is no number here


def test_one_of_refuses_two_given() -> None:
    rule = OneOf(("x", "y"))
    assert rule.failure({"x": 1}, _DOC) is None and rule.failure({}, _DOC) is None
    message = rule.failure({"x": 1, "y": 2}, _DOC)
    assert message is not None and "not both" in message


def test_an_unconditional_required_argument_is_required_in_the_sdk_too() -> None:
    import inspect

    import pulumi_zoomcc as zoomcc

    parameter = inspect.signature(zoomcc.Skill.__init__).parameters["skill_category_id"]
    assert parameter.default is inspect.Parameter.empty


def test_locate_walks_lists_and_objects() -> None:
    doc = {
        "hours": {
            "custom_hours": [
                {"custom_hour_ranges": [{"start_time": "09:00"}, {"start_time": "13:00"}]},
                {"custom_hour_ranges": None},
                {"custom_hour_ranges": [{"end_time": "17:00"}]},
            ]
        },
        "values": ["a", "b"],
    }
    starts = list(locate(doc, "hours.custom_hours[].custom_hour_ranges[].start_time"))
    assert starts == [
        (("hours", "custom_hours", "0", "custom_hour_ranges", "0", "start_time"), "09:00"),
        (("hours", "custom_hours", "0", "custom_hour_ranges", "1", "start_time"), "13:00"),
    ]
    assert list(locate(doc, "values[]")) == [(("values", "0"), "a"), (("values", "1"), "b")]
    assert list(locate(doc, "missing[].x")) == []
    assert list(locate({"values": "not a list"}, "values[]")) == []
