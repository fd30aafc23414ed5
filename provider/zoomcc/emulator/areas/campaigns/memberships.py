"""An inbox's queues and users; a do-not-call list's phone numbers (the emulator has no
DNC-list collection: any list id exists, and its numbers live in a stand-in parent)."""

from __future__ import annotations

import re
from typing import Final

from zoomcc.emulator.collection import StoreAccess, new_id
from zoomcc.emulator.membership import (
    USER_MEMBERS,
    MemberKind,
    Membership,
    MembershipParent,
)
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, RequestRefused, validation_error

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

_DNC_PHONES: Final = "/contact_center/outbound_campaign/dnc_lists/{dncListId}/phones"
# The emulator's own E.164 pattern, not the provider's `resources.rules.E164`: it never reads
# the provider (it must be able to disagree with it).
_E164: Final = re.compile(r"\+[1-9]\d{6,14}")


def _resolve_phone(store: StoreAccess, given: Json) -> Obj | None:
    if not isinstance(given, str) or not _E164.fullmatch(given):
        raise RequestRefused(400, 400, f"Bad Request: {given!r} is not an E.164 phone number.")
    return {"phone_id": new_id(), "phone_number": given}


CAMPAIGN_MEMBERSHIPS: Final[tuple[Membership, ...]] = (
    Membership(
        key="dnc_list_phones",
        parent=MembershipParent(
            "dnc_lists", "dncListId", ErrorDef(404, 5020, "DNC list is not found.")
        ),
        members=MemberKind(
            "phone_numbers", "phone_number", _resolve_phone, ("phone_id", "phone_number")
        ),
        base=_DNC_PHONES,
        list_key="dnc_list_phones",
        on_duplicate="skip",
        add_response="empty",
        remove="body",
        remove_ids_field="phone_ids",
    ),
)
