"""Pacing requests per rate-limit label, and the pacer's thread safety."""

from __future__ import annotations

import itertools
import random
import sys
import threading

import httpx
import pytest

from tests.support.client_calls import FakeClock, FakeZoom, make, settings
from tests.support.client_calls import clock as clock  # the fixture
from zoomcc.client import Pacer, ZoomClient
from zoomcc.client.pacing import HEADROOM


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


@pytest.mark.parametrize("seed", range(6))
def test_slots_stay_evenly_spaced_whatever_the_demand(seed: int) -> None:
    """Bursts, idle spells, a backlog: no two slots on a label are closer than 1/(0.95 x the
    limit), so no second holds more than 95% of the limit (plus the one slot on its edge).
    Handing a label's whole limit out at once after an idle second (a sliding window, tried
    for issue 25) drew 429s from the emulator: a burst queues at the server, its last
    requests arrive late, and the next burst a window later lands in their second."""
    rng = random.Random(seed)
    now = [0.0]
    pacer = Pacer.for_plan("pro", clock=lambda: now[0], sleep=lambda s: None)
    starts = []
    for _ in range(2000):
        now[0] += rng.choice([0.0, 0.0, 0.001, 0.02, 0.05, 0.3, 1.5]) * rng.random()
        starts.append(now[0] + pacer.reserve("LIGHT"))
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) >= 0.05 / HEADROOM - 1e-9
    per_second = [sum(1 for s in starts if t <= s < t + 1.0) for t in starts]
    assert max(per_second) <= 20


def test_an_accounts_own_limits_win_over_its_plans_label_by_label() -> None:
    """``zoomcc:rateLimits`` ``{"light": 30}`` on a pro account: LIGHT at 95% of 30, the
    other labels at the plan's."""
    pacer = Pacer.for_plan("pro", limits={"light": 30.0}, clock=lambda: 0.0, sleep=lambda s: None)
    assert pacer.interval("LIGHT") == pytest.approx(1 / (30 * HEADROOM))
    assert pacer.interval("MEDIUM") == pytest.approx(1 / (10 * HEADROOM))
    assert pacer.interval("HEAVY") == pytest.approx(1 / (5 * HEADROOM))


def test_a_client_paces_to_the_limits_in_its_settings() -> None:
    client = ZoomClient(settings(rate_limits={"MEDIUM": 12}), contract=None)
    try:
        assert client.pacer.interval("MEDIUM") == pytest.approx(1 / (12 * HEADROOM))
        assert client.pacer.interval("LIGHT") == pytest.approx(1 / (20 * HEADROOM))
    finally:
        client.close()
