"""Values a new object has when its create does not send them, where the reference states
them in prose or in its GET example rather than as a field's ``default``: the emulator gives
a new object these, and the exporter leaves values equal to them out of the program.

A new queue's are the values of the reference's queue GET example that describe no
particular queue (reference line 18137: "The default on new queues is 30 seconds" for
``distribution_duration_in_seconds``).
"""

from __future__ import annotations

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

SERVER_DEFAULTS: dict[str, dict[str, Any]] = {"Queue": NEW_QUEUE}
"""By resource type: the values a new object of the type has."""
