"""The users area: regions, roles, system statuses, users and user templates; a user's
skills, a role's and a region's users; a user's queues and queue opt-in."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.area import Area
from zoomcc.emulator.areas.users import memberships, objects, settings_routes

AREA: Final = Area(objects.COLLECTIONS, memberships.USER_MEMBERSHIPS, settings_routes.ROUTES)
