"""Arrangements for the emulator's behaviour tests (tests/unit/test_emulator_behaviours_*.py):
a client with a token, and the objects each case needs, made through the API or seeded where the
create is a multipart form. Each returns the ids it made, by the keys a case's path names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import ACCOUNT_ID, CLIENT_ID, CLIENT_SECRET
from zoomcc.emulator import EmulatorServer

Ids = dict[str, str]
Obj = dict[str, Any]


@pytest.fixture()
def http(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    """A client with a token on the test's emulator, for raw HTTP requests."""
    token = httpx.post(
        emulator.oauth_url,
        data={"grant_type": "account_credentials", "account_id": ACCOUNT_ID},
        auth=(CLIENT_ID, CLIENT_SECRET),
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=emulator.api_base_url, headers=headers, timeout=10) as client:
        yield client


def _made(response: httpx.Response, id_field: str) -> str:
    assert response.status_code == 201, response.text
    return str(response.json()[id_field])


def _region(http: httpx.Client, name: str) -> str:
    return _made(http.post("/contact_center/regions", json={"region_name": name}), "region_id")


def _role(http: httpx.Client, name: str) -> str:
    body = {"role_name": name, "role_description": "", "privileges": ["Dashboard:Read"]}
    return _made(http.post("/contact_center/roles", json=body), "role_id")


def _user(emu: EmulatorServer, **fields: str) -> str:
    email = f"user{len(emu.state.objects('users'))}@example.com"
    return str(emu.state.seed("users", [{"user_email": email, **fields}])[0]["user_id"])


def two_regions_and_a_user(http: httpx.Client, emu: EmulatorServer) -> Ids:
    ids = {"a": _region(http, "EMEA"), "b": _region(http, "APAC")}
    ids["user"] = _user(emu, region_id=ids["a"])
    return ids


def two_roles_and_a_user(http: httpx.Client, emu: EmulatorServer) -> Ids:
    ids = {"a": _role(http, "Tier 1"), "b": _role(http, "Tier 2")}
    ids["user"] = _user(emu, role_id=ids["a"])
    return ids


def two_units_with_a_book_each(http: httpx.Client, emu: EmulatorServer) -> Ids:
    ids: Ids = {}
    for key in ("a", "b"):
        unit = {"unit_name": f"Unit {key}", "unit_description": ""}
        ids[key] = _made(http.post("/contact_center/address_books/units", json=unit), "unit_id")
        book = {"address_book_name": f"Book {key}", "unit_id": ids[key]}
        made = http.post("/contact_center/address_books", json=book)
        ids[f"book_{key}"] = _made(made, "address_book_id")
    return ids


_PHONES: Obj = {
    "phones": [{"phone_number": "+14155550100", "phone_type": "main"}],
    "phone_numbers": ["+14155550100"],
}
"""What a contact's create and update both require."""


def with_values(*values: tuple[str, str]) -> Obj:
    """A contact update body setting these (custom field id, value) pairs."""
    shown = [{"custom_field_id": i, "custom_field_value": v} for i, v in values]
    return {**_PHONES, "custom_fields": shown}


def a_contact_with_two_custom_values(http: httpx.Client, emu: EmulatorServer) -> Ids:
    ids = two_units_with_a_book_each(http, emu)
    fields: dict[str, Obj] = {
        "tier": {"data_type": "pick_list", "pick_list_values": ["gold", "silver"]},
        "manager": {"data_type": "string"},
    }
    for key, shape in fields.items():
        body = {"custom_field_name": key.title(), "address_book_ids": [ids["book_a"]], **shape}
        made = http.post("/contact_center/address_books/custom_fields", json=body)
        ids[key] = _made(made, "custom_field_id")
    contact = {
        "display_name": "Ada",
        **_PHONES,
        "custom_fields": [
            {"custom_field_id": ids["tier"], "custom_field_value": "gold"},
            {"custom_field_id": ids["manager"], "custom_field_value": "Grace"},
        ],
    }
    made = http.post(f"/contact_center/address_books/{ids['book_a']}/contacts", json=contact)
    ids["contact"] = _made(made, "contact_id")
    return ids


