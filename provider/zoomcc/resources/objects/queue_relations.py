"""Resource specs: a queue's members (agents, supervisors, teams, dispositions) and
its settings (interrupts, operating hours)."""

from __future__ import annotations

from functools import partial

from zoomcc.resources.membership import USER_KEYS, MembershipSpec
from zoomcc.resources.removal import Removal
from zoomcc.resources.rules import Before, Clock, OneOf
from zoomcc.resources.settings import SettingsPart, SettingsSpec

QUEUE_PATH = "/contact_center/queues/{queueId}"
_CALLBACK = "menu.menu_options[].callback_settings"
# reference line 19782 (and each audio part): "Provide either `audio_asset_id` or
# `audio_variable`, but not both."
_AUDIO_PARTS = (
    *(
        f"{_CALLBACK}.{message}_custom_audio.custom_audio[]"
        for message in (
            "callback_cancel_message",
            "callback_confirm_message",
            "callback_returning_message",
            "confirm_extension_number_message",
            "offer_extension_number_message",
            "offer_number_message",
            "outbound_dial_greeting_message",
        )
    ),
    "menu.menu_options[].play_message_custom_audio.custom_audio[]",
    "menu.invalid_option_message_custom_audio.custom_audio[]",
    "notify_interrupts.notify_estimated_wait_time.custom_audio[]",
    "notify_interrupts.notify_position_in_queue.custom_audio[]",
)

queue_membership = partial(
    MembershipSpec, parent_param="queueId", parent_arg="queue_id", parent_type="Queue"
)
queue_settings = partial(
    SettingsSpec, parent_param="queueId", parent_arg="queue_id", parent_type="Queue"
)

QUEUE_AGENTS = queue_membership(
    name="QueueAgents",
    summary="Agents assigned to a queue. Users may be given by email, Meetings user id or "
    "Contact Center user id; only the declared agents are managed.",
    add_path=f"{QUEUE_PATH}/agents",
    members_field="user_ids",
    live_keys=USER_KEYS,
    removal=Removal("item", f"{QUEUE_PATH}/agents/{{userId}}"),
    example='zoomcc.QueueAgents("support-agents", queue_id=support.id, '
    'user_ids=["jane@example.com", "joe@example.com"])',
)

QUEUE_SUPERVISORS = queue_membership(
    name="QueueSupervisors",
    summary="Supervisors of a queue. Users may be given by email, Meetings user id or "
    "Contact Center user id; only the declared supervisors are managed.",
    add_path=f"{QUEUE_PATH}/supervisors",
    members_field="user_ids",
    live_keys=USER_KEYS,
    removal=Removal("item", f"{QUEUE_PATH}/supervisors/{{userId}}"),
    example='zoomcc.QueueSupervisors("support-supervisors", queue_id=support.id, '
    'user_ids=["lead@example.com"])',
)

QUEUE_TEAMS = queue_membership(
    name="QueueTeams",
    summary="Teams assigned to a queue. The API has no list of a queue's teams: they are "
    "read from the queue itself (`GET /queues/{queueId}`, field `teams`).",
    add_path=f"{QUEUE_PATH}/teams",
    list_path=QUEUE_PATH,
    list_items_key="teams",
    member_type="Team",
    members_field="team_ids",
    max_add=10,
    removal=Removal("item", f"{QUEUE_PATH}/teams/{{teamId}}"),
    example='zoomcc.QueueTeams("support-teams", queue_id=support.id, team_ids=[tier1.id])',
)

QUEUE_DISPOSITIONS = queue_membership(
    name="QueueDispositions",
    summary="Dispositions offered to agents of a queue, for inbound or outbound engagements "
    "(`assign_type`, the same for every disposition of the resource; changing it replaces "
    "the resource). Declare one resource per assign type.",
    add_path=f"{QUEUE_PATH}/dispositions",
    member_type="Disposition",
    members_field="disposition_ids",
    shared_fields=("assign_type",),
    max_add=30,
    removal=Removal("item", f"{QUEUE_PATH}/dispositions/{{dispositionId}}"),
    example='zoomcc.QueueDispositions("support-outcomes", queue_id=support.id, '
    "disposition_ids=[resolved.id])",
)

