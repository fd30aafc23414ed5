"""The emulator over real HTTP: uvicorn on 127.0.0.1 in a thread, httpx as the client."""

from __future__ import annotations

import asyncio
import copy
import json
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from tests.support.matching import contains
from zoomcc.emulator import (
    DEFAULT_COLLECTIONS,
    ROOT_TEAM_ID,
    Collection,
    EmulatorServer,
    EmulatorState,
    ErrorDef,
    FieldRule,
    ParentRef,
    create_app,
)
from zoomcc.emulator.groups.users import MAIN_REGION_ID

# -- the reference's request examples (copied verbatim) ---------------------------------------

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
_CLOSURE_ITEM = {
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
    "closures": [_CLOSURE_ITEM],
}
CLOSURES_UPDATE = {
    "closure_set_name": "Default closure",
    "closure_set_description": "This is a description.",
    "timezone": "America/New_York",
    "account_default": True,
    "closures": [{"closure_id": "ksbJvJ", **_CLOSURE_ITEM, "to_delete": False}],
}


def user_teams(emu: EmulatorServer) -> list[dict[str, Any]]:
    """Teams beyond the root team every account starts with."""
    return [t for t in emu.state.objects("teams") if t["team_id"] != ROOT_TEAM_ID]


@dataclass(frozen=True)
class Case:
    """One collection, with the reference's examples and errors."""

    collection: str
    path: str
    id_field: str
    list_key: str
    name_field: str
    create: dict[str, Any]
    update: dict[str, Any]
    create_keys: frozenset[str]
    """Keys of the reference's create-response example."""
    not_found: tuple[int, int]
    not_found_messages: dict[str, str]
    """Per operation (get / update / delete), with ``{id}``."""
    has_total_records: bool = True


def _nf(message: str, **others: str) -> dict[str, str]:
    return {"get": message, "update": message, "delete": message, **others}


CASES = [
    Case(
        "skill_categories",
        "/contact_center/skills/categories",
        "skill_category_id",
        "skill_categories",
        "skill_category_name",
        CATEGORY_CREATE,
        CATEGORY_UPDATE,
        frozenset(
            {
                "skill_category_id",
                "skill_category_name",
                "skill_category_description",
                "skill_type",
                "max_proficiency_level",
                "modified_by",
                "last_modified_time",
            }
        ),
        (404, 1501),
        _nf("Skill category does not exist: {id}."),
        has_total_records=False,
    ),
    Case(
        "skills",
        "/contact_center/skills",
        "skill_id",
        "skills",
        "skill_name",
        SKILL_CREATE,
        SKILL_UPDATE,
        frozenset(
            {
                "skill_id",
                "skill_name",
                "skill_type",
                "max_proficiency_level",
                "skill_category_name",
                "skill_category_id",
                "total_users",
                "modified_by",
                "last_modified_time",
            }
        ),
        (404, 1401),
        _nf("Skill does not exist: {id}."),
    ),
    Case(
        "queues",
        "/contact_center/queues",
        "cc_queue_id",
        "queues",
        "queue_name",
        QUEUE_CREATE,
        QUEUE_UPDATE,
        frozenset({"cc_queue_id", "queue_name", "queue_description", "channel"}),
        (404, 1201),
        _nf("Queue does not exist: {id}."),
    ),
    Case(
        "teams",
        "/contact_center/teams",
        "team_id",
        "teams",
        "team_name",
        TEAM_CREATE,
        TEAM_UPDATE,
        frozenset(
            {
                "team_id",
                "team_name",
                "team_description",
                "parent_team_id",
                "parent_team_name",
                "created_time",
            }
        ),
        (404, 4102),
        _nf("Team does not exist."),
    ),
    Case(
        "dispositions",
        "/contact_center/dispositions",
        "disposition_id",
        "dispositions",
        "disposition_name",
        DISPOSITION_CREATE,
        DISPOSITION_UPDATE,
        frozenset(
            {
                "disposition_id",
                "disposition_name",
                "disposition_description",
                "status",
                "last_modified_time",
                "modified_by",
                "disposition_type",
            }
        ),
        (404, 2401),
        _nf("Disposition does not exist: {id}."),
    ),
    Case(
        "disposition_sets",
        "/contact_center/dispositions/sets",
        "disposition_set_id",
        "disposition_sets",
        "disposition_set_name",
        SET_CREATE,
        SET_UPDATE,
        frozenset(
            {
                "disposition_set_id",
                "disposition_set_name",
                "disposition_set_description",
                "status",
                "last_modified_time",
                "modified_by",
                "dispositions",
            }
        ),
        (404, 2501),
        _nf(
            "Disposition Set does not exist: {id}.",
            update="Set does not exist: {id}.",
            delete="Set does not exist: {id}.",
        ),
    ),
    Case(
        "business_hours",
        "/contact_center/business_hours",
        "business_hour_id",
        "business_hours",
        "business_hour_name",
        HOURS_CREATE,
        HOURS_UPDATE,
        frozenset(
            {
                "business_hour_id",
                "business_hour_name",
                "business_hour_description",
                "timezone",
                "account_default",
                "hours",
            }
        ),
        (404, 3601),
        _nf("Business hour does not exist: {id}.", delete="Business hours do not exist: {id}."),
    ),
    Case(
        "closure_sets",
        "/contact_center/closures",
        "closure_set_id",
        "closure_sets",
        "closure_set_name",
        CLOSURES_CREATE,
        CLOSURES_UPDATE,
        frozenset(
            {
                "closure_set_id",
                "closure_set_name",
                "closure_set_description",
                "timezone",
                "account_default",
                "closures",
            }
        ),
        (404, 3701),
        _nf("Closure set does not exist: {id}.", get="Closures set does not exist: {id}."),
    ),
]
CASE_IDS = [c.collection for c in CASES]
BY_NAME = {c.collection: c for c in CASES}


