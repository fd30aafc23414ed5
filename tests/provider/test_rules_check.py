"""Declared format rules (resources/rules.py) in check, through the real gRPC servicer: each
bad input fails with the property and the full path named and not one request sent; valid and
unknown values pass."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.grpc_provider import UNKNOWN, DynamicProviderClient
from tests.support.rule_inputs import (
    block,
    book_contact,
    campaign,
    closures,
    hours,
    list_contact,
    queue_callbacks,
    variable,
    waiting_audio,
)
from zoomcc.emulator import EmulatorServer

# (type, inputs, the property named, the path the reason names, what the reason says)
BAD = [
    # the four pending cases of tests/reliability (formerly pending_bad_inputs.py.txt)
    ("PhoneNumberBlockListRule", block("555-CALL-NOW"), "phone_number", "phone_number", "E.164"),
    ("Variable", variable(["x" * 5000]), "values", "values", "4096"),
    (
        "BusinessHours",
        hours({"start_time": "25:00", "end_time": "17:00"}),
        "hours",
        "hours.custom_hours.0.custom_hour_ranges.0.start_time",
        "HH:mm",
    ),
    (
        "BusinessHours",
        hours({"start_time": "17:00", "end_time": "09:00"}),
        "hours",
        "hours.custom_hours.0.custom_hour_ranges.0.end_time",
        "after or equal to start_time",
    ),
    # siblings
    (
        "BusinessHours",
        hours({"start_time": "09:00", "end_time": "9pm"}),
        "hours",
        "hours.custom_hours.0.custom_hour_ranges.0.end_time",
        "HH:mm",
    ),
    (
        "PhoneNumberBlockListRule",
        block("1800", "prefix", exceptions=["800-555-0101"]),
        "exceptions",
        "exceptions.0",
        "E.164",
    ),
    (
        "Variable",
        variable(["y" * 301], "address_book_variable") | {"address_book_ids": ["ab1"]},
        "values",
        "values",
        "300",
    ),
    (
        "ClosureSet",
        closures("2027-01-02T00:00:00Z", "2027-01-01T00:00:00Z"),
        "closures",
        "closures.0.end_time",
        "after start_time",
    ),
    (
        "ClosureSet",
        closures("2027-01-01", "2027-01-02T00:00:00Z"),
        "closures",
        "closures.0.start_time",
        "ISO 8601",
    ),
    (
        "AddressBookContact",
        book_contact("(415) 555-0100"),
        "phones",
        "phones.0.phone_number",
        "E.164",
    ),
    (
        "CampaignContactListContact",
        list_contact("4155550100"),
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
        queue_callbacks("18:00", "08:00"),
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
        "video_callback_settings.callback_offer_time",
        "must be given when enable_callback_offer_time is True",
    ),
    ("OutboundCampaign", campaign(max_ring_time=10), "max_ring_time", "max_ring_time", "15"),
    (
        "OutboundCampaign",
        campaign(abandonment_timeout=31),
        "abandonment_timeout",
        "abandonment_timeout",
        "between 2 and 30",
    ),
    (
        "QueueInterruptSettings",
        waiting_audio({"audio_asset_id": "a1", "audio_variable": "wait_time"}),
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
    assert reason.startswith(f"'{path}': "), reason
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
        "'hours.custom_hours.0.custom_hour_range': unknown field "
        "'custom_hour_range'; the fields are: custom_hour_ranges, custom_hour_type, day_of_week",
        "'hours.custom_hours.0.day_of_week': must be 1 (Monday), 2 (Tuesday), "
        "3 (Wednesday), 4 (Thursday), 5 (Friday), 6 (Saturday) or 7 (Sunday) (got 8)",
    ]


GOOD = [
    ("PhoneNumberBlockListRule", block("+14155550123")),
    ("PhoneNumberBlockListRule", block("1800", "prefix", exceptions=["8005550101"])),
    ("Variable", variable(["x" * 4096])),
    ("Variable", variable(["y" * 300], "address_book_variable") | {"address_book_ids": ["a"]}),
    ("BusinessHours", hours({"start_time": "09:00", "end_time": "17:00"})),
    ("BusinessHours", hours({"start_time": "00:00", "end_time": "23:59"})),
    ("BusinessHours", hours({"start_time": "12:00", "end_time": "12:00"})),
    ("ClosureSet", closures("2027-01-01T00:00:00Z", "2027-01-02T00:00:00Z")),
    ("ClosureSet", closures("2027-01-01T00:00:00+02:00", "2027-01-01T00:00:00Z")),
    ("AddressBookContact", book_contact("+442071234567")),
    ("CampaignContactListContact", list_contact("+14155550100")),
    ("Queue", {"name": "Q", "outbound_settings": {"queue_caller_ids": ["+14155552671"]}}),
    ("Queue", queue_callbacks("08:00", "18:00")),
    ("Skill", {"name": "S", "skill_category_id": "c1"}),
    ("OutboundCampaign", campaign(max_ring_time=15, abandonment_timeout=30)),
    (
        "QueueInterruptSettings",
        waiting_audio({"audio_asset_id": "a1"}, {"audio_variable": "wait_time"}),
    ),
    (
        "Queue",
        {"name": "Q", "video_callback_settings": {"enable_callback_offer_time": False}},
    ),
    # Values unknown during preview are never judged.
    ("Skill", {"name": "S", "skill_category_id": UNKNOWN}),
    ("BusinessHours", hours({"start_time": UNKNOWN, "end_time": "09:00"})),
    ("PhoneNumberBlockListRule", block(UNKNOWN)),
    ("Variable", variable([UNKNOWN])),
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


def week(*days: dict[str, Any]) -> dict[str, Any]:
    """Business hours of these days (each a ``custom_hours`` item)."""
    return {"name": "B", "timezone": "UTC", "hours": {"hour_type": 2, "custom_hours": [*days]}}


def day(number: int, start: str = "09:00") -> dict[str, Any]:
    ranges = [{"start_time": start, "end_time": "18:00"}]
    return {"day_of_week": number, "custom_hour_type": 2, "custom_hour_ranges": ranges}


MONDAY_TO_SUNDAY = "1 (Monday), 2 (Tuesday), 3 (Wednesday), 4 (Thursday), 5 (Friday), 6 (Saturday)"
HH_MM = "must be a time of day as HH:mm on the 24-hour clock, 00:00 to 23:59"
# (inputs, every reason check gives, in order)
REPEATED = {
    "the same bad value in five items is one line naming the range of indexes": (
        week(*[day(9)] * 5),
        [
            f"'hours.custom_hours[0..4].day_of_week': must be {MONDAY_TO_SUNDAY} or 7 (Sunday) "
            "(got 9)"
        ],
    ),
    "items that are not side by side are listed": (
        week(day(1, "9am"), day(2), day(3, "9am"), day(4), day(5, "9am")),
        [f"'hours.custom_hours[0,2,4].custom_hour_ranges.0.start_time': {HH_MM} (got '9am')"],
    ),
    "different values stay apart, each named": (
        week(day(8), day(9)),
        [
            f"'hours.custom_hours.0.day_of_week': must be {MONDAY_TO_SUNDAY} or 7 (Sunday) (got 8)",
            f"'hours.custom_hours.1.day_of_week': must be {MONDAY_TO_SUNDAY} or 7 (Sunday) (got 9)",
        ],
    ),
}


@pytest.mark.parametrize(("inputs", "reasons"), REPEATED.values(), ids=list(REPEATED))
def test_a_problem_repeated_in_a_list_is_reported_once(
    provider: DynamicProviderClient, inputs: dict[str, Any], reasons: list[str]
) -> None:
    _, failures = provider.check("BusinessHours", inputs)
    assert [reason for _, reason in failures] == reasons
