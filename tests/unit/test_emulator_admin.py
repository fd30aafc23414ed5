"""The emulator's admin endpoints (/_emulator/...): reset, config, seed, stats, health;
no token needed and never in the request log."""

from __future__ import annotations

import httpx

from tests.support.emulator_calls import CASES, assert_error, created, prepare
from tests.support.emulator_calls import api as api  # fixture: a client with a token
from tests.support.emulator_calls import emu as emu  # fixture: this module's emulator
from tests.support.emulator_calls import fresh_state as fresh_state  # fixture: autouse reset
from zoomcc.emulator import DEFAULT_COLLECTIONS, ROOT_TEAM_ID, EmulatorServer
from zoomcc.emulator.areas.users.objects import MAIN_REGION_ID


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
