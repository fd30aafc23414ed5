"""A do-not-call list's phone numbers (the emulator has no DNC-list collection: any list
id exists, and its numbers live in a stand-in parent)."""

from __future__ import annotations

import re
from typing import Final

from zoomcc.emulator.memberships.membership import MemberKind, Membership, MembershipParent
from zoomcc.emulator.model import StoreAccess, new_id
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, RequestRefused

_DNC_PHONES: Final = "/contact_center/outbound_campaign/dnc_lists/{dncListId}/phones"
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
