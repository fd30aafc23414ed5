"""Resource specs beyond the first eight, one module per area of the API."""

from __future__ import annotations

from zoomcc.resources.base import BaseSpec
from zoomcc.resources.objects import assets, campaigns, contacts, relations, routing

GROUPS: tuple[tuple[BaseSpec, ...], ...] = (
    contacts.SPECS,
    routing.SPECS,
    campaigns.SPECS,
    assets.SPECS,
    relations.SPECS,
)
