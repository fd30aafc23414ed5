"""Emulated links between objects (a queue's agents, a team's supervisors...) and settings
that live on a parent object (a queue's interrupt settings and operating hours...).

Links and settings are stored inside the parent object under a private key that no view
shows, so they vanish with the parent and with a reset, exactly as in Zoom. The routes are
``ExtraRoute`` s of one internal collection (``relations``) that holds no objects itself.
Users have no collection yet: where a ``users`` collection exists a user member is
resolved through it (by id, Contact Center id or email), otherwise any id is accepted and
the member is shown with that id in every id field.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from zoomcc.apispec import load_api_spec
from zoomcc.emulator.model import (
    ApiCall,
    Collection,
    ErrorDef,
    ExtraRoute,
    Obj,
    ZoomApiError,
    new_id,
    validation_error,
)
from zoomcc.emulator.store import Store

PRIVATE_KEY: Final = "_relations"
"""The key, inside a parent object, under which its links and settings are stored."""

_Q = "/contact_center/queues/{queueId}"
_T = "/contact_center/teams/{teamId}"

QUEUE_MISSING = ErrorDef(404, 1201, "Queue does not exist: {id}.")
TEAM_MISSING = ErrorDef(400, 4102, "The team does not exist.")
USER_MISSING = ErrorDef(404, 1001, "User does not exist: {id}.")


def _label(method: str, path: str) -> str:
    return load_api_spec().op(method, path).rate_label


def private(parent: Obj, key: str) -> Any:
    """The link list / settings dict ``key`` stored in ``parent`` (created on first use)."""
    bag = parent.setdefault(PRIVATE_KEY, {})
    return bag.setdefault(key, [])


def queue_teams(store: Store, data: Obj) -> Any:
    """The ``teams`` a queue's GET shows: its team links."""
    links = data.get(PRIVATE_KEY, {}).get("queue_teams", [])
    return [{"team_id": t["team_id"], "team_name": t.get("team_name", "")} for t in links]


# -- members -----------------------------------------------------------------------------

Resolver = Callable[[Store, Any], "Obj | None"]
"""(store, one element of the add body's list) -> the member record to store, or None when
the member does not exist."""


def resolve_user(store: Store, given: Any) -> Obj | None:
    if not isinstance(given, str) or not given:
        raise validation_error("Invalid field.")
    if "users" not in store.collections:
        email = given if "@" in given else ""
        return {"user_id": given, "cc_user_id": given, "user_email": email, "display_name": given}
    for user in store.items("users"):
        keys = (user.get("user_id"), user.get("cc_user_id"), user.get("user_email"))
        if given in keys or given.lower() in {str(k).lower() for k in keys if k}:
            shown = store.render("users", user)
            return {
                "user_id": shown.get("user_id", ""),
                "cc_user_id": shown.get("cc_user_id", shown.get("user_id", "")),
                "user_email": shown.get("user_email", ""),
                "display_name": shown.get("display_name", ""),
            }
    return None


def _resolve_in(collection: str, id_field: str, shown: tuple[str, ...]) -> Resolver:
    def resolve(store: Store, given: Any) -> Obj | None:
        if not isinstance(given, str) or not given:
            raise validation_error("Validation failed.")
        found = store.get(collection, given)
        if found is None:
            return None
        return {id_field: given, **{k: copy.deepcopy(found[k]) for k in shown if k in found}}

    return resolve


@dataclass(frozen=True)
class Link:
    """One parent-child link as the reference documents it."""

    key: str
    """Where the links are stored in the parent (``queue_agents``)."""
    parent: str
    parent_param: str
    parent_missing: ErrorDef
    base: str
    """The list/add path."""
    list_key: str
    ids_field: str
    """The add body's list field."""
    member_id: str
    """The stored member's id field (``user_id``)."""
    resolve: Resolver
    remove: Literal["item", "query", "body", "none"]
    remove_path: str = ""
    member_param: str = ""
    member_missing: ErrorDef | None = None
    """Answer of an add naming a member that does not exist (None: skipped silently)."""
    remove_missing: ErrorDef | None = None
    """Answer of a per-member removal of a member not linked (None: 204 anyway)."""
    match_keys: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()
    """Add-body fields copied onto every added member (``assign_type``)."""
    shared_defaults: dict[str, Any] = field(default_factory=dict)
    item_fields: tuple[str, ...] = ()
    """For object members: the fields an item may carry (first is the id)."""
    list_route: bool = True
    max_ids: int | None = None
    too_many: ErrorDef | None = None
    on_duplicate: Literal["skip", "update", "error"] = "update"
    duplicate: ErrorDef | None = None
    item_renames: dict[str, str] = field(default_factory=dict)
    """Add-item field -> the listed member's field (``max_proficiency_level`` is shown as
    ``user_proficiency_level``)."""
    user_field: str | None = None
    """Links kept on the users themselves (``role_id``): the members are the users whose
    field holds the parent's id; adding sets it, removing clears it."""
    remove_ids_field: str = ""
    """The removal's ids parameter when not ``ids_field``."""
    legacy_remove_ids_field: str = ""
    """A second query parameter that removes by the members' legacy ids (``queue_ids``)."""
    add_response: Literal["list", "empty", "none"] = "list"
    """What the add answers: the added members (201), an empty object (201), or 204."""

    def id_keys(self) -> tuple[str, ...]:
        return self.match_keys or (self.member_id,)


