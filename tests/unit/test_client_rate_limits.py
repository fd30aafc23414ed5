"""429 answers: waiting for Retry-After, holding off a label, failing fast at the daily
limit, and the Retry-After forms."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest

from tests.support.client_calls import (
    WALL0,
    FakeClock,
    FakeZoom,
    MaxJitter,
    NoJitter,
    R,
    make,
    script,
)
from tests.support.client_calls import clock as clock  # the fixture
from zoomcc.client import DailyLimitError, Pacer, RateLimitError
from zoomcc.client.retry import parse_retry_after


def _retry_after_cases() -> Iterator[tuple[str, Callable[[FakeClock], str], float]]:
    yield "seconds", lambda c: "2", 2.0
    yield (
        "http-date",
        lambda c: format_datetime(datetime.fromtimestamp(c.wall() + 3, tz=UTC), usegmt=True),
        3.0,
    )
    yield (
        "iso-z",
        lambda c: datetime.fromtimestamp(c.wall() + 5, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        5.0,
    )
    yield (
        "iso-offset",
        lambda c: datetime.fromtimestamp(c.wall() + 7, tz=UTC).isoformat(),
        7.0,
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [pytest.param(h, e, id=name) for name, h, e in _retry_after_cases()],
)
def test_429_waits_for_retry_after(
    clock: FakeClock, header: Callable[[FakeClock], str], expected: float
) -> None:
    def first(request: httpx.Request) -> httpx.Response:
        return R(
            429,
            {"code": 429, "message": "Too many requests"},
            {"Retry-After": header(clock), "X-RateLimit-Type": "QPS"},
        )(request)

    zoom = FakeZoom(script(first, R(200, {"ok": 1})))
    client = make(zoom, clock=clock, rng=NoJitter())
    assert client.request("GET", "/x") == {"ok": 1}
    assert clock.sleeps == [pytest.approx(expected)]
    assert client.stats.rate_limited == 1 and client.stats.retries == 1


def test_429_without_retry_after_waits_about_a_second_with_jitter(clock: FakeClock) -> None:
    zoom = FakeZoom(script(R(429, {"code": 4001, "message": "per-second limit"}), R(200, {})))
    client = make(zoom, clock=clock, rng=MaxJitter())
    client.request("GET", "/x")
    assert clock.sleeps == [1.5]  # 1 s + the maximal jitter


def test_429_posts_are_retried_and_exhaustion_raises(clock: FakeClock) -> None:
    limited = R(
        429, {"code": 4001, "message": "maximum per-second rate limit"}, {"Retry-After": "1"}
    )
    zoom = FakeZoom(script(limited, R(201, {"id": "q1"})))
    client = make(zoom, clock=clock)
    assert client.request("POST", "/contact_center/queues", json={}) == {"id": "q1"}
    assert zoom.methods() == ["POST", "POST"]

    zoom = FakeZoom(limited)
    client = make(zoom, clock=clock, max_retries=3)
    with pytest.raises(RateLimitError) as info:
        client.request("POST", "/contact_center/queues", json={}, operation="create_a_queue")
    assert not isinstance(info.value, DailyLimitError)
    assert len(zoom.api_calls) == 4
    assert info.value.code == 4001 and "create_a_queue" in str(info.value)


def test_per_second_429_holds_off_other_requests_on_the_label(clock: FakeClock) -> None:
    zoom = FakeZoom(script(R(429, {"code": 4001}, {"Retry-After": "1"}), R(200, {})))
    client = make(zoom, clock=clock, rng=NoJitter(), pacing=True)
    others: list[float] = []
    real_sleep = clock.sleep

    def sleep(seconds: float) -> None:
        # While this request waits out its 429, another thread asks for a slot.
        others.append(client.pacer.reserve("LIGHT"))
        others.append(client.pacer.reserve("HEAVY"))
        real_sleep(seconds)

    client._sleep = sleep
    client.request("GET", "/x")
    assert others[0] >= 1.0  # LIGHT is held off for Retry-After
    assert others[1] == 0.0  # other labels are not


def test_pacer_defer(clock: FakeClock) -> None:
    pacer = Pacer({"LIGHT": 20.0}, clock=clock, sleep=clock.sleep)
    pacer.defer("light", 1.0)
    assert pacer.reserve("LIGHT") == pytest.approx(1.0)
    assert pacer.reserve("LIGHT") == pytest.approx(1.05)


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"X-RateLimit-Type": "Daily-limit", "Retry-After": "ISO"}, "Too many requests"),
        ({"Retry-After": "ISO"}, "Too many requests"),
        ({}, "You have reached the maximum daily rate limit for this API."),
    ],
    ids=["type-header", "long-retry-after", "message"],
)
def test_daily_limit_fails_fast(clock: FakeClock, headers: dict[str, str], message: str) -> None:
    reset = datetime.fromtimestamp(clock.wall() + 3 * 3600, tz=UTC)
    sent = {k: (reset.isoformat() if v == "ISO" else v) for k, v in headers.items()}
    zoom = FakeZoom(R(429, {"code": 429, "message": message}, sent))
    client = make(zoom, clock=clock, rng=NoJitter())
    with pytest.raises(DailyLimitError) as info:
        client.request("POST", "/contact_center/queues", operation="create_a_queue")
    text = str(info.value)
    assert len(zoom.api_calls) == 1 and clock.sleeps == []
    assert "daily API rate limit" in text and "create_a_queue" in text
    if "Retry-After" in headers:
        assert reset.strftime("%Y-%m-%dT%H:%M:%SZ") in text
        assert "in 3h 00m" in text
        assert info.value.retry_after == pytest.approx(3 * 3600)
    else:
        assert "00:00 UTC" in text
    assert client.stats.daily_limited == 1


def test_parse_retry_after_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")  # naive times must not mean local time
    time.tzset()
    try:
        assert parse_retry_after("2023-11-14T22:14:20", WALL0) == 60.0
    finally:
        monkeypatch.undo()
        time.tzset()
    assert parse_retry_after("1.5", WALL0) == 1.5
    assert parse_retry_after("Tue, 14 Nov 2023 22:13:40 GMT", WALL0) == 20.0
    assert parse_retry_after("2023-11-14T22:14:20Z", WALL0) == 60.0
    assert parse_retry_after("2023-11-14T22:14:20", WALL0) == 60.0  # naive means UTC
    assert parse_retry_after("2023-11-14T00:00:00Z", WALL0) == 0.0  # past → now
    assert parse_retry_after("soon", WALL0) is None
    assert parse_retry_after(None, WALL0) is None
