"""Values a new object has when its create does not send them, where the reference states
them in prose or in its GET example rather than as a field's ``default``: the emulator gives
a new object these, and the exporter leaves values equal to them out of the program.

A new queue's are the values of the reference's queue GET example that describe no
particular queue (reference line 18137: "The default on new queues is 30 seconds" for
``distribution_duration_in_seconds``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NEW_QUEUE: dict[str, Any] = {
    "queue_description": "",
    "max_wait_time": 50,
    "wrap_up_time": 50,
    "max_engagement_in_queue": 50,
    "short_abandon": {"enable": False, "threshold": 5},
    "distribution_type": 1,
    "distribution_duration_in_seconds": 30,
    "message_accept": "manual",
    "wrap_up_expiration": True,
    "wrap_up_after_transfer": False,
    "overflow_type": 0,
    "overflow_to_goodbye_message": True,
    "recording_storage_location": "us",
    "service_level_threshold_in_seconds": 15,
    "service_level_exclude_short_abandoned_calls": True,
    "service_level_exclude_long_abandoned_calls": True,
    "service_level_exclude_abandoned_quit_engagements": True,
    "service_level_target_in_percentage": 80,
    "engagement_distribution": "simultaneous",
    "engagement_acceptance": {
        "acceptance_type": "manual",
        "enable_agent_alert_tone": True,
        "enable_agent_whisper_announcement": False,
        "enable_agent_greeting": False,
    },
}
"""A new queue's settings."""

NOT_THE_DEFAULT: dict[str, Any] = {"account_default": False}
"""New business hours or a new closure set: not the account's default (reference line 15164:
``account_default``, "Default business hours for the newly created queue"; line 15838 for
closures). The account has its default already; a new one becomes it only when asked."""

NEW_USER: dict[str, Any] = {"user_access": "active"}
"""A new Contact Center user can use it (``user_access``, reference line 18743: "`active` - The
user's role permissions allow them to access the Contact Center"; every users example, line
18781, shows "active")."""

NEW_QUEUE_TEMPLATE: dict[str, Any] = {"queue_template_status": "active"}
"""A new queue template can be used (reference line 16708: the GET's required
``queue_template_status``, "`active` templates can be used"; its example, line 16732, shows
"active")."""

NEW_CAMPAIGN: dict[str, Any] = {"outbound_campaign_status": "draft"}
"""A new outbound campaign is a draft (reference line 5083: the status enum's first value;
the GET example, line 5483, shows "draft")."""

SERVER_DEFAULTS: dict[str, dict[str, Any]] = {
    "Queue": NEW_QUEUE,
    "QueueTemplate": NEW_QUEUE_TEMPLATE,
    "OutboundCampaign": NEW_CAMPAIGN,
    "User": NEW_USER,
    "BusinessHours": NOT_THE_DEFAULT,
    "ClosureSet": NOT_THE_DEFAULT,
}
"""By resource type: the values a new object of the type has."""


@dataclass(frozen=True)
class AccountFill:
    """A value a create leaves out that the server fills from the account: the id of the
    account's object listed at ``collection_path`` whose ``field`` is ``value``."""

    collection_path: str
    """Where the objects are listed, e.g. ``/contact_center/regions``."""
    id_field: str
    """The listed objects' id, e.g. ``region_id``."""
    field: str
    """What picks the one the server uses, e.g. ``is_main_region``."""
    value: Any
    """Its value on that object, e.g. ``True``."""


MAIN_REGION = AccountFill("/contact_center/regions", "region_id", "is_main_region", True)
"""A user added without a region is in the account's main region (reference line 22925:
``is_main_region``; the users' examples, line 14426, show ``"user_region": "Main Region"``)."""

AGENT_ROLE = AccountFill("/contact_center/roles", "role_id", "role_name", "Agent")
"""A user added without a role has the built-in Agent role. The reference does not name the
role a new user gets; the Agent role is the least privileged of the three built-in roles
(line 29827) and the one its roles example shows (line 29485)."""

ACCOUNT_FILLS: dict[str, dict[str, AccountFill]] = {
    "User": {"region_id": MAIN_REGION, "role_id": AGENT_ROLE},
}
"""By resource type, then field: values the server fills from the account's own objects."""