def _parent(store: Store, link: Link, call: ApiCall) -> Obj:
    parent_id = call.path_params[link.parent_param]
    if link.parent not in store.collections:
        # No emulated collection for the parent (flows, DNC lists): any id exists, and its
        # links are kept in a placeholder object of the ``relations`` collection.
        key = f"{link.parent}:{parent_id}"
        found = store.get("relations", key)
        if found is None:
            store.seed("relations", [{"id": key}])
            found = store.get("relations", key)
        assert found is not None
        return found
    found = store.get(link.parent, parent_id)
    if found is None:
        raise link.parent_missing.error(id=parent_id)
    return found


def _members(store: Store, link: Link, parent: Obj, parent_id: str) -> list[Obj]:
    """The live list of ``parent``'s members (a fresh list for user-field links)."""
    if link.user_field is None:
        members: list[Obj] = private(parent, link.key)
        return members
    found = []
    for user in store.items("users"):
        if user.get(link.user_field) == parent_id:
            record = resolve_user(store, user["user_id"])
            assert record is not None
            found.append(record)
    return found


def _matches(link: Link, member: Obj, given: str) -> bool:
    return any(given and str(member.get(k) or "") == given for k in link.id_keys()) or (
        "@" in given and str(member.get("user_email") or "").lower() == given.lower()
    )


def _in_scope(link: Link, member: Obj, query: Mapping[str, str]) -> bool:
    """Whether a member belongs to the query's scope: the add-body fields copied onto members
    (``assign_type``) are also list and remove parameters, and a disposition assigned for
    inbound engagements is another assignment than the same one for outbound."""
    return all(str(member.get(k)) == query[k] for k in link.shared if k in query)


def paged(rows: list[Obj], query: Mapping[str, str], key: str) -> Obj:
    """One page of ``rows`` as Zoom pages lists (``page_size`` up to 300, default 30)."""
    size = max(1, min(int(query.get("page_size") or 30), 300))
    start = int(query.get("next_page_token") or 0)
    more = start + size < len(rows)
    return {
        "next_page_token": str(start + size) if more else "",
        "page_size": size,
        "total_records": len(rows),
        key: copy.deepcopy(rows[start : start + size]),
    }


def _list_handler(link: Link) -> Callable[[Store, ApiCall], Any]:
    def handle(store: Store, call: ApiCall) -> Any:
        parent_id = call.path_params[link.parent_param]
        members = _members(store, link, _parent(store, link, call), parent_id)
        scoped = [m for m in members if _in_scope(link, m, call.query)]
        return paged(scoped, call.query, link.list_key)

    return handle


