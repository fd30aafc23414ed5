"""Emulated collections for the routing resources (derived from their specs)."""

from __future__ import annotations

from zoomcc.emulator.model import Collection

COLLECTIONS: tuple[Collection, ...] = ()
