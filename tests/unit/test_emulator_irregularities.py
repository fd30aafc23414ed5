"""The reference's irregularities the emulator mirrors: queue ids and views, live skill
categories, sub-dispositions, account-default hours and closures, derived team names."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.support.emulator_calls import api as api  # fixture: a client with a token
from tests.support.emulator_calls import assert_error, created
from tests.support.emulator_calls import emu as emu  # fixture: this module's emulator
from tests.support.emulator_calls import fresh_state as fresh_state  # fixture: autouse reset
from tests.support.emulator_examples import (
    CLOSURE_ITEM,
    CLOSURES_CREATE,
    DISPOSITION_CREATE,
    HOURS_CREATE,
    QUEUE_CREATE,
    QUEUE_UPDATE,
    SET_CREATE,
    TEAM_CREATE,
)
from zoomcc.emulator import EmulatorServer


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
    # An update without the type is judged as the multi-level object it makes.
    deep = [
        {"sub_disposition_name": f"R{i}", "current_index": i, "parent_index": i - 1}
        for i in range(1, 6)
    ]
    too_deep = api.patch(
        f"/contact_center/dispositions/{disposition_id}", json={"sub_dispositions": deep}
    )
    assert_error(too_deep, 400, 2509)

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
    second_item = {**CLOSURE_ITEM, "closure_name": "Labour Day"}
    body = {**CLOSURES_CREATE, "account_default": False, "closures": [CLOSURE_ITEM, second_item]}
    made = created(api.post(path, json=body))
    new_year, labour = (item["closure_id"] for item in made["closures"])
    assert len(new_year) == 6 and new_year.isalpha()
    url = f"{path}/{made['closure_set_id']}"
    base = {k: body[k] for k in ("closure_set_name", "timezone")}
    third = {**CLOSURE_ITEM, "closure_name": "Christmas"}
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
    nameless = {k: v for k, v in CLOSURE_ITEM.items() if k != "closure_name"}
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
