"""Fault injection: which requests fail, drop their connection or lose their response.

Drawn from a seeded RNG, so the same seed and the same requests give the same faults.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Final, Literal

from zoomcc.emulator.config import EmulatorConfig

FaultKind = Literal["error", "drop", "lost_response"]
FAULT_KINDS: Final[tuple[FaultKind, ...]] = ("drop", "error", "lost_response")


@dataclass(frozen=True)
class FaultPlan:
    """The faults drawn for one request."""

    before: Literal["drop", "error"] | None = None
    error_status: int = 500
    lose_response: bool = False


class FaultInjector:
    """Draws each request's faults and counts them. Not thread-safe by itself:
    :class:`zoomcc.emulator.state.EmulatorState` holds its lock around it."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self.counts: dict[str, int] = dict.fromkeys(FAULT_KINDS, 0)

    def reseed(self, seed: int) -> None:
        """Start the RNG's sequence again from ``seed``."""
        self._rng = random.Random(seed)

    def _fires(self, config: EmulatorConfig, kind: FaultKind, method: str, path: str) -> bool:
        rate: float = getattr(config, f"{kind}_rate")
        if rate <= 0.0:
            return False
        methods: list[str] | None = getattr(config, f"{kind}_methods")
        pattern: str | None = getattr(config, f"{kind}_path")
        limit: int | None = getattr(config, f"{kind}_limit")
        if methods is not None and method.upper() not in methods:
            return False
        if pattern is not None and re.search(pattern, path) is None:
            return False
        if limit is not None and self.counts[kind] >= limit:
            return False
        return self._rng.random() < rate

    def plan(self, config: EmulatorConfig, method: str, path: str) -> FaultPlan:
        """This request's faults: a drop or an error before it runs, or a lost response."""
        before: tuple[Literal["drop", "error"], ...] = ("drop", "error")
        for kind in before:
            if self._fires(config, kind, method, path):
                self.counts[kind] += 1
                status = 500
                if kind == "error":
                    status = self._rng.choice(config.error_statuses)
                return FaultPlan(before=kind, error_status=status)
        if self._fires(config, "lost_response", method, path):
            self.counts["lost_response"] += 1
            return FaultPlan(lose_response=True)
        return FaultPlan()
