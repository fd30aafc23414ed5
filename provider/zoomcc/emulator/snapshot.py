"""Loading a snapshot of a real account (``zoomcc snapshot``) into the store, ids kept.

The snapshot speaks the API's JSON: objects as their GET shows them, per collection path
(and parent id); members as their list shows them, per membership path and parent id;
settings as their GET shows them, per settings path and parent id. The emulator reads it by
its own collection and membership tables alone (no provider spec), so a snapshot loads the
same whoever wrote it. What it has no collection for is returned as "not loaded", never
silently dropped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

from zoomcc.emulator.areas import MEMBERSHIPS
from zoomcc.emulator.member_resolvers import find_user
from zoomcc.emulator.membership import (
    STAND_INS,
    Membership,
    stored_members,
    stored_settings,
)
from zoomcc.emulator.refusals import Json, Obj
from zoomcc.emulator.store import Store

FORMAT: Final = "zoomcc-snapshot"


class SnapshotError(ValueError):
    """A file that is not a snapshot, or one the emulator cannot hold."""


def read_snapshot(path: Path) -> Obj:
    """The snapshot in ``path``; SnapshotError says why it is not one."""
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise SnapshotError(f"cannot read snapshot {path}: {exc}") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SnapshotError(f'{path} is not a zoomcc snapshot (no "format": "{FORMAT}")')
    return document


def _hours(body: Obj) -> Obj:
    # The operating hours GET shows `business_hour_id`, the PATCH (what is stored) takes
    # `operating_hours_business_hour_id`: the reference's two shapes (DESIGN.md,
    # "Known inconsistencies"; areas/queues/settings_routes.py stores the PATCH's names).
    renames = {
        "business_hour_id": "operating_hours_business_hour_id",
        "closure_set_id": "operating_hours_closure_set_id",
    }
    kept = {
        renames.get(k, k): v
        for k, v in body.items()
        if k not in ("business_hour_name", "closure_set_name") and v not in ("", None)
    }
    return kept


def _notifications(body: Json) -> Obj:
    """The email notifications list as the stored map user id -> on/off."""
    rows = body if isinstance(body, list) else []
    return {
        str(r["user_id"]): bool(r.get("email_notification"))
        for r in rows
        if isinstance(r, dict) and r.get("user_id")
    }


def _ids(shown: str, id_key: str, stored: str) -> Callable[[Obj], Obj]:
    """A GET that shows linked objects (``address_books: [{address_book_id, ...}]``) where
    the create takes their ids (``address_book_ids``): the ids, for the store."""

    def unshow(body: Obj) -> Obj:
        items = body.get(shown)
        if isinstance(items, list) and stored not in body:
            body[stored] = [i[id_key] for i in items if isinstance(i, dict) and id_key in i]
        return body

    return unshow


def _privileges(body: Obj) -> Obj:
    # A role's GET groups its privileges by kind; the create takes one list (roles.py).
    grouped = body.get("privileges")
    if isinstance(grouped, dict):
        body["privileges"] = [
            p for group in grouped.values() if isinstance(group, list) for p in group
        ]
    return body


STORED: Final[dict[str, Callable[[Obj], Obj]]] = {
    "roles": _privileges,
    "address_book_custom_fields": _ids("address_books", "address_book_id", "address_book_ids"),
    "variables": _ids("address_books", "address_book_id", "address_book_ids"),
    "disposition_sets": _ids("dispositions", "disposition_id", "disposition_ids"),
    "outbound_campaigns": lambda body: _ids(
        "campaign_do_not_contact_list", "contact_list_id", "campaign_do_not_contact_list_ids"
    )(_ids("campaign_contact_list", "contact_list_id", "campaign_contact_list_ids")(body)),
}
"""Collection -> the GET body turned into what the store holds, where a computed view shows
the linked objects the write calls name by id (the views in ``emulator/areas``)."""


SETTINGS: Final[dict[str, tuple[str, str, Callable[[Json], Obj]]]] = {
    "/contact_center/queues/{queueId}/interrupt": (
        "queues",
        "interrupt",
        lambda body: dict(body) if isinstance(body, dict) else {},
    ),
    "/contact_center/queues/{queueId}/operating_hours": (
        "queues",
        "operating_hours",
        lambda body: _hours(body) if isinstance(body, dict) else {},
    ),
    "/contact_center/inboxes/{inboxId}/email_notifications": (
        "inboxes",
        "email_notifications",
        _notifications,
    ),
}
"""Settings path -> (the parent's collection, where the settings are stored in it, the GET
shape turned into the stored one)."""


def load_snapshot(store: Store, document: Mapping[str, Json]) -> list[str]:
    """Replace the store's objects with the snapshot's (ids kept); the paths it could not
    load, each with why (the emulator has no collection for them)."""
    store.clear()
    skipped: list[str] = []
    by_path = {c.path: c for c in store.collections.values()}
    objects = _mapping(document.get("objects"))
    for path in objects:
        if path not in by_path:
            skipped.append(f"{path}: the emulator has no such collection")
    for coll in store.collections.values():  # in dependency order
        for parent_id, items in _mapping(objects.get(coll.path)).items():
            rows = (
                [dict(i) for i in items if isinstance(i, dict)] if isinstance(items, list) else []
            )
            stored = STORED.get(coll.name, _as_is)
            store.seed(coll.name, [stored(r) for r in rows], parent_id or None)
    members = _mapping(document.get("members"))
    known = {m.base: m for m in MEMBERSHIPS}
    for path, parents in members.items():
        membership = known.get(path)
        if membership is None:
            skipped.append(f"{path}: the emulator has no such membership")
            continue
        for parent_id, listed in _mapping(parents).items():
            rows = [i for i in listed if isinstance(i, dict)] if isinstance(listed, list) else []
            _add_members(store, membership, str(parent_id), rows, skipped)
    for path, parents in _mapping(document.get("settings")).items():
        if path not in SETTINGS:
            skipped.append(f"{path}: the emulator keeps no such settings")
            continue
        collection, key, stored = SETTINGS[path]
        for parent_id, body in _mapping(parents).items():
            parent = store.get(collection, str(parent_id))
            if parent is None:
                skipped.append(f"{path}: no {collection} {parent_id} in the snapshot")
                continue
            stored_settings(parent, key).update(stored(body))
    return skipped


def _as_is(body: Obj) -> Obj:
    return body


def _mapping(value: Json) -> dict[str, Json]:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def _add_members(
    store: Store, membership: Membership, parent_id: str, rows: list[Obj], skipped: list[str]
) -> None:
    """Store the listed members as the membership's list shows them back."""
    if membership.user_field is not None:  # kept on the users (a role's, a region's users)
        for row in rows:
            user = find_user(store, str(row.get("user_id") or row.get("user_email") or ""))
            if user is not None:
                user[membership.user_field] = parent_id
        return
    collection = membership.parent.collection
    if collection in store.collections:
        parent = store.get(collection, parent_id)
    else:  # a parent the emulator has no collection for (DNC lists): a stand-in
        key = f"{collection}:{parent_id}"
        parent = store.get(STAND_INS, key) or store.seed(STAND_INS, [{"id": key}])[0]
        parent = store.get(STAND_INS, key)
    if parent is None:
        skipped.append(f"{membership.base}: no {collection} {parent_id} in the snapshot")
        return
    stored_members(parent, membership.key).extend(dict(r) for r in rows)