# -- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def emu() -> Iterator[EmulatorServer]:
    with EmulatorServer(port=0) as server:
        yield server


@pytest.fixture(autouse=True)
def _fresh(emu: EmulatorServer) -> None:
    emu.state.reset()


def ask_token(
    url: str,
    grant_type: str = "account_credentials",
    account_id: str = "emulator-account",
    auth: tuple[str, str] | None = ("emulator-client", "emulator-secret"),
    *,
    in_query: bool = False,
) -> httpx.Response:
    """A token request as Zoom documents it: the grant in the form (or the query string),
    the client's id and secret as Basic auth."""
    grant = {"grant_type": grant_type, "account_id": account_id}
    if in_query:
        return httpx.post(url, params=grant, auth=auth)
    return httpx.post(url, data=grant, auth=auth)


def get_token(emu: EmulatorServer) -> str:
    response = ask_token(emu.oauth_url)
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


@pytest.fixture
def api(emu: EmulatorServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {get_token(emu)}"}
    with httpx.Client(base_url=emu.api_base_url, headers=headers, timeout=10) as client:
        yield client


def created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def unique() -> str:
    return uuid.uuid4().hex[:8]


def prepare(api: httpx.Client, case: Case, body: dict[str, Any]) -> dict[str, Any]:
    """Point the example's foreign ids at real objects; keep account defaults off."""
    body = copy.deepcopy(body)
    if case.collection == "skills" and "skill_category_id" in body:
        category = created(api.post(BY_NAME["skill_categories"].path, json=CATEGORY_CREATE))
        body["skill_category_id"] = category["skill_category_id"]
    if case.collection == "teams" and "parent_team_id" in body:
        parent = {**TEAM_CREATE, "team_name": f"Parent {unique()}"}
        body["parent_team_id"] = created(api.post(case.path, json=parent))["team_id"]
    if case.collection == "disposition_sets" and "disposition_ids" in body:
        disposition = {**DISPOSITION_CREATE, "disposition_name": f"Inquiry {unique()}"}
        made = created(api.post(BY_NAME["dispositions"].path, json=disposition))
        body["disposition_ids"] = [made["disposition_id"]]
    if "account_default" in body:
        body["account_default"] = False  # the default cannot be deleted (own test below)
    return body


def assert_error(
    response: httpx.Response, status: int, code: int, message: str | None = None
) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code, body
    if message is not None:
        assert body["message"] == message, body


def all_pages(api: httpx.Client, path: str, list_key: str, page_size: int) -> list[dict[str, Any]]:
    pages = []
    params: dict[str, Any] = {"page_size": page_size}
    while True:
        response = api.get(path, params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        pages.append(page)
        if not page["next_page_token"]:
            return pages
        params = {"page_size": page_size, "next_page_token": page["next_page_token"]}


# -- OAuth and bearer tokens ------------------------------------------------------------------


def test_token_flow_returns_a_bearer_token_for_the_configured_account(emu: EmulatorServer) -> None:
    response = ask_token(emu.oauth_url, in_query=True)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "scope", "api_url"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert body["api_url"] == emu.url
    check = httpx.get(
        emu.api_base_url + "/contact_center/queues",
        headers={"Authorization": f"Bearer {body['access_token']}"},
    )
    assert check.status_code == 200


@pytest.mark.parametrize(
    ("form", "auth", "error"),
    [
        ({"account_id": "emulator-account"}, ("emulator-client", "wrong"), "invalid_client"),
        ({"account_id": "emulator-account"}, ("someone-else", "emulator-secret"), "invalid_client"),
        ({"account_id": "other-account"}, ("emulator-client", "emulator-secret"), "invalid_client"),
        ({"account_id": "emulator-account"}, None, "invalid_client"),
    ],
)
def test_bad_credentials_are_refused(
    emu: EmulatorServer, form: dict[str, str], auth: tuple[str, str] | None, error: str
) -> None:
    response = ask_token(emu.oauth_url, account_id=form["account_id"], auth=auth)
    assert response.status_code == 400
    assert response.json() == {"reason": "Invalid client_id or client_secret", "error": error}


def test_wrong_grant_type_is_refused(emu: EmulatorServer) -> None:
    response = ask_token(emu.oauth_url, "client_credentials")
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


def test_configured_credentials_replace_the_defaults() -> None:
    with EmulatorServer(port=0, account_id="acc", client_id="cid", client_secret="s3") as emu:
        assert emu.credentials == {"account_id": "acc", "client_id": "cid", "client_secret": "s3"}
        ok = ask_token(emu.oauth_url, account_id="acc", auth=("cid", "s3"))
        default = ask_token(emu.oauth_url)
    assert ok.status_code == 200
    assert default.status_code == 400


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic Zm9vOmJhcg=="}],
    ids=["missing", "unknown", "not-bearer"],
)
def test_api_requires_a_valid_bearer_token(emu: EmulatorServer, headers: dict[str, str]) -> None:
    response = httpx.get(emu.api_base_url + "/contact_center/queues", headers=headers)
    assert_error(response, 401, 124, "Invalid access token.")


def test_expire_tokens_switch_invalidates_issued_tokens(
    emu: EmulatorServer, api: httpx.Client
) -> None:
    assert api.get("/contact_center/queues").status_code == 200
    assert httpx.post(emu.admin_url + "/expire_tokens").status_code == 204
    assert_error(api.get("/contact_center/queues"), 401, 124, "Access token has expired.")
    fresh = {"Authorization": f"Bearer {get_token(emu)}"}
    assert api.get("/contact_center/queues", headers=fresh).status_code == 200


def test_token_lifetime_is_configurable(emu: EmulatorServer) -> None:
    emu.state.configure(token_lifetime=0.3)
    response = ask_token(emu.oauth_url)
    assert response.json()["expires_in"] == 1
    headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
    url = emu.api_base_url + "/contact_center/teams"
    assert httpx.get(url, headers=headers).status_code == 200
    time.sleep(0.4)
    assert_error(httpx.get(url, headers=headers), 401, 124, "Access token has expired.")


def test_token_endpoint_failure_switch(emu: EmulatorServer) -> None:
    emu.state.configure(token_failure_status=503)
    response = ask_token(emu.oauth_url)
    assert response.status_code == 503
    assert "access_token" not in response.json()
    emu.state.configure(token_failure_status=None)
    get_token(emu)


# -- generic CRUD and pagination, per collection ----------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_crud_lifecycle_with_reference_examples(
    emu: EmulatorServer, api: httpx.Client, case: Case
) -> None:
    body = prepare(api, case, case.create)
    made = created(api.post(case.path, json=body))
    assert set(made) == case.create_keys
    object_id = made[case.id_field]
    assert len(object_id) == 22
    assert all(ch.isalnum() or ch in "-_" for ch in object_id)

    shown = api.get(f"{case.path}/{object_id}")
    assert shown.status_code == 200
    got = shown.json()
    assert got[case.id_field] == object_id
    compared = [k for k in body if k in got]
    assert compared, "GET shows none of the created fields"
    for key in compared:
        assert contains(got[key], body[key]), (key, got[key], body[key])

    listing = api.get(case.path).json()
    assert object_id in [item[case.id_field] for item in listing[case.list_key]]

    update = prepare(api, case, case.update)
    if case.collection == "closure_sets":
        update["closures"][0]["closure_id"] = got["closures"][0]["closure_id"]
    assert api.patch(f"{case.path}/{object_id}", json=update).status_code == 204
    after = api.get(f"{case.path}/{object_id}").json()
    for key in [k for k in update if k in after]:
        expected = update[key]
        if key == "closures":
            expected = [{k: v for k, v in i.items() if k != "to_delete"} for i in expected]
        assert contains(after[key], expected), (key, after[key], expected)

    assert api.delete(f"{case.path}/{object_id}").status_code == 204
    message = case.not_found_messages
    gone = api.get(f"{case.path}/{object_id}")
    assert_error(gone, *case.not_found, message["get"].format(id=object_id))
    again = api.delete(f"{case.path}/{object_id}")
    assert_error(again, *case.not_found, message["delete"].format(id=object_id))
    assert object_id not in [o[case.id_field] for o in emu.state.objects(case.collection)]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_pagination_walks_every_object_once(api: httpx.Client, case: Case) -> None:
    ids = set()
    for i in range(7):
        body = prepare(api, case, case.create)
        body[case.name_field] = f"{body[case.name_field]} {i}"
        ids.add(created(api.post(case.path, json=body))[case.id_field])
    if case.collection == "teams":
        ids |= {t["team_id"] for t in api.get(case.path, params={"page_size": 300}).json()["teams"]}
    pages = all_pages(api, case.path, case.list_key, page_size=3)
    seen = [item[case.id_field] for page in pages for item in page[case.list_key]]
    assert sorted(seen) == sorted(ids)
    assert [len(p[case.list_key]) for p in pages][:2] == [3, 3]
    assert all(p["page_size"] == 3 for p in pages)
    assert all(p["next_page_token"] for p in pages[:-1])
    assert pages[-1]["next_page_token"] == ""
    if case.has_total_records:
        assert all(p["total_records"] == len(ids) for p in pages)
    else:
        assert all("total_records" not in p for p in pages)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
