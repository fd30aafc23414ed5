"""The emulator's request log: what it records (never a secret), and that a request is
logged before its answer reaches the client."""

from __future__ import annotations

import json

import httpx

from tests.support.emulator_calls import api as api  # fixture: a client with a token
from tests.support.emulator_calls import assert_error, created
from tests.support.emulator_calls import emu as emu  # fixture: this module's emulator
from tests.support.emulator_calls import fresh_state as fresh_state  # fixture: autouse reset
from tests.support.emulator_examples import TEAM_CREATE
from zoomcc.emulator import EmulatorServer


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