def _add_handler(link: Link) -> Callable[[Store, ApiCall], Any]:
    def handle(store: Store, call: ApiCall) -> Any:
        parent = _parent(store, link, call)
        body = call.body
        if not isinstance(body, dict) or not isinstance(body.get(link.ids_field), list):
            raise validation_error(f"Invalid field: {link.ids_field}.")
        unknown = set(body) - {link.ids_field, *link.shared}
        if unknown:
            raise validation_error(f"Invalid field: {sorted(unknown)[0]}.")
        given = body[link.ids_field]
        if link.max_ids is not None and len(given) > link.max_ids and link.too_many:
            raise link.too_many.error()
        shared = {**link.shared_defaults, **{k: body[k] for k in link.shared if k in body}}
        parent_id = call.path_params[link.parent_param]
        members = _members(store, link, parent, parent_id)
        added: list[Obj] = []
        for item in given:
            extra: Obj = {}
            ident: Any = item
            if link.item_fields:
                if not isinstance(item, dict) or set(item) - set(link.item_fields):
                    raise validation_error(f"Invalid field: {link.ids_field}.")
                ident = item.get(link.item_fields[0])
                extra = {
                    str(link.item_renames.get(k, k)): v
                    for k, v in item.items()
                    if k != link.item_fields[0]
                }
            record = link.resolve(store, ident)
            if record is None:
                if link.member_missing is not None:
                    raise link.member_missing.error(id=ident)
                continue
            record = {**record, **shared, **extra}
            twin = next(
                (
                    m
                    for m in members
                    if m[link.member_id] == record[link.member_id]
                    and all(m.get(k) == record.get(k) for k in link.shared)
                ),
                None,
            )
            if twin is not None:
                if link.on_duplicate == "error" and link.duplicate is not None:
                    raise link.duplicate.error(id=ident)
                if link.on_duplicate == "skip":
                    continue  # partial success: already assigned members are skipped
                twin.update(record)
            elif link.user_field is not None:
                user = store.get("users", record["user_id"])
                assert user is not None
                user[link.user_field] = parent_id
            else:
                members.append(record)
            added.append(copy.deepcopy(record))
        if link.add_response == "list":
            return {link.list_key: added}
        return {} if link.add_response == "empty" else None

    return handle


def _remove_handler(link: Link) -> Callable[[Store, ApiCall], Any]:
    def handle(store: Store, call: ApiCall) -> Any:
        parent = _parent(store, link, call)
        parent_id = call.path_params[link.parent_param]
        members = _members(store, link, parent, parent_id)
        if link.remove == "item":
            ids = [call.path_params[link.member_param]]
        elif link.remove == "query":
            fields = (link.remove_ids_field or link.ids_field, link.legacy_remove_ids_field)
            raw = ",".join(call.query.get(f, "") for f in fields if f)
            ids = [i for i in raw.split(",") if i]
        else:
            body = call.body if isinstance(call.body, dict) else {}
            ids = body.get(link.remove_ids_field or link.ids_field) or []
            if not isinstance(ids, list):
                raise validation_error(f"Invalid field: {link.ids_field}.")
        if not ids:
            raise validation_error(f"{link.ids_field} is required.")
        gone = [
            m
            for m in members
            if any(_matches(link, m, str(i)) for i in ids) and _in_scope(link, m, call.query)
        ]
        if not gone and link.remove_missing is not None:
            raise link.remove_missing.error(id=ids[0])
        if link.user_field is not None:
            for member in gone:
                user = store.get("users", member["user_id"]) or {}
                user.pop(link.user_field, None)
            return None
        members[:] = [m for m in members if m not in gone]
        return None

    return handle


def link_routes(link: Link) -> tuple[ExtraRoute, ...]:
    routes = []
    if link.list_route:
        routes.append(
            ExtraRoute(
                "GET", link.base, f"{link.key}.list", _label("GET", link.base), _list_handler(link)
            )
        )
    routes.append(
        ExtraRoute(
            "POST",
            link.base,
            f"{link.key}.add",
            _label("POST", link.base),
            _add_handler(link),
            success_status=201,
        )
    )
    if link.remove != "none":
        routes.append(
            ExtraRoute(
                "DELETE",
                link.remove_path,
                f"{link.key}.remove",
                _label("DELETE", link.remove_path),
                _remove_handler(link),
            )
        )
    return tuple(routes)


_DISPOSITION_SHOWN = ("disposition_name", "disposition_description", "status")
_SET_SHOWN = ("disposition_set_name", "disposition_set_description", "status")

