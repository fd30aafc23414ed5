"""Faults the emulator injects into one request, for tests of recovery."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zoomcc.emulator import EmulatorServer


@dataclass(frozen=True)
class Fault:
    kind: str
    """The emulator's fault: ``error`` (a 503 before applying), ``drop`` (the connection
    closed before applying), ``lost_response`` (applied, then the connection closed)."""
    applied: bool

    def configure(self, emulator: EmulatorServer, method: str, path: str) -> None:
        """Inject the fault into the first ``method`` request to ``path`` (a regex)."""
        options: dict[str, Any] = {
            f"{self.kind}_rate": 1.0,
            f"{self.kind}_methods": [method],
            f"{self.kind}_path": path,
            f"{self.kind}_limit": 1,
        }
        if self.kind == "error":
            options["error_statuses"] = [503]
        emulator.state.configure(**options)


ERROR = Fault("error", applied=False)
DROP = Fault("drop", applied=False)
LOST = Fault("lost_response", applied=True)
