"""Pacing requests per rate-limit label, and the pacer's thread safety."""

from __future__ import annotations

import random
import sys
import threading

import httpx
import pytest

from tests.support.client_calls import FakeClock, FakeZoom, make
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


WINDOW = 1.0 / HEADROOM
"""A label's limit goes out in any 1/0.95 s, not in any second: the headroom."""


@pytest.mark.parametrize(
    ("plan", "label", "limit"),
    [
        ("pro", "LIGHT", 20),
        ("pro", "MEDIUM", 10),
        ("pro", "HEAVY", 5),
        ("business", "LIGHT", 40),
        ("business", "MEDIUM", 20),
        ("business", "HEAVY", 10),
    ],
)
def test_pacing_sends_the_labels_limit_per_stretched_second(
    clock: FakeClock, plan: str, label: str, limit: int
) -> None:
    zoom = FakeZoom()
    client = make(zoom, clock=clock, plan=plan, pacing=True)
    times = _send_times(client, zoom, clock, [label] * (3 * limit + 1))
    assert times == pytest.approx([(i // limit) * WINDOW for i in range(3 * limit + 1)])


def test_a_run_starts_with_the_whole_first_second_of_the_limit(clock: FakeClock) -> None:
    """Evenly spaced slots that start empty sent the 20th LIGHT request of a run 1 s in,
    where Zoom's 20 per second allows it at once (issue 25: part of a paced up's time
    above the rate floor)."""
    zoom = FakeZoom()
    client = make(zoom, clock=clock, pacing=True)
    times = _send_times(client, zoom, clock, ["LIGHT"] * 21)
    assert times[:20] == [0.0] * 20
    assert times[20] == pytest.approx(WINDOW)


def test_a_second_left_idle_is_not_lost() -> None:
    """After the label was idle a window long, its whole limit is free again at once."""
    now = [0.0]
    pacer = Pacer({"LIGHT": 20.0}, window=WINDOW, clock=lambda: now[0], sleep=lambda s: None)
    assert [pacer.reserve("LIGHT") for _ in range(20)] == [0.0] * 20
    now[0] = WINDOW + 0.5  # e.g. the engine writing its checkpoint
    assert [pacer.reserve("LIGHT") for _ in range(20)] == [0.0] * 20
    assert pacer.reserve("LIGHT") == pytest.approx(WINDOW)


@pytest.mark.parametrize("seed", range(8))
def test_no_second_the_server_counts_holds_more_than_the_limit(seed: int) -> None:
    """Whatever the demand (bursts, idle gaps, many threads), any limit + 1 consecutive
    slots span at least 1/0.95 s, so a sliding second (the emulator's rule) holds at most
    the limit with the headroom to spare; under a backlog the label runs at 95%."""
    rng = random.Random(seed)
    now = [0.0]
    pacer = Pacer.for_plan("pro", clock=lambda: now[0], sleep=lambda s: None)
    starts = []
    for _ in range(2000):
        now[0] += rng.choice([0.0, 0.0, 0.001, 0.02, 0.05, 0.3, 1.5]) * rng.random()
        starts.append(now[0] + pacer.reserve("LIGHT"))
    assert starts == sorted(starts)
    spans = [b - a for a, b in zip(starts, starts[20:], strict=False)]
    assert min(spans) >= WINDOW - 1e-9
    now[0] = starts[-1] + 2 * WINDOW
    busy = [now[0] + pacer.reserve("LIGHT") for _ in range(1901)]  # a backlog, no idle
    assert (len(busy) - 1) / (busy[-1] - busy[0]) <= 20 * HEADROOM + 1e-9


def test_pacing_labels_are_independent_and_case_insensitive(clock: FakeClock) -> None:
    zoom = FakeZoom()
    client = make(zoom, clock=clock, pacing=True)
    labels = ["HEAVY", "heavy", "Heavy", "HEAVY", "heavy", "HEAVY", "Light", "LIGHT", "light"]
    times = _send_times(client, zoom, clock, labels)
    # HEAVY's fifth request fills its window (5 per 1/0.95 s); LIGHT's window is its own.
    assert times == pytest.approx([0.0] * 5 + [WINDOW] * 4)


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
    pacer = Pacer({"MEDIUM": 10.0}, clock=lambda: 50.0, sleep=lambda s: None)  # 10 per 1 s
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
    # Every thread asked at t=50: slot k of all 3,200 goes k // 10 seconds on, none twice.
    assert sorted(waits) == [float(k // 10) for k in range(16 * 200)]


def test_pacer_sleeps_outside_its_lock() -> None:
    release = threading.Event()
    sleeping = threading.Event()
    blocked_thread: list[threading.Thread] = []

    def sleep(seconds: float) -> None:
        if threading.current_thread() in blocked_thread:
            sleeping.set()
            release.wait(5)

    pacer = Pacer({"LIGHT": 1.0}, clock=lambda: 0.0, sleep=sleep)  # 1 per second
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
    assert second_wait == [pytest.approx(2.0)]