@pytest.mark.parametrize("op", ["get", "update", "delete"])
def test_missing_object_gives_the_reference_error(api: httpx.Client, case: Case, op: str) -> None:
    missing = "noSuchObject0000000000"
    url = f"{case.path}/{missing}"
    if op == "get":
        response = api.get(url)
    elif op == "update":
        response = api.patch(url, json=case.update)
    else:
        response = api.delete(url)
    assert_error(response, *case.not_found, case.not_found_messages[op].format(id=missing))


def test_page_size_defaults_to_30_and_is_capped_at_300(
    emu: EmulatorServer, api: httpx.Client
) -> None:
    # 300 seeded plus the root team every account has: 301.
    emu.state.seed("teams", [{"team_name": f"t{i}", "parent_team_id": "p"} for i in range(300)])
    first = api.get("/contact_center/teams").json()
    assert (first["page_size"], len(first["teams"]), first["total_records"]) == (30, 30, 301)
    assert first["next_page_token"]
    big = api.get("/contact_center/teams", params={"page_size": 1000}).json()
    assert (big["page_size"], len(big["teams"])) == (300, 300)
    rest = api.get(
        "/contact_center/teams",
        params={"page_size": 1000, "next_page_token": big["next_page_token"]},
    ).json()
    assert (len(rest["teams"]), rest["next_page_token"]) == (1, "")


def test_bad_page_token_is_a_validation_error(api: httpx.Client) -> None:
    response = api.get("/contact_center/queues", params={"next_page_token": "bogus"})
    assert_error(response, 400, 300)


# -- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_unknown_fields_are_rejected_naming_the_field(api: httpx.Client, case: Case) -> None:
    body = prepare(api, case, case.create)
    response = api.post(case.path, json={**body, "frobnicate": 1})
    assert_error(response, 400, 300)
    assert "frobnicate" in response.json()["message"]
    object_id = created(api.post(case.path, json=body))[case.id_field]
    response = api.patch(f"{case.path}/{object_id}", json={"bogus_field": True})
    assert_error(response, 400, 300)
    assert "bogus_field" in response.json()["message"]


