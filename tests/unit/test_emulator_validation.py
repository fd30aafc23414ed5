"""How the emulator refuses bad requests as the reference does: unknown, read-only,
mistyped and missing fields, dangling references, duplicate names, unknown routes."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.support.emulator_calls import (
    BY_NAME,
    CASE_IDS,
    CASES,
    Case,
    assert_error,
    created,
    prepare,
)
from tests.support.emulator_calls import api as api  # fixture: a client with a token
from tests.support.emulator_calls import emu as emu  # fixture: this module's emulator
from tests.support.emulator_calls import fresh_state as fresh_state  # fixture: autouse reset
from tests.support.emulator_examples import (
    CATEGORY_CREATE,
    DISPOSITION_CREATE,
    QUEUE_CREATE,
    SET_CREATE,
    SKILL_CREATE,
    TEAM_CREATE,
)


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
