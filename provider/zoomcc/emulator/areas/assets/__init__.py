"""The assets area: asset categories, assets and flows; a flow's entry points."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.area import Area
from zoomcc.emulator.areas.assets import memberships, objects

AREA: Final = Area(objects.COLLECTIONS, memberships.FLOW_MEMBERSHIPS)
