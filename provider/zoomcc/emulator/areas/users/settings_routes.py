"""Operations on a user beyond its CRUD: the user's queue assignments and the user's
opt-in or opt-out of them."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.areas.users.memberships import USER_PATH
from zoomcc.emulator.collection import ApiCall, ExtraRoute, StoreAccess
from zoomcc.emulator.derive import api_route
from zoomcc.emulator.member_resolvers import USER_MISSING, find_user, user_ids
from zoomcc.emulator.membership import members_of
from zoomcc.emulator.refusals import Json, Obj, RequestRefused, validation_error


def _user(store: StoreAccess, call: ApiCall) -> Obj:
    user_id = call.path_params["userId"]
    found = find_user(store, user_id)
    if found is None:
        raise USER_MISSING.error(id=user_id)
    return found


def _user_queues(store: StoreAccess, call: ApiCall) -> Json:
    user = _user(store, call)
    ids = user_ids(user)
    shown = []
    for queue in store.items("queues"):
        agent = any(m.get("user_id") in ids for m in members_of(queue, "queue_agents"))
        supervisor = any(m.get("user_id") in ids for m in members_of(queue, "queue_supervisors"))
        if agent or supervisor:
            kind = "both" if agent and supervisor else "agent" if agent else "supervisor"
            shown.append(
                {
                    "cc_queue_id": queue["cc_queue_id"],
                    "queue_name": queue.get("queue_name", ""),
                    "channel": queue.get("channel", ""),
                    "user_assignment_type": kind,
                }
            )
    return {"next_page_token": "", "page_size": 30, "total_records": len(shown), "queues": shown}


_CHANNEL_TYPES: Final = {0: "voice", 4: "video", 7: "messaging", 8: "email", 9: "work_item"}


def _opt_in_out(store: StoreAccess, call: ApiCall) -> Json:
    user = _user(store, call)
    body = call.json_object(("opt_in_out_status", "channel_type", "queue_ids"))
    status = body.get("opt_in_out_status")
    if status not in (0, 1) or isinstance(status, bool):
        raise validation_error("Invalid field: opt_in_out_status.")
    channel = body.get("channel_type")
    if channel is not None and channel not in _CHANNEL_TYPES:
        raise RequestRefused(400, 1205, f"Queue channel type is invalid: {channel}.")
    queue_ids = body.get("queue_ids")
    if queue_ids is not None:
        missing = [q for q in queue_ids if store.get("queues", str(q)) is None]
        if missing:
            raise RequestRefused(404, 1202, f"Queues do not exist: {missing}.")
    if status == 0 and store.render("users", user).get("status_name") != "Ready":
        raise RequestRefused(
            400, 1010, "The agent must be in an available state `Ready` to opt in to the queue."
        )
    ids = user_ids(user)
    for queue in store.items("queues"):
        if queue_ids is not None and queue["cc_queue_id"] not in queue_ids:
            continue
        if channel is not None and queue.get("channel") != _CHANNEL_TYPES[channel]:
            continue
        for member in members_of(queue, "queue_agents"):
            if member.get("user_id") in ids:
                member["opt_in_out_status"] = status
    return None


ROUTES: Final[tuple[ExtraRoute, ...]] = (
    api_route("GET", f"{USER_PATH}/queues", "user_queues.list", _user_queues),
    api_route("PATCH", f"{USER_PATH}/opt_in_out_queues", "user_opt_in_out.update", _opt_in_out),
)