LINKS: Final[tuple[Link, ...]] = (
    Link(
        key="queue_agents",
        parent="queues",
        parent_param="queueId",
        parent_missing=QUEUE_MISSING,
        base=f"{_Q}/agents",
        list_key="agents",
        ids_field="user_ids",
        member_id="user_id",
        match_keys=("user_id", "cc_user_id", "user_email"),
        resolve=resolve_user,
        shared_defaults={"opt_in_out_status": 0},
        member_missing=ErrorDef(400, 300, "Invalid field."),
        remove="item",
        remove_path=f"{_Q}/agents/{{userId}}",
        member_param="userId",
        remove_missing=USER_MISSING,
    ),
    Link(
        key="queue_supervisors",
        parent="queues",
        parent_param="queueId",
        parent_missing=QUEUE_MISSING,
        base=f"{_Q}/supervisors",
        list_key="supervisors",
        ids_field="user_ids",
        member_id="user_id",
        match_keys=("user_id", "cc_user_id", "user_email"),
        resolve=resolve_user,
        member_missing=ErrorDef(400, 300, "Invalid field."),
        remove="item",
        remove_path=f"{_Q}/supervisors/{{userId}}",
        member_param="userId",
        remove_missing=USER_MISSING,
    ),
    Link(
        key="queue_teams",
        parent="queues",
        parent_param="queueId",
        parent_missing=QUEUE_MISSING,
        base=f"{_Q}/teams",
        list_key="teams",
        ids_field="team_ids",
        member_id="team_id",
        resolve=_resolve_in("teams", "team_id", ("team_name",)),
        member_missing=ErrorDef(404, 1216, "Teams does not exist."),
        list_route=False,  # the reference has no list: GET /queues/{queueId} shows them
        max_ids=10,
        too_many=ErrorDef(400, 300, "Validation failed. At most 10 teams per call."),
        remove="item",
        remove_path=f"{_Q}/teams/{{teamId}}",
        member_param="teamId",
        remove_missing=ErrorDef(404, 1216, "Team does not exist: {id}."),
    ),
    Link(
        key="queue_dispositions",
        parent="queues",
        parent_param="queueId",
        parent_missing=QUEUE_MISSING,
        base=f"{_Q}/dispositions",
        list_key="dispositions",
        ids_field="disposition_ids",
        member_id="disposition_id",
        resolve=_resolve_in("dispositions", "disposition_id", _DISPOSITION_SHOWN),
        shared=("assign_type",),
        shared_defaults={"assign_type": "inbound"},
        member_missing=ErrorDef(400, 300, "Validation failed."),
        max_ids=30,
        too_many=ErrorDef(400, 300, "Validation failed."),
        remove="item",
        remove_path=f"{_Q}/dispositions/{{dispositionId}}",
        member_param="dispositionId",
        remove_missing=ErrorDef(404, 1201, "Queue disposition does not exist: {id}."),
    ),
    Link(
        key="queue_disposition_sets",
        parent="queues",
        parent_param="queueId",
        parent_missing=QUEUE_MISSING,
        base=f"{_Q}/dispositions/sets",
        list_key="disposition_sets",
        ids_field="disposition_set_ids",
        member_id="disposition_set_id",
        resolve=_resolve_in("disposition_sets", "disposition_set_id", _SET_SHOWN),
        shared=("assign_type",),
        shared_defaults={"assign_type": "inbound"},
        member_missing=ErrorDef(400, 400, "Bad Request"),
        remove="item",
        remove_path=f"{_Q}/dispositions/sets/{{dispositionSetId}}",
        member_param="dispositionSetId",
        remove_missing=ErrorDef(404, 1201, "Queue disposition set does not exist: {id}."),
    ),
    Link(
        key="team_agents",
        parent="teams",
        parent_param="teamId",
        parent_missing=TEAM_MISSING,
        base=f"{_T}/agents",
        list_key="agents",
        ids_field="user_ids",
        member_id="user_id",
        match_keys=("user_id", "cc_user_id", "user_email"),
        resolve=resolve_user,
        max_ids=100,
        too_many=ErrorDef(400, 4103, "The number of user IDs exceeds 100."),
        on_duplicate="skip",
        remove="query",  # the reference documents no parameter; Zoom reads ?user_ids=
        remove_path=f"{_T}/agents",
    ),
    Link(
        key="team_supervisors",
        parent="teams",
        parent_param="teamId",
        parent_missing=TEAM_MISSING,
        base=f"{_T}/supervisors",
        list_key="supervisors",
        ids_field="user_ids",
        member_id="user_id",
        match_keys=("user_id", "cc_user_id", "user_email"),
        resolve=resolve_user,
        max_ids=50,
        too_many=ErrorDef(400, 4103, "The number of user IDs exceeds the limit of 50."),
        on_duplicate="skip",
        remove="query",
        remove_path=f"{_T}/supervisors",
    ),
)


# -- settings on a parent ------------------------------------------------------------------

_INTERRUPT_FIELDS = ("audio_interrupts", "notify_interrupts")
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


def _settings(parent: Obj, key: str) -> dict[str, Any]:
    bag = parent.setdefault(PRIVATE_KEY, {})
    found: dict[str, Any] = bag.setdefault(key, {})
    return found


