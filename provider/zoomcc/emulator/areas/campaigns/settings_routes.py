"""An inbox's email notification settings, kept on the inbox under
:data:`~zoomcc.emulator.membership.PRIVATE_KEY` (they vanish with it)."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.areas.campaigns.memberships import INBOX_MISSING, INBOX_PATH
from zoomcc.emulator.collection import ApiCall, ExtraRoute, StoreAccess
from zoomcc.emulator.derive import api_route
from zoomcc.emulator.member_resolvers import USER_MISSING, resolve_user
from zoomcc.emulator.membership import members_of, stored_settings
from zoomcc.emulator.paging import paged
from zoomcc.emulator.refusals import Json, Obj, validation_error


def _inbox(store: StoreAccess, call: ApiCall) -> Obj:
    inbox_id = call.path_params["inboxId"]
    found = store.get("inboxes", inbox_id) if "inboxes" in store.collections else None
    if found is None:
        raise INBOX_MISSING.error(id=inbox_id)
    return found


def _get_email_notifications(store: StoreAccess, call: ApiCall) -> Json:
    inbox = _inbox(store, call)
    chosen = stored_settings(inbox, "email_notifications")
    rows: dict[str, Obj] = {}
    for user in members_of(inbox, "inbox_users"):
        rows[user["user_id"]] = {**user, "email_notification": False}
    for user_id, enabled in chosen.items():
        user = resolve_user(store, user_id) or {"user_id": user_id}
        rows[user_id] = {**rows.get(user_id, user), "email_notification": enabled}
    shown = [
        {k: r.get(k) for k in ("user_id", "user_email", "display_name", "email_notification")}
        for r in rows.values()
    ]
    return paged(shown, call.query, "email_notifications")


def _patch_email_notification(store: StoreAccess, call: ApiCall) -> Json:
    inbox = _inbox(store, call)
    body = call.json_object(("user_id", "email_notification"))
    given = body.get("user_id")
    if not isinstance(given, str) or not given:
        raise validation_error("Invalid field: user_id.")
    enabled = body.get("email_notification", False)
    if not isinstance(enabled, bool):
        raise validation_error("Invalid field: email_notification.")
    user = resolve_user(store, given)
    if user is None:
        raise USER_MISSING.error(id=given)
    stored_settings(inbox, "email_notifications")[user["user_id"]] = enabled
    return None


ROUTES: Final[tuple[ExtraRoute, ...]] = (
    api_route(
        "GET",
        f"{INBOX_PATH}/email_notifications",
        "inbox_email_notifications.list",
        _get_email_notifications,
    ),
    api_route(
        "PATCH",
        f"{INBOX_PATH}/email_notification",
        "inbox_email_notification.update",
        _patch_email_notification,
    ),
)
"""The settings routes under an inbox."""
