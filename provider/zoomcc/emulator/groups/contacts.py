"""Emulated collections for the contacts resources (derived from their specs)."""

from __future__ import annotations

from zoomcc.emulator.model import Collection

COLLECTIONS: tuple[Collection, ...] = ()
