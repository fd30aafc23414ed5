"""Members as declared and as listed: a member's id, whether a listed one is it, and what
the add call sends for it. Pure functions of the ``MembershipSpec``."""

from __future__ import annotations

from typing import Any

from zoomcc.dynamic.values import matches, normalize
from zoomcc.resources.membership import MembershipSpec


def declared(spec: MembershipSpec, props: dict[str, Any]) -> list[Any]:
    """The members ``props`` declare."""
    members = normalize(props.get(spec.members_field) or [])
    return list(members) if isinstance(members, list) else []


def member_id(spec: MembershipSpec, member: Any) -> str:
    """A declared member's id (an object member's ``member_key``)."""
    if spec.member_key is not None and isinstance(member, dict):
        return str(member.get(spec.member_key) or "")
    return str(member)


def add_item(member: Any) -> Any:
    """A member as the add body takes it (unset attributes left out)."""
    if isinstance(member, dict):
        return {k: v for k, v in member.items() if v is not None}
    return member


def listed_member(
    spec: MembershipSpec, member: Any, live: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The listed member that is ``member``, by any of the spec's ``match_keys``."""
    wanted = member_id(spec, member)
    fold = "@" in wanted  # emails compare case-insensitively, ids exactly
    for item in live:
        for key in spec.match_keys:
            value = str(item.get(key) or "")
            if value == wanted or (fold and value.lower() == wanted.lower()):
                return item
    return None


def attributes_match(spec: MembershipSpec, member: Any, found: dict[str, Any]) -> bool:
    """Whether the listed member carries the declared attributes."""
    if not isinstance(member, dict):
        return True
    return all(
        member.get(attr) is None or matches(member.get(attr), found.get(live_field))
        for attr, live_field in spec.attributes.items()
    )


def present(spec: MembershipSpec, member: Any, live: list[dict[str, Any]]) -> bool:
    """Whether ``member`` is listed with its declared attributes."""
    found = listed_member(spec, member, live)
    return found is not None and attributes_match(spec, member, found)


def as_declared(spec: MembershipSpec, listed: list[dict[str, Any]]) -> list[Any]:
    """Listed members as the resource declares them (ids, or objects with attributes): what
    ``pulumi import`` of a membership declares."""
    members: list[Any] = []
    for item in listed:
        if spec.member_key is None:
            key = next((k for k in spec.match_keys if item.get(k)), None)
            if key is not None:
                members.append(str(item[key]))
            continue
        if not item.get(spec.member_key):
            continue
        member = {spec.member_key: item[spec.member_key]}
        for attr, live_field in spec.attributes.items():
            if item.get(live_field) is not None:
                member[attr] = normalize(item[live_field])
        members.append(member)
    return members