def test_read_only_and_mistyped_fields_are_rejected(api: httpx.Client) -> None:
    queue = created(api.post("/contact_center/queues", json=QUEUE_CREATE))["cc_queue_id"]
    url = f"/contact_center/queues/{queue}"
    assert_error(api.patch(url, json={"cc_queue_id": "x"}), 400, 300)
    assert_error(api.patch(url, json={"teams": []}), 400, 300)
    float_int = api.patch(url, json={"max_wait_time": 30.0})
    assert_error(float_int, 400, 300)
    assert "max_wait_time" in float_int.json()["message"]
    assert_error(api.patch(url, json={"queue_name": None}), 400, 300)
    assert_error(
        api.patch(url, content=b"{not json", headers={"content-type": "application/json"}), 400, 300
    )
    bad_channel = api.post("/contact_center/queues", json={**QUEUE_CREATE, "channel": "fax"})
    assert_error(bad_channel, 400, 1205, "Invalid channel type.")


def test_required_fields_are_enforced(api: httpx.Client) -> None:
    missing_parent = api.post("/contact_center/teams", json={"team_name": "x"})
    assert_error(missing_parent, 400, 300)
    assert "parent_team_id" in missing_parent.json()["message"]
    team = created(api.post("/contact_center/teams", json=TEAM_CREATE))["team_id"]
    no_name = api.patch(f"/contact_center/teams/{team}", json={"team_description": "d"})
    assert_error(no_name, 400, 300)


def test_references_are_checked_with_the_reference_errors(api: httpx.Client) -> None:
    skill = api.post("/contact_center/skills", json=SKILL_CREATE)
    assert_error(skill, 404, 1501, "Skill category does not exist: OyQQjWiZQTaBX7RwSK6iRw.")
    bad_set = api.post("/contact_center/dispositions/sets", json=SET_CREATE)
    assert_error(bad_set, 404, 2403, "Disposition does not exist: W_VATTk_Q5aW6z5rZtBxAQ.")
    good = created(
        api.post("/contact_center/dispositions/sets", json={"disposition_set_name": "s"})
    )
    patched = api.patch(
        f"/contact_center/dispositions/sets/{good['disposition_set_id']}",
        json={"disposition_ids": ["nope"]},
    )
    assert_error(patched, 404, 2403, "Dispositions do not exist: nope.")


@pytest.mark.parametrize(
    ("collection", "code", "message"),
    [
        ("teams", 4105, "The team name can not be duplicated."),
        ("dispositions", 2402, "That disposition name already exists. Use a different name."),
        ("disposition_sets", 2502, "That set name already exists. Use a different name."),
        ("closure_sets", 3603, "The name already exists."),
    ],
)
def test_duplicate_names_conflict(
    api: httpx.Client, collection: str, code: int, message: str
) -> None:
    case = BY_NAME[collection]
    body = prepare(api, case, case.create)
    created(api.post(case.path, json=body))
    assert_error(api.post(case.path, json=body), 400, code, message)
    other = created(api.post(case.path, json={**body, case.name_field: "another name"}))
    rename: dict[str, Any] = {case.name_field: body[case.name_field]}
    if collection == "closure_sets":  # PATCH requires these too; [] changes no item
        rename |= {"closures": [], "timezone": body["timezone"]}
    renamed = api.patch(f"{case.path}/{other[case.id_field]}", json=rename)
    assert_error(renamed, 400, code, message)


def test_skill_names_are_unique_within_a_category(api: httpx.Client) -> None:
    first = created(api.post("/contact_center/skills/categories", json=CATEGORY_CREATE))
    second = created(api.post("/contact_center/skills/categories", json=CATEGORY_CREATE))
    body = {"skill_category_id": first["skill_category_id"], "skill_name": "French"}
    created(api.post("/contact_center/skills", json=body))
    duplicate = api.post("/contact_center/skills", json=body)
    assert_error(
        duplicate, 400, 1502, "Skill name already exists. You must select a different name."
    )
    elsewhere = {**body, "skill_category_id": second["skill_category_id"]}
    created(api.post("/contact_center/skills", json=elsewhere))


def test_route_order_keeps_disposition_sets_apart_from_dispositions(api: httpx.Client) -> None:
    disposition = created(api.post("/contact_center/dispositions", json=DISPOSITION_CREATE))
    sets = api.get("/contact_center/dispositions/sets")
    assert sets.status_code == 200
    assert sets.json()["disposition_sets"] == []
    plain = api.get("/contact_center/dispositions").json()["dispositions"]
    assert [d["disposition_id"] for d in plain] == [disposition["disposition_id"]]
    made = created(
        api.post("/contact_center/dispositions/sets", json={"disposition_set_name": "x"})
    )
    assert "disposition_set_id" in made and "disposition_id" not in made


def test_unknown_api_path_and_method(api: httpx.Client) -> None:
    assert_error(api.get("/contact_center/nothing_here"), 404, 404)
    assert_error(api.put("/contact_center/queues/abc", json={}), 405, 405)


# -- irregularities mirrored from the reference -----------------------------------------------


