"""Test data of the routing area: routing profiles and queue templates."""

from __future__ import annotations

from typing import Any

from tests.support.cases.case import Case, MembershipCase, SettingsCase
from tests.support.cases.parents import (
    make_named,
)
from zoomcc.client import ZoomClient

_CATEGORIES = "/contact_center/skills/categories"


def _skill_categories(client: ZoomClient) -> dict[str, Any]:
    (languages,) = make_named(
        client, _CATEGORIES, "skill_category", ["Routing languages"], skill_type="proficiency"
    )
    (products,) = make_named(
        client, _CATEGORIES, "skill_category", ["Routing products"], skill_type="text"
    )
    return {"languages": languages, "products": products}


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
]

MEMBERSHIP_CASES: list[MembershipCase] = []

SETTINGS_CASES: list[SettingsCase] = []
