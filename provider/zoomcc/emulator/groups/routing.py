"""Emulated collections for the routing resources (derived from their specs).

Behaviour the reference describes beyond the field tables, mirrored here: routing-profile
priorities name existing skill categories once each (4004, 4006) and GET adds their ids,
order and names; consumer-profile attributes appear once per list (4011); queue templates
list their fields as ``template_*`` (``list_names``) and reject bad channels and types with
their own codes (1205, 1240); roles answer their flat privilege list grouped by kind;
users, user templates and variables check the objects they name (roles 2201, regions 1017,
groups 3409, books 2006).

Not mirrored: the system-status update's "Parameter `status_name` is required." (its field
list says optional; the emulator follows the field list, the provider always sends it).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from zoomcc.emulator.derive import collection_from_spec
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
from zoomcc.resources.objects import routing as specs

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


AGENT_ROUTING_PROFILES = collection_from_spec(
    specs.AGENT_ROUTING_PROFILE, hooks=Hooks(merge=_agent_profile_merge)
)


def _consumer_profile_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    for key in ("top_priorities", "accumulated_priorities"):
        kinds = [p.get("attribute_type") for p in body.get(key) or [] if isinstance(p, dict)]
        if len(kinds) != len(set(kinds)):
            raise ErrorDef(
                400, 4011, "Consumer routing profile has duplicated priority attributes."
            ).error()
    return {**base, **body}


CONSUMER_ROUTING_PROFILES = collection_from_spec(
    specs.CONSUMER_ROUTING_PROFILE, hooks=Hooks(merge=_consumer_profile_merge)
)

# ---- queue templates ---------------------------------------------------------------------


def _queue_templates() -> Collection:
    derived = collection_from_spec(
        specs.QUEUE_TEMPLATE,
        defaults={"queue_template_status": "active", "queue_template_need_attention": False},
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

REGIONS = collection_from_spec(
    specs.REGION,
    # Only the list shows when a region changed; only the account's own region is main.
    modified_time_field="last_modified_time",
    computed={"is_main_region": _const(False), "users_count": _const(0)},
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


ROLES = collection_from_spec(
    specs.ROLE,
    computed={"privileges": _grouped_privileges, "total_users": _const(0)},
    hooks=Hooks(validate=_role_validate),
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


SYSTEM_STATUSES = collection_from_spec(
    specs.SYSTEM_STATUS,
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


USERS = collection_from_spec(
    specs.USER,
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

USER_TEMPLATES = collection_from_spec(
    specs.USER_TEMPLATE,
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


VARIABLE_GROUP_COLLECTION = collection_from_spec(
    specs.VARIABLE_GROUP,
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


VARIABLES = collection_from_spec(
    specs.VARIABLE,
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
