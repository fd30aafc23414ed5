"""The reliability tier: the real engine (or the provider process) against a misbehaving
emulator. Fixtures come from the end-to-end tier; nothing here is ever skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import backend, engine, every_kind, stacks
from tests.reliability.support import Tap, tap_provider
from zoomcc.engine.toolchain import EngineToolchain

__all__ = ["backend", "engine", "every_kind", "stacks", "tap"]


@pytest.fixture()
def tap(tmp_path: Path, engine: EngineToolchain, monkeypatch: pytest.MonkeyPatch) -> Tap:
    """The provider plugin tapped for this test (its pids and output recorded)."""
    return tap_provider(tmp_path, engine, monkeypatch)
