"""Who can be a member: users (by id, Contact Center id or email) and the objects of other
collections, resolved to the record a membership stores."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Final

from zoomcc.emulator.collection import StoreAccess
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, validation_error

USER_MISSING: Final = ErrorDef(404, 1001, "User does not exist: {id}.")
_USER_SHOWN: Final = ("user_id", "cc_user_id", "user_email", "display_name")

Resolver = Callable[[StoreAccess, Json], "Obj | None"]
"""(store, one element of the add body's list) -> the member record to store, or None when
the member does not exist."""


def find_user(store: StoreAccess, given: str) -> Obj | None:
    """The stored user whose id, Contact Center id or email (any case) is ``given``.

    Without a ``users`` collection (a custom emulator) there is none."""
    if "users" not in store.collections:
        return None
    found = store.get("users", given)
    if found is not None:
        return found
    wanted = given.lower()
    for user in store.items("users"):
        keys = [user.get(k) for k in ("user_id", "cc_user_id", "user_email")]
        if wanted in {str(k).lower() for k in keys if k}:
            return user
    return None


def resolve_user(store: StoreAccess, given: Json) -> Obj | None:
    """A user member: its ids, email and display name as the user's GET shows them.

    Without a ``users`` collection any id is accepted, shown in every id field."""
    if not isinstance(given, str) or not given:
        raise validation_error("Invalid field.")
    if "users" not in store.collections:
        email = given if "@" in given else ""
        return {"user_id": given, "cc_user_id": given, "user_email": email, "display_name": given}
    user = find_user(store, given)
    if user is None:
        return None
    shown = store.render("users", user)
    record = {k: shown.get(k, "") for k in _USER_SHOWN}
    record["cc_user_id"] = shown.get("cc_user_id", shown.get("user_id", ""))
    return record


def user_ids(user: Obj) -> set[str]:
    """Every id a user may be named by in a member list."""
    return {str(v) for k in ("user_id", "cc_user_id", "user_email") if (v := user.get(k))}


def resolve_in(collection: str, id_field: str, shown: tuple[str, ...]) -> Resolver:
    """Members that are objects of ``collection``, stored with the ``shown`` fields."""

    def resolve(store: StoreAccess, given: Json) -> Obj | None:
        if not isinstance(given, str) or not given:
            raise validation_error("Validation failed.")
        found = store.get(collection, given)
        if found is None:
            return None
        return {id_field: given, **{k: copy.deepcopy(found[k]) for k in shown if k in found}}

    return resolve
