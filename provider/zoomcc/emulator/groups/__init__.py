"""Collections beyond the first eight hand-checked tables, one module per area."""

from __future__ import annotations

from zoomcc.emulator.groups import assets, campaigns, contacts, routing
from zoomcc.emulator.model import Collection

COLLECTIONS: tuple[Collection, ...] = (
    *contacts.COLLECTIONS,
    *routing.COLLECTIONS,
    *campaigns.COLLECTIONS,
    *assets.COLLECTIONS,
)
