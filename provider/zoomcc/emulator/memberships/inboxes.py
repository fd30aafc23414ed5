"""An inbox's queues and users."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.memberships.membership import (
    USER_MEMBERS,
    MemberKind,
    Membership,
    MembershipParent,
)
from zoomcc.emulator.model import StoreAccess
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, validation_error

INBOX_PATH: Final = "/contact_center/inboxes/{inboxId}"
INBOX_MISSING: Final = ErrorDef(404, 3001, "Inbox does not exist: {id}.")
INBOX: Final = MembershipParent("inboxes", "inboxId", INBOX_MISSING)


def _resolve_queue(store: StoreAccess, given: Json) -> Obj | None:
    """A queue member, named by its Contact Center id or its legacy ``queue_id``."""
    if not isinstance(given, str) or not given:
        raise validation_error("Validation failed.")
    queue = store.get("queues", given) or next(
        (q for q in store.items("queues") if q.get("queue_id") == given), None
    )
    if queue is None:
        return None
    return {
        "cc_queue_id": queue["cc_queue_id"],
        "queue_id": queue.get("queue_id", ""),
        "queue_name": queue.get("queue_name", ""),
        "channel": queue.get("channel", ""),
    }


INBOX_MEMBERSHIPS: Final[tuple[Membership, ...]] = (
    Membership(
        key="inbox_queues",
        parent=INBOX,
        base=f"{INBOX_PATH}/queues",
        list_key="queues",
        members=MemberKind(
            "cc_queue_ids", "cc_queue_id", _resolve_queue, ("cc_queue_id", "queue_id")
        ),
        member_missing=ErrorDef(400, 1202, "Queues do not exist: [{id}]."),
        on_duplicate="error",
        duplicate=ErrorDef(400, 1203, "Queue is already assigned to inbox: [{id}]."),
        add_response="none",
        # Query contract: `queue_ids` (legacy task-queue ids) and `cc_queue_ids`; the members
        # are Contact Center queues, removed as ?cc_queue_ids=a,b.
        remove="query",
        remove_ids_field="cc_queue_ids",
        legacy_remove_ids_field="queue_ids",
        remove_missing=ErrorDef(400, 1204, "Queue is not assigned to inbox: [{id}]."),
    ),
    Membership(
        key="inbox_users",
        parent=INBOX,
        base=f"{INBOX_PATH}/users",
        list_key="users",
        members=USER_MEMBERS,
        member_missing=ErrorDef(404, 1012, "Users do not exist: [{id}]."),
        on_duplicate="error",
        duplicate=ErrorDef(400, 1013, "User is already assigned to inbox: [{id}]."),
        add_response="none",
        remove="query",  # undocumented in the reference: ?user_ids=a,b
        remove_missing=ErrorDef(400, 1014, "User is not assigned to inbox: [{id}]."),
    ),
)
