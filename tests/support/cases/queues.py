"""Test data of the queues area: skills, queues, teams, dispositions (objects), a queue's
and a team's members, a queue's settings and a team's place in the tree."""

from __future__ import annotations

from typing import Any

from tests.support.cases.case import Case, MembershipCase, SettingsCase, Values
from tests.support.cases.parents import (
    make_business_hours,
    make_named,
    make_queue,
    make_team,
    root_team_id,
    seed_users,
)
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer


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


def make_teams(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [make_team(api, name=f"Team {i}") for i in range(4)]


def make_dispositions(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    names = [f"D{i}" for i in range(4)]
    return list(make_named(api, "/contact_center/dispositions", "disposition", names))


def make_disposition_sets(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    names = [f"S{i}" for i in range(4)]
    path = "/contact_center/dispositions/sets"
    return list(make_named(api, path, "disposition_set", names, status="active"))


INTERRUPT_AUDIO: Values = {
    "audio_asset_id": "hold1",
    "is_loop": True,
    "play_after_seconds": 30,
    "loop_interval": 60,
}

INTERRUPT_MENU: Values = {
    "menu_language_code": "en-US",
    "voice_id": "Joanna",
    "play_interval": 30,
    "menu_options": [{"keypress": "1", "menu_action": "request_callback"}],
}


def _queue_and_hours(api: ZoomClient, emulator: EmulatorServer) -> Values:
    queue = make_queue(api)
    office, weekend = make_business_hours(api, "Office"), make_business_hours(api, "Weekend")
    return {"queue": queue, "office": office, "weekend": weekend}


def _queue(api: ZoomClient, emulator: EmulatorServer) -> Values:
    return {"queue": make_queue(api)}


def _teams(api: ZoomClient, emulator: EmulatorServer) -> Values:
    team, first = make_team(api, name="Moved"), make_team(api, name="First")
    return {"team": team, "first": first, "second": make_team(api, name="Second")}


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
]

MEMBERSHIP_CASES: list[MembershipCase] = [
    MembershipCase("QueueAgents", make_queue, "queues", seed_users),
    MembershipCase("QueueSupervisors", make_queue, "queues", seed_users),
    MembershipCase("QueueTeams", make_queue, "queues", make_teams),
    MembershipCase(
        "QueueDispositions", make_queue, "queues", make_dispositions, {"assign_type": "outbound"}
    ),
    MembershipCase("QueueDispositionSets", make_queue, "queues", make_disposition_sets),
    MembershipCase("TeamAgents", make_team, "teams", seed_users),
    MembershipCase("TeamSupervisors", make_team, "teams", seed_users),
]

SETTINGS_CASES: list[SettingsCase] = [
    SettingsCase(
        "QueueOperatingHours",
        lambda p: {"queue_id": p["queue"], "operating_hours_business_hour_id": p["office"]},
        update={"operating_hours_business_hour_id": "@weekend"},
        replace={"queue_id": "other"},
        prereq=_queue_and_hours,
    ),
    SettingsCase(
        "QueueInterruptSettings",
        lambda p: {
            "queue_id": p["queue"],
            "audio_interrupts": [INTERRUPT_AUDIO],
            "menu": INTERRUPT_MENU,
        },
        update={"audio_interrupts": [{**INTERRUPT_AUDIO, "play_after_seconds": 45}]},
        replace={"queue_id": "other"},
        prereq=_queue,
    ),
    SettingsCase(
        "TeamParent",
        lambda p: {"team_id": p["team"], "parent_team_id": p["first"]},
        update={"parent_team_id": "@second"},
        replace={"team_id": "other"},
        prereq=_teams,
    ),
]