def _queue(store: Store, call: ApiCall) -> Obj:
    queue_id = call.path_params["queueId"]
    found = store.get("queues", queue_id)
    if found is None:
        raise QUEUE_MISSING.error(id=queue_id)
    return found


def _voice_queue(store: Store, call: ApiCall) -> Obj:
    queue = _queue(store, call)
    if queue.get("channel") != "voice":
        raise ZoomApiError(
            400,
            1205,
            "Queue channel type is invalid. Only voice queues support interrupt settings.",
        )
    return queue


def _body(call: ApiCall, allowed: tuple[str, ...]) -> Obj:
    body = call.body
    if not isinstance(body, dict):
        raise validation_error("Request Body should be a valid JSON object.")
    unknown = set(body) - set(allowed)
    if unknown:
        raise validation_error(f"Invalid field: {sorted(unknown)[0]}.")
    return body


def _get_interrupt(store: Store, call: ApiCall) -> Any:
    saved = _settings(_voice_queue(store, call), "interrupt")
    shown: Obj = {"audio_interrupts": copy.deepcopy(saved.get("audio_interrupts", []))}
    for item in shown["audio_interrupts"]:
        item.setdefault("disable_audio", False)
        item.setdefault("audio_filename", f"{item.get('audio_asset_id', '')}.mp3")
    if "notify_interrupts" in saved:
        shown["notify_interrupts"] = copy.deepcopy(saved["notify_interrupts"])
    return shown


def _patch_interrupt(store: Store, call: ApiCall) -> Any:
    queue = _voice_queue(store, call)
    body = _body(call, _INTERRUPT_FIELDS)
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
    _settings(queue, "interrupt").update(copy.deepcopy(body))
    return None


def _post_menu(store: Store, call: ApiCall) -> Any:
    queue = _voice_queue(store, call)
    body = call.body
    required = ("menu_language_code", "menu_options", "play_interval", "voice_id")
    if not isinstance(body, dict) or any(k not in body for k in required):
        raise validation_error(f"Validation failed: {', '.join(required)} are required.")
    bag = queue.setdefault(PRIVATE_KEY, {})
    bag["interrupt_menu"] = copy.deepcopy(body)
    return {"queue_id": call.path_params["queueId"], **copy.deepcopy(body)}


def _delete_menu(store: Store, call: ApiCall) -> Any:
    queue = _voice_queue(store, call)
    queue.setdefault(PRIVATE_KEY, {}).pop("interrupt_menu", None)
    return None


def _get_hours(store: Store, call: ApiCall) -> Any:
    saved = _settings(_queue(store, call), "operating_hours")
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


def _patch_hours(store: Store, call: ApiCall) -> Any:
    queue = _queue(store, call)
    body = _body(call, tuple(_HOURS_FIELDS))
    for name, value in body.items():
        if not isinstance(value, _HOURS_FIELDS[name]):
            raise ZoomApiError(400, 400, f"Bad Request: {name}.")
    refs = {
        "operating_hours_business_hour_id": "business_hours",
        "operating_hours_closure_set_id": "closure_sets",
        "overflow_to_queue_id": "queues",
    }
    for name, collection in refs.items():
        if body.get(name) and store.get(collection, body[name]) is None:
            raise ZoomApiError(400, 400, f"Bad Request: {name} does not exist.")
    saved = _settings(queue, "operating_hours")
    saved.update(body)
    if "operating_hours_business_hour_id" in body:
        saved.setdefault("account_default_business_hour", False)
        if "account_default_business_hour" not in body:
            saved["account_default_business_hour"] = False
    if "operating_hours_closure_set_id" in body and "account_default_closure_set" not in body:
        saved["account_default_closure_set"] = False
    return None


def _move_team(store: Store, call: ApiCall) -> Any:
    team_id = call.path_params["teamId"]
    team = store.get("teams", team_id)
    if team is None:
        raise ZoomApiError(404, 4102, "Team does not exist.")
    body = _body(call, ("parent_team_id",))
    target = body.get("parent_team_id")
    if not isinstance(target, str) or not target:
        raise validation_error("Invalid field: parent_team_id.")
    if store.get("teams", target) is None:
        raise ZoomApiError(404, 4102, "Team does not exist.")
    ancestor: Any = target
    while ancestor:  # no cycles: the new parent may not be the team or one of its children
        if ancestor == team_id:
            raise ZoomApiError(400, 4106, "Unable to process team request.")
        ancestor = (store.get("teams", ancestor) or {}).get("parent_team_id")
    team["parent_team_id"] = target
    return None