def test_queue_ids_and_views(emu: EmulatorServer, api: httpx.Client) -> None:
    made = created(api.post("/contact_center/queues", json=QUEUE_CREATE))
    assert set(made) == {"cc_queue_id", "queue_name", "queue_description", "channel"}
    queue_id = made["cc_queue_id"]
    got = api.get(f"/contact_center/queues/{queue_id}").json()
    assert got["queue_id"] != queue_id  # the deprecated task-queue id is a different id
    assert_error(api.get(f"/contact_center/queues/{got['queue_id']}"), 404, 1201)
    assert got["distribution_duration_in_seconds"] == 30  # server default
    assert "last_modified_time" not in got
    listed = api.get("/contact_center/queues").json()["queues"][0]
    assert {"last_modified_time", "modified_by", "agents_count"} <= set(listed)
    assert api.patch(f"/contact_center/queues/{queue_id}", json=QUEUE_UPDATE).status_code == 204
    after = api.get(f"/contact_center/queues/{queue_id}").json()
    for write_only in ("notes_asset_id", "video_callback_settings", "agent_routing_settings"):
        assert write_only not in after
    assert (
        after["outbound_launch_url_info"]
        == QUEUE_UPDATE["outbound_settings"]["outbound_launch_url_info"]
    )
    assert emu.state.objects("queues")[0]["queue_name"] == "Voice - Customer Support"


def test_queue_overflow_target_clears_the_others(api: httpx.Client) -> None:
    queue_id = created(api.post("/contact_center/queues", json=QUEUE_CREATE))["cc_queue_id"]
    url = f"/contact_center/queues/{queue_id}"
    assert api.get(url).json()["overflow_to_goodbye_message"] is True
    assert api.patch(url, json={"overflow_to_flow_id": "flow1"}).status_code == 204
    got = api.get(url).json()
    assert got["overflow_to_flow_id"] == "flow1"
    assert got["overflow_type"] == 3
    assert "overflow_to_goodbye_message" not in got


def test_skill_shows_its_category_live(api: httpx.Client) -> None:
    category = created(
        api.post(
            "/contact_center/skills/categories",
            json={"skill_category_name": "Lang", "skill_type": "proficiency"},
        )
    )
    assert category["max_proficiency_level"] == 5
    skill = created(
        api.post(
            "/contact_center/skills",
            json={"skill_category_id": category["skill_category_id"], "skill_name": "French"},
        )
    )
    assert (skill["skill_type"], skill["skill_category_name"]) == ("proficiency", "Lang")
    url = f"/contact_center/skills/categories/{category['skill_category_id']}"
    assert api.patch(url, json={"skill_category_name": "Languages"}).status_code == 204
    got = api.get(f"/contact_center/skills/{skill['skill_id']}").json()
    assert got["skill_category_name"] == "Languages"
    too_high = api.patch(url, json={"max_proficiency_level": 6})
    assert_error(too_high, 400, 1502)
    assert_error(api.patch(url, json={"skill_type": "text"}), 400, 300)  # not patchable
    by_category = api.get(
        "/contact_center/skills", params={"skill_category_id": category["skill_category_id"]}
    ).json()
    assert [s["skill_id"] for s in by_category["skills"]] == [skill["skill_id"]]


def test_disposition_sub_dispositions_and_sets(api: httpx.Client) -> None:
    made = created(api.post("/contact_center/dispositions", json=DISPOSITION_CREATE))
    assert "sub_dispositions" not in made
    disposition_id = made["disposition_id"]
    got = api.get(f"/contact_center/dispositions/{disposition_id}").json()
    assert len(got["sub_dispositions"][0]["sub_disposition_id"]) == 22
    assert got["queue_count"] == 0
    no_subs = {**DISPOSITION_CREATE, "disposition_name": "x", "sub_dispositions": []}
    assert_error(api.post("/contact_center/dispositions", json=no_subs), 400, 2507)
    to_single = api.patch(
        f"/contact_center/dispositions/{disposition_id}", json={"disposition_type": "single"}
    )
    assert_error(to_single, 400, 2510)

    body = {**SET_CREATE, "disposition_ids": [disposition_id]}
    made_set = created(api.post("/contact_center/dispositions/sets", json=body))
    assert made_set["dispositions"] == [
        {"disposition_id": disposition_id, "disposition_name": "Inquiry"}
    ]
    assert "disposition_ids" not in made_set
    listed = api.get("/contact_center/dispositions/sets").json()["disposition_sets"][0]
    assert listed["dispositions_count"] == 1
    assert "dispositions" not in listed


def test_business_hours_account_default_rules(api: httpx.Client) -> None:
    path = "/contact_center/business_hours"
    first = created(api.post(path, json=HOURS_CREATE))["business_hour_id"]
    refused = api.delete(f"{path}/{first}")
    assert_error(refused, 400, 3612, "The business hours of account default cannot be deleted.")
    assert_error(api.patch(f"{path}/{first}", json={"account_default": False}), 400, 3611)
    second = created(api.post(path, json={**HOURS_CREATE, "business_hour_name": "Other"}))
    assert api.get(f"{path}/{first}").json()["account_default"] is False
    assert api.delete(f"{path}/{first}").status_code == 204
    assert api.get(f"{path}/{second['business_hour_id']}").json()["account_default"] is True
    listed = api.get(path).json()["business_hours"][0]
    assert "business_hour_description" not in listed
    assert listed["queues_count"] == 0


@pytest.mark.parametrize(
    ("hours", "timezone", "code"),
    [
        ({"hour_type": 2}, "America/New_York", 3604),
        (
            {"hour_type": 2, "custom_hours": [{"day_of_week": 1, "custom_hour_type": 2}]},
            "America/New_York",
            3607,
        ),
        (
            {
                "hour_type": 2,
                "custom_hours": [
                    {
                        "day_of_week": 1,
                        "custom_hour_type": 2,
                        "custom_hour_ranges": [{"start_time": "18:00", "end_time": "09:00"}],
                    }
                ],
            },
            "America/New_York",
            3608,
        ),
        ({"hour_type": 1}, "Mars/Olympus_Mons", 3602),
    ],
)
def test_business_hours_validation(api: httpx.Client, hours: Any, timezone: str, code: int) -> None:
    body = {"business_hour_name": "b", "hours": hours, "timezone": timezone}
    assert_error(api.post("/contact_center/business_hours", json=body), 400, code)


