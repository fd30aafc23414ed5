"""Test data of the users area: regions, roles, statuses, users, user templates (objects),
users' skills, roles' and regions' users, agents' queue opt-in."""

from __future__ import annotations

from typing import Any

from tests.support.cases.case import Case, MembershipCase, SettingsCase, Values
from tests.support.cases.parents import (
    make_named,
    make_queue,
    seed_users,
    seeded,
)
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer

_ROLES, _REGIONS = "/contact_center/roles", "/contact_center/regions"
_READ_USERS = ["UserManagement:Read"]


def roles_and_region(client: ZoomClient) -> dict[str, Any]:
    names = ["Case agents", "Case supervisors"]
    role, other = make_named(client, _ROLES, "role", names, privileges=_READ_USERS)
    (region,) = make_named(client, _REGIONS, "region", ["APAC"])
    return {"role": role, "other_role": other, "region": region}


def _fallback_regions(client: ZoomClient) -> dict[str, Any]:
    """Regions the deleted region's users move to (else the main region would)."""
    names = ["Fallback region", "Other fallback region"]
    fallback, other = make_named(client, _REGIONS, "region", names)
    return {"fallback": fallback, "other": other}


def _fallback_roles(client: ZoomClient) -> dict[str, Any]:
    """Roles the deleted role's users are transferred to (else the built-in Agent would)."""
    names = ["Fallback role", "Other fallback role"]
    fallback, other = make_named(client, _ROLES, "role", names, privileges=_READ_USERS)
    return {"fallback": fallback, "other": other}


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


def _queue_agent(api: ZoomClient, emulator: EmulatorServer) -> Values:
    user = emulator.state.seed("users", [{"user_email": "a@example.com", "status_name": "Ready"}])
    user_id: Any = user[0]["user_id"]
    queue = make_queue(api)
    api.request("POST", f"/contact_center/queues/{queue}/agents", json={"user_ids": [user_id]})
    return {"user": user_id, "queue": queue}


CASES: list[Case] = [
    Case(
        "Region",
        lambda p: {
            "name": "EMEA",
            "sip_zone_id": "AfgzMEweSQ6tqzC8jhYJ2A",
            "move_users_to_region_id": p["fallback"],
        },
        # A delete-time argument changes in place: nothing is sent, nothing replaced.
        update={
            "name": "Europe",
            "sip_zone_id": "BfgzMEweSQ6tqzC8jhYJ2B",
            "move_users_to_region_id": "@other",
        },
        prereq=_fallback_regions,
    ),
    Case(
        "Role",
        lambda p: {
            "name": "Auditors",
            "description": "Read-only access",
            "privileges": ["UserManagement:Read", "RptWallboard:Read", "OutboundVoiceCall"],
            "transfer_users_to_role_id": p["fallback"],
        },
        update={
            "description": "Read-only access to users and queues",
            "privileges": ["UserManagement:Read", "QueueManagement:Read"],
            "transfer_users_to_role_id": "@other",
        },
        prereq=_fallback_roles,
    ),
    Case(
        "SystemStatus",
        lambda p: {"name": "Coaching", "category": "queue_opt_out_and_not_ready_status"},
        # Only `enable` changes: the update must still carry status_name.
        update={"enable": False},
        replace={"category": "agent_status"},
    ),
    Case(
        "UserTemplate",
        lambda p: {
            "name": "New agents",
            "description": "Defaults for new agents",
            "template_type": "add",
            "package": "essentials",
            "role": p["role"],
            "selected_blocks": ["role", "package"],
        },
        update={
            "description": "Defaults for new supervisors",
            "role": "@other_role",
            "selected_blocks": ["role", "package", "region"],
            "region": "@region",
        },
        replace={"template_type": "update"},
        prereq=roles_and_region,
    ),
    Case(
        "User",
        lambda p: {
            "user_email": "jchill@example.com",
            "package_name": "essentials",
            "role_id": p["role"],
            "country_iso_code": "US",
            "user_access": "active",
        },
        update={
            "role_id": "@other_role",
            "region_id": "@region",
            "channel_settings": {"concurrent_message_capacity": 4},
        },
        replace={"user_email": "jhill@example.com"},
        prereq=roles_and_region,
    ),
]

MEMBERSHIP_CASES: list[MembershipCase] = [
    MembershipCase("UserSkills", seeded("users", user_email="u@example.com"), "users", make_skills),
    MembershipCase("RoleUsers", seeded("roles", role_name="Agents"), "roles", seed_users),
    MembershipCase("RegionUsers", seeded("regions", region_name="EMEA"), "regions", seed_users),
]

SETTINGS_CASES: list[SettingsCase] = [
    SettingsCase(
        "UserQueueOptIn",
        lambda p: {"user_id": p["user"], "opt_in_out_status": 1, "queue_ids": [p["queue"]]},
        update={"opt_in_out_status": 0},
        replace={"user_id": "other"},
        prereq=_queue_agent,
    ),
]
