"""What the reference's prose and error codes say the API does, through raw HTTP.

Each case arranges objects (through the API, or seeded where the create is a multipart
form), sends one request, and checks the answer and what the emulator holds afterwards:
a region's users move on delete, a role's users transfer, address books are listed per
unit and variables per group, assets are archived before they delete, list filters keep
only the matching objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from tests.conftest import ACCOUNT_ID, CLIENT_ID, CLIENT_SECRET
from zoomcc.emulator import EmulatorServer
from zoomcc.emulator.groups.users import MAIN_REGION_ID

Ids = dict[str, str]
Obj = dict[str, Any]


@pytest.fixture()
def http(emulator: EmulatorServer) -> Iterator[httpx.Client]:
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


def _with_values(*values: tuple[str, str]) -> Obj:
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


@dataclass(frozen=True)
class Case:
    """Arrange, one request (``{key}`` in the path and parameters names an arranged id),
    the answer, and the objects' state afterwards."""

    name: str
    arrange: Callable[[httpx.Client, EmulatorServer], Ids]
    method: str
    path: str
    params: dict[str, str] = field(default_factory=dict)
    status: int = 200
    code: int | None = None
    then: Callable[[httpx.Client, Ids, httpx.Response], None] | None = None
    body: dict[str, Any] | None = None


def _listed(response: httpx.Response, key: str, id_field: str) -> list[str]:
    return [str(item[id_field]) for item in response.json()[key]]


def _user_field(http: httpx.Client, ids: Ids, name: str) -> Any:
    return http.get(f"/contact_center/users/{ids['user']}").json().get(name)