def two_groups_with_a_variable_each(http: httpx.Client, emu: EmulatorServer) -> Ids:
    ids: Ids = {}
    for key in ("a", "b"):
        group = {"variable_group_name": f"Group {key}"}
        made = http.post("/contact_center/variables/groups", json=group)
        ids[key] = _made(made, "variable_group_id")
        variable = {
            "variable_name": f"var_{key}",
            "variable_group_id": ids[key],
            "data_type": "string",
            "variable_type": "global_variable",
        }
        made = http.post("/contact_center/variables", json=variable)
        ids[f"var_{key}"] = _made(made, "variable_id")
    return ids


def an_asset(http: httpx.Client, emu: EmulatorServer) -> Ids:
    made = emu.state.seed("assets", [{"asset_name": "Greeting", "asset_type": "audio"}])
    return {"asset": str(made[0]["asset_id"])}


def an_archived_asset(http: httpx.Client, emu: EmulatorServer) -> Ids:
    old = {"asset_name": "Old", "asset_type": "audio", "archived": True}
    made = emu.state.seed("assets", [old])
    return {"asset": str(made[0]["asset_id"])}


def two_teams(http: httpx.Client, emu: EmulatorServer) -> Ids:
    ids: Ids = {}
    for key in ("a", "b"):
        body = {"team_name": f"Team {key}", "parent_team_id": "rootTeam0000000000000A"}
        ids[key] = _made(http.post("/contact_center/teams", json=body), "team_id")
    return ids


def users_by_email(http: httpx.Client, emu: EmulatorServer) -> Ids:
    return {
        "a": _user(emu, user_email="ann@example.com"),
        "b": _user(emu, user_email="bob@example.com"),
    }


def the_agent_role(http: httpx.Client, emu: EmulatorServer) -> Ids:
    return {"agent": "Agent"}


def _queue(http: httpx.Client, name: str) -> Obj:
    made = http.post("/contact_center/queues", json={"queue_name": name, "channel": "voice"})
    assert made.status_code == 201, made.text
    queue: Obj = http.get(f"/contact_center/queues/{made.json()['cc_queue_id']}").json()
    return queue


def an_inbox_with_a_queue(http: httpx.Client, emu: EmulatorServer) -> Ids:
    inbox = emu.state.seed("inboxes", [{"inbox_name": "VM", "inbox_type": "voicemail"}])[0]
    queue = _queue(http, "Voicemail queue")
    ids = {"inbox": str(inbox["inbox_id"]), "cc": queue["cc_queue_id"]}
    ids["legacy"] = str(queue["queue_id"])
    assert ids["legacy"] != ids["cc"]
    body = {"cc_queue_ids": [ids["cc"]]}
    added = http.post(f"/contact_center/inboxes/{ids['inbox']}/queues", json=body)
    assert added.status_code in (201, 204), added.text
    return ids


def a_queue_with_one_disposition_each_way(http: httpx.Client, emu: EmulatorServer) -> Ids:
    queue = _queue(http, "Sales")["cc_queue_id"]
    ids = {"queue": queue}
    for way in ("inbound", "outbound"):
        made = http.post("/contact_center/dispositions", json={"disposition_name": f"D {way}"})
        ids[way] = _made(made, "disposition_id")
        body = {"disposition_ids": [ids[way]], "assign_type": way}
        assert http.post(f"/contact_center/queues/{queue}/dispositions", json=body).is_success
    return ids


def an_inbox_with_three_users(http: httpx.Client, emu: EmulatorServer) -> Ids:
    inbox = emu.state.seed("inboxes", [{"inbox_name": "VM", "inbox_type": "voicemail"}])[0]
    users = [_user(emu) for _ in range(3)]
    path = f"/contact_center/inboxes/{inbox['inbox_id']}/users"
    added = http.post(path, json={"user_ids": users})
    assert added.is_success, added.text
    return {"inbox": str(inbox["inbox_id"])}
