"""What one area of the API (``zoomcc.emulator.areas``) adds to the emulator."""

from __future__ import annotations

from dataclasses import dataclass

from zoomcc.emulator.collection import Collection, ExtraRoute
from zoomcc.emulator.membership import Membership


@dataclass(frozen=True)
class Area:
    """An area's collections and what hangs on their objects."""

    collections: tuple[Collection, ...]
    """The objects' collections, e.g. ``(QUEUES, TEAMS)``."""
    memberships: tuple[Membership, ...] = ()
    """The links under those objects, e.g. a queue's agents."""
    routes: tuple[ExtraRoute, ...] = ()
    """The settings and actions under those objects, e.g. ``PATCH /teams/{teamId}/move``."""