def _inbox(store: Store, call: ApiCall) -> Obj:
    inbox_id = call.path_params["inboxId"]
    found = store.get("inboxes", inbox_id) if "inboxes" in store.collections else None
    if found is None:
        raise INBOX_MISSING.error(id=inbox_id)
    return found


def _get_email_notifications(store: Store, call: ApiCall) -> Any:
    inbox = _inbox(store, call)
    chosen = _settings(inbox, "email_notifications")
    rows: dict[str, Obj] = {}
    for user in private(inbox, "inbox_users"):
        rows[user["user_id"]] = {**user, "email_notification": False}
    for user_id, enabled in chosen.items():
        user = resolve_user(store, user_id) or {"user_id": user_id}
        rows[user_id] = {**rows.get(user_id, user), "email_notification": enabled}
    shown = [
        {k: r.get(k) for k in ("user_id", "user_email", "display_name", "email_notification")}
        for r in rows.values()
    ]
    return paged(shown, call.query, "email_notifications")


def _patch_email_notification(store: Store, call: ApiCall) -> Any:
    inbox = _inbox(store, call)
    body = _body(call, ("user_id", "email_notification"))
    given = body.get("user_id")
    if not isinstance(given, str) or not given:
        raise validation_error("Invalid field: user_id.")
    enabled = body.get("email_notification", False)
    if not isinstance(enabled, bool):
        raise validation_error("Invalid field: email_notification.")
    user = resolve_user(store, given)
    if user is None:
        raise USER_MISSING.error(id=given)
    _settings(inbox, "email_notifications")[user["user_id"]] = enabled
    return None


def _user(store: Store, call: ApiCall) -> Obj:
    user_id = call.path_params["userId"]
    found = None
    if "users" in store.collections:
        found = store.get("users", user_id) or next(
            (
                u
                for u in store.items("users")
                if user_id in (u.get("cc_user_id"), u.get("user_email"))
            ),
            None,
        )
    if found is None:
        raise USER_MISSING.error(id=user_id)
    return found


def _user_queues(store: Store, call: ApiCall) -> Any:
    user = _user(store, call)
    ids = {user.get("user_id"), user.get("cc_user_id"), user.get("user_email")} - {None, ""}
    shown = []
    for queue in store.items("queues"):
        links = queue.get(PRIVATE_KEY, {})
        agent = any(m.get("user_id") in ids for m in links.get("queue_agents", []))
        supervisor = any(m.get("user_id") in ids for m in links.get("queue_supervisors", []))
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


def _opt_in_out(store: Store, call: ApiCall) -> Any:
    user = _user(store, call)
    body = _body(call, ("opt_in_out_status", "channel_type", "queue_ids"))
    status = body.get("opt_in_out_status")
    if status not in (0, 1) or isinstance(status, bool):
        raise validation_error("Invalid field: opt_in_out_status.")
    channel = body.get("channel_type")
    if channel is not None and channel not in _CHANNEL_TYPES:
        raise ZoomApiError(400, 1205, f"Queue channel type is invalid: {channel}.")
    queue_ids = body.get("queue_ids")
    if queue_ids is not None:
        missing = [q for q in queue_ids if store.get("queues", str(q)) is None]
        if missing:
            raise ZoomApiError(404, 1202, f"Queues do not exist: {missing}.")
    if status == 0 and store.render("users", user).get("status_name") != "Ready":
        raise ZoomApiError(
            400, 1010, "The agent must be in an available state `Ready` to opt in to the queue."
        )
    ids = {user.get("user_id"), user.get("cc_user_id"), user.get("user_email")} - {None, ""}
    for queue in store.items("queues"):
        if queue_ids is not None and queue["cc_queue_id"] not in queue_ids:
            continue
        if channel is not None and queue.get("channel") != _CHANNEL_TYPES[channel]:
            continue
        for member in queue.get(PRIVATE_KEY, {}).get("queue_agents", []):
            if member.get("user_id") in ids:
                member["opt_in_out_status"] = status
    return None


def _route(method: str, path: str, name: str, handler: Any, status: int = 200) -> ExtraRoute:
    return ExtraRoute(method, path, name, _label(method, path), handler, success_status=status)