def test_closure_patch_is_a_delta_on_items(api: httpx.Client) -> None:
    path = "/contact_center/closures"
    second_item = {**_CLOSURE_ITEM, "closure_name": "Labour Day"}
    body = {**CLOSURES_CREATE, "account_default": False, "closures": [_CLOSURE_ITEM, second_item]}
    made = created(api.post(path, json=body))
    new_year, labour = (item["closure_id"] for item in made["closures"])
    assert len(new_year) == 6 and new_year.isalpha()
    url = f"{path}/{made['closure_set_id']}"
    base = {k: body[k] for k in ("closure_set_name", "timezone")}
    third = {**_CLOSURE_ITEM, "closure_name": "Christmas"}
    delta = {
        **base,
        "closures": [
            {"closure_id": labour, "to_delete": True},
            {"closure_id": new_year, "closure_name": "New Year's Day"},
            third,
        ],
    }
    assert api.patch(url, json=delta).status_code == 204
    items = api.get(url).json()["closures"]
    assert [i["closure_name"] for i in items] == ["New Year's Day", "Christmas"]
    assert items[0]["closure_id"] == new_year
    missing = api.patch(url, json={**base, "closures": [{"closure_id": "zzzzzz"}]})
    assert_error(missing, 400, 3902, "Closure does not exist: zzzzzz.")
    nameless = {k: v for k, v in _CLOSURE_ITEM.items() if k != "closure_name"}
    assert_error(api.patch(url, json={**base, "closures": [nameless]}), 400, 3904)
    assert_error(api.patch(url, json={"closures": []}), 400, 300)  # name, timezone required
    listed = api.get(path).json()["closure_sets"][0]
    assert "closure_set_description" not in listed


def test_closure_default_cannot_be_deleted(api: httpx.Client) -> None:
    made = created(api.post("/contact_center/closures", json=CLOSURES_CREATE))
    response = api.delete(f"/contact_center/closures/{made['closure_set_id']}")
    assert_error(response, 400, 3713, "The closures of account default cannot be deleted.")


def test_team_parent_name_is_derived(api: httpx.Client) -> None:
    parent = created(api.post("/contact_center/teams", json={**TEAM_CREATE, "team_name": "Sales"}))
    assert "parent_team_name" not in parent  # its own parent is not in the account
    child = created(
        api.post(
            "/contact_center/teams",
            json={**TEAM_CREATE, "parent_team_id": parent["team_id"]},
        )
    )
    assert child["parent_team_name"] == "Sales"
    got = api.get(f"/contact_center/teams/{child['team_id']}").json()
    assert "modify_time" in got and "modify_time" not in child
    moved = api.patch(
        f"/contact_center/teams/{child['team_id']}",
        json={"team_name": "x", "parent_team_id": "y"},
    )
    assert_error(moved, 400, 300)


# -- request log ------------------------------------------------------------------------------


def test_request_log_records_requests_without_secrets(
    emu: EmulatorServer, api: httpx.Client
) -> None:
    token = api.headers["Authorization"].split(" ", 1)[1]
    created(api.post("/contact_center/teams", json=TEAM_CREATE))
    api.get("/contact_center/teams", params={"page_size": 2})
    api.get("/contact_center/teams/nope")
    log = [r for r in emu.state.requests if r.path.startswith("/v2/")]
    assert [(r.method, r.status, r.operation, r.rate_label) for r in log] == [
        ("POST", 201, "teams.create", "LIGHT"),
        ("GET", 200, "teams.list", "MEDIUM"),
        ("GET", 404, "teams.get", "LIGHT"),
    ]
    assert log[0].body == TEAM_CREATE
    assert log[0].path == "/v2/contact_center/teams"
    assert log[1].query == "page_size=2"
    assert all(r.fault is None and r.time > 0 and r.duration_ms >= 0 for r in log)
    oauth = [r for r in emu.state.requests if r.path == "/oauth/token"]
    assert oauth and oauth[0].operation == "oauth.token" and oauth[0].body is None
    dumped = httpx.get(emu.admin_url + "/requests").text
    assert "page_size=2" in dumped
    for secret in (token, "emulator-secret", "Bearer", "Basic", "authorization"):
        assert secret.lower() not in dumped.lower()
        assert secret.lower() not in json.dumps([r.to_dict() for r in emu.state.requests]).lower()
    assert httpx.delete(emu.admin_url + "/requests").status_code == 204
    assert emu.state.requests == []


def test_a_refused_request_is_in_the_log_before_its_answer_reaches_the_client(
    emu: EmulatorServer, api: httpx.Client
) -> None:
    team = created(api.post("/contact_center/teams", json=TEAM_CREATE))["team_id"]
    for attempt in range(40):  # a log written after the answer would trail it now and then
        emu.state.clear_requests()
        assert_error(api.patch(f"/contact_center/teams/{team}", json={"bogus": attempt}), 400, 300)
        assert [(r.method, r.status) for r in emu.state.requests] == [("PATCH", 400)], attempt


# -- rate limits ------------------------------------------------------------------------------


