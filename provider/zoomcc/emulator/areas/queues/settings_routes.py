"""Settings kept on a queue (its interrupt settings, interrupt menu and operating hours)
and a team's move under another team.

Stored inside the parent under :data:`~zoomcc.emulator.membership.PRIVATE_KEY`,
so they vanish with it; the GETs show them as the reference's examples do.
"""

from __future__ import annotations

import copy
from typing import Final

from zoomcc.emulator.areas.queues.memberships import QUEUE_MISSING, QUEUE_PATH, TEAM_PATH
from zoomcc.emulator.collection import ApiCall, ExtraRoute, StoreAccess
from zoomcc.emulator.derive import api_route
from zoomcc.emulator.membership import PRIVATE_KEY, stored_settings
from zoomcc.emulator.refusals import Json, Obj, RequestRefused, validation_error

_INTERRUPT_FIELDS: Final = ("audio_interrupts", "notify_interrupts")
_HOURS_FIELDS: Final = {
    "account_default_business_hour": bool,
    "account_default_closure_set": bool,
    "operating_hours_business_hour_id": str,
    "operating_hours_closure_set_id": str,
    "operating_hours_overflow_enabled": bool,
    "overflow_to_default_goodbye_message": bool,
    "overflow_to_flow_id": str,
    "overflow_to_goodbye_message_asset_id": str,
    "overflow_to_inbox_id": str,
    "overflow_to_queue_id": str,
}


def _queue(store: StoreAccess, call: ApiCall) -> Obj:
    queue_id = call.path_params["queueId"]
    found = store.get("queues", queue_id)
    if found is None:
        raise QUEUE_MISSING.error(id=queue_id)
    return found


def _voice_queue(store: StoreAccess, call: ApiCall) -> Obj:
    queue = _queue(store, call)
    if queue.get("channel") != "voice":
        raise RequestRefused(
            400,
            1205,
            "Queue channel type is invalid. Only voice queues support interrupt settings.",
        )
    return queue


def _get_interrupt(store: StoreAccess, call: ApiCall) -> Json:
    saved = stored_settings(_voice_queue(store, call), "interrupt")
    shown: Obj = {"audio_interrupts": copy.deepcopy(saved.get("audio_interrupts", []))}
    for item in shown["audio_interrupts"]:
        item.setdefault("disable_audio", False)
        item.setdefault("audio_filename", f"{item.get('audio_asset_id', '')}.mp3")
    if "notify_interrupts" in saved:
        shown["notify_interrupts"] = copy.deepcopy(saved["notify_interrupts"])
    return shown


def _patch_interrupt(store: StoreAccess, call: ApiCall) -> Json:
    queue = _voice_queue(store, call)
    body = call.json_object(_INTERRUPT_FIELDS)
    audio = body.get("audio_interrupts")
    if audio is not None:
        if not isinstance(audio, list):
            raise validation_error("Invalid field: audio_interrupts.")
        for item in audio:
            missing = {"audio_asset_id", "is_loop", "play_after_seconds"} - set(item or {})
            if missing:
                raise validation_error(f"Invalid field: audio_interrupts.{sorted(missing)[0]}.")
    notify = body.get("notify_interrupts")
    if notify is not None and not isinstance(notify, dict):
        raise validation_error("Invalid field: notify_interrupts.")
    stored_settings(queue, "interrupt").update(copy.deepcopy(body))
    return None


def _post_menu(store: StoreAccess, call: ApiCall) -> Json:
    queue = _voice_queue(store, call)
    body = call.body
    required = ("menu_language_code", "menu_options", "play_interval", "voice_id")
    if not isinstance(body, dict) or any(k not in body for k in required):
        raise validation_error(f"Validation failed: {', '.join(required)} are required.")
    queue.setdefault(PRIVATE_KEY, {})["interrupt_menu"] = copy.deepcopy(body)
    return {"queue_id": call.path_params["queueId"], **copy.deepcopy(body)}


def _delete_menu(store: StoreAccess, call: ApiCall) -> Json:
    queue = _voice_queue(store, call)
    queue.setdefault(PRIVATE_KEY, {}).pop("interrupt_menu", None)
    return None