QUEUE_DISPOSITION_SETS = queue_membership(
    name="QueueDispositionSets",
    summary="Disposition sets offered to agents of a queue, for inbound or outbound "
    "engagements (`assign_type`; changing it replaces the resource).",
    add_path=f"{QUEUE_PATH}/dispositions/sets",
    member_type="DispositionSet",
    members_field="disposition_set_ids",
    shared_fields=("assign_type",),
    removal=Removal("item", f"{QUEUE_PATH}/dispositions/sets/{{dispositionSetId}}"),
    example='zoomcc.QueueDispositionSets("support-sets", queue_id=support.id, '
    "disposition_set_ids=[outcomes.id])",
)

QUEUE_INTERRUPT_SETTINGS = queue_settings(
    name="QueueInterruptSettings",
    summary="What callers waiting in a voice queue hear: audio interrupts, position and "
    "wait-time announcements, and the menu-based interrupt (`menu`: keypress options such "
    "as request a callback or leave a voicemail). The menu cannot be read back: its output "
    "is what was declared.",
    # Callback offer and return times: "between `00:00` and `23:59`".
    rules=(
        (f"{_CALLBACK}.callback_offer_time[].callback_offer_start_time", Clock()),
        (f"{_CALLBACK}.callback_offer_time[].callback_offer_end_time", Clock()),
        (f"{_CALLBACK}.callback_return_day[].callback_return_start_time", Clock()),
        (f"{_CALLBACK}.callback_return_day[].callback_return_end_time", Clock()),
        (
            f"{_CALLBACK}.callback_offer_time[]",
            Before("callback_offer_start_time", "callback_offer_end_time"),
        ),
        (
            f"{_CALLBACK}.callback_return_day[]",
            Before("callback_return_start_time", "callback_return_end_time"),
        ),
        *((part, OneOf(("audio_asset_id", "audio_variable"))) for part in _AUDIO_PARTS),
    ),
    parts=(
        SettingsPart(write_path=f"{QUEUE_PATH}/interrupt", read_path=f"{QUEUE_PATH}/interrupt"),
        SettingsPart(
            write_path=f"{QUEUE_PATH}/interrupt_menu",
            write_method="POST",
            argument="menu",
            restore="clear",
            clear_path=f"{QUEUE_PATH}/interrupt_menu",
        ),
    ),
    restore_note="the audio and notify interrupts are written back as they were before "
    "(an empty `audio_interrupts` list when there were none); a declared `menu` is removed "
    "(`DELETE /queues/{queueId}/interrupt_menu`).",
    example='zoomcc.QueueInterruptSettings("support-interrupts", queue_id=support.id, '
    'audio_interrupts=[{"audio_asset_id": hold_music.id, "is_loop": True, '
    '"play_after_seconds": 30, "loop_interval": 60}])',
)

QUEUE_OPERATING_HOURS = queue_settings(
    name="QueueOperatingHours",
    summary="A queue's business hours, closures and what happens to engagements outside "
    "them. Note the names: the update takes `operating_hours_business_hour_id` and "
    "`operating_hours_closure_set_id`, the read returns `business_hour_id` and "
    "`closure_set_id`.",
    references={
        "queue_id": "Queue",
        "operating_hours_business_hour_id": "BusinessHours",
        "operating_hours_closure_set_id": "ClosureSet",
    },
    parts=(
        SettingsPart(
            write_path=f"{QUEUE_PATH}/operating_hours",
            read_path=f"{QUEUE_PATH}/operating_hours",
            read_back={
                "operating_hours_business_hour_id": "business_hour_id",
                "operating_hours_closure_set_id": "closure_set_id",
            },
        ),
    ),
    restore_note="the declared settings are written back as they were before "
    "(business hours and closure set ids included).",
    example='zoomcc.QueueOperatingHours("support-hours", queue_id=support.id, '
    "operating_hours_business_hour_id=hours.id)",
)
