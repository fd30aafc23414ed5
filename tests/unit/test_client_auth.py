"""OAuth tokens (fetched once, renewed early or on rejection, endpoint failures) and
the API base URL a token names."""

from __future__ import annotations

import base64
import threading
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from tests.support.client_calls import (
    SECRET,
    TOKEN_PREFIX,
    FakeClock,
    FakeZoom,
    R,
    Raise,
    Step,
    make,
    settings,
    token_body,
)
from tests.support.client_calls import clock as clock  # the fixture
from zoomcc.client import AuthenticationError, ZoomClient, ZoomTransportError


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
