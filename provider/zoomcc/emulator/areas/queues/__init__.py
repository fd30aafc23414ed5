"""The queues area: skills and their categories, queues, teams, dispositions and their
sets; a queue's and a team's members; a queue's settings and a team's move."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.area import Area
from zoomcc.emulator.areas.queues import memberships, objects, settings_routes

AREA: Final = Area(
    objects.COLLECTIONS,
    (*memberships.QUEUE_MEMBERSHIPS, *memberships.TEAM_MEMBERSHIPS),
    settings_routes.ROUTES,
)
