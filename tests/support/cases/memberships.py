"""Membership test data: each membership type with a parent and four members."""

from __future__ import annotations

from typing import Any

from tests.support.cases.model import MembershipCase
from tests.support.cases.parents import make_named, make_queue, make_team, seed_users, seeded
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer


def make_teams(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [make_team(api, name=f"Team {i}") for i in range(4)]


def make_dispositions(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    names = [f"D{i}" for i in range(4)]
    return list(make_named(api, "/contact_center/dispositions", "disposition", names))


def make_disposition_sets(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    names = [f"S{i}" for i in range(4)]
    path = "/contact_center/dispositions/sets"
    return list(make_named(api, path, "disposition_set", names, status="active"))


def make_skills(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    (category,) = make_named(
        api,
        "/contact_center/skills/categories",
        "skill_category",
        ["Languages"],
        skill_type="proficiency",
        max_proficiency_level=5,
    )
    names = [f"L{i}" for i in range(4)]
    skills = make_named(api, "/contact_center/skills", "skill", names, skill_category_id=category)
    return [{"skill_id": s, "max_proficiency_level": i + 1} for i, s in enumerate(skills)]


def any_id(api: ZoomClient, emulator: EmulatorServer) -> str:
    return "parent" + str(len(emulator.state.requests))


def entry_points(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [
        {"entry_id": "entry0", "entry_language": "en-US"},
        {"entry_id": "entry1"},
        {"entry_id": "entry2"},
        {"entry_id": "entry3", "entry_language": "fr-FR"},
    ]


def phones(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [f"+1415555010{i}" for i in range(4)]


def make_queues(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [make_queue(api, name=f"Q{i}") for i in range(4)]


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
    MembershipCase("UserSkills", seeded("users", user_email="u@example.com"), "users", make_skills),
    MembershipCase("RoleUsers", seeded("roles", role_name="Agents"), "roles", seed_users),
    MembershipCase("RegionUsers", seeded("regions", region_name="EMEA"), "regions", seed_users),
    MembershipCase("InboxQueues", seeded("inboxes", inbox_name="VM"), "inboxes", make_queues),
    MembershipCase("InboxUsers", seeded("inboxes", inbox_name="VM"), "inboxes", seed_users),
    MembershipCase(
        "FlowEntryPoints",
        seeded("flows", flow_name="Support IVR", channel="voice"),
        "flows",
        entry_points,
    ),
    MembershipCase("CampaignDncListPhones", any_id, None, phones),
]
