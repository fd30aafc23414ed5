"""One membership (a queue's agents, a team's supervisors...) declared as data, and the
list, add and remove handlers that serve every membership from its declaration.

Members are stored inside the parent object under :data:`PRIVATE_KEY`, which no view
shows, so they vanish with the parent and with a reset, exactly as in Zoom. Members kept
on the users themselves (a role's users: ``role_id``) are the exception
(``Membership.user_field``).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

from zoomcc.emulator.collection import ApiCall, ExtraRoute, RouteHandler, StoreAccess
from zoomcc.emulator.derive import api_route
from zoomcc.emulator.member_resolvers import Resolver, resolve_user
from zoomcc.emulator.paging import paged
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, validation_error

PRIVATE_KEY: Final = "_on_parent"
"""The key, inside a parent object, under which its members and settings are stored (the
provider tier's tests read a queue's interrupt menu there)."""

STAND_INS: Final = "stand_in_parents"
"""The collection that carries the routes under a parent object (memberships, settings,
actions) and holds stand-in parents for parents the emulator has no collection for."""


def stored_members(parent: Obj, key: str) -> list[Obj]:
    """The member list ``key`` stored in ``parent`` (created on first use)."""
    bag = parent.setdefault(PRIVATE_KEY, {})
    members: list[Obj] = bag.setdefault(key, [])
    return members


def stored_settings(parent: Obj, key: str) -> dict[str, Json]:
    """The settings ``key`` stored in ``parent`` (created on first use)."""
    bag = parent.setdefault(PRIVATE_KEY, {})
    settings: dict[str, Json] = bag.setdefault(key, {})
    return settings


def members_of(parent: Obj, key: str) -> list[Obj]:
    """The member list ``key`` of ``parent`` for reading (empty when none was stored)."""
    found: list[Obj] = parent.get(PRIVATE_KEY, {}).get(key, [])
    return found


@dataclass(frozen=True)
class MembershipParent:
    """The object a membership hangs under: its collection, path parameter and the error
    for a parent that does not exist."""

    collection: str
    param: str
    missing: ErrorDef


@dataclass(frozen=True)
class MemberKind:
    """Who the members are: the add body's list field, the stored member's id field, the
    fields a removal may name a member by, and how a given id becomes a member record."""

    ids_field: str
    """The add body's list field (``user_ids``)."""
    member_id: str
    """The stored member's id field (``user_id``)."""
    resolve: Resolver
    match_keys: tuple[str, ...] = ()


USER_MEMBERS: Final = MemberKind(
    "user_ids", "user_id", resolve_user, ("user_id", "cc_user_id", "user_email")
)
"""Users, added as ``user_ids`` and named by id, Contact Center id or email."""


@dataclass(frozen=True)
class Membership:
    """One parent-child membership as the reference documents it."""

    key: str
    """Where the members are stored in the parent (``queue_agents``)."""
    parent: MembershipParent
    members: MemberKind
    base: str
    """The list/add path."""
    list_key: str
    remove: Literal["item", "query", "body", "none"]
    """How members are removed: one at a time at ``base/{member_param}``, or by the ids
    in the query or the body of a DELETE on ``base``."""
    member_param: str = ""
    member_missing: ErrorDef | None = None
    """Answer of an add naming a member that does not exist (None: skipped silently)."""
    remove_missing: ErrorDef | None = None
    """Answer of a per-member removal of a member not linked (None: 204 anyway)."""
    match_keys: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()
    """Add-body fields copied onto every added member (``assign_type``)."""
    shared_defaults: dict[str, Json] = field(default_factory=dict)
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
    """Members kept on the users themselves (``role_id``): the members are the users whose
    field holds the parent's id; adding sets it, removing clears it."""
    remove_ids_field: str = ""
    """The removal's ids parameter when not ``ids_field``."""
    legacy_remove_ids_field: str = ""
    """A second query parameter that removes by the members' legacy ids (``queue_ids``)."""
    add_response: Literal["list", "empty", "none"] = "list"
    """What the add answers: the added members (201), an empty object (201), or 204."""

    def id_keys(self) -> tuple[str, ...]:
        return self.members.match_keys or (self.members.member_id,)

    @property
    def remove_path(self) -> str:
        """The removal's path (see ``remove``)."""
        return f"{self.base}/{{{self.member_param}}}" if self.remove == "item" else self.base

    @property
    def ids_field(self) -> str:
        return self.members.ids_field

    @property
    def member_id(self) -> str:
        return self.members.member_id


def _parent(store: StoreAccess, membership: Membership, call: ApiCall) -> Obj:
    parent_id = call.path_params[membership.parent.param]
    if membership.parent.collection not in store.collections:
        # No emulated collection for the parent (DNC lists): any id exists, and its
        # members are kept in a stand-in object of the stand-in parents collection.
        key = f"{membership.parent.collection}:{parent_id}"
        found = store.get(STAND_INS, key)
        if found is None:
            store.seed(STAND_INS, [{"id": key}])
            found = store.get(STAND_INS, key)
        assert found is not None
        return found
    found = store.get(membership.parent.collection, parent_id)
    if found is None:
        raise membership.parent.missing.error(id=parent_id)
    return found


def _members(store: StoreAccess, membership: Membership, parent: Obj, parent_id: str) -> list[Obj]:
    """The live list of ``parent``'s members (a fresh list for user-field memberships)."""
    if membership.user_field is None:
        return stored_members(parent, membership.key)
    found = []
    for user in store.items("users"):
        if user.get(membership.user_field) == parent_id:
            record = resolve_user(store, user["user_id"])
            assert record is not None
            found.append(record)
    return found


def _matches(membership: Membership, member: Obj, given: str) -> bool:
    return any(given and str(member.get(k) or "") == given for k in membership.id_keys()) or (
        "@" in given and str(member.get("user_email") or "").lower() == given.lower()
    )