def _get_hours(store: StoreAccess, call: ApiCall) -> Json:
    saved = stored_settings(_queue(store, call), "operating_hours")
    shown: Obj = {}
    hours_id = saved.get("operating_hours_business_hour_id")
    hours = store.get("business_hours", hours_id) if hours_id else None
    if hours is None:
        hours = next((h for h in store.items("business_hours") if h.get("account_default")), None)
    shown["account_default_business_hour"] = bool(
        saved.get("account_default_business_hour", hours_id is None)
    )
    shown["business_hour_id"] = hours["business_hour_id"] if hours else ""
    shown["business_hour_name"] = hours.get("business_hour_name", "") if hours else ""
    closure_id = saved.get("operating_hours_closure_set_id")
    closures = store.get("closure_sets", closure_id) if closure_id else None
    shown["account_default_closure_set"] = bool(
        saved.get("account_default_closure_set", closure_id is None)
    )
    if closures is not None:
        shown["closure_set_id"] = closures["closure_set_id"]
        shown["closure_set_name"] = closures.get("closure_set_name", "")
    for name in _HOURS_FIELDS:
        if name.startswith(("overflow_", "operating_hours_overflow")) and name in saved:
            shown[name] = saved[name]
    return shown


def _patch_hours(store: StoreAccess, call: ApiCall) -> Json:
    queue = _queue(store, call)
    body = call.json_object(tuple(_HOURS_FIELDS))
    for name, value in body.items():
        if not isinstance(value, _HOURS_FIELDS[name]):
            raise RequestRefused(400, 400, f"Bad Request: {name}.")
    refs = {
        "operating_hours_business_hour_id": "business_hours",
        "operating_hours_closure_set_id": "closure_sets",
        "overflow_to_queue_id": "queues",
    }
    for name, collection in refs.items():
        if body.get(name) and store.get(collection, body[name]) is None:
            raise RequestRefused(400, 400, f"Bad Request: {name} does not exist.")
    saved = stored_settings(queue, "operating_hours")
    saved.update(body)
    if "operating_hours_business_hour_id" in body:
        saved.setdefault("account_default_business_hour", False)
        if "account_default_business_hour" not in body:
            saved["account_default_business_hour"] = False
    if "operating_hours_closure_set_id" in body and "account_default_closure_set" not in body:
        saved["account_default_closure_set"] = False
    return None


def _move_team(store: StoreAccess, call: ApiCall) -> Json:
    team_id = call.path_params["teamId"]
    team = store.get("teams", team_id)
    if team is None:
        raise RequestRefused(404, 4102, "Team does not exist.")
    body = call.json_object(("parent_team_id",))
    target = body.get("parent_team_id")
    if not isinstance(target, str) or not target:
        raise validation_error("Invalid field: parent_team_id.")
    if store.get("teams", target) is None:
        raise RequestRefused(404, 4102, "Team does not exist.")
    ancestor: Json = target
    while ancestor:  # no cycles: the new parent may not be the team or one of its children
        if ancestor == team_id:
            raise RequestRefused(400, 4106, "Unable to process team request.")
        ancestor = (store.get("teams", ancestor) or {}).get("parent_team_id")
    team["parent_team_id"] = target
    return None


ROUTES: Final[tuple[ExtraRoute, ...]] = (
    api_route("GET", f"{QUEUE_PATH}/interrupt", "queue_interrupt.get", _get_interrupt),
    api_route("PATCH", f"{QUEUE_PATH}/interrupt", "queue_interrupt.update", _patch_interrupt),
    api_route(
        "POST",
        f"{QUEUE_PATH}/interrupt_menu",
        "queue_interrupt_menu.create",
        _post_menu,
        status=201,
    ),
    api_route(
        "DELETE", f"{QUEUE_PATH}/interrupt_menu", "queue_interrupt_menu.delete", _delete_menu
    ),
    api_route("GET", f"{QUEUE_PATH}/operating_hours", "queue_operating_hours.get", _get_hours),
    api_route(
        "PATCH", f"{QUEUE_PATH}/operating_hours", "queue_operating_hours.update", _patch_hours
    ),
    api_route("PATCH", f"{TEAM_PATH}/move", "team.move", _move_team),
)
"""The settings routes under a queue or a team."""
