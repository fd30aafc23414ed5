"""Regions, roles, system statuses, users and user templates (derived from the API spec).

Behaviour the reference describes beyond the field tables, mirrored here: roles answer their
flat privilege list grouped by kind; users and user templates check the roles and regions
they name (2201, 1017); a region's delete moves its users to ``move_to_region_id`` and a
role's delete transfers them to ``transfer_role_id``.

Not mirrored: the system-status update's "Parameter `status_name` is required." (its field
list says optional; the emulator follows the field list, the provider always sends it).
"""

from __future__ import annotations

from typing import Final

from zoomcc.apispec.server_defaults import ACCOUNT_FILLS, NEW_USER
from zoomcc.emulator.collection import (
    OMIT,
    Collection,
    Computed,
    HookContext,
    Hooks,
    Reference,
    StoreAccess,
    new_id,
)
from zoomcc.emulator.derive import derive
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, validation_error
from zoomcc.emulator.shared_hooks import constant, name_of
from zoomcc.emulator.store import EMULATOR_USER_ID

# reference line 23093: "Delete a site and move its members to another region." The account
# has one main region (reference line 22925, `is_main_region`), which cannot be deleted
# (reference line 23104: "The main region cannot be deleted.").

MAIN_REGION_ID: Final = "mainRegion000000000000A"


def _members_of(store: StoreAccess, field: str, object_id: Json) -> list[Obj]:
    return [u for u in store.items("users") if u.get(field) == object_id]


def _delete_region(ctx: HookContext, data: Obj) -> None:
    """Move the region's users to ``move_to_region_id`` (a required query parameter)."""
    if data.get("is_main_region"):
        raise ErrorDef(400, 3802, "The main region cannot be deleted.").error()
    target = ctx.query.get("move_to_region_id", "")
    if not target:
        raise validation_error(
            "Validation Failed. Missing required query parameter: move_to_region_id."
        )
    if target == ctx.object_id:
        raise ErrorDef(
            400, 3803, "The `regionId` and `move_to_region_id` can't be the same."
        ).error()
    if ctx.store.get("regions", target) is None:
        # Not 3801: that code means the region being deleted is gone.
        raise ErrorDef(
            400, 3806, "The `move_to_region_id`'s region has a misconfigured SIP zone country."
        ).error()
    for user in _members_of(ctx.store, "region_id", ctx.object_id):
        user["region_id"] = target


def _count_members(field: str, id_field: str) -> Computed:
    def compute(store: StoreAccess, data: Obj) -> Json:
        return len(_members_of(store, field, data.get(id_field)))

    return compute


REGIONS = derive(
    "/contact_center/regions",
    name="regions",
    defaults={"is_main_region": False},
    computed={"users_count": _count_members("region_id", "region_id")},
    fixtures=({"region_id": MAIN_REGION_ID, "region_name": "Main region", "is_main_region": True},),
    hooks=Hooks(before_delete=_delete_region),
)


def _privilege_kind(privilege: str) -> str:
    """The GET group of a privilege, after the reference's three tables: reports (``Rpt*``)
    are analytics, ``Area:Access`` ones administration, plain names general."""
    if privilege.startswith("Rpt"):
        return "analytics_settings"
    if ":" in privilege:
        return "administration_settings"
    return "general_settings"


def _grouped_privileges(store: StoreAccess, data: Obj) -> Json:
    groups: dict[str, list[str]] = {
        "administration_settings": [],
        "analytics_settings": [],
        "general_settings": [],
    }
    for privilege in data.get("privileges") or []:
        groups[_privilege_kind(str(privilege))].append(privilege)
    return groups


def _role_validate(ctx: HookContext, current: Obj | None, body: Obj) -> None:
    bad = [p for p in body.get("privileges") or [] if not isinstance(p, str) or not p.strip()]
    if bad:
        raise ErrorDef(400, 2207, "Invalid role privileges: {value}.").error(value=bad)


def _delete_role(ctx: HookContext, data: Obj) -> None:
    """Transfer the role's users to ``transfer_role_id`` (a required query parameter)."""
    target = ctx.query.get("transfer_role_id", "")
    if not target:
        # reference line 29777: "Transfer role ID cannot be empty."
        raise ErrorDef(400, 2102, "Transfer role ID cannot be empty.").error()
    if target == ctx.object_id or ctx.store.get("roles", target) is None:
        # Not 2201: that code means the role being deleted is gone.
        raise validation_error(f"Validation Failed. Invalid transfer_role_id: {target}.")
    for user in _members_of(ctx.store, "role_id", ctx.object_id):
        user["role_id"] = target


