"""A user's skills; a role's users and a region's users (kept on the users themselves)."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.collection import StoreAccess
from zoomcc.emulator.member_resolvers import USER_MISSING, resolve_in
from zoomcc.emulator.membership import (
    USER_MEMBERS,
    MemberKind,
    Membership,
    MembershipParent,
)
from zoomcc.emulator.refusals import ErrorDef, Json, Obj

USER_PATH: Final = "/contact_center/users/{userId}"
_ROLE_MISSING: Final = ErrorDef(404, 2201, "Role does not exist: {id}.")
_REGION_MISSING: Final = ErrorDef(404, 1017, "Region does not exist: {id}.")
_resolve_skill_only = resolve_in("skills", "skill_id", ("skill_name", "skill_category_id"))


def _resolve_skill(store: StoreAccess, given: Json) -> Obj | None:
    """A skill member, with its category's name, type and top level."""
    found = _resolve_skill_only(store, given)
    if found is not None:
        category = store.get("skill_categories", str(found.get("skill_category_id"))) or {}
        found["skill_category_name"] = category.get("skill_category_name", "")
        found["skill_type"] = category.get("skill_type", "")
        found["max_proficiency_level"] = category.get("max_proficiency_level", 0)
    return found


USER_MEMBERSHIPS: Final[tuple[Membership, ...]] = (
    Membership(
        key="user_skills",
        parent=MembershipParent("users", "userId", USER_MISSING),
        members=MemberKind("skills", "skill_id", _resolve_skill),
        base=f"{USER_PATH}/skills",
        list_key="skills",
        item_fields=("skill_id", "max_proficiency_level"),
        item_renames={"max_proficiency_level": "user_proficiency_level"},
        member_missing=ErrorDef(404, 1401, "Skills do not exist: {id}."),
        on_duplicate="error",
        duplicate=ErrorDef(400, 1405, "Skill assignment already exists: {id}."),
        add_response="empty",
        remove="item",
        member_param="skillId",
        remove_missing=ErrorDef(404, 1404, "Skill assignment not found: {id}."),
    ),
    Membership(
        key="role_users",
        parent=MembershipParent("roles", "roleId", _ROLE_MISSING),
        members=USER_MEMBERS,
        base="/contact_center/roles/{roleId}/users",
        list_key="users",
        user_field="role_id",
        member_missing=ErrorDef(400, 300, "Validation failed."),
        remove="item",
        member_param="userId",
        remove_missing=USER_MISSING,
    ),
    Membership(
        key="region_users",
        parent=MembershipParent("regions", "regionId", _REGION_MISSING),
        members=USER_MEMBERS,
        base="/contact_center/regions/{regionId}/users",
        list_key="users",
        user_field="region_id",
        add_response="empty",
        remove="none",
    ),
)
