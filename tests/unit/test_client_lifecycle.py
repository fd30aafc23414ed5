"""The client itself: not picklable, its stats, closing it."""

from __future__ import annotations

import pickle

import pytest

from tests.support.client_calls import FakeClock, FakeZoom, R, make, script
from tests.support.client_calls import clock as clock  # the fixture


def test_client_is_not_picklable() -> None:
    client = make(FakeZoom())
    with pytest.raises(TypeError, match="ZoomClient is not picklable"):
        pickle.dumps(client)
    import dill  # a dependency of pulumi, always installed
    with pytest.raises(TypeError, match="not picklable"):
        dill.dumps(client)
    assert "base_url='https://api.zoom.us/v2'" in repr(client)


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
