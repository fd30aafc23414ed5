"""The reference's request examples, copied verbatim, for the emulator's tests
(tests/unit/test_emulator_*.py): one create and one update body per collection."""

from __future__ import annotations

from typing import Any

CATEGORY_CREATE = {
    "max_proficiency_level": 25,
    "skill_category_name": "Languages",
    "skill_category_description": "Medium proficiency.",
    "skill_type": "text",
}
CATEGORY_UPDATE = {
    "max_proficiency_level": 25,
    "skill_category_name": "Languages",
    "skill_category_description": "Medium proficiency.",
}
SKILL_CREATE = {"skill_category_id": "OyQQjWiZQTaBX7RwSK6iRw", "skill_name": "French"}
SKILL_UPDATE = {"skill_name": "this is a skill name"}
QUEUE_CREATE = {
    "queue_name": "queue_661c6e4b-89fc-4b0d-9978-c7394725462",
    "queue_description": "This is a task queue.",
    "channel": "voice",
}
QUEUE_UPDATE: dict[str, Any] = {
    "queue_name": "Voice - Customer Support",
    "queue_description": "Agents assigned to this queue handle Customer Support voice calls.",
    "max_wait_time": 50,
    "wrap_up_time": 50,
    "max_engagement_in_queue": 50,
    "short_abandon": {"enable": False, "threshold": 5},
    "channel": "voice",
    "distribution_type": 1,
    "distribution_duration_in_seconds": 30,
    "connecting_media_id": "connectingAudioMp3",
    "transferring_media_id": "transferringAudioMp3",
    "holding_media_id": "holdingAudioMp3",
    "waiting_room_id": "vPtSZOzBSLWMiorssYWTZw",
    "message_accept": "manual",
    "wrap_up_expiration": True,
    "wrap_up_after_transfer": True,
    "overflow_to_goodbye_message": True,
    "overflow_to_cc_queue_id": "m8IhNvUyTUmx7Jm8h5ZvLQ",
    "overflow_to_flow_id": "psjHGHrHQbaX8Zk7ldc81Q",
    "overflow_to_inbox_id": "cMH8RJA0QsyJBCWIFbWfBQ",
    "overflow_to_goodbye_message_asset_id": "dORBRSTxTN6B0vLJ37Kvnw",
    "auto_close_message": "This chat has been auto-closed due to inactivity.",
    "auto_close_message_enabled": True,
    "auto_close_timeout": 10,
    "auto_close_alert_message": "Chat will auto-close soon if you don't reply",
    "auto_close_alert_message_enabled": True,
    "auto_close_alert_message_time": 10,
    "recording_storage_location": "us",
    "service_level_threshold_in_seconds": 15,
    "service_level_exclude_short_abandoned_calls": True,
    "service_level_exclude_long_abandoned_calls": True,
    "service_level_exclude_abandoned_quit_engagements": True,
    "service_level_exclude_overflow_engagements": True,
    "service_level_target_in_percentage": 80,
    "agent_routing_profile_id": "fgjdkhgfieryt7465435kjhdkhg",
    "agent_routing_settings": {
        "allow_agent_select_skill_for_transfer": True,
        "maximum_look_back_period": 30,
        "last_engaged_agent_data_from_queue_ids": ["BxTw_zCQTVO_kGOJh6-vkg"],
    },
    "consumer_routing_profile_id": "fgjdkhgfieryt7465435kjhdkhg",
    "engagement_acceptance": {
        "acceptance_type": "manual",
        "enable_agent_alert_tone": True,
        "enable_agent_whisper_announcement": True,
        "agent_whisper_announcement_asset_id": "dORBRSTxTN6B0vLJ37Kvnw",
        "enable_agent_greeting": True,
        "agent_greeting_asset_id": "dORBRSTxTN6B0vLJ37Kvnw",
    },
    "inbound_launch_url_info": {
        "config": [{"launch_trigger": "ringing", "launch_url": "https://www.example.com"}],
        "enable_launch_url": True,
    },
    "notes_asset_id": "dORBRSTxTN6B0vLJ37Kvnw",
    "disposition_required": True,
    "default_disposition_id": "dORBRSTxTN6B0vLJ37Kvnw",
    "outbound_settings": {
        "enable_outbound_calls": True,
        "queue_caller_ids": ["jJ2QCIFaS9eLqNi9vF3WPg"],
        "outbound_launch_url_info": {
            "config": [{"launch_trigger": "connected", "url": "https://www.example.com"}],
            "enable_launch_url": True,
        },
        "outbound_labels": {
            "outbound_call_duration_lower_threshold": 3,
            "outbound_call_duration_upper_threshold": 19,
        },
        "outbound_transferring_media_id": "transferringAudioMp3",
        "outbound_holding_media_id": "holdingAudioMp3",
        "outbound_notes_asset_id": "dORBRSTxTN6B0vLJ37Kvnw",
        "outbound_disposition_required": True,
        "outbound_default_disposition_id": "dORBRSTxTN6B0vLJ37Kvnw",
        "outbound_wrap_up_time": 50,
        "outbound_wrap_up_expiration": True,
        "outbound_wrap_up_after_transfer": True,
    },
    "scheduled_callback_settings": {
        "enable_scheduled_callback": False,
        "consumer_inquiry_option": "Tech Support 1",
        "greeting_message": {
            "custom_media_asset_id": "9gp4iyqUR_qq8tYpWw1EKg",
            "language_code": "en-US",
            "voice_id": "Joanna",
            "message_text": "You will be connected to the next available agent in a short moment.",
        },
    },
    "video_callback_settings": {
        "enable_video_callback": True,
        "time_to_offer_callback": 10,
        "callback_url_expiration": 3,
        "enable_resend_callback_url": True,
        "resend_callback_url_time_in_seconds": 60,
        "enable_mobile_notification": True,
        "callback_timeout": 1440,
        "enable_callback_cancel_message": True,
        "callback_cancel_email_subject": "Your callback has been cancelled",
        "callback_cancel_email_body": (
            "We regret to inform you that your scheduled callback has been cancelled."
        ),
        "enable_callback_cancel_sms_message": True,
        "callback_cancel_sms_text": "Your callback has been cancelled.",
        "enable_callback_offer_time": True,
        "callback_offer_time": [
            {
                "callback_offer_day": "Mon",
                "callback_offer_start_time": "09:00",
                "callback_offer_end_time": "17:00",
            }
        ],
        "enable_callback_return_time": True,
        "callback_return_timezone_id": "America/Los_Angeles",
        "callback_return_day": [
            {
                "callback_return_day": "Mon",
                "callback_return_start_time": "09:00",
                "callback_return_end_time": "17:00",
            }
        ],
    },
}
TEAM_CREATE = {
    "team_name": "Online Team",
    "team_description": "This is online team",
    "parent_team_id": "CDl0Wx89Tx-2XBoYVz12DF",
}
TEAM_UPDATE = {"team_name": "Online Team", "team_description": "This is online team"}
DISPOSITION_CREATE = {
    "status": "inactive",
    "disposition_name": "Inquiry",
    "disposition_description": "Inquiry dispositions.",
    "disposition_type": "multi_level",
    "sub_dispositions": [
        {"sub_disposition_name": "Subdisposition A", "current_index": 1, "parent_index": 0}
    ],
}
DISPOSITION_UPDATE = {
    "disposition_name": "Inquiry",
    "status": "inactive",
    "disposition_description": "Inquiry dispositions.",
    "disposition_type": "multi_level",
    "sub_dispositions": [
        {
            "sub_disposition_id": "HDLHFK_gdhgfajhsedfhg",
            "sub_disposition_name": "Subdisposition A",
            "current_index": 1,
            "parent_index": 0,
        }
    ],
}
SET_CREATE = {
    "status": "inactive",
    "disposition_set_name": "Lead created",
    "disposition_set_description": "New leads generated.",
    "disposition_ids": ["W_VATTk_Q5aW6z5rZtBxAQ"],
}
SET_UPDATE = {
    "disposition_set_name": "Lead created",
    "disposition_set_description": "New leads generated.",
    "status": "inactive",
    "disposition_ids": ["W_VATTk_Q5aW6z5rZtBxAQ"],
}
_HOURS = {
    "hour_type": 2,
    "custom_hours": [
        {
            "day_of_week": 1,
            "custom_hour_type": 2,
            "custom_hour_ranges": [{"start_time": "09:00", "end_time": "18:00"}],
        }
    ],
}
HOURS_CREATE = {
    "business_hour_name": "Default business hours",
    "business_hour_description": "This is a description.",
    "timezone": "America/New_York",
    "account_default": True,
    "hours": _HOURS,
}
HOURS_UPDATE = {
    "business_hour_name": "Default Business hours",
    "business_hour_description": "This is a description.",
    "timezone": "America/New_York",
    "account_default": True,
    "hours": _HOURS,
}
CLOSURE_ITEM = {
    "closure_name": "New Year",
    "closure_hour_type": 2,
    "start_time": "2023-01-01T00:00:00-04:00",
    "end_time": "2023-02-01T00:00:00-04:00",
    "recurring_frequency": 2,
    "recurring_frequency_type": 2,
    "recurring_month": 1,
    "recurring_week_interval": 1,
    "recurring_days_of_week": ["1"],
}
CLOSURES_CREATE = {
    "closure_set_name": "Default closure",
    "closure_set_description": "This is a description.",
    "timezone": "America/New_York",
    "account_default": True,
    "closures": [CLOSURE_ITEM],
}
CLOSURES_UPDATE = {
    "closure_set_name": "Default closure",
    "closure_set_description": "This is a description.",
    "timezone": "America/New_York",
    "account_default": True,
    "closures": [{"closure_id": "ksbJvJ", **CLOSURE_ITEM, "to_delete": False}],
}