SETTINGS_ROUTES: Final[tuple[ExtraRoute, ...]] = (
    _route("GET", f"{_Q}/interrupt", "queue_interrupt.get", _get_interrupt),
    _route("PATCH", f"{_Q}/interrupt", "queue_interrupt.update", _patch_interrupt),
    _route("POST", f"{_Q}/interrupt_menu", "queue_interrupt_menu.create", _post_menu, 201),
    _route("DELETE", f"{_Q}/interrupt_menu", "queue_interrupt_menu.delete", _delete_menu),
    _route("GET", f"{_Q}/operating_hours", "queue_operating_hours.get", _get_hours),
    _route("PATCH", f"{_Q}/operating_hours", "queue_operating_hours.update", _patch_hours),
    _route("PATCH", f"{_T}/move", "team.move", _move_team),
    _route(
        "GET",
        "/contact_center/inboxes/{inboxId}/email_notifications",
        "inbox_email_notifications.list",
        _get_email_notifications,
    ),
    _route(
        "PATCH",
        "/contact_center/inboxes/{inboxId}/email_notification",
        "inbox_email_notification.update",
        _patch_email_notification,
    ),
    _route("GET", "/contact_center/users/{userId}/queues", "user_queues.list", _user_queues),
    _route(
        "PATCH",
        "/contact_center/users/{userId}/opt_in_out_queues",
        "user_opt_in_out.update",
        _opt_in_out,
    ),
)


_U = "/contact_center/users/{userId}"
_I = "/contact_center/inboxes/{inboxId}"
_SKILL_SHOWN = ("skill_name", "skill_category_id")


def _resolve_skill(store: Store, given: Any) -> Obj | None:
    found = _resolve_in("skills", "skill_id", _SKILL_SHOWN)(store, given)
    if found is not None:
        category = store.get("skill_categories", str(found.get("skill_category_id"))) or {}
        found["skill_category_name"] = category.get("skill_category_name", "")
        found["skill_type"] = category.get("skill_type", "")
        found["max_proficiency_level"] = category.get("max_proficiency_level", 0)
    return found


def _resolve_queue(store: Store, given: Any) -> Obj | None:
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


INBOX_MISSING = ErrorDef(404, 3001, "Inbox does not exist: {id}.")
_FLOW_ENTRY = "/contact_center/flows/{flowId}/entry_points"
_DNC_PHONES = "/contact_center/outbound_campaign/dnc_lists/{dncListId}/phones"


def _resolve_entry(store: Store, given: Any) -> Obj | None:
    if not isinstance(given, str) or not given:
        raise ZoomApiError(400, 400, "Bad Request")
    return {"entry_id": given, "entry_name": given}


def _resolve_phone(store: Store, given: Any) -> Obj | None:
    if not isinstance(given, str) or not re.fullmatch(r"\+[1-9]\d{6,14}", given):
        raise ZoomApiError(400, 400, f"Bad Request: {given!r} is not an E.164 phone number.")
    return {"phone_id": new_id(), "phone_number": given}


