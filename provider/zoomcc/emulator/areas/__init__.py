"""The emulated API, one module (or package) per area, each holding its objects'
collections (derived from the API spec) and the memberships, settings and actions under
them. The same area names divide the provider's specs and the tests' cases."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from zoomcc.emulator.area import Area
from zoomcc.emulator.collection import Collection, ExtraRoute
from zoomcc.emulator.membership import Membership

from . import assets, campaigns, contacts, hours, queues, routing, users, variables

_IN_ORDER = (queues, hours, contacts, routing, users, variables, campaigns, assets)
AREAS: Final[Mapping[str, Area]] = MappingProxyType(
    {area.__name__.rpartition(".")[2]: area.AREA for area in _IN_ORDER}
)
"""Area name -> what it adds, in the order the routes are built."""

COLLECTIONS: Final[tuple[Collection, ...]] = tuple(
    collection for area in AREAS.values() for collection in area.collections
)
MEMBERSHIPS: Final[tuple[Membership, ...]] = tuple(
    membership for area in AREAS.values() for membership in area.memberships
)
"""Every membership the emulator serves, in the order its routes are built."""
PARENT_ROUTES: Final[tuple[ExtraRoute, ...]] = tuple(
    route for area in AREAS.values() for route in area.routes
)
"""The settings and actions under parent objects."""
