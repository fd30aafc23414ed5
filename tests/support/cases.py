"""Per-resource test data: what to create, what to change in place, what forces replacement.

Each case is data; parents a resource needs are made through the API client first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from zoomcc.client import ZoomClient

Prereq = Callable[[ZoomClient], dict[str, Any]]


@dataclass(frozen=True)
class Case:
    type_name: str
    inputs: Callable[[dict[str, Any]], dict[str, Any]]
    update: dict[str, Any]
    replace: dict[str, Any] | None = None
    prereq: Prereq | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    delete_out_of_band: Callable[[ZoomClient, str], None] | None = None
    """Deletes the object behind Pulumi's back, where the API has no single-item DELETE."""


def _skill_category(client: ZoomClient) -> dict[str, Any]:
    made = client.request(
        "POST",
        "/contact_center/skills/categories",
        json={"skill_category_name": "Parent category", "skill_type": "text"},
    )
    other = client.request(
        "POST",
        "/contact_center/skills/categories",
        json={"skill_category_name": "Other category", "skill_type": "text"},
    )
    return {"category": made["skill_category_id"], "other": other["skill_category_id"]}


def _dispositions(client: ZoomClient) -> dict[str, Any]:
    ids = []
    for name in ("Sold", "Not interested", "Call back"):
        made = client.request(
            "POST", "/contact_center/dispositions", json={"disposition_name": name}
        )
        ids.append(made["disposition_id"])
    return {"dispositions": ids}


def _root_team(client: ZoomClient) -> dict[str, Any]:
    teams = list(client.paginate("/contact_center/teams", items_key="teams"))
    root = next(t for t in teams if not t.get("parent_team_id"))
    other = client.request(
        "POST",
        "/contact_center/teams",
        json={"team_name": "Other parent", "parent_team_id": root["team_id"]},
    )
    return {"root": root["team_id"], "other": other["team_id"]}


CASES: list[Case] = [
    Case(
        "SkillCategory",
        lambda p: {
            "name": "Languages",
            "description": "Spoken languages",
            "skill_type": "proficiency",
            "max_proficiency_level": 5,
        },
        update={"description": "Languages spoken by agents", "max_proficiency_level": 4},
        replace={"skill_type": "text"},
    ),
    Case(
        "Skill",
        lambda p: {"name": "French", "skill_category_id": p["category"]},
        update={"name": "Français"},
        replace={"skill_category_id": "@other"},
        prereq=_skill_category,
    ),
    Case(
        "Queue",
        lambda p: {
            "name": "Support",
            "description": "First line",
            "channel": "voice",
            "max_wait_time": 300,
        },
        update={"description": "First-line support", "max_wait_time": 600.0, "wrap_up_time": 45},
    ),
    Case(
        "Team",
        lambda p: {"name": "Tier 1", "description": "First line", "parent_team_id": p["root"]},
        update={"name": "Tier one", "description": "First-line agents"},
        replace={"parent_team_id": "@other"},
        prereq=_root_team,
    ),
    Case(
        "Disposition",
        lambda p: {"name": "Resolved", "description": "Issue fixed", "status": "active"},
        update={"description": "The issue was fixed", "status": "inactive"},
    ),
    Case(
        "DispositionSet",
        lambda p: {
            "name": "Outcomes",
            "status": "active",
            "disposition_ids": p["dispositions"][:2],
        },
        update={"description": "Sales outcomes", "disposition_ids": "@dispositions"},
        prereq=_dispositions,
    ),
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
            "closures": [
                {
                    "closure_name": "New Year",
                    "closure_hour_type": 1,
                    "start_time": "2027-01-01T00:00:00Z",
                    "end_time": "2027-01-02T00:00:00Z",
                    "recurring_frequency": 0,
                }
            ],
        },
        # New Year goes (flagged for deletion), Christmas comes: the list is patched per item.
        update={
            "description": "Public holidays",
            "timezone": "Europe/Berlin",
            "closures": [
                {
                    "closure_name": "Christmas",
                    "closure_hour_type": 1,
                    "start_time": "2027-12-25T00:00:00Z",
                    "end_time": "2027-12-26T00:00:00Z",
                    "recurring_frequency": 0,
                },
            ],
        },
    ),
]


def resolve(value: Any, prereqs: dict[str, Any]) -> Any:
    """``"@key"`` stands for a prerequisite's value."""
    if isinstance(value, str) and value.startswith("@"):
        return prereqs[value[1:]]
    return value


def contains(actual: Any, expected: Any) -> bool:
    """``actual`` holds everything ``expected`` declares (the API may add ids and defaults)."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            contains(actual.get(k), v) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(contains(a, e) for a, e in zip(actual, expected, strict=True))
        )
    return bool(actual == expected)