def _in_scope(membership: Membership, member: Obj, query: Mapping[str, str]) -> bool:
    """Whether a member belongs to the query's scope: the add-body fields copied onto members
    (``assign_type``) are also list and remove parameters, and a disposition assigned for
    inbound engagements is another assignment than the same one for outbound."""
    return all(str(member.get(k)) == query[k] for k in membership.shared if k in query)


def _list_handler(membership: Membership) -> RouteHandler:
    def handle(store: StoreAccess, call: ApiCall) -> Json:
        parent_id = call.path_params[membership.parent.param]
        members = _members(store, membership, _parent(store, membership, call), parent_id)
        scoped = [m for m in members if _in_scope(membership, m, call.query)]
        return paged(scoped, call.query, membership.list_key)

    return handle


def _add_handler(membership: Membership) -> RouteHandler:
    def handle(store: StoreAccess, call: ApiCall) -> Json:
        parent = _parent(store, membership, call)
        body = call.body
        if not isinstance(body, dict) or not isinstance(body.get(membership.ids_field), list):
            raise validation_error(f"Invalid field: {membership.ids_field}.")
        unknown = set(body) - {membership.ids_field, *membership.shared}
        if unknown:
            raise validation_error(f"Invalid field: {sorted(unknown)[0]}.")
        given = body[membership.ids_field]
        if (
            membership.max_ids is not None
            and len(given) > membership.max_ids
            and membership.too_many
        ):
            raise membership.too_many.error()
        shared = {
            **membership.shared_defaults,
            **{k: body[k] for k in membership.shared if k in body},
        }
        parent_id = call.path_params[membership.parent.param]
        members = _members(store, membership, parent, parent_id)
        added: list[Obj] = []
        for item in given:
            ident, record = _member_record(store, membership, item)
            if record is None:
                continue
            record = {**record, **shared}
            twin = next(
                (
                    m
                    for m in members
                    if m[membership.member_id] == record[membership.member_id]
                    and all(m.get(k) == record.get(k) for k in membership.shared)
                ),
                None,
            )
            if twin is not None:
                if membership.on_duplicate == "error" and membership.duplicate is not None:
                    raise membership.duplicate.error(id=ident)
                if membership.on_duplicate == "skip":
                    continue  # partial success: already assigned members are skipped
                twin.update(record)
            elif membership.user_field is not None:
                user = store.get("users", record["user_id"])
                assert user is not None
                user[membership.user_field] = parent_id
            else:
                members.append(record)
            added.append(copy.deepcopy(record))
        if membership.add_response == "list":
            return {membership.list_key: added}
        return {} if membership.add_response == "empty" else None

    return handle


def _member_record(
    store: StoreAccess, membership: Membership, item: Json
) -> tuple[Json, Obj | None]:
    """The member's id as given, and the record an add-body item stands for (its extra
    fields included): None to skip a member that does not exist where the reference
    documents no error for it."""
    extra: Obj = {}
    ident = item
    if membership.item_fields:
        if not isinstance(item, dict) or set(item) - set(membership.item_fields):
            raise validation_error(f"Invalid field: {membership.ids_field}.")
        ident = item.get(membership.item_fields[0])
        extra = {
            str(membership.item_renames.get(k, k)): v
            for k, v in item.items()
            if k != membership.item_fields[0]
        }
    record = membership.members.resolve(store, ident)
    if record is None:
        if membership.member_missing is not None:
            raise membership.member_missing.error(id=ident)
        return ident, None
    return ident, {**record, **extra}


def _removed_ids(membership: Membership, call: ApiCall) -> list[str]:
    if membership.remove == "item":
        return [call.path_params[membership.member_param]]
    if membership.remove == "query":
        fields = (
            membership.remove_ids_field or membership.ids_field,
            membership.legacy_remove_ids_field,
        )
        raw = ",".join(call.query.get(f, "") for f in fields if f)
        return [i for i in raw.split(",") if i]
    body = call.body if isinstance(call.body, dict) else {}
    ids = body.get(membership.remove_ids_field or membership.ids_field) or []
    if not isinstance(ids, list):
        raise validation_error(f"Invalid field: {membership.ids_field}.")
    return [str(i) for i in ids]


def _remove_handler(membership: Membership) -> RouteHandler:
    def handle(store: StoreAccess, call: ApiCall) -> Json:
        parent = _parent(store, membership, call)
        parent_id = call.path_params[membership.parent.param]
        members = _members(store, membership, parent, parent_id)
        ids = _removed_ids(membership, call)
        if not ids:
            raise validation_error(f"{membership.ids_field} is required.")
        gone = [
            m
            for m in members
            if any(_matches(membership, m, i) for i in ids) and _in_scope(membership, m, call.query)
        ]
        if not gone and membership.remove_missing is not None:
            raise membership.remove_missing.error(id=ids[0])
        if membership.user_field is not None:
            for member in gone:
                user = store.get("users", member["user_id"]) or {}
                user.pop(membership.user_field, None)
            return None
        members[:] = [m for m in members if m not in gone]
        return None

    return handle


def membership_routes(membership: Membership) -> tuple[ExtraRoute, ...]:
    """The list (where the API has one), add and remove routes of ``membership``."""
    key = membership.key
    routes = []
    if membership.list_route:
        routes.append(api_route("GET", membership.base, f"{key}.list", _list_handler(membership)))
    routes.append(
        api_route("POST", membership.base, f"{key}.add", _add_handler(membership), status=201)
    )
    if membership.remove != "none":
        routes.append(
            api_route(
                "DELETE", membership.remove_path, f"{key}.remove", _remove_handler(membership)
            )
        )
    return tuple(routes)
