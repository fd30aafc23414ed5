"""Emulated collections for the campaigns resources (derived from their specs)."""

from __future__ import annotations

from zoomcc.emulator.model import Collection

COLLECTIONS: tuple[Collection, ...] = ()