def test_per_second_rate_limit_answers_429_with_headers(
    emu: EmulatorServer, api: httpx.Client
) -> None:
    emu.state.configure(rate_limits_enabled=True, rate_limits={"LIGHT": 2})
    url = "/contact_center/queues/nope"
    assert api.get(url).status_code == 404
    assert api.get(url).status_code == 404
    limited = api.get(url)
    assert limited.status_code == 429
    assert limited.headers["X-RateLimit-Type"] == "QPS"
    assert int(limited.headers["Retry-After"]) >= 1
    assert limited.json() == {
        "code": 429,
        "message": "You have reached the maximum per-second rate limit for this API. "
        "Try again later.",
    }
    assert api.get("/contact_center/queues").status_code == 200  # MEDIUM has its own budget
    time.sleep(1.05)
    assert api.get(url).status_code == 404
    assert [r.rate_limited for r in emu.state.requests if r.status == 429] == ["QPS"]


def test_rate_limits_are_off_by_default(api: httpx.Client) -> None:
    statuses = {api.get("/contact_center/queues/nope").status_code for _ in range(30)}
    assert statuses == {404}


def test_daily_limit_answers_429_far_ahead(emu: EmulatorServer, api: httpx.Client) -> None:
    emu.state.configure(daily_limit=3)
    for _ in range(3):
        assert api.get("/contact_center/teams").status_code == 200
    limited = api.get("/contact_center/teams")
    assert limited.status_code == 429
    assert limited.headers["X-RateLimit-Type"] == "Daily-limit"
    retry_at = datetime.strptime(limited.headers["Retry-After"], "%Y-%m-%dT%H:%M:%SZ")
    assert retry_at.replace(tzinfo=UTC) > datetime.now(UTC)
    emu.state.configure(daily_retry_after="seconds")
    assert int(api.get("/contact_center/teams").headers["Retry-After"]) > 0


# -- fault injection --------------------------------------------------------------------------


def test_error_fault_is_not_applied(emu: EmulatorServer, api: httpx.Client) -> None:
    emu.state.configure(error_rate=1.0, error_methods=["POST"], error_statuses=[503])
    response = api.post("/contact_center/teams", json=TEAM_CREATE)
    assert_error(response, 503, 503)
    assert user_teams(emu) == []
    assert api.get("/contact_center/teams").status_code == 200  # GET is not filtered in
    assert emu.state.fault_counts["error"] == 1
    assert [r.fault for r in emu.state.requests if r.method == "POST" and "v2" in r.path] == [
        "error"
    ]


def test_drop_fault_closes_the_connection_without_applying(
    emu: EmulatorServer, api: httpx.Client
) -> None:
    emu.state.configure(drop_rate=1.0, drop_path=r"/contact_center/teams$")
    with pytest.raises(httpx.TransportError):
        api.post("/contact_center/teams", json=TEAM_CREATE)
    assert user_teams(emu) == []
    assert api.get("/contact_center/queues").status_code == 200  # path filter
    dropped = [r for r in emu.state.requests if r.fault == "drop"]
    assert len(dropped) == 1 and dropped[0].status is None
    assert emu.state.fault_counts["drop"] == 1


def test_lost_response_applies_the_request_then_drops(
    emu: EmulatorServer, api: httpx.Client
) -> None:
    emu.state.configure(lost_response_rate=1.0, lost_response_methods=["POST"])
    with pytest.raises(httpx.TransportError):
        api.post("/contact_center/teams", json=TEAM_CREATE)
    teams = user_teams(emu)
    assert [t["team_name"] for t in teams] == ["Online Team"]  # it exists anyway
    lost = [r for r in emu.state.requests if r.fault == "lost_response"]
    assert (lost[0].status, lost[0].applied_status) == (None, 201)
    assert emu.state.fault_counts["lost_response"] == 1


def test_lost_response_can_answer_502_instead(emu: EmulatorServer, api: httpx.Client) -> None:
    emu.state.configure(lost_response_rate=1.0, lost_response_mode="502")
    response = api.post("/contact_center/teams", json=TEAM_CREATE)
    assert_error(response, 502, 502)
    assert len(user_teams(emu)) == 1


def test_fault_limit_fires_exactly_n_times(emu: EmulatorServer, api: httpx.Client) -> None:
    emu.state.configure(error_rate=1.0, error_limit=1)
    statuses = [api.get("/contact_center/teams").status_code for _ in range(3)]
    assert statuses[0] >= 500 and statuses[1:] == [200, 200]


def test_faults_are_reproducible_with_a_seed(emu: EmulatorServer, api: httpx.Client) -> None:
    def run() -> list[int]:
        emu.state.reset()
        emu.state.configure(fault_seed=1234, error_rate=0.5)
        return [api.get("/contact_center/teams").status_code for _ in range(30)]

    first, second = run(), run()
    assert first == second
    assert 200 in first and any(s >= 500 for s in first)


def test_faults_are_off_by_default(emu: EmulatorServer, api: httpx.Client) -> None:
    assert {api.get("/contact_center/teams").status_code for _ in range(40)} == {200}
    assert emu.state.fault_counts == {"drop": 0, "error": 0, "lost_response": 0}


def test_drop_falls_back_to_502_without_uvicorn() -> None:
    """In-process ASGI transports have no socket to close: the emulator answers 502."""
    state = EmulatorState(drop_rate=1.0)

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(state))
        async with httpx.AsyncClient(transport=transport, base_url="http://emu") as client:
            return await client.get("/v2/contact_center/teams")

    response = asyncio.run(call())
    assert response.status_code == 502
    assert [(r.fault, r.status) for r in state.requests] == [("drop", 502)]


# -- admin endpoints --------------------------------------------------------------------------


