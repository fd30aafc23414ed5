"""Request counters, so benchmarks and tests can see what the client really sent."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class ClientStats:
    """An immutable snapshot of the counters."""

    requests: MappingProxyType[str, int] = field(default_factory=lambda: MappingProxyType({}))
    retries: int = 0
    rate_limited: int = 0
    daily_limited: int = 0
    server_errors: int = 0
    transport_errors: int = 0
    token_requests: int = 0
    token_renewals: int = 0
    paced_seconds: float = 0.0

    @property
    def total_requests(self) -> int:
        """API requests handed to the transport (every attempt counts; token calls do not)."""
        return sum(self.requests.values())

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for printing or JSON."""
        return {
            "requests": dict(self.requests),
            "total_requests": self.total_requests,
            "retries": self.retries,
            "rate_limited": self.rate_limited,
            "daily_limited": self.daily_limited,
            "server_errors": self.server_errors,
            "transport_errors": self.transport_errors,
            "token_requests": self.token_requests,
            "token_renewals": self.token_renewals,
            "paced_seconds": self.paced_seconds,
        }


_FIELDS = (
    "retries",
    "rate_limited",
    "daily_limited",
    "server_errors",
    "transport_errors",
    "token_requests",
    "token_renewals",
)


class StatsRecorder:
    """Thread-safe counters behind ClientStats."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Counter[str] = Counter()
        self._counts: Counter[str] = Counter()
        self._paced = 0.0

    def request(self, method: str) -> None:
        with self._lock:
            self._requests[method.upper()] += 1

    def bump(self, name: str, n: int = 1) -> None:
        if name not in _FIELDS:
            raise KeyError(name)
        with self._lock:
            self._counts[name] += n

    def paced(self, seconds: float) -> None:
        if seconds > 0:
            with self._lock:
                self._paced += seconds

    def snapshot(self) -> ClientStats:
        with self._lock:
            return ClientStats(
                requests=MappingProxyType(dict(self._requests)),
                paced_seconds=self._paced,
                **{name: self._counts[name] for name in _FIELDS},
            )

    def reset(self) -> None:
        with self._lock:
            self._requests.clear()
            self._counts.clear()
            self._paced = 0.0
