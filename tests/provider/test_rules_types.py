"""The rule types of resources/rules.py on their own: what each accepts, refuses and says."""

from __future__ import annotations

from typing import Any

import pytest

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
