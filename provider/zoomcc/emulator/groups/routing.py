"""Routing profiles, queue templates, regions, roles, statuses, users, user templates and
variables (derived from the API spec).

Behaviour the reference describes beyond the field tables, mirrored here: routing-profile
priorities name existing skill categories once each (4004, 4006) and GET adds their ids,
order and names; consumer-profile attributes appear once per list (4011); queue templates
list their fields as ``template_*`` (``list_names``) and reject bad channels and types with
their own codes (1205, 1240); roles answer their flat privilege list grouped by kind;
users, user templates and variables check the objects they name (roles 2201, regions 1017,
groups 3409, books 2006); a region's delete moves its users to ``move_to_region_id`` and a
role's delete transfers them to ``transfer_role_id``; variables are listed per group.

Not mirrored: the system-status update's "Parameter `status_name` is required." (its field
list says optional; the emulator follows the field list, the provider always sends it).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Final

from zoomcc.emulator.derive import derive
from zoomcc.emulator.model import (
    OMIT,
    Collection,
    ErrorDef,
    FieldSpec,
    HookContext,
    Hooks,
    Obj,
    Reference,
    new_id,
    new_short_id,
    validation_error,
)
from zoomcc.emulator.store import EMULATOR_USER_ID, Store

VARIABLE_GROUPS = "variable_groups"
BOOKS = "address_books"  # the contacts group's address books


def _const(value: Any) -> Any:
    def compute(store: Store, data: Obj) -> Any:
        return value() if callable(value) else value

    return compute


def _name_of(collection: str, id_field: str, name_field: str) -> Any:
    def compute(store: Store, data: Obj) -> Any:
        ref = data.get(id_field)
        found = store.get(collection, str(ref)) if ref else None
        return found.get(name_field) if found is not None else OMIT

    return compute


# ---- routing profiles ------------------------------------------------------------------


def _agent_profile_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    data = {**base, **body}
    if "priorities" not in body:
        return data
    seen: set[str] = set()
    priorities = []
    for order, wanted in enumerate(body["priorities"] or [], start=1):
        if not isinstance(wanted, dict) or not wanted.get("category_type"):
            raise validation_error("Missing required parameter.")
        item = dict(wanted)
        category_id = item.get("skill_category_id")
        if category_id is not None:
            category = ctx.store.get("skill_categories", str(category_id))
            if category is None:
                raise ErrorDef(400, 4004, "Category doesn't exist.").error()
            if category_id in seen:
                raise ErrorDef(400, 4006, "Category is duplicated in priorities.").error()
            seen.add(category_id)
            item["skill_category_name"] = category.get("skill_category_name")
            item["skill_type"] = category.get("skill_type")
        item.setdefault("minimum_proficiency_level", 0)
        item["priority_id"] = new_short_id(10)
        item["priority_order"] = order
        priorities.append(item)
    data["priorities"] = priorities
    return data


AGENT_ROUTING_PROFILES = derive(
    "/contact_center/agent_routing_profiles",
    name="agent_routing_profiles",
    hooks=Hooks(merge=_agent_profile_merge),
)


def _consumer_profile_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    for key in ("top_priorities", "accumulated_priorities"):
        kinds = [p.get("attribute_type") for p in body.get(key) or [] if isinstance(p, dict)]
        if len(kinds) != len(set(kinds)):
            raise ErrorDef(
                400, 4011, "Consumer routing profile has duplicated priority attributes."
            ).error()
    return {**base, **body}


CONSUMER_ROUTING_PROFILES = derive(
    "/contact_center/consumer_routing_profiles",
    name="consumer_routing_profiles",
    hooks=Hooks(merge=_consumer_profile_merge),
)

# ---- queue templates ---------------------------------------------------------------------


def _queue_templates() -> Collection:
    derived = derive(
        "/contact_center/queue_templates",
        name="queue_templates",
        defaults={"queue_template_status": "active", "queue_template_need_attention": False},
        # reference line 16603 (the list's items): "template_need_attention (required)"; the
        # list names every queue_template_* field template_*, get and create do not.
        list_names={
            f"queue_template_{name}": f"template_{name}"
            for name in ("id", "name", "description", "status", "type", "need_attention")
        },
    )
    fields = dict(derived.fields)
    for name, code, message in (
        ("channel", 1205, "Queue channel type is invalid: {value}."),
        (
            "queue_template_type",
            1240,
            "Queue template type is invalid: {value}. Valid values: add, update.",
        ),
        (
            "queue_template_status",
            1241,
            "Queue template status is invalid: {value}. Valid values: active, inactive.",
        ),
    ):
        fields[name] = FieldSpec(fields[name].type, fields[name].enum, ErrorDef(400, code, message))
    return dataclasses.replace(derived, fields=fields)


QUEUE_TEMPLATES = _queue_templates()

# ---- regions, roles, statuses --------------------------------------------------------------

# reference line 23093: "Delete a site and move its members to another region." The account
# has one main region (reference line 22925, `is_main_region`), which cannot be deleted
# (reference line 23104: "The main region cannot be deleted.").

MAIN_REGION_ID: Final = "mainRegion000000000000A"


def _members_of(store: Store, field: str, object_id: Any) -> list[Obj]:
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


def _count_members(field: str, id_field: str) -> Any:
    def compute(store: Store, data: Obj) -> Any:
        return len(_members_of(store, field, data.get(id_field)))

    return compute


REGIONS = derive(
    "/contact_center/regions",
    name="regions",
    defaults={"is_main_region": False},
    computed={"users_count": _count_members("region_id", "region_id")},
    fixtures=(
        {"region_id": MAIN_REGION_ID, "region_name": "Main region", "is_main_region": True},
    ),
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


def _grouped_privileges(store: Store, data: Obj) -> Any:
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


# reference line 29829: "Administrator|Supervisor|Agent role name cannot be updated." Every
# account has these three built-in roles.
BUILT_IN_ROLES = ("Administrator", "Supervisor", "Agent")


def _role_validate_with_built_ins(ctx: HookContext, current: Obj | None, body: Obj) -> None:
    _role_validate(ctx, current, body)
    renamed = body.get("role_name")
    if current is not None and current.get("role_name") in BUILT_IN_ROLES and renamed not in (
        None,
        current.get("role_name"),
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


def _assigned_queues(store: Store, data: Obj) -> Any:
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
    computed={"status_type": _const("custom"), "status_assigned_queues": _assigned_queues},
)

# ---- users and user templates ----------------------------------------------------------------

_ROLE_MISSING = ErrorDef(404, 2201, "Role does not exist: {value}.")
_REGION_MISSING = ErrorDef(404, 1017, "Region does not exist.")


def _user_validate(ctx: HookContext, current: Obj | None, body: Obj) -> None:
    if current is None and not (body.get("user_id") or body.get("user_email")):
        raise ErrorDef(400, 1009, "User ID or user email cannot be empty at the same time.").error()


def _display_name(store: Store, data: Obj) -> Any:
    email = data.get("user_email")
    return str(email).split("@")[0] if email else OMIT


def _search_key(store: Store, data: Obj, value: str) -> bool:
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
    defaults={"user_access": "active", "status_name": "Offline"},
    generated={"cc_user_id": new_id},
    references=(
        Reference("role_id", "roles", _ROLE_MISSING),
        Reference("region_id", "regions", _REGION_MISSING),
    ),
    computed={
        "display_name": _display_name,
        "role_name": _name_of("roles", "role_id", "role_name"),
        "region_name": _name_of("regions", "region_id", "region_name"),
    },
    hooks=Hooks(validate=_user_validate),
)

USER_TEMPLATES = derive(
    "/contact_center/users/templates",
    name="user_templates",
    defaults={"template_status": "active"},
    computed={"created_by": _const(EMULATOR_USER_ID)},
    references=(
        Reference("role", "roles", ErrorDef(400, 640014, "Invalid template setting value.")),
        Reference("region", "regions", ErrorDef(400, 640014, "Invalid template setting value.")),
    ),
)

# ---- variables -------------------------------------------------------------------------------


def _variables_count(store: Store, data: Obj) -> Any:
    group = data.get("variable_group_id")
    return sum(1 for v in store.items("variables") if v.get("variable_group_id") == group)


VARIABLE_GROUP_COLLECTION = derive(
    "/contact_center/variables/groups",
    name=VARIABLE_GROUPS,
    computed={"variable_group_variables_count": _variables_count},
)


def _variable_books(store: Store, data: Obj) -> Any:
    if "address_book_ids" not in data:
        return OMIT
    shown = []
    for book_id in data["address_book_ids"]:
        book = store.get(BOOKS, str(book_id))
        if book is not None:
            shown.append(
                {
                    "address_book_id": book_id,
                    "address_book_name": book.get("address_book_name"),
                    "unit_id": book.get("unit_id"),
                }
            )
    return shown


def _variable_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    data = {**base, **body}
    if data.get("variable_type") == "address_book_variable" and not data.get("address_book_ids"):
        raise ErrorDef(400, 3402, "The `address_book_ids` field cannot be empty.").error()
    return data


VARIABLES = derive(
    "/contact_center/variables",
    name="variables",
    # reference line 37602: "The variable already exists in the current custom group:
    # $variable_name." Names are unique within a group.
    natural_key_scope=("variable_group_id",),
    references=(
        Reference(
            "variable_group_id",
            VARIABLE_GROUPS,
            ErrorDef(404, 3409, "Variable group does not exist: {value}."),
        ),
        Reference(
            "address_book_ids",
            BOOKS,
            ErrorDef(400, 2006, "Address books does not exist"),
            many=True,
            update_error=ErrorDef(400, 2006, "Address books do not exist."),
        ),
    ),
    computed={
        "address_books": _variable_books,
        "used_in_address_book_count": lambda store, data: len(data.get("address_book_ids") or []),
    },
    hooks=Hooks(merge=_variable_merge),
)

COLLECTIONS: tuple[Collection, ...] = (
    AGENT_ROUTING_PROFILES,
    CONSUMER_ROUTING_PROFILES,
    QUEUE_TEMPLATES,
    REGIONS,
    ROLES,
    SYSTEM_STATUSES,
    USER_TEMPLATES,
    USERS,
    VARIABLE_GROUP_COLLECTION,
    VARIABLES,
)
