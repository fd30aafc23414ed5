"""A scripted Zoom for the API client's unit tests (tests/unit/test_client_*.py), on
httpx.MockTransport.

No network and no real sleeps: time is a FakeClock whose sleep() only moves the clock.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from zoomcc.client import ClientSettings, ZoomClient

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
    """A fresh FakeClock per test; test modules import it by name to use it."""
    return FakeClock()