def region_users_moved(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert _user_field(http, ids, "region_id") == ids["b"]
    assert http.get(f"/contact_center/regions/{ids['a']}").status_code == 404
    listed = http.get("/contact_center/regions").json()["regions"]
    assert {r["region_id"]: r["users_count"] for r in listed}[ids["b"]] == 1


def region_kept(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert http.get(f"/contact_center/regions/{ids['a']}").status_code == 200
    assert _user_field(http, ids, "region_id") == ids["a"]


def role_users_transferred(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert _user_field(http, ids, "role_id") == ids["b"]
    assert http.get(f"/contact_center/roles/{ids['b']}").json()["total_users"] == 1
    assert http.get(f"/contact_center/roles/{ids['a']}").status_code == 404


def role_kept(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert http.get(f"/contact_center/roles/{ids['a']}").status_code == 200


def the_agent_role(http: httpx.Client, emu: EmulatorServer) -> Ids:
    return {"agent": "Agent"}


def built_in_roles_listed(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    names = [r["role_name"] for r in http.get("/contact_center/roles").json()["roles"]]
    assert {"Administrator", "Supervisor", "Agent"} <= set(names)
    assert response.json()["role_name"] == "Agent"


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


def inbox_queue_removed(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert http.get(f"/contact_center/inboxes/{ids['inbox']}/queues").json()["queues"] == []


def a_queue_with_one_disposition_each_way(http: httpx.Client, emu: EmulatorServer) -> Ids:
    queue = _queue(http, "Sales")["cc_queue_id"]
    ids = {"queue": queue}
    for way in ("inbound", "outbound"):
        made = http.post("/contact_center/dispositions", json={"disposition_name": f"D {way}"})
        ids[way] = _made(made, "disposition_id")
        body = {"disposition_ids": [ids[way]], "assign_type": way}
        assert http.post(f"/contact_center/queues/{queue}/dispositions", json=body).is_success
    return ids


def only_the_outbound_one(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert _listed(response, "dispositions", "disposition_id") == [ids["outbound"]]


def an_inbox_with_three_users(http: httpx.Client, emu: EmulatorServer) -> Ids:
    inbox = emu.state.seed("inboxes", [{"inbox_name": "VM", "inbox_type": "voicemail"}])[0]
    users = [_user(emu) for _ in range(3)]
    path = f"/contact_center/inboxes/{inbox['inbox_id']}/users"
    added = http.post(path, json={"user_ids": users})
    assert added.is_success, added.text
    return {"inbox": str(inbox["inbox_id"])}


def a_page_of_two_and_a_token(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    page = response.json()
    assert len(page["email_notifications"]) == 2 and page["total_records"] == 3
    rest = http.get(
        f"/contact_center/inboxes/{ids['inbox']}/email_notifications",
        params={"page_size": 2, "next_page_token": page["next_page_token"]},
    ).json()
    assert len(rest["email_notifications"]) == 1 and rest["next_page_token"] == ""


def only_book_a(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert _listed(response, "address_books", "address_book_id") == [ids["book_a"]]


def the_contact_values_named_and_typed(
    http: httpx.Client, ids: Ids, response: httpx.Response
) -> None:
    page = response.json()
    assert page["custom_fields"] == [
        {
            "custom_field_id": ids["tier"],
            "custom_field_name": "Tier",
            "data_type": "pick_list",
            "custom_field_value": "gold",
            "outdated": False,
        },
        {
            "custom_field_id": ids["manager"],
            "custom_field_name": "Manager",
            "data_type": "string",
            "custom_field_value": "Grace",
            "outdated": False,
        },
    ]
    assert (page["page_size"], page["next_page_token"]) == (30, "")


def the_contact_values_replaced(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    path = f"/contact_center/address_books/contacts/{ids['contact']}/custom_fields"
    shown = http.get(path).json()["custom_fields"]
    assert [(v["custom_field_id"], v["custom_field_value"]) for v in shown] == [
        (ids["tier"], "silver")
    ]
    contact = http.get(f"/contact_center/address_books/{ids['book_a']}/contacts/{ids['contact']}")
    assert "custom_fields" not in contact.json()  # GET shows only custom_fields_url


def one_value_a_page(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    page = response.json()
    assert [v["custom_field_id"] for v in page["custom_fields"]] == [ids["tier"]]
    path = f"/contact_center/address_books/contacts/{ids['contact']}/custom_fields"
    rest = http.get(path, params={"page_size": 1, "next_page_token": page["next_page_token"]})
    assert [v["custom_field_id"] for v in rest.json()["custom_fields"]] == [ids["manager"]]
    assert rest.json()["next_page_token"] == ""


def only_var_b(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert _listed(response, "variables", "variable_id") == [ids["var_b"]]


def asset_archived(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    shown = http.get(f"/contact_center/asset_library/assets/{ids['asset']}").json()
    assert shown["archived"] is True
    assert shown["archived_time"]


def asset_not_archived(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    shown = http.get(f"/contact_center/asset_library/assets/{ids['asset']}").json()
    assert shown["archived"] is False


def asset_gone(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    gone = http.get(f"/contact_center/asset_library/assets/{ids['asset']}")
    assert (gone.status_code, gone.json()["code"]) == (404, 10009)


def only_team_b(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert _listed(response, "teams", "team_id") == [ids["b"]]


def only_bob(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert _listed(response, "users", "user_id") == [ids["b"]]


_REGION = "/contact_center/regions/{a}"
_ROLE = "/contact_center/roles/{a}"
_ASSET = "/contact_center/asset_library/assets/{asset}"
_CONTACT = "/contact_center/address_books/{book_a}/contacts/{contact}"
_CONTACT_FIELDS = "/contact_center/address_books/contacts/{contact}/custom_fields"

CASES = [
    Case("a region's users move to move_to_region_id on delete", two_regions_and_a_user,
         "DELETE", _REGION, {"move_to_region_id": "{b}"}, 204, then=region_users_moved),
    Case("a region is not deleted into itself", two_regions_and_a_user,
         "DELETE", _REGION, {"move_to_region_id": "{a}"}, 400, 3803, region_kept),
    Case("a region is not deleted into a region that does not exist", two_regions_and_a_user,
         "DELETE", _REGION, {"move_to_region_id": "nope"}, 400, 3806, region_kept),
    Case("a region delete needs move_to_region_id", two_regions_and_a_user,
         "DELETE", _REGION, {}, 400, None, region_kept),
    Case("the main region cannot be deleted", two_regions_and_a_user,
         "DELETE", "/contact_center/regions/" + MAIN_REGION_ID, {"move_to_region_id": "{a}"},
         400, 3802),
    Case("a role's users transfer to transfer_role_id on delete", two_roles_and_a_user,
         "DELETE", _ROLE, {"transfer_role_id": "{b}"}, 204, then=role_users_transferred),
    Case("a role delete needs transfer_role_id", two_roles_and_a_user,
         "DELETE", _ROLE, {}, 400, 2102, role_kept),
    Case("every account has the built-in Agent role, found by name", the_agent_role,
         "GET", "/contact_center/roles/{agent}", {"role_identifier_type": "name"},
         then=built_in_roles_listed),
    Case("a built-in role cannot be renamed", the_agent_role,
         "PATCH", "/contact_center/roles/builtin-agent", {}, 400, 2204,
         body={"role_name": "Helper"}),
    Case("inbox queues are removed by their Contact Center ids", an_inbox_with_a_queue,
         "DELETE", "/contact_center/inboxes/{inbox}/queues", {"cc_queue_ids": "{cc}"}, 204,
         then=inbox_queue_removed),
    Case("inbox queues are removed by their legacy task-queue ids", an_inbox_with_a_queue,
         "DELETE", "/contact_center/inboxes/{inbox}/queues", {"queue_ids": "{legacy}"}, 204,
         then=inbox_queue_removed),
    Case("queue dispositions are listed for one assign_type",
         a_queue_with_one_disposition_each_way, "GET",
         "/contact_center/queues/{queue}/dispositions", {"assign_type": "outbound"},
         then=only_the_outbound_one),
    Case("inbox email notifications come in pages", an_inbox_with_three_users,
         "GET", "/contact_center/inboxes/{inbox}/email_notifications", {"page_size": "2"},
         then=a_page_of_two_and_a_token),
    Case("address books are listed for one unit", two_units_with_a_book_each,
         "GET", "/contact_center/address_books", {"unit_id": "{a}"}, then=only_book_a),
    Case("address books are not listed without unit_id", two_units_with_a_book_each,
         "GET", "/contact_center/address_books", {}, 400, 1902),
    Case("a contact's custom field values are listed with their fields' names and types",
         a_contact_with_two_custom_values, "GET", _CONTACT_FIELDS,
         then=the_contact_values_named_and_typed),
    Case("a contact's custom field values come in pages", a_contact_with_two_custom_values,
         "GET", _CONTACT_FIELDS, {"page_size": "1"}, then=one_value_a_page),
    Case("a contact update replaces its custom field values", a_contact_with_two_custom_values,
         "PATCH", _CONTACT, {}, 204, then=the_contact_values_replaced,
         body=_with_values(("{tier}", "silver"))),
    Case("a contact's custom field must exist", a_contact_with_two_custom_values,
         "PATCH", _CONTACT, {}, 400, 2114,
         body=_with_values(("nope", "x"))),
    Case("a contact's pick-list value must be one of the field's", a_contact_with_two_custom_values,
         "PATCH", _CONTACT, {}, 400, 2116,
         body=_with_values(("{tier}", "bronze"))),
    Case("custom fields of a contact that does not exist are not found", two_units_with_a_book_each,
         "GET", "/contact_center/address_books/contacts/nope/custom_fields", {}, 404, 2101),
    Case("variables are listed for one group", two_groups_with_a_variable_each,
         "GET", "/contact_center/variables", {"variable_group_id": "{b}"}, then=only_var_b),
    Case("variables are not listed without variable_group_id", two_groups_with_a_variable_each,
         "GET", "/contact_center/variables", {}, 400),
    Case("an unarchived asset is not deleted directly", an_asset,
         "DELETE", _ASSET, {}, 404, 10010, asset_not_archived),
    Case("a delete with archive=true archives the asset", an_asset,
         "DELETE", _ASSET, {"archive": "true"}, 204, then=asset_archived),
    Case("an archived asset is deleted", an_archived_asset,
         "DELETE", _ASSET, {}, 204, then=asset_gone),
    Case("teams are filtered by team_name", two_teams,
         "GET", "/contact_center/teams", {"team_name": "Team b"}, then=only_team_b),
    Case("users are found by search_key", users_by_email,
         "GET", "/contact_center/users", {"search_key": "bob"}, then=only_bob),
]


def _filled(value: Any, ids: Ids) -> Any:
    """``value`` with ``{key}`` in its strings naming arranged ids."""
    if isinstance(value, dict):
        return {k: _filled(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [_filled(v, ids) for v in value]
    return value.format(**ids) if isinstance(value, str) else value


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_the_emulator_does_what_the_reference_states(
    case: Case, emulator: EmulatorServer, http: httpx.Client
) -> None:
    ids = case.arrange(http, emulator)
    params = {k: v.format(**ids) for k, v in case.params.items()}
    response = http.request(
        case.method, case.path.format(**ids), params=params, json=_filled(case.body, ids)
    )
    assert response.status_code == case.status, response.text
    if case.code is not None:
        assert response.json()["code"] == case.code
    if case.then is not None:
        case.then(http, ids, response)


def test_the_store_finds_objects_by_name_and_removes_them_without_rules(
    emulator: EmulatorServer, http: httpx.Client
) -> None:
    ids = two_regions_and_a_user(http, emulator)
    store = emulator.state.store
    name_field = store.collection("regions").name_field
    assert name_field == "region_name"
    assert [r["region_id"] for r in store.find_by("regions", name_field, "APAC")] == [ids["b"]]
    assert store.remove("regions", ids["a"]) is True
    assert store.find_by("regions", name_field, "EMEA") == []
    assert store.remove("regions", ids["a"]) is False
