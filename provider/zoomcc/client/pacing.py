"""Client-side pacing per Zoom rate-limit label, shared by every thread of the process.

Zoom counts requests per account and label; sending faster than the label allows only
buys 429s. Each label gets evenly spaced send slots (a GCRA / leaky bucket, optionally
with a small burst). A slot is reserved under a lock and slept for outside it, so
threads are never held up longer than their own slot requires.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable, Mapping

# Requests per second for Contact Center labels: the "Zoom Contact Center APIs" table of
# Zoom's rate-limits page (https://developers.zoom.us/docs/api/rate-limits/, now under
# /docs/commerce/rate-limits/; a copy generated 2026-02-07 reads: Pro Light 20/s,
# Medium 10/s, Heavy 5/s and 15,000/day; Business+ 40, 20, 10/s and 30,000/day, the daily
# limit shared with resource-intensive APIs). Zoom's changelog of 2026-12-03 ("Contact
# Center: Increase API rate limits and daily quotas") raised the Light and Medium limits
# without our having the new table; until it is confirmed, these stay, and an account sets
# its own with `zoomcc:rateLimits` (merged over these, see `parse_rate_limits`).
RATE_LIMITS: dict[str, dict[str, float]] = {
    "pro": {"LIGHT": 20.0, "MEDIUM": 10.0, "HEAVY": 5.0},
    "business": {"LIGHT": 40.0, "MEDIUM": 20.0, "HEAVY": 10.0},
}

# Send at 95% of a label's limit. Paced exactly at the limit, a request that reaches the
# server a few milliseconds later than the one sent a second before it lands in the same
# one-second window and is refused; every such 429 then holds the whole label back for a
# second. 5% headroom absorbs ordinary network jitter (measured against the emulator:
# 100 MEDIUM requests from 4 threads got 6 refusals at 100%, none at 95%, and finished
# sooner).
HEADROOM = 0.95


def normalize_label(label: str) -> str:
    """Labels are case-insensitive (the reference spells some `Medium`, `Light`)."""
    key = label.strip().upper()
    if key not in RATE_LIMITS["pro"]:
        known = ", ".join(RATE_LIMITS["pro"])
        raise ValueError(f"unknown rate-limit label {label!r} (expected one of {known})")
    return key


def parse_rate_limits(value: object, where: str = "rate_limits") -> dict[str, float]:
    """An account's own limits, requests per second by label (``{"LIGHT": 30}``, or that as
    JSON, as stack config hands an object over); ``where`` names the setting in errors."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else {}
        except json.JSONDecodeError:
            value = None
    if not isinstance(value, Mapping):
        raise ValueError(
            f"{where} must map rate-limit labels to requests per second, "
            'e.g. {"LIGHT": 30, "MEDIUM": 15}'
        )
    return {
        _label_of(str(label), where): _rate_of(rate, f"{where}.{label}")
        for label, rate in value.items()
    }


def _label_of(label: str, where: str) -> str:
    try:
        return normalize_label(label)
    except ValueError:
        known = ", ".join(RATE_LIMITS["pro"])
        raise ValueError(
            f"{where}.{label} is not a rate-limit label: the labels are {known}"
        ) from None


def _rate_of(rate: object, where: str) -> float:
    number = rate if isinstance(rate, int | float) and not isinstance(rate, bool) else None
    if isinstance(rate, str):
        try:
            number = float(rate)
        except ValueError:
            number = None
    if number is None or not math.isfinite(number) or number <= 0:
        raise ValueError(
            f"{where} is {rate!r}; it must be a positive number of requests per second"
        )
    return float(number)


class Pacer:
    """Hands out send slots per label; thread-safe, clock and sleep injectable."""

    def __init__(
        self,
        rates: Mapping[str, float],
        *,
        enabled: bool = True,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self._intervals = {normalize_label(k): 1.0 / v for k, v in rates.items() if v > 0}
        self._enabled = enabled
        self._burst = burst
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        # Theoretical arrival time of the next request, per label (GCRA).
        self._next: dict[str, float] = {}

    @classmethod
    def for_plan(
        cls,
        plan: str,
        *,
        limits: Mapping[str, float] | None = None,
        enabled: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Pacer:
        """A pacer just under Zoom's Contact Center limits for `plan` ("pro" or "business"),
        `limits` (the account's own, ``{"LIGHT": 30}``) winning label by label."""
        merged = {**RATE_LIMITS[plan], **{normalize_label(k): v for k, v in (limits or {}).items()}}
        rates = {label: rate * HEADROOM for label, rate in merged.items()}
        return cls(rates, enabled=enabled, clock=clock, sleep=sleep)

    @property
    def enabled(self) -> bool:
        return self._enabled

    def interval(self, label: str) -> float:
        """Seconds between two requests on `label`."""
        return self._intervals[normalize_label(label)]

    def reserve(self, label: str) -> float:
        """Reserve the next slot on `label`; returns how long the caller must wait for it."""
        key = normalize_label(label)
        if not self._enabled or key not in self._intervals:
            return 0.0
        interval = self._intervals[key]
        with self._lock:
            now = self._clock()
            tat = max(self._next.get(key, now), now)
            start = max(now, tat - (self._burst - 1) * interval)
            self._next[key] = tat + interval
        return start - now

    def acquire(self, label: str) -> float:
        """Wait (outside the lock) for this thread's slot; returns the time waited."""
        wait = self.reserve(label)
        if wait > 0:
            self._sleep(wait)
        return wait

    def defer(self, label: str, seconds: float) -> None:
        """Push the label's next slot `seconds` out (after a 429, so other threads hold off)."""
        key = normalize_label(label)
        if not self._enabled or key not in self._intervals or seconds <= 0:
            return
        with self._lock:
            until = self._clock() + seconds
            self._next[key] = max(self._next.get(key, until), until)
