"""Fault injection in the emulator: errors, dropped connections and lost responses,
with filters, limits and seeds, so retries can be tested against real HTTP."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from tests.support.emulator_calls import api as api  # fixture: a client with a token
from tests.support.emulator_calls import assert_error
from tests.support.emulator_calls import emu as emu  # fixture: this module's emulator
from tests.support.emulator_calls import fresh_state as fresh_state  # fixture: autouse reset
from tests.support.emulator_examples import TEAM_CREATE
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer, EmulatorState, create_app


def user_teams(emu: EmulatorServer) -> list[dict[str, Any]]:
    """Teams beyond the root team every account starts with."""
    return [t for t in emu.state.objects("teams") if t["team_id"] != ROOT_TEAM_ID]


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
