"""Test data of the hours area: business hours and closure sets."""

from __future__ import annotations

from tests.support.cases.case import Case, MembershipCase, SettingsCase, closed_all_day

CASES: list[Case] = [
    Case(
        "BusinessHours",
        lambda p: {
            "name": "Office",
            "description": "Weekdays",
            "timezone": "America/New_York",
            "hours": {
                "hour_type": 2,
                "custom_hours": [
                    {
                        "day_of_week": d,
                        "custom_hour_type": 2,
                        "custom_hour_ranges": [{"start_time": "09:00", "end_time": "17:00"}],
                    }
                    for d in (1, 2, 3)
                ],
            },
        },
        update={"description": "Mon-Wed", "timezone": "Europe/Paris"},
    ),
    Case(
        "ClosureSet",
        lambda p: {
            "name": "Holidays",
            "timezone": "America/New_York",
            "closures": [closed_all_day("New Year", "2027-01-01")],
        },
        # New Year goes (flagged for deletion), Christmas comes: the list is patched per item.
        update={
            "description": "Public holidays",
            "timezone": "Europe/Berlin",
            "closures": [closed_all_day("Christmas", "2027-12-25")],
        },
    ),
]

MEMBERSHIP_CASES: list[MembershipCase] = []

SETTINGS_CASES: list[SettingsCase] = []
