"""The emulated collections, one module per area, each derived from the API spec."""

from __future__ import annotations

from zoomcc.emulator.groups import (
    assets,
    campaigns,
    contacts,
    hours,
    queues,
    routing,
    users,
    variables,
)
from zoomcc.emulator.model import Collection

COLLECTIONS: tuple[Collection, ...] = (
    *queues.COLLECTIONS,
    *hours.COLLECTIONS,
    *contacts.COLLECTIONS,
    *routing.COLLECTIONS,
    *users.COLLECTIONS,
    *variables.COLLECTIONS,
    *campaigns.COLLECTIONS,
    *assets.COLLECTIONS,
)