def test_reset_empties_everything(emu: EmulatorServer, api: httpx.Client) -> None:
    for case in CASES:
        created(api.post(case.path, json=prepare(api, case, case.create)))
    emu.state.configure(error_rate=0.5, rate_limits_enabled=True)
    assert emu.state.object_count() > 8
    assert httpx.post(emu.admin_url + "/reset").status_code == 204
    objects = httpx.get(emu.admin_url + "/objects").json()
    assert set(objects) == {c.name for c in DEFAULT_COLLECTIONS} >= {c.collection for c in CASES}
    # Only what a fresh account has is left: the root team, the main region, the built-in roles.
    left = {
        k: [o.get("team_id") or o.get("region_id") or o.get("role_name") for o in v]
        for k, v in objects.items()
        if v
    }
    assert left == {
        "teams": [ROOT_TEAM_ID],
        "regions": [MAIN_REGION_ID],
        "roles": ["Administrator", "Supervisor", "Agent"],
    }
    assert emu.state.object_count() == 0
    assert httpx.get(emu.admin_url + "/requests").json() == {"requests": []}
    config = httpx.get(emu.admin_url + "/config").json()
    assert (config["error_rate"], config["rate_limits_enabled"]) == (0.0, False)
    assert api.get("/contact_center/teams").status_code == 200  # tokens survive a reset


def test_admin_config_and_seed(emu: EmulatorServer, api: httpx.Client) -> None:
    config = httpx.post(emu.admin_url + "/config", json={"rate_limits": {"heavy": 1}})
    assert config.status_code == 200
    assert config.json()["rate_limits"] == {"LIGHT": 20, "MEDIUM": 10, "HEAVY": 1}
    assert config.json()["client_secret"] != "emulator-secret"
    bad = httpx.post(emu.admin_url + "/config", json={"no_such_switch": 1})
    assert_error(bad, 400, 300)
    seeded = httpx.post(
        emu.admin_url + "/seed",
        json={"collection": "queues", "objects": [{"queue_name": "By hand", "channel": "voice"}]},
    )
    assert seeded.status_code == 201
    queue = seeded.json()["objects"][0]
    got = api.get(f"/contact_center/queues/{queue['cc_queue_id']}").json()
    assert got["queue_name"] == "By hand"
    assert got["max_wait_time"] == 50  # defaults apply to seeded objects too
    assert httpx.get(emu.admin_url + "/objects").json()["queues"] == [got]
    unknown = httpx.post(emu.admin_url + "/seed", json={"collection": "nope", "objects": []})
    assert_error(unknown, 400, 300)
    stats = httpx.get(emu.admin_url + "/stats").json()
    assert stats["objects"] == 1


def test_admin_endpoints_need_no_token_and_are_not_logged(emu: EmulatorServer) -> None:
    assert httpx.get(emu.admin_url + "/health").json() == {"status": "ok"}
    names = [c["name"] for c in httpx.get(emu.admin_url + "/collections").json()["collections"]]
    assert names == [c.name for c in DEFAULT_COLLECTIONS]
    assert emu.state.requests == []


# -- extensibility and serving ----------------------------------------------------------------


NOTES = Collection(
    name="queue_notes",
    path="/contact_center/queues/{queueId}/notes",
    id_field="note_id",
    list_key="notes",
    not_found=ErrorDef(404, 9999, "Note does not exist: {id}."),
    fields={"text": FieldRule("string")},
    create_fields=("text",),
    update_fields=("text",),
    required_on_create=("text",),
    create_view=("note_id", "text"),
    get_view=("note_id", "text"),
    list_view=("note_id", "text"),
    rate_labels={
        "list": "MEDIUM",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "LIGHT",
    },
    parent=ParentRef("queues", "queueId"),
)


def test_a_new_collection_is_one_table_entry_including_sub_collections() -> None:
    with EmulatorServer(port=0, collections=(*DEFAULT_COLLECTIONS, NOTES)) as emu:
        headers = {"Authorization": f"Bearer {get_token(emu)}"}
        with httpx.Client(base_url=emu.api_base_url, headers=headers) as api:
            q1 = created(api.post("/contact_center/queues", json=QUEUE_CREATE))["cc_queue_id"]
            q2 = created(api.post("/contact_center/queues", json=QUEUE_CREATE))["cc_queue_id"]
            note = created(api.post(f"/contact_center/queues/{q1}/notes", json={"text": "hi"}))
            created(api.post(f"/contact_center/queues/{q2}/notes", json={"text": "other"}))
            listed = api.get(f"/contact_center/queues/{q1}/notes").json()
            assert listed["notes"] == [note] and listed["total_records"] == 1
            wrong_parent = api.get(f"/contact_center/queues/{q2}/notes/{note['note_id']}")
            assert_error(wrong_parent, 404, 9999)
            no_parent = api.get("/contact_center/queues/nope/notes")
            assert_error(no_parent, 404, 1201, "Queue does not exist: nope.")
            assert (
                api.patch(
                    f"/contact_center/queues/{q1}/notes/{note['note_id']}", json={"text": "x"}
                ).status_code
                == 204
            )
            assert emu.state.requests[-1].operation == "queue_notes.update"


def test_emulator_server_binds_loopback(emu: EmulatorServer) -> None:
    assert emu.url == f"http://127.0.0.1:{emu.port}" and emu.port > 0
    assert emu.api_base_url == emu.url + "/v2"
    assert emu.oauth_url == emu.url + "/oauth/token"


def test_serve_runs_in_the_foreground() -> None:
    with EmulatorServer(port=0) as probe:  # borrow a free port
        port = probe.port
    code = f"from zoomcc.emulator import serve; serve(port={port}, log_level='warning')"
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/_emulator/health", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert health.json() == {"status": "ok"}
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=20)
    assert b"Zoom Contact Center emulator on http://127.0.0.1:" in stderr
