"""Lifecycle test data for the routing resources."""

from __future__ import annotations

from typing import Any

from tests.support.cases.model import Case
from tests.support.cases.parents import make_named
from zoomcc.client import ZoomClient

_CATEGORIES = "/contact_center/skills/categories"
_ROLES, _REGIONS = "/contact_center/roles", "/contact_center/regions"
_READ_USERS = ["UserManagement:Read"]


def _skill_categories(client: ZoomClient) -> dict[str, Any]:
    (languages,) = make_named(
        client, _CATEGORIES, "skill_category", ["Routing languages"], skill_type="proficiency"
    )
    (products,) = make_named(
        client, _CATEGORIES, "skill_category", ["Routing products"], skill_type="text"
    )
    return {"languages": languages, "products": products}


def roles_and_region(client: ZoomClient) -> dict[str, Any]:
    names = ["Case agents", "Case supervisors"]
    role, other = make_named(client, _ROLES, "role", names, privileges=_READ_USERS)
    (region,) = make_named(client, _REGIONS, "region", ["APAC"])
    return {"role": role, "other_role": other, "region": region}


def _variable_groups(client: ZoomClient) -> dict[str, Any]:
    names = ["Customer data", "Order data"]
    group, other = make_named(client, "/contact_center/variables/groups", "variable_group", names)
    (unit,) = make_named(client, "/contact_center/address_books/units", "unit", ["Variable unit"])
    books = make_named(
        client, "/contact_center/address_books", "address_book", ["Variable book"], unit_id=unit
    )
    return {"group": group, "other": other, "books": books}


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


CASES: list[Case] = [
    Case(
        "AgentRoutingProfile",
        lambda p: {
            "name": "By language",
            "description": "Language first, then product",
            "wait_time_agent_in_seconds": 10,
            "priorities": [
                {
                    "category_type": "skill",
                    "skill_category_id": p["languages"],
                    "minimum_proficiency_level": 2,
                }
            ],
        },
        update={
            "description": "Language first, relaxed after 30 seconds",
            "ignore_transferring_skills": True,
            "wait_time_agent_in_seconds": 30,
            "time_steps": [30],
        },
        prereq=_skill_categories,
    ),
    Case(
        "ConsumerRoutingProfile",
        lambda p: {
            "name": "Returning first",
            "description": "Returning customers first",
            "top_priorities": [
                {"attribute_type": "returning_customer", "parameter": {"max_returning_minutes": 60}}
            ],
        },
        update={
            "description": "Returning customers first, then waiting time",
            "accumulated_priorities": [
                {"attribute_type": "new_customer", "incremental_rate": 5},
            ],
        },
    ),
    Case(
        "QueueTemplate",
        lambda p: {
            "name": "Voice defaults",
            "description": "Settings for new voice queues",
            "channel": "voice",
            "template_type": "add",
        },
        update={"name": "Voice queue defaults", "status": "inactive"},
        replace={"channel": "email", "template_type": "update"},
    ),
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
    Case(
        "VariableGroup",
        lambda p: {"name": "Customer", "description": "Facts about the customer"},
        update={"name": "Customer facts", "description": "What we know about the customer"},
    ),
    Case(
        "Variable",
        lambda p: {
            "name": "tier",
            "description": "Support tier",
            "variable_group_id": p["group"],
            "variable_type": "global_variable",
            "data_type": "string",
            "default_value": "silver",
        },
        update={"description": "The customer's support tier", "default_value": "gold"},
        replace={"variable_group_id": "@other", "variable_type": "address_book_variable"},
        prereq=_variable_groups,
    ),
]
