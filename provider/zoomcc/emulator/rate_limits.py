"""Zoom's rate limits: requests per second per label, and an optional daily cap."""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from zoomcc.emulator.config import EmulatorConfig


@dataclass(frozen=True)
class RateLimitHit:
    """Why a request was refused with 429."""

    kind: Literal["QPS", "Daily-limit"]
    label: str
    retry_after: str
    limit: int


def _counts_daily(config: EmulatorConfig, label: str) -> bool:
    return config.daily_limit is not None and (
        config.daily_limit_labels is None or label in config.daily_limit_labels
    )


class RateLimiter:
    """Counts API requests per label. Not thread-safe by itself:
    :class:`zoomcc.emulator.state.EmulatorState` holds its lock around it."""

    def __init__(self) -> None:
        self._windows: dict[str, deque[float]] = {}
        self._daily: tuple[str, int] = ("", 0)
        self.refused = 0
        """How many requests were refused since the last reset."""

    def check(self, config: EmulatorConfig, label: str | None) -> RateLimitHit | None:
        """Count one API request; a hit when it exceeds the per-second or daily limit."""
        if label is None:
            return None
        label = label.upper()
        if _counts_daily(config, label) and config.daily_limit is not None:
            now = datetime.now(UTC)
            day = now.strftime("%Y-%m-%d")
            used = self._daily[1] if self._daily[0] == day else 0
            if used >= config.daily_limit:
                self.refused += 1
                midnight = (now + timedelta(days=1)).replace(
                    hour=0, minute=0, second=0, microsecond=0
                )
                retry = (
                    midnight.strftime("%Y-%m-%dT%H:%M:%SZ")
                    if config.daily_retry_after == "datetime"
                    else str(math.ceil((midnight - now).total_seconds()))
                )
                return RateLimitHit("Daily-limit", label, retry, config.daily_limit)
        if config.rate_limits_enabled and label in config.rate_limits:
            limit = config.rate_limits[label]
            window = self._windows.setdefault(label, deque())
            now_m = time.monotonic()
            while window and window[0] <= now_m - 1.0:
                window.popleft()
            if len(window) >= limit:
                self.refused += 1
                wait = window[0] + 1.0 - now_m if window else 1.0
                return RateLimitHit("QPS", label, str(max(1, math.ceil(wait))), limit)
            window.append(now_m)
        if _counts_daily(config, label):
            day = datetime.now(UTC).strftime("%Y-%m-%d")
            used = self._daily[1] if self._daily[0] == day else 0
            self._daily = (day, used + 1)
        return None
