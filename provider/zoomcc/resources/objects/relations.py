"""Resource specs: links between objects (memberships) and settings that live on a parent,
one module per parent's domain; this module keeps their catalog order and their names."""

from __future__ import annotations

from zoomcc.resources.base import BaseSpec
from zoomcc.resources.objects.channel_relations import (
    CAMPAIGN_DNC_LIST_PHONES,
    FLOW_ENTRY_POINTS,
    INBOX_EMAIL_NOTIFICATION,
    INBOX_QUEUES,
    INBOX_USERS,
)
from zoomcc.resources.objects.people_relations import (
    REGION_USERS,
    ROLE_USERS,
    TEAM_AGENTS,
    TEAM_PARENT,
    TEAM_SUPERVISORS,
    USER_QUEUE_OPT_IN,
    USER_SKILLS,
)
from zoomcc.resources.objects.queue_relations import (
    QUEUE_AGENTS,
    QUEUE_DISPOSITION_SETS,
    QUEUE_DISPOSITIONS,
    QUEUE_INTERRUPT_SETTINGS,
    QUEUE_OPERATING_HOURS,
    QUEUE_SUPERVISORS,
    QUEUE_TEAMS,
)

SPECS: tuple[BaseSpec, ...] = (
    QUEUE_AGENTS,
    QUEUE_SUPERVISORS,
    QUEUE_TEAMS,
    QUEUE_DISPOSITIONS,
    QUEUE_DISPOSITION_SETS,
    TEAM_AGENTS,
    TEAM_SUPERVISORS,
    USER_SKILLS,
    ROLE_USERS,
    REGION_USERS,
    INBOX_QUEUES,
    INBOX_USERS,
    FLOW_ENTRY_POINTS,
    CAMPAIGN_DNC_LIST_PHONES,
    QUEUE_INTERRUPT_SETTINGS,
    QUEUE_OPERATING_HOURS,
    TEAM_PARENT,
    INBOX_EMAIL_NOTIFICATION,
    USER_QUEUE_OPT_IN,
)

__all__ = [
    "CAMPAIGN_DNC_LIST_PHONES",
    "FLOW_ENTRY_POINTS",
    "INBOX_EMAIL_NOTIFICATION",
    "INBOX_QUEUES",
    "INBOX_USERS",
    "QUEUE_AGENTS",
    "QUEUE_DISPOSITIONS",
    "QUEUE_DISPOSITION_SETS",
    "QUEUE_INTERRUPT_SETTINGS",
    "QUEUE_OPERATING_HOURS",
    "QUEUE_SUPERVISORS",
    "QUEUE_TEAMS",
    "REGION_USERS",
    "ROLE_USERS",
    "SPECS",
    "TEAM_AGENTS",
    "TEAM_PARENT",
    "TEAM_SUPERVISORS",
    "USER_QUEUE_OPT_IN",
    "USER_SKILLS",
]
