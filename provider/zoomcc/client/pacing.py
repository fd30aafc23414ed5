"""Client-side pacing per Zoom rate-limit label, shared by every thread of the process.

Zoom counts requests per account and label, so many per second (QPS); sending faster than
the label allows only buys 429s. Each label gets a sliding window, the rule Zoom documents
and the emulator enforces: at most ``limit`` sends in any ``window`` seconds. A send slot is
reserved under a lock and slept for outside it, so threads are never held up longer than
their own slot requires.

A window, not evenly spaced slots: spaced slots start empty, so the first second of a run
sent one request where the limit allows twenty, and a second left idle (the engine busy
elsewhere) was lost for good. Any ``limit + 1`` sends still span at least ``window``
seconds, so every second the server counts holds at most ``limit`` of them, whether it
counts a sliding second, calendar seconds or tokens refilled at ``limit`` per second.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping

# Requests per second for Contact Center labels (Zoom rate-limit documentation).
RATE_LIMITS: dict[str, dict[str, float]] = {
    "pro": {"LIGHT": 20.0, "MEDIUM": 10.0, "HEAVY": 5.0},
    "business": {"LIGHT": 40.0, "MEDIUM": 20.0, "HEAVY": 10.0},
}

# Send at 95% of a label's limit: a label's `limit` sends go in any 1/0.95 s (1.053 s), not
# in any second. Paced exactly at the limit, a request that reaches the server a few
# milliseconds later than the one sent a second before it lands in the same one-second
# window and is refused; every such 429 then holds the whole label back for a second. The
# 53 ms absorb ordinary network jitter (measured against the emulator: 100 MEDIUM requests
# from 4 threads got 6 refusals at 100%, none at 95%, and finished sooner).
HEADROOM = 0.95


def normalize_label(label: str) -> str:
    """Labels are case-insensitive (the reference spells some `Medium`, `Light`)."""
    key = label.strip().upper()
    if key not in RATE_LIMITS["pro"]:
        known = ", ".join(RATE_LIMITS["pro"])
        raise ValueError(f"unknown rate-limit label {label!r} (expected one of {known})")
    return key


class Pacer:
    """Hands out send slots per label; thread-safe, clock and sleep injectable.

    ``limits``: requests per ``window`` seconds per label, e.g. ``{"LIGHT": 20}``."""

    def __init__(
        self,
        limits: Mapping[str, float],
        *,
        enabled: bool = True,
        window: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if window <= 0:
            raise ValueError("window must be positive")
        self._limits = {normalize_label(k): max(1, int(v)) for k, v in limits.items() if v > 0}
        self._window = window
        self._enabled = enabled
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        # Per label: the start times of its last `limit` slots, oldest first.
        self._sent: dict[str, deque[float]] = {}
        # Per label: no slot before this time (after a 429).
        self._held: dict[str, float] = {}

    @classmethod
    def for_plan(
        cls,
        plan: str,
        *,
        enabled: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Pacer:
        """A pacer just under Zoom's Contact Center limits for `plan` ("pro" or "business")."""
        return cls(
            RATE_LIMITS[plan], enabled=enabled, window=1.0 / HEADROOM, clock=clock, sleep=sleep
        )

    @property
    def enabled(self) -> bool:
        return self._enabled

    def rate(self, label: str) -> float:
        """Requests per second `label` is paced at over a long run."""
        return self._limits[normalize_label(label)] / self._window

    def reserve(self, label: str) -> float:
        """Reserve the next slot on `label`; returns how long the caller must wait for it."""
        key = normalize_label(label)
        if not self._enabled or key not in self._limits:
            return 0.0
        limit = self._limits[key]
        with self._lock:
            now = self._clock()
            sent = self._sent.setdefault(key, deque(maxlen=limit))
            start = max(now, self._held.get(key, now))
            if len(sent) == limit:  # the slot `limit` back must be a window old
                start = max(start, sent[0] + self._window)
            sent.append(start)  # slots are handed out in time order; the oldest drops
        return start - now

    def acquire(self, label: str) -> float:
        """Wait (outside the lock) for this thread's slot; returns the time waited."""
        wait = self.reserve(label)
        if wait > 0:
            self._sleep(wait)
        return wait

    def defer(self, label: str, seconds: float) -> None:
        """Hold the label's slots `seconds` off (after a 429, so other threads hold off)."""
        key = normalize_label(label)
        if not self._enabled or key not in self._limits or seconds <= 0:
            return
        with self._lock:
            until = self._clock() + seconds
            self._held[key] = max(self._held.get(key, until), until)