MORE_LINKS: Final[tuple[Link, ...]] = (
    Link(
        key="user_skills",
        parent="users",
        parent_param="userId",
        parent_missing=USER_MISSING,
        base=f"{_U}/skills",
        list_key="skills",
        ids_field="skills",
        member_id="skill_id",
        item_fields=("skill_id", "max_proficiency_level"),
        item_renames={"max_proficiency_level": "user_proficiency_level"},
        resolve=_resolve_skill,
        member_missing=ErrorDef(404, 1401, "Skills do not exist: {id}."),
        on_duplicate="error",
        duplicate=ErrorDef(400, 1405, "Skill assignment already exists: {id}."),
        add_response="empty",
        remove="item",
        remove_path=f"{_U}/skills/{{skillId}}",
        member_param="skillId",
        remove_missing=ErrorDef(404, 1404, "Skill assignment not found: {id}."),
    ),
    Link(
        key="role_users",
        parent="roles",
        parent_param="roleId",
        parent_missing=ErrorDef(404, 2201, "Role does not exist: {id}."),
        base="/contact_center/roles/{roleId}/users",
        list_key="users",
        ids_field="user_ids",
        member_id="user_id",
        match_keys=("user_id", "cc_user_id", "user_email"),
        resolve=resolve_user,
        user_field="role_id",
        member_missing=ErrorDef(400, 300, "Validation failed."),
        remove="item",
        remove_path="/contact_center/roles/{roleId}/users/{userId}",
        member_param="userId",
        remove_missing=USER_MISSING,
    ),
    Link(
        key="region_users",
        parent="regions",
        parent_param="regionId",
        parent_missing=ErrorDef(404, 1017, "Region does not exist: {id}."),
        base="/contact_center/regions/{regionId}/users",
        list_key="users",
        ids_field="user_ids",
        member_id="user_id",
        match_keys=("user_id", "cc_user_id", "user_email"),
        resolve=resolve_user,
        user_field="region_id",
        add_response="empty",
        remove="none",
    ),
    Link(
        key="inbox_queues",
        parent="inboxes",
        parent_param="inboxId",
        parent_missing=INBOX_MISSING,
        base=f"{_I}/queues",
        list_key="queues",
        ids_field="cc_queue_ids",
        member_id="cc_queue_id",
        match_keys=("cc_queue_id", "queue_id"),
        resolve=_resolve_queue,
        member_missing=ErrorDef(400, 1202, "Queues do not exist: [{id}]."),
        on_duplicate="error",
        duplicate=ErrorDef(400, 1203, "Queue is already assigned to inbox: [{id}]."),
        add_response="none",
        # Query contract: `queue_ids` (legacy task-queue ids) and `cc_queue_ids`; the members
        # are Contact Center queues, removed as ?cc_queue_ids=a,b.
        remove="query",
        remove_path=f"{_I}/queues",
        remove_ids_field="cc_queue_ids",
        legacy_remove_ids_field="queue_ids",
        remove_missing=ErrorDef(400, 1204, "Queue is not assigned to inbox: [{id}]."),
    ),
    Link(
        key="inbox_users",
        parent="inboxes",
        parent_param="inboxId",
        parent_missing=INBOX_MISSING,
        base=f"{_I}/users",
        list_key="users",
        ids_field="user_ids",
        member_id="user_id",
        match_keys=("user_id", "cc_user_id", "user_email"),
        resolve=resolve_user,
        member_missing=ErrorDef(404, 1012, "Users do not exist: [{id}]."),
        on_duplicate="error",
        duplicate=ErrorDef(400, 1013, "User is already assigned to inbox: [{id}]."),
        add_response="none",
        remove="query",  # undocumented in the reference: ?user_ids=a,b
        remove_path=f"{_I}/users",
        remove_missing=ErrorDef(400, 1014, "User is not assigned to inbox: [{id}]."),
    ),
    Link(
        key="flow_entry_points",
        parent="flows",
        parent_param="flowId",
        parent_missing=ErrorDef(404, 3201, "Flow does not exist."),
        base=_FLOW_ENTRY,
        list_key="entry_points",
        ids_field="entry_points",
        member_id="entry_id",
        item_fields=("entry_id", "customer_identity_source", "entry_language"),
        resolve=_resolve_entry,
        shared=("enable_detect_language",),
        remove="body",
        remove_path=_FLOW_ENTRY,
        remove_ids_field="entry_ids",
    ),
    Link(
        key="dnc_list_phones",
        parent="dnc_lists",
        parent_param="dncListId",
        parent_missing=ErrorDef(404, 5020, "DNC list is not found."),
        base=_DNC_PHONES,
        list_key="dnc_list_phones",
        ids_field="phone_numbers",
        member_id="phone_number",
        match_keys=("phone_id", "phone_number"),
        resolve=_resolve_phone,
        on_duplicate="skip",
        add_response="empty",
        remove="body",
        remove_path=_DNC_PHONES,
        remove_ids_field="phone_ids",
    ),
)


def _all_routes() -> tuple[ExtraRoute, ...]:
    links = LINKS + MORE_LINKS
    return tuple(route for link in links for route in link_routes(link)) + SETTINGS_ROUTES


RELATIONS: Final = Collection(
    name="relations",
    path="/contact_center/_emulator_relations",
    id_field="id",
    list_key="relations",
    not_found=ErrorDef(404, 404, "No such API."),
    fields={},
    create_fields=(),
    update_fields=(),
    create_view=(),
    get_view=(),
    list_view=(),
    rate_labels={
        "list": "LIGHT",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "LIGHT",
    },
    omitted_ops=frozenset({"list", "create", "get", "update", "delete"}),
    extra_routes=_all_routes(),
)
"""Holds no objects: it only carries the routes of the links and settings."""

COLLECTIONS: Final[tuple[Collection, ...]] = (RELATIONS,)