# reference line 29827: "Administrator|Supervisor|Agent role name cannot be updated." Every
# account has these three built-in roles.
BUILT_IN_ROLES = ("Administrator", "Supervisor", "Agent")


def _role_validate_with_built_ins(ctx: HookContext, current: Obj | None, body: Obj) -> None:
    _role_validate(ctx, current, body)
    renamed = body.get("role_name")
    if (
        current is not None
        and current.get("role_name") in BUILT_IN_ROLES
        and renamed
        not in (
            None,
            current.get("role_name"),
        )
    ):
        raise ErrorDef(
            400, 2204, "Administrator|Supervisor|Agent role name cannot be updated."
        ).error()


ROLES = derive(
    "/contact_center/roles",
    name="roles",
    computed={
        "privileges": _grouped_privileges,
        "total_users": _count_members("role_id", "role_id"),
    },
    fixtures=tuple(
        {"role_id": f"builtin-{name.lower()}", "role_name": name, "privileges": []}
        for name in BUILT_IN_ROLES
    ),
    hooks=Hooks(validate=_role_validate_with_built_ins, before_delete=_delete_role),
)


def _assigned_queues(store: StoreAccess, data: Obj) -> Json:
    if "status_assigned_queues" not in data:
        return OMIT
    shown = []
    for item in data["status_assigned_queues"]:
        queue = store.get("queues", str(item.get("id"))) if isinstance(item, dict) else None
        name = queue.get("queue_name") if queue is not None else None
        shown.append({**item, "value": name} if name is not None else dict(item))
    return shown


SYSTEM_STATUSES = derive(
    "/contact_center/system_statuses",
    name="system_statuses",
    computed={"status_type": constant("custom"), "status_assigned_queues": _assigned_queues},
)

# ---- users and user templates ----------------------------------------------------------------

_ROLE_MISSING = ErrorDef(404, 2201, "Role does not exist: {value}.")
_REGION_MISSING = ErrorDef(404, 1017, "Region does not exist.")


def _user_validate(ctx: HookContext, current: Obj | None, body: Obj) -> None:
    if current is None and not (body.get("user_id") or body.get("user_email")):
        raise ErrorDef(400, 1009, "User ID or user email cannot be empty at the same time.").error()


def _user_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    """A new user's region and role, left out, are the account's (``ACCOUNT_FILLS``: the
    main region, the Agent role)."""
    merged = {**base, **body}
    if ctx.op != "create":
        return merged
    for field, fill in ACCOUNT_FILLS["User"].items():
        if merged.get(field):
            continue
        collection = fill.collection_path.rsplit("/", 1)[-1]
        chosen = next(
            (o for o in ctx.store.items(collection) if o.get(fill.field) == fill.value), None
        )
        if chosen is not None:
            merged[field] = chosen[fill.id_field]
    return merged


def _display_name(store: StoreAccess, data: Obj) -> Json:
    email = data.get("user_email")
    return str(email).split("@")[0] if email else OMIT


def _search_key(store: StoreAccess, data: Obj, value: str) -> bool:
    """The users list's ``search_key``: a user's email or name contains it."""
    shown = store.render("users", data)
    wanted = value.lower()
    return any(wanted in str(shown.get(k) or "").lower() for k in ("user_email", "display_name"))


USERS = derive(
    "/contact_center/users",
    name="users",
    # reference line 33873: "User already exists: $email." Users are named by email
    # (``user_identifier_type`` takes ``id`` or ``email``).
    name_field="user_email",
    custom_filters={"search_key": _search_key},
    defaults={**NEW_USER, "status_name": "Offline"},
    generated={"cc_user_id": new_id},
    references=(
        Reference("role_id", "roles", _ROLE_MISSING),
        Reference("region_id", "regions", _REGION_MISSING),
    ),
    computed={
        "display_name": _display_name,
        "role_name": name_of("roles", "role_id", "role_name"),
        "region_name": name_of("regions", "region_id", "region_name"),
    },
    hooks=Hooks(validate=_user_validate, merge=_user_merge),
)

USER_TEMPLATES = derive(
    "/contact_center/users/templates",
    name="user_templates",
    defaults={"template_status": "active"},
    computed={"created_by": constant(EMULATOR_USER_ID)},
    references=(
        Reference("role", "roles", ErrorDef(400, 640014, "Invalid template setting value.")),
        Reference("region", "regions", ErrorDef(400, 640014, "Invalid template setting value.")),
    ),
)


COLLECTIONS: tuple[Collection, ...] = (
    REGIONS,
    ROLES,
    SYSTEM_STATUSES,
    USER_TEMPLATES,
    USERS,
)
