"""Outcomes for the emulator's behaviour tests (tests/unit/test_emulator_behaviours_*.py):
each checks the answer to a case's request, and what the emulator holds afterwards."""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.behaviour_arrangements import Ids


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


def built_in_roles_listed(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    names = [r["role_name"] for r in http.get("/contact_center/roles").json()["roles"]]
    assert {"Administrator", "Supervisor", "Agent"} <= set(names)
    assert response.json()["role_name"] == "Agent"


def inbox_queue_removed(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert http.get(f"/contact_center/inboxes/{ids['inbox']}/queues").json()["queues"] == []


def only_the_outbound_one(http: httpx.Client, ids: Ids, response: httpx.Response) -> None:
    assert _listed(response, "dispositions", "disposition_id") == [ids["outbound"]]


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
