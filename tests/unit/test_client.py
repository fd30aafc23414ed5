"""The shared API client against a scripted Zoom on httpx.MockTransport.

No network and no real sleeps: time is a FakeClock whose sleep() only moves the clock.
"""

from __future__ import annotations

import base64
import io
import logging
import pickle
import random
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from zoomcc.client import (
    AuthenticationError,
    ClientSettings,
    DailyLimitError,
    NotFoundError,
    Pacer,
    RateLimitError,
    ZoomApiError,
    ZoomClient,
    ZoomTransportError,
)
from zoomcc.client.pacing import HEADROOM
from zoomcc.client.retry import parse_retry_after

SECRET = "sEcReT-c1ient-s3cret-value"
TOKEN_PREFIX = "ACCESS-T0KEN-xyz-"
WALL0 = 1_700_000_000.0  # wall-clock seconds at FakeClock time 0

Step = Callable[[httpx.Request], httpx.Response]


class FakeClock:
    """Monotonic clock + sleep + wall clock; sleeping just advances time."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds

    def wall(self) -> float:
        return WALL0 + self.now


class MaxJitter(random.Random):
    """Jitter always at its upper bound, so waits are exact and maximal."""

    def uniform(self, a: float, b: float) -> float:
        return b


class NoJitter(random.Random):
    def uniform(self, a: float, b: float) -> float:
        return a


def R(status: int = 200, body: Any = None, headers: dict[str, str] | None = None) -> Step:
    """A response factory (a fresh Response per call)."""

    def step(request: httpx.Request) -> httpx.Response:
        if body is None:
            return httpx.Response(status, headers=headers)
        if isinstance(body, str | bytes):
            return httpx.Response(status, content=body, headers=headers)
        return httpx.Response(status, json=body, headers=headers)

    return step


def Raise(exc_type: type[httpx.TransportError]) -> Step:
    def step(request: httpx.Request) -> httpx.Response:
        raise exc_type("simulated network failure", request=request)

    return step


def script(*steps: Step) -> Step:
    """Answer API calls with `steps` in order; the last one repeats."""
    queue = list(steps)
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            step = queue.pop(0) if len(queue) > 1 else queue[0]
        return step(request)

    return handler


def token_body(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "access_token": f"{TOKEN_PREFIX}{n}",
        "token_type": "bearer",
        "expires_in": 3600,
        "scope": "contact_center:read:admin",
        **extra,
    }


class FakeZoom:
    """Token endpoint + API, recording every request the client sent."""

    def __init__(
        self,
        api: Step | None = None,
        *,
        token: Callable[[httpx.Request, int], httpx.Response] | None = None,
        token_delay: float = 0.0,
    ) -> None:
        self.api = api or R(200, {})
        self.token = token or (lambda request, n: httpx.Response(200, json=token_body(n)))
        self.token_delay = token_delay
        self.token_calls: list[httpx.Request] = []
        self.api_calls: list[httpx.Request] = []
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            with self._lock:
                self.token_calls.append(request)
                n = len(self.token_calls)
            if self.token_delay:
                time.sleep(self.token_delay)  # widen the race window for the lock test
            return self.token(request, n)
        with self._lock:
            self.api_calls.append(request)
        return self.api(request)

    def methods(self) -> list[str]:
        return [r.method for r in self.api_calls]


def settings(**overrides: Any) -> ClientSettings:
    values: dict[str, Any] = {
        "account_id": "acct-1",
        "client_id": "client-1",
        "client_secret": SECRET,
        "pacing": False,
    }
    values.update(overrides)
    return ClientSettings(**values)


def make(
    zoom: FakeZoom,
    *,
    clock: FakeClock | None = None,
    rng: random.Random | None = None,
    **overrides: Any,
) -> ZoomClient:
    clock = clock or FakeClock()
    return ZoomClient(
        settings(**overrides),
        httpx.MockTransport(zoom),
        clock=clock,
        sleep=clock.sleep,
        wall_clock=clock.wall,
        rng=rng or MaxJitter(),
        contract=None,  # transport mechanics on made-up paths; the contract is tested apart
    )


@pytest.fixture()
def clock() -> FakeClock:
    return FakeClock()


# -- settings ----------------------------------------------------------------------------


def test_settings_defaults_and_repr_hide_secret() -> None:
    s = settings()
    assert s.base_url == "https://api.zoom.us/v2"
    assert s.oauth_url == "https://zoom.us/oauth/token"
    assert s.plan == "pro" and s.max_retries == 4 and s.timeout == 30.0
    assert s.user_agent.startswith("pulumi-zoomcc/")
    assert s.client_secret.get_secret_value() == SECRET
    for text in (repr(s), str(s), s.model_dump_json()):
        assert SECRET not in text
    with pytest.raises(TypeError, match="not picklable"):
        pickle.dumps(s)


def test_settings_from_env_and_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOOM_ACCOUNT_ID", "env-acct")
    monkeypatch.setenv("ZOOM_CLIENT_ID", "env-client")
    monkeypatch.setenv("ZOOM_CLIENT_SECRET", SECRET)
    monkeypatch.setenv("ZOOM_BASE_URL", "http://127.0.0.1:9999/v2/")
    monkeypatch.setenv("ZOOM_OAUTH_URL", "http://127.0.0.1:9999/oauth/token")
    monkeypatch.setenv("ZOOMCC_PLAN", "Business")
    s = ClientSettings.from_env(client_id="cfg-client", account_id=None)
    assert s.account_id == "env-acct"  # None overrides fall back to the environment
    assert s.client_id == "cfg-client"
    assert s.base_url == "http://127.0.0.1:9999/v2"
    assert s.oauth_url == "http://127.0.0.1:9999/oauth/token"
    assert s.plan == "business"
    assert not s.follows_api_url


def test_settings_from_env_missing_names_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ZOOM_CLIENT_ID", "only-client")
    with pytest.raises(ValueError, match="ZOOM_ACCOUNT_ID, ZOOM_CLIENT_SECRET") as info:
        ClientSettings.from_env()
    assert "only-client" not in str(info.value)


def test_settings_zoomgov_and_validation() -> None:
    gov = ClientSettings.zoomgov(account_id="a", client_id="c", client_secret=SECRET)
    assert gov.base_url == "https://api.zoomgov.com/v2"
    assert gov.oauth_url == "https://zoomgov.com/oauth/token"
    assert gov.follows_api_url
    with pytest.raises(ValueError):
        settings(plan="free")
    with pytest.raises(ValueError):
        settings(base_url="api.zoom.us/v2")
    with pytest.raises(ValueError):
        settings(client_secret="  ")


# -- OAuth -------------------------------------------------------------------------------


def test_token_request_and_api_headers() -> None:
    zoom = FakeZoom()
    client = make(zoom)
    assert client.request("GET", "/contact_center/queues") == {}
    (tok,) = zoom.token_calls
    assert tok.method == "POST" and str(tok.url) == "https://zoom.us/oauth/token"
    assert parse_qs(tok.content.decode()) == {
        "grant_type": ["account_credentials"],
        "account_id": ["acct-1"],
    }
    basic = base64.b64decode(tok.headers["authorization"].removeprefix("Basic ")).decode()
    assert basic == f"client-1:{SECRET}"
    (call,) = zoom.api_calls
    assert str(call.url) == "https://api.zoom.us/v2/contact_center/queues"
    assert call.headers["authorization"] == f"Bearer {TOKEN_PREFIX}1"
    assert call.headers["accept"] == "application/json"
    assert call.headers["user-agent"].startswith("pulumi-zoomcc/")


def test_token_fetched_once_for_concurrent_threads() -> None:
    zoom = FakeZoom(token_delay=0.05)
    client = ZoomClient(settings(), httpx.MockTransport(zoom), contract=None)
    barrier = threading.Barrier(16)
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            for _ in range(5):
                client.request("GET", "/contact_center/queues")
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert not failures
    assert len(zoom.token_calls) == 1
    assert len(zoom.api_calls) == 80
    assert {r.headers["authorization"] for r in zoom.api_calls} == {f"Bearer {TOKEN_PREFIX}1"}
    assert client.stats.token_requests == 1


@pytest.mark.parametrize(
    ("expires_in", "still_valid_at", "renewed_at"),
    [(3600, 3600 - 301, 3600 - 299), (60, 53.9, 54.1)],
)
def test_token_renewed_early(
    clock: FakeClock, expires_in: float, still_valid_at: float, renewed_at: float
) -> None:
    zoom = FakeZoom(
        token=lambda request, n: httpx.Response(200, json=token_body(n, expires_in=expires_in))
    )
    client = make(zoom, clock=clock)
    start = clock.now
    client.request("GET", "/x")
    clock.now = start + still_valid_at
    client.request("GET", "/x")
    assert len(zoom.token_calls) == 1
    clock.now = start + renewed_at
    client.request("GET", "/x")
    assert len(zoom.token_calls) == 2
    assert zoom.api_calls[-1].headers["authorization"] == f"Bearer {TOKEN_PREFIX}2"


def _reject_first_token(status: int, body: Any) -> Step:
    def step(request: httpx.Request) -> httpx.Response:
        if request.headers["authorization"] == f"Bearer {TOKEN_PREFIX}1":
            return R(status, body)(request)
        return httpx.Response(200, json={"ok": True})

    return step


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (401, {"code": 124, "message": "Invalid access token."}),
        (401, None),
        (400, {"code": 124, "message": "Access token has expired."}),
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_rejected_token_renewed_once(method: str, status: int, body: Any) -> None:
    zoom = FakeZoom(_reject_first_token(status, body))
    client = make(zoom)
    assert client.request(method, "/contact_center/queues", json={"a": 1}) == {"ok": True}
    assert len(zoom.token_calls) == 2
    assert zoom.methods() == [method, method]
    assert client.stats.token_renewals == 1


def test_second_401_raises_authentication_error() -> None:
    zoom = FakeZoom(R(401, {"code": 124, "message": "Invalid access token."}))
    client = make(zoom)
    with pytest.raises(AuthenticationError) as info:
        client.request("GET", "/contact_center/queues", operation="list_queues")
    assert len(zoom.token_calls) == 2
    assert len(zoom.api_calls) == 2
    err = info.value
    assert (err.status, err.code, err.operation) == (401, 124, "list_queues")
    assert "Invalid access token." in str(err)


def test_token_endpoint_rejection_raises_with_reason() -> None:
    zoom = FakeZoom(
        token=lambda request, n: httpx.Response(
            400, json={"reason": "Invalid client_id or client_secret", "error": "invalid_client"}
        )
    )
    client = make(zoom)
    with pytest.raises(AuthenticationError) as info:
        client.request("GET", "/contact_center/queues")
    err = info.value
    assert err.status == 400
    assert "Invalid client_id or client_secret (invalid_client)" in str(err)
    assert "HTTP 400" in str(err)
    assert len(zoom.token_calls) == 1  # a 4xx from the token endpoint is final
    assert not zoom.api_calls
    assert SECRET not in str(err) + repr(err)


def test_token_endpoint_outage_retried(clock: FakeClock) -> None:
    answers = [R(503, {"reason": "down"}), Raise(httpx.ConnectError)]

    def token(request: httpx.Request, n: int) -> httpx.Response:
        return answers[n - 1](request) if n <= len(answers) else R(200, token_body(n))(request)

    zoom = FakeZoom(token=token)
    client = make(zoom, clock=clock)
    client.request("GET", "/x")
    assert len(zoom.token_calls) == 3
    assert clock.sleeps == [0.5, 1.0]
    assert zoom.api_calls[0].headers["authorization"] == f"Bearer {TOKEN_PREFIX}3"


def test_token_endpoint_unreachable_raises_transport_error(clock: FakeClock) -> None:
    zoom = FakeZoom(token=lambda request, n: Raise(httpx.ConnectError)(request))
    client = make(zoom, clock=clock, max_retries=2)
    with pytest.raises(ZoomTransportError) as info:
        client.request("GET", "/x")
    assert info.value.operation == "fetch_access_token"
    assert info.value.attempts == 3
    assert len(zoom.token_calls) == 3


def test_api_url_from_token_is_honoured() -> None:
    zoom = FakeZoom(
        token=lambda request, n: httpx.Response(
            200, json=token_body(n, api_url="https://api-eu.zoom.us")
        )
    )
    client = make(zoom)
    client.request("GET", "/contact_center/queues")
    assert str(zoom.api_calls[0].url) == "https://api-eu.zoom.us/v2/contact_center/queues"
    assert client.api_base_url() == "https://api-eu.zoom.us/v2"


def test_api_url_ignored_for_explicit_base_url() -> None:
    zoom = FakeZoom(
        token=lambda request, n: httpx.Response(
            200, json=token_body(n, api_url="https://api-eu.zoom.us")
        )
    )
    client = make(
        zoom, base_url="http://127.0.0.1:8080/v2", oauth_url="http://127.0.0.1:8080/oauth/token"
    )
    client.request("GET", "contact_center/queues")
    assert str(zoom.api_calls[0].url) == "http://127.0.0.1:8080/v2/contact_center/queues"


def test_non_https_api_url_is_ignored() -> None:
    zoom = FakeZoom(
        token=lambda request, n: httpx.Response(200, json=token_body(n, api_url="http://evil"))
    )
    client = make(zoom)
    client.request("GET", "/x")
    assert zoom.api_calls[0].url.host == "api.zoom.us"


def test_absolute_url_paths_are_refused() -> None:
    client = make(FakeZoom())
    for path in ("https://elsewhere.example/v2/x", "//elsewhere.example/x"):
        with pytest.raises(ValueError, match="relative"):
            client.request("GET", path)


# -- 429 ---------------------------------------------------------------------------------


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


# -- 5xx and transport errors ------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_5xx_retried_for_idempotent_methods_with_backoff(clock: FakeClock, method: str) -> None:
    zoom = FakeZoom(script(R(503), R(500, {"code": 500}), R(502), R(204)))
    client = make(zoom, clock=clock)
    assert client.request(method, "/contact_center/queues/q1", json={"a": 1}) is None
    assert zoom.methods() == [method] * 4
    assert clock.sleeps == [0.5, 1.0, 2.0]  # base * 2**n, full jitter at its maximum
    assert client.stats.server_errors == 3 and client.stats.retries == 3


def test_5xx_backoff_is_capped_and_finally_raises(clock: FakeClock) -> None:
    zoom = FakeZoom(R(500, {"code": 500, "message": "Internal error"}))
    client = make(zoom, clock=clock, max_retries=6)
    with pytest.raises(ZoomApiError) as info:
        client.request("GET", "/x")
    assert clock.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert len(zoom.api_calls) == 7 and info.value.status == 500


def test_full_jitter_spreads_backoff(clock: FakeClock) -> None:
    zoom = FakeZoom(script(R(500), R(500), R(200, {})))
    client = make(zoom, clock=clock, rng=NoJitter())
    client.request("GET", "/x")
    assert clock.sleeps == []  # jitter drew 0: retried at once
    assert client.stats.retries == 2


def test_post_not_retried_on_5xx(clock: FakeClock) -> None:
    zoom = FakeZoom(script(R(500, {"code": 500, "message": "oops"}), R(201, {"id": "dup"})))
    client = make(zoom, clock=clock)
    with pytest.raises(ZoomApiError) as info:
        client.request("POST", "/contact_center/queues", json={}, operation="create_a_queue")
    assert zoom.methods() == ["POST"]
    assert info.value.status == 500 and clock.sleeps == []


def test_post_retry_can_be_forced_with_idempotent_true(clock: FakeClock) -> None:
    zoom = FakeZoom(script(R(500), R(200, {"ok": 1})))
    client = make(zoom, clock=clock)
    assert client.request("POST", "/x/search", json={}, idempotent=True) == {"ok": 1}
    assert zoom.methods() == ["POST", "POST"]


@pytest.mark.parametrize("exc", [httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError])
def test_post_not_resent_after_it_may_have_arrived(
    clock: FakeClock, exc: type[httpx.TransportError]
) -> None:
    zoom = FakeZoom(script(Raise(exc), R(201, {"id": "dup"})))
    client = make(zoom, clock=clock)
    with pytest.raises(ZoomTransportError) as info:
        client.request("POST", "/contact_center/queues", json={}, operation="create_a_queue")
    assert zoom.methods() == ["POST"]
    assert info.value.maybe_applied and info.value.attempts == 1
    assert "create_a_queue" in str(info.value)


@pytest.mark.parametrize("exc", [httpx.ConnectError, httpx.ConnectTimeout])
def test_post_retried_when_never_sent(clock: FakeClock, exc: type[httpx.TransportError]) -> None:
    zoom = FakeZoom(script(Raise(exc), R(201, {"id": "q1"})))
    client = make(zoom, clock=clock)
    assert client.request("POST", "/contact_center/queues", json={}) == {"id": "q1"}
    assert zoom.methods() == ["POST", "POST"]


def test_connection_errors_retried_then_transport_error(clock: FakeClock) -> None:
    zoom = FakeZoom(Raise(httpx.ConnectError))
    client = make(zoom, clock=clock, max_retries=3)
    with pytest.raises(ZoomTransportError) as info:
        client.request("GET", "/contact_center/queues/q1", operation="get_a_queue")
    err = info.value
    assert len(zoom.api_calls) == 4 and clock.sleeps == [0.5, 1.0, 2.0]
    assert err.operation == "get_a_queue" and err.attempts == 4 and not err.maybe_applied
    assert str(err).startswith("get_a_queue (GET /contact_center/queues/q1) failed after 4")
    assert "ConnectError" in str(err)
    assert err.__cause__ is None  # the httpx request (and its headers) is not attached
    assert client.stats.transport_errors == 4


def test_read_timeout_retried_for_get(clock: FakeClock) -> None:
    zoom = FakeZoom(script(Raise(httpx.ReadTimeout), R(200, {"ok": 1})))
    client = make(zoom, clock=clock)
    assert client.request("GET", "/x") == {"ok": 1}
    assert len(zoom.api_calls) == 2


class Unseekable:
    """A pipe-like upload: it can be read once only."""

    def __init__(self, data: bytes, name: str) -> None:
        self._buffer = io.BytesIO(data)
        self.name = name

    def read(self, size: int = -1) -> bytes:
        return self._buffer.read(size)


def test_multipart_upload_resends_the_same_bytes(clock: FakeClock) -> None:
    zoom = FakeZoom(script(R(429, {"code": 4001}, {"Retry-After": "1"}), R(201, {"id": "a"})))
    client = make(zoom, clock=clock)
    upload = Unseekable(b"WAVE-DATA-123", "/tmp/greeting.wav")
    client.request("POST", "/contact_center/assets", files={"file": upload}, rate_label="HEAVY")
    bodies = [r.read() for r in zoom.api_calls]
    assert len(bodies) == 2
    assert all(b"WAVE-DATA-123" in b and b'filename="greeting.wav"' in b for b in bodies)


# -- error mapping -----------------------------------------------------------------------


def test_error_mapping_and_message() -> None:
    zoom = FakeZoom(R(400, {"code": 1205, "message": "Invalid channel type."}))
    client = make(zoom)
    with pytest.raises(ZoomApiError) as info:
        client.request("POST", "/contact_center/queues", json={}, operation="create_a_queue")
    err = info.value
    assert type(err) is ZoomApiError
    assert (err.status, err.code, err.message) == (400, 1205, "Invalid channel type.")
    assert (err.operation, err.method, err.path) == (
        "create_a_queue",
        "POST",
        "/contact_center/queues",
    )
    assert str(err) == (
        "create_a_queue (POST /contact_center/queues) failed: "
        "HTTP 400, Zoom code 1205: Invalid channel type."
    )
    restored = pickle.loads(pickle.dumps(err))
    assert type(restored) is ZoomApiError and str(restored) == str(err)
    assert restored.code == 1205


def test_error_without_operation_or_json_body() -> None:
    zoom = FakeZoom(R(403, "<html>Forbidden by proxy</html>"))
    client = make(zoom)
    with pytest.raises(ZoomApiError) as info:
        client.request("DELETE", "/contact_center/queues/q1")
    assert str(info.value) == (
        "DELETE /contact_center/queues/q1 failed: HTTP 403: <html>Forbidden by proxy</html>"
    )
    assert info.value.code is None


def test_validation_errors_are_listed() -> None:
    body = {
        "code": 300,
        "message": "Validation Failed.",
        "errors": [{"field": "queue_name", "message": "must not be blank"}],
    }
    client = make(FakeZoom(R(400, body)))
    with pytest.raises(ZoomApiError) as info:
        client.request("POST", "/contact_center/queues", operation="create_a_queue")
    assert str(info.value).endswith("Validation Failed. (queue_name: must not be blank)")
    assert info.value.errors == ({"field": "queue_name", "message": "must not be blank"},)


# (status, Zoom code, the operation's not-found codes, whether it means "gone"). DELETE asset
# documents 404 with 10009 "Asset not found.", 10010 "archive it first" and 10002 "This asset
# is being used." (reference line 3623): only 10009, or a 404 with no code of its own, is gone.
NOT_FOUND_CASES: list[tuple[int, int | None, frozenset[int], bool]] = [
    (404, 10009, frozenset({10009}), True),
    (404, 10010, frozenset({10009}), False),
    (404, 10002, frozenset({10009}), False),
    (404, None, frozenset({10009}), True),
    (404, 404, frozenset({10009}), True),
    (404, 1001, frozenset(), False),
    (400, 2001, frozenset({2001}), True),
    (400, 2001, frozenset({9}), False),
]


@pytest.mark.parametrize(("status", "code", "not_found_codes", "gone"), NOT_FOUND_CASES)
def test_only_documented_not_found_codes_mean_gone(
    status: int, code: int | None, not_found_codes: frozenset[int], gone: bool
) -> None:
    body = {"message": "refused or missing"} if code is None else {"code": code, "message": "x"}
    client = make(FakeZoom(R(status, body)))
    with pytest.raises(ZoomApiError) as info:
        client.request(
            "DELETE",
            "/contact_center/asset_library/assets/a1",
            not_found_codes=not_found_codes,
        )
    assert isinstance(info.value, NotFoundError) is gone
    assert (info.value.status, info.value.code) == (status, code)


def test_success_bodies() -> None:
    client = make(FakeZoom(script(R(204), R(201, b""), R(200, [1, 2]), R(200, "not json"))))
    assert client.request("DELETE", "/x") is None
    assert client.request("POST", "/x") is None
    assert client.request("GET", "/x") == [1, 2]
    with pytest.raises(ZoomApiError, match="not JSON"):
        client.request("GET", "/x")


# -- pagination --------------------------------------------------------------------------


def test_pagination_across_three_pages() -> None:
    pages = {
        "": {"next_page_token": "p2", "queues": [{"id": 1}, {"id": 2}]},
        "p2": {"next_page_token": "p3", "queues": [{"id": 3}]},
        "p3": {"next_page_token": "", "queues": [{"id": 4}]},
    }
    seen: list[dict[str, str]] = []

    def api(request: httpx.Request) -> httpx.Response:
        q = dict(request.url.params)
        seen.append(q)
        return httpx.Response(200, json=pages[q.get("next_page_token", "")])

    zoom = FakeZoom(api)
    client = make(zoom)
    items = list(
        client.paginate(
            "/contact_center/queues", items_key="queues", params={"status": "active"}, page_size=999
        )
    )
    assert [i["id"] for i in items] == [1, 2, 3, 4]
    assert [q.get("next_page_token") for q in seen] == [None, "p2", "p3"]
    assert all(q["page_size"] == "300" and q["status"] == "active" for q in seen)


def test_pagination_stops_on_missing_token_and_refuses_loops() -> None:
    client = make(FakeZoom(R(200, {"users": [{"id": "u"}]})))
    assert list(client.paginate("/users", items_key="users")) == [{"id": "u"}]
    client = make(FakeZoom(R(200, {"users": [], "next_page_token": "same"})))
    with pytest.raises(RuntimeError, match="did not advance"):
        list(client.paginate("/users", items_key="users"))


# -- pacing ------------------------------------------------------------------------------


def _send_times(
    client: ZoomClient, zoom: FakeZoom, clock: FakeClock, labels: list[str]
) -> list[float]:
    times: list[float] = []

    def api(request: httpx.Request) -> httpx.Response:
        times.append(clock.now)
        return httpx.Response(200, json={})

    zoom.api = api
    for label in labels:
        client.request("GET", "/x", rate_label=label)
    return [t - times[0] for t in times]


@pytest.mark.parametrize(
    ("plan", "label", "interval"),
    [
        ("pro", "LIGHT", 0.05),
        ("pro", "MEDIUM", 0.1),
        ("pro", "HEAVY", 0.2),
        ("business", "LIGHT", 0.025),
        ("business", "MEDIUM", 0.05),
        ("business", "HEAVY", 0.1),
    ],
)
def test_pacing_spaces_requests_at_the_label_rate(
    clock: FakeClock, plan: str, label: str, interval: float
) -> None:
    zoom = FakeZoom()
    client = make(zoom, clock=clock, plan=plan, pacing=True)
    times = _send_times(client, zoom, clock, [label] * 5)
    assert times == pytest.approx([i * interval / HEADROOM for i in range(5)])


def test_pacing_labels_are_independent_and_case_insensitive(clock: FakeClock) -> None:
    zoom = FakeZoom()
    client = make(zoom, clock=clock, pacing=True)
    times = _send_times(client, zoom, clock, ["HEAVY", "heavy", "Light", "LIGHT", "light"])
    heavy, light = 0.2 / HEADROOM, 0.05 / HEADROOM
    assert times == pytest.approx([0.0, heavy, heavy, heavy + light, heavy + 2 * light])


def test_pacing_off_and_unknown_label(clock: FakeClock) -> None:
    zoom = FakeZoom()
    client = make(zoom, clock=clock, pacing=False)
    _send_times(client, zoom, clock, ["HEAVY"] * 5)
    assert clock.sleeps == []
    with pytest.raises(ValueError, match="unknown rate-limit label"):
        client.request("GET", "/x", rate_label="SUPERHEAVY")


def test_pacer_hands_threads_distinct_slots(monkeypatch: pytest.MonkeyPatch) -> None:
    old_interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible to expose races
    waits: list[float] = []
    lock = threading.Lock()
    pacer = Pacer({"MEDIUM": 10.0}, clock=lambda: 50.0, sleep=lambda s: None)
    barrier = threading.Barrier(16)

    def worker() -> None:
        barrier.wait()
        mine = [pacer.reserve("MEDIUM") for _ in range(200)]
        with lock:
            waits.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old_interval)
    slots = sorted(round(w * 10) for w in waits)
    assert slots == list(range(16 * 200))


def test_pacer_sleeps_outside_its_lock() -> None:
    release = threading.Event()
    sleeping = threading.Event()
    blocked_thread: list[threading.Thread] = []

    def sleep(seconds: float) -> None:
        if threading.current_thread() in blocked_thread:
            sleeping.set()
            release.wait(5)

    pacer = Pacer({"LIGHT": 20.0}, clock=lambda: 0.0, sleep=sleep)
    pacer.acquire("LIGHT")  # takes the slot at t=0
    first = threading.Thread(target=pacer.acquire, args=("LIGHT",))
    blocked_thread.append(first)
    first.start()
    assert sleeping.wait(5)
    second_wait: list[float] = []
    second = threading.Thread(target=lambda: second_wait.append(pacer.acquire("LIGHT")))
    second.start()
    second.join(2)
    done = not second.is_alive()
    release.set()
    first.join(5)
    assert done, "a sleeping thread held the pacer lock"
    assert second_wait == [pytest.approx(0.1)]


# -- secrets, pickling, stats, lifecycle --------------------------------------------------


def test_secrets_never_leak(clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        # A misbehaving proxy that echoes our Authorization header back.
        return httpx.Response(
            400, json={"code": 1, "message": f"bad header {request.headers['authorization']}"}
        )

    def echo_connect_error(request: httpx.Request, n: int = 0) -> httpx.Response:
        raise httpx.ConnectError(f"proxy refused {request.headers['authorization']}")

    zoom = FakeZoom(
        script(
            R(401, {"code": 124, "message": "Invalid access token."}),
            R(429, {"code": 4001}, {"Retry-After": "1"}),
            R(500),
            echo,
            echo_connect_error,
            R(429, {"code": 429, "message": "daily"}, {"X-RateLimit-Type": "Daily-limit"}),
            R(401),
        )
    )
    client = make(zoom, clock=clock, max_retries=0)
    errors: list[Exception] = []
    caplog.set_level(logging.DEBUG)
    with caplog.at_level(logging.DEBUG):
        for _ in range(6):
            try:
                client.request("GET", "/contact_center/queues", operation="list_queues")
            except (ZoomApiError, ZoomTransportError) as exc:
                errors.append(exc)
        bad = FakeZoom(
            token=lambda request, n: httpx.Response(
                401, json={"reason": f"bad secret {SECRET}", "error": "invalid_client"}
            )
        )
        unreachable = FakeZoom(token=echo_connect_error)
        for zoom_ in (bad, unreachable):
            try:
                make(zoom_, clock=clock, max_retries=0).request("GET", "/x")
            except (AuthenticationError, ZoomTransportError) as exc:
                errors.append(exc)
    assert [type(e).__name__ for e in errors] == [
        "RateLimitError",
        "ZoomApiError",
        "ZoomApiError",
        "ZoomTransportError",
        "DailyLimitError",
        "AuthenticationError",
        "AuthenticationError",
        "ZoomTransportError",
    ]
    assert ["[REDACTED]" in str(e) for e in errors] == [0, 0, 1, 1, 0, 0, 1, 1]
    basic = base64.b64encode(f"client-1:{SECRET}".encode()).decode()
    texts = [str(e) for e in errors] + [repr(e) for e in errors]
    texts += [r.getMessage() for r in caplog.records]
    texts += [repr(client), str(client), repr(client.settings), str(client.settings)]
    texts += [repr(client._auth), repr(client._auth.get())]
    assert caplog.records, "expected log records to inspect"
    joined = "\n".join(texts)
    assert SECRET not in joined
    assert basic not in joined
    assert TOKEN_PREFIX not in joined


def test_request_logs_carry_method_path_status() -> None:
    zoom = FakeZoom(R(200, {}))
    client = make(zoom)
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("zoomcc.client")
    handler = Keep(logging.DEBUG)
    old = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        client.request("GET", "/contact_center/queues", params={"q": "find-me"})
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)
    lines = [r.getMessage() for r in records]
    assert any(line.startswith("GET /contact_center/queues -> 200 (attempt 1,") for line in lines)
    assert not any("find-me" in line for line in lines)


def test_client_is_not_picklable() -> None:
    client = make(FakeZoom())
    with pytest.raises(TypeError, match="ZoomClient is not picklable"):
        pickle.dumps(client)
    import dill  # a dependency of pulumi, always installed
    with pytest.raises(TypeError, match="not picklable"):
        dill.dumps(client)
    assert "base_url='https://api.zoom.us/v2'" in repr(client)


def test_errors_survive_pickling() -> None:
    reset = datetime(2030, 1, 1, tzinfo=UTC)
    err = DailyLimitError(
        429, 429, "daily", "op", "GET", "/x", retry_after=5.0, limit_type="Daily", reset_at=reset
    )
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is DailyLimitError and back.reset_at == reset and str(back) == str(err)
    terr = ZoomTransportError("ConnectError: x", "op", "GET", "/x", attempts=3)
    assert str(pickle.loads(pickle.dumps(terr))) == str(terr)


def test_stats_count_requests_retries_and_429s(clock: FakeClock) -> None:
    zoom = FakeZoom(
        script(R(429, {"code": 4001}), R(200, {}), R(503), R(200, {}), R(201, {}), R(204))
    )
    client = make(zoom, clock=clock)
    client.request("GET", "/a")
    client.request("GET", "/b")
    client.request("POST", "/c")
    client.request("DELETE", "/d")
    stats = client.stats
    assert dict(stats.requests) == {"GET": 4, "POST": 1, "DELETE": 1}
    assert stats.total_requests == 6
    assert (stats.retries, stats.rate_limited, stats.server_errors) == (2, 1, 1)
    assert stats.token_requests == 1
    client.reset_stats()
    assert client.stats.total_requests == 0


def test_context_manager_closes() -> None:
    with make(FakeZoom()) as client:
        client.request("GET", "/x")
    with pytest.raises(RuntimeError, match="ZoomClient is closed"):
        client.request("GET", "/x")
