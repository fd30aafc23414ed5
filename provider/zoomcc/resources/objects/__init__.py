"""Resource specs beyond the first eight, one module per area of the API."""

from __future__ import annotations

from zoomcc.resources.objects import assets, campaigns, contacts, relations, routing
from zoomcc.resources.spec import ResourceSpec

GROUPS: tuple[tuple[ResourceSpec, ...], ...] = (
    contacts.SPECS,
    routing.SPECS,
    campaigns.SPECS,
    assets.SPECS,
    relations.SPECS,
)
