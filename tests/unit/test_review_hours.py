"""Hours and closures in words, and what a change to them means for a caller."""

from __future__ import annotations

import re
from typing import Any

import pytest

from zoomcc.apispec import load_api_spec
from zoomcc.apispec.spec import FieldSpec
from zoomcc.review import hours

D = "\u2013"  # the en dash the words use between the ends of a range


def day(n: int, *ranges: tuple[str, str], kind: int = 2) -> dict[str, Any]:
    return {
        "day_of_week": n,
        "custom_hour_type": kind,
        "custom_hour_ranges": [{"start_time": s, "end_time": e} for s, e in ranges],
    }


WEEKDAYS: dict[str, Any] = {
    "hour_type": 2,
    "custom_hours": [day(n, ("09:00", "18:00")) for n in range(1, 6)],
}
WEEK_WORDS = [
    ("weekdays", WEEKDAYS, f"Mon{D}Fri 09:00{D}18:00"),
    ("always", {"hour_type": 1}, "24/7"),
    (
        "saturday-mornings",
        {**WEEKDAYS, "custom_hours": [*WEEKDAYS["custom_hours"], day(6, ("10:00", "13:00"))]},
        f"Mon{D}Fri 09:00{D}18:00; Sat 10:00{D}13:00",
    ),
    ("a-day-all-day", {"hour_type": 2, "custom_hours": [day(7, kind=1)]}, "Sun 24 hours"),
    ("a-disabled-day", {"hour_type": 2, "custom_hours": [day(3, kind=0)]}, "always closed"),
    (
        "lunch-break",
        {"hour_type": 2, "custom_hours": [day(1, ("09:00", "12:00"), ("13:00", "17:00"))]},
        f"Mon 09:00{D}12:00, 13:00{D}17:00",
    ),
    (
        "two-days-apart",
        {"hour_type": 2, "custom_hours": [day(1, ("08:00", "16:00")), day(3, ("08:00", "16:00"))]},
        f"Mon, Wed 08:00{D}16:00",
    ),
    (
        "floats-from-the-engine",
        {"hour_type": 2.0, "custom_hours": [{**day(5, ("09:00", "17:00")), "day_of_week": 5.0}]},
        f"Fri 09:00{D}17:00",
    ),
]


@pytest.mark.parametrize(
    ("raw", "words"), [c[1:] for c in WEEK_WORDS], ids=[c[0] for c in WEEK_WORDS]
)
def test_business_hours_read_as_days_and_times(raw: dict[str, Any], words: str) -> None:
    assert hours.week_words(hours.week_of(raw)) == words


def closure(start: str, end: str, frequency: int = 0, kind: int = 1, **more: Any) -> dict[str, Any]:
    return {
        "closure_name": "x",
        "closure_hour_type": kind,
        "start_time": start,
        "end_time": end,
        "recurring_frequency": frequency,
        **more,
    }


CLOSURES = [
    ("one-day", closure("2027-07-14T00:00:00Z", "2027-07-15T00:00:00Z"), "14 Jul 2027"),
    ("every-year", closure("2027-12-25T00:00:00Z", "2027-12-26T00:00:00Z", 1), "25 Dec every year"),
    (
        "several-days",
        closure("2027-12-24T00:00:00Z", "2027-12-27T00:00:00Z"),
        f"24 Dec{D}27 Dec 2027",
    ),
    (
        "part-of-a-day",
        closure("2027-01-01T12:00:00Z", "2027-01-01T18:00:00Z", kind=2),
        f"1 Jan 2027 12:00{D}18:00",
    ),
    (
        "every-week",
        closure(
            "2027-01-01T00:00:00Z", "2027-01-02T00:00:00Z", 3, recurring_days_of_week=["6", "7"]
        ),
        "every Sat, Sun",
    ),
]


@pytest.mark.parametrize(("raw", "words"), [c[1:] for c in CLOSURES], ids=[c[0] for c in CLOSURES])
def test_closures_read_as_dates(raw: dict[str, Any], words: str) -> None:
    assert hours.closure_words(raw) == words


def week(*days: hours.Ranges, timezone: str = "") -> hours.Week:
    return hours.Week(tuple(days) + (hours.CLOSED,) * (7 - len(days)), timezone)


NINE_SIX = (("09:00", "18:00"),)
CHANGES = [
    (
        "closes-earlier-on-friday",
        week(*[NINE_SIX] * 5),
        week(*[NINE_SIX] * 4, (("09:00", "17:00"),)),
        ["closes at 17:00 instead of 18:00 on Fridays"],
    ),
    (
        "opens-later-all-week",
        week(*[NINE_SIX] * 5),
        week(*[(("10:00", "18:00"),)] * 5),
        [f"opens at 10:00 instead of 09:00 on Mon{D}Fri"],
    ),
    (
        "open-on-saturday",
        week(*[NINE_SIX] * 5),
        week(*[NINE_SIX] * 6),
        [f"now open 09:00{D}18:00 on Saturdays"],
    ),
    (
        "closed-on-monday",
        week(*[NINE_SIX] * 5),
        week(hours.CLOSED, *[NINE_SIX] * 4),
        [f"now closed (was open 09:00{D}18:00) on Mondays"],
    ),
    (
        "another-time-zone",
        week(NINE_SIX, timezone="Europe/Paris"),
        week(NINE_SIX, timezone="America/New_York"),
        ["hours now in America/New_York instead of Europe/Paris"],
    ),
    ("nothing", week(NINE_SIX), week(NINE_SIX), []),
]


@pytest.mark.parametrize(
    ("old", "new", "phrases"), [c[1:] for c in CHANGES], ids=[c[0] for c in CHANGES]
)
def test_an_hours_change_is_said_as_a_caller_meets_it(
    old: hours.Week, new: hours.Week, phrases: list[str]
) -> None:
    assert hours.week_changes(old, new) == phrases


def field_at(fields: list[FieldSpec], path: str) -> FieldSpec:
    head, _, rest = path.partition(".")
    (found,) = [f for f in fields if f.name == head]
    if not rest:
        return found
    inner = found.items.fields if found.items is not None else found.fields
    return field_at(inner, rest)


DAY_FIELDS = [
    ("POST", "/contact_center/business_hours", "hours.custom_hours.day_of_week"),
    ("POST", "/contact_center/closures", "closures.recurring_days_of_week"),
]


@pytest.mark.parametrize(("method", "path", "field"), DAY_FIELDS)
def test_day_numbers_mean_what_the_api_spec_says(method: str, path: str, field: str) -> None:
    op = load_api_spec().op(method, path)
    assert op.request is not None
    described = field_at(op.request.schema_.fields, field).description
    meanings = dict(re.findall(r"`(\d)` &mdash; (\w+)", described))
    assert {int(k): v[:3] for k, v in meanings.items()} == dict(enumerate(hours.DAYS, start=1))
