"""The campaigns area: outbound campaigns, their contact lists, block-list rules and
inboxes; an inbox's queues, users and email notifications, a do-not-call list's phones."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.area import Area
from zoomcc.emulator.areas.campaigns import memberships, objects, settings_routes

AREA: Final = Area(
    objects.COLLECTIONS,
    (*memberships.INBOX_MEMBERSHIPS, *memberships.CAMPAIGN_MEMBERSHIPS),
    settings_routes.ROUTES,
)
