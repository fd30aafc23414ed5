"""Settings test data: each settings type with its parent and what the values point at."""

from __future__ import annotations

from typing import Any

from tests.support.cases.model import SettingsCase, Values
from tests.support.cases.parents import (
    make_business_hours,
    make_queue,
    make_team,
    seed_users,
    seeded,
)
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer

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


def _inbox_with_users(api: ZoomClient, emulator: EmulatorServer) -> Values:
    inbox = seeded("inboxes", inbox_name="VM")(api, emulator)
    jane, joe = seed_users(api, emulator)[:2]
    api.request("POST", f"/contact_center/inboxes/{inbox}/users", json={"user_ids": [jane, joe]})
    return {"inbox": inbox, "jane": jane, "joe": joe}


def _queue_agent(api: ZoomClient, emulator: EmulatorServer) -> Values:
    user = emulator.state.seed("users", [{"user_email": "a@example.com", "status_name": "Ready"}])
    user_id: Any = user[0]["user_id"]
    queue = make_queue(api)
    api.request("POST", f"/contact_center/queues/{queue}/agents", json={"user_ids": [user_id]})
    return {"user": user_id, "queue": queue}


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
    SettingsCase(
        "InboxEmailNotification",
        lambda p: {"inbox_id": p["inbox"], "user_id": p["jane"], "email_notification": True},
        update={"email_notification": False},
        replace={"user_id": "@joe"},
        prereq=_inbox_with_users,
    ),
    SettingsCase(
        "UserQueueOptIn",
        lambda p: {"user_id": p["user"], "opt_in_out_status": 1, "queue_ids": [p["queue"]]},
        update={"opt_in_out_status": 0},
        replace={"user_id": "other"},
        prereq=_queue_agent,
    ),
]
