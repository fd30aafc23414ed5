"""The routes under a parent object: its memberships
(:class:`~zoomcc.emulator.membership.Membership`), its settings and its actions, each
declared by the area of the parent (:mod:`zoomcc.emulator.areas`).

They hang off one internal collection that serves no operation of its own; it holds only
stand-in parents for memberships whose parent the emulator has no collection for.
"""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.areas import MEMBERSHIPS, PARENT_ROUTES
from zoomcc.emulator.collection import STANDARD_OPS, Collection
from zoomcc.emulator.membership import STAND_INS, membership_routes
from zoomcc.emulator.refusals import ErrorDef

STAND_IN_PARENTS: Final = Collection(
    name=STAND_INS,
    path="/contact_center/_emulator_stand_in_parents",
    id_field="id",
    list_key=STAND_INS,
    not_found=ErrorDef(404, 404, "No such API."),
    fields={},
    create_fields=(),
    update_fields=(),
    create_view=(),
    get_view=(),
    list_view=(),
    rate_labels=dict.fromkeys(STANDARD_OPS, "LIGHT"),
    omitted_ops=frozenset(STANDARD_OPS),
    extra_routes=(
        *(route for membership in MEMBERSHIPS for route in membership_routes(membership)),
        *PARENT_ROUTES,
    ),
)
"""Holds no objects of its own: it only carries the routes under parent objects."""

COLLECTIONS: Final[tuple[Collection, ...]] = (STAND_IN_PARENTS,)
