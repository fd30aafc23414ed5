"""Secrets and tokens never reach errors, logs or reprs; logs carry no query values."""

from __future__ import annotations

import base64
import logging

import httpx
import pytest

from tests.support.client_calls import SECRET, TOKEN_PREFIX, FakeClock, FakeZoom, R, make, script
from tests.support.client_calls import clock as clock  # the fixture
from zoomcc.client import AuthenticationError, ZoomApiError, ZoomTransportError


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
