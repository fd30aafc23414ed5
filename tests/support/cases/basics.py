"""Lifecycle test data for the first eight objects: skills, queues, teams, dispositions, hours."""

from __future__ import annotations

from typing import Any

from tests.support.cases.model import Case, closed_all_day
from tests.support.cases.parents import make_named, root_team_id
from zoomcc.client import ZoomClient


def _skill_category(client: ZoomClient) -> dict[str, Any]:
    made, other = make_named(
        client,
        "/contact_center/skills/categories",
        "skill_category",
        ["Parent category", "Other category"],
        skill_type="text",
    )
    return {"category": made, "other": other}


def _dispositions(client: ZoomClient) -> dict[str, Any]:
    names = ["Sold", "Not interested", "Call back"]
    made = make_named(client, "/contact_center/dispositions", "disposition", names)
    return {"dispositions": made}


def _root_team(client: ZoomClient) -> dict[str, Any]:
    root = root_team_id(client)
    (other,) = make_named(
        client, "/contact_center/teams", "team", ["Other parent"], parent_team_id=root
    )
    return {"root": root, "other": other}


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
