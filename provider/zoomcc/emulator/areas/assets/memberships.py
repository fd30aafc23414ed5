"""A flow's entry points."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.collection import StoreAccess
from zoomcc.emulator.membership import MemberKind, Membership, MembershipParent
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, RequestRefused

_ENTRY_POINTS: Final = "/contact_center/flows/{flowId}/entry_points"


def _resolve_entry(store: StoreAccess, given: Json) -> Obj | None:
    """Entry points are phone numbers and chat entries the emulator does not hold: any
    non-empty id exists."""
    if not isinstance(given, str) or not given:
        raise RequestRefused(400, 400, "Bad Request")
    return {"entry_id": given, "entry_name": given}


FLOW_MEMBERSHIPS: Final[tuple[Membership, ...]] = (
    Membership(
        key="flow_entry_points",
        parent=MembershipParent("flows", "flowId", ErrorDef(404, 3201, "Flow does not exist.")),
        members=MemberKind("entry_points", "entry_id", _resolve_entry),
        base=_ENTRY_POINTS,
        list_key="entry_points",
        item_fields=("entry_id", "customer_identity_source", "entry_language"),
        shared=("enable_detect_language",),
        remove="body",
        remove_ids_field="entry_ids",
    ),
)
