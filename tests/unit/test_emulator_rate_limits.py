"""The emulator's per-second and daily rate limits: off by default, 429 with Zoom's
headers when switched on."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import httpx

from tests.support.emulator_calls import api as api  # fixture: a client with a token
from tests.support.emulator_calls import emu as emu  # fixture: this module's emulator
from tests.support.emulator_calls import fresh_state as fresh_state  # fixture: autouse reset
from zoomcc.emulator import EmulatorServer


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
