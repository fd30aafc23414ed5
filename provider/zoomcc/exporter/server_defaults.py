"""Arguments equal to what a new object has anyway are left out of the program: leaving them
out says the same thing in fewer lines. Fixed values (``apispec.server_defaults``'s
``SERVER_DEFAULTS``: a new queue's settings, ``account_default`` false) and values the server
fills from the account (``ACCOUNT_FILLS``: a user's region is the main region, their role the
Agent role)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from zoomcc.apispec.server_defaults import ACCOUNT_FILLS, SERVER_DEFAULTS
from zoomcc.exporter.exported import ExportedObject
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.spec import ResourceSpec

Fills = dict[str, dict[str, str]]
"""Type -> field -> the id the server fills it with in the account read."""


def without_server_defaults(type_name: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` less what equals a new object's value (key by key inside objects)."""
    defaults = SERVER_DEFAULTS.get(type_name, {})
    out: dict[str, Any] = {}
    for name, value in values.items():
        default = defaults.get(name)
        if isinstance(value, dict) and isinstance(default, dict):
            value = {k: v for k, v in value.items() if not _same(v, default.get(k))}
            if not value:
                continue
        elif name in defaults and _same(value, default):
            continue
        out[name] = value
    return out


def account_fills(objects: Iterable[ExportedObject]) -> Fills:
    """What the server fills in the account ``objects`` were read from: the main region's
    id, the Agent role's id (a fill whose objects were not read is not known: kept)."""
    found: Fills = {}
    listed = [o for o in objects if isinstance(o.spec, ResourceSpec)]
    for type_name, fields in ACCOUNT_FILLS.items():
        for name, fill in fields.items():
            match = next(
                (
                    o
                    for o in listed
                    if isinstance(o.spec, ResourceSpec)
                    and o.spec.collection_path == fill.collection_path
                    and o.live.get(fill.field) == fill.value
                ),
                None,
            )
            if match is not None:
                found.setdefault(type_name, {})[name] = match.object_id
    return found


def without_account_fills(
    type_name: str, values: Mapping[str, Any], fills: Fills
) -> dict[str, Any]:
    """``values`` less those equal to what the server fills when they are left out."""
    filled = fills.get(type_name, {})
    return {k: v for k, v in values.items() if k not in filled or v != filled[k]}


HELD_BY_MEMBERSHIP: dict[str, tuple[str, str]] = {
    "RoleUsers": ("User", "role_id"),
    "RegionUsers": ("User", "region_id"),
}
"""Memberships that set a field of their members (a role's users: each user's ``role_id``).
Where the membership is exported, the members' field is left to it (declared once), and a
membership of the object the server fills the field with (the Agent role's users, the main
region's) is left out: it is what the server does anyway."""


def drop_held_values(kept: list[ExportedObject], fills: Fills) -> list[ExportedObject]:
    """``kept`` less memberships the server fills; members' fields a kept membership holds
    are taken out of the members' arguments."""
    out = []
    holders: dict[tuple[str, str], set[str]] = {}
    for obj in kept:
        held = HELD_BY_MEMBERSHIP.get(obj.spec.name)
        if held is None or not isinstance(obj.spec, MembershipSpec):
            out.append(obj)
            continue
        member_type, field = held
        if fills.get(member_type, {}).get(field) == obj.parent_id:
            continue
        members = obj.inputs.get(obj.spec.members_field) or []
        holders.setdefault((member_type, field), set()).update(
            f"{m}:{obj.parent_id}" for m in members if isinstance(m, str)
        )
        out.append(obj)
    for obj in out:
        for (member_type, field), pairs in holders.items():
            value = obj.inputs.get(field)
            if obj.spec.name == member_type and f"{obj.object_id}:{value}" in pairs:
                del obj.inputs[field]
    return out


def _same(value: Any, default: Any) -> bool:
    return isinstance(value, bool) == isinstance(default, bool) and bool(value == default)
