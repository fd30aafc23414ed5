"""Every collection's CRUD lifecycle and pagination, driven by the reference's examples
and errors (one Case per collection), over real HTTP."""

from __future__ import annotations

import httpx
import pytest

from tests.support.emulator_calls import (
    CASE_IDS,
    CASES,
    Case,
    all_pages,
    assert_error,
    created,
    prepare,
)
from tests.support.emulator_calls import api as api  # fixture: a client with a token
from tests.support.emulator_calls import emu as emu  # fixture: this module's emulator
from tests.support.emulator_calls import fresh_state as fresh_state  # fixture: autouse reset
from tests.support.matching import contains
from zoomcc.emulator import EmulatorServer


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
