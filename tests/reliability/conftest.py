"""The reliability tier: the real engine (or the provider process) against a misbehaving
emulator. Fixtures come from the end-to-end tier; nothing here is ever skipped."""

from __future__ import annotations

from tests.e2e.conftest import backend, engine

__all__ = ["backend", "engine"]
