"""Retries of 5xx and transport errors: backoff, idempotency, uploads resent whole."""

from __future__ import annotations

import io

import httpx
import pytest

from tests.support.client_calls import FakeClock, FakeZoom, NoJitter, R, Raise, make, script
from tests.support.client_calls import clock as clock  # the fixture
from zoomcc.client import ZoomApiError, ZoomTransportError


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
