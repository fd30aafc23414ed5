"""Resource specs, one module per area of the API. The same area names divide the
emulator (``zoomcc.emulator.areas``) and the tests' cases (``tests.support.cases``); an
object's memberships and settings live in the area of the object they hang on."""

from __future__ import annotations

from types import MappingProxyType

from zoomcc.resources.base import BaseSpec

from . import assets, campaigns, contacts, hours, queues, routing, users, variables

_IN_ORDER = (queues, hours, contacts, routing, users, variables, campaigns, assets)
AREAS: MappingProxyType[str, tuple[BaseSpec, ...]] = MappingProxyType(
    {area.__name__.rpartition(".")[2]: area.SPECS for area in _IN_ORDER}
)
"""Area name -> its specs (objects first, then the memberships and settings on them)."""
