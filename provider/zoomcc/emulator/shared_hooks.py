"""Small computed fields and checks several collections share."""

from __future__ import annotations

import copy
import functools
import zoneinfo
from collections.abc import Mapping

from zoomcc.emulator.collection import OMIT, Computed, DeleteHook, HookContext, StoreAccess
from zoomcc.emulator.field_rules import FieldRule, check_object
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, validation_error


def constant(value: Json) -> Computed:
    """A computed field that always shows ``value`` (counts of things not emulated)."""

    def compute(store: StoreAccess, data: Obj) -> Json:
        return copy.deepcopy(value)

    return compute


def name_of(collection: str, id_field: str, name_field: str) -> Computed:
    """The name of the object of ``collection`` whose id ``data[id_field]`` holds."""

    def compute(store: StoreAccess, data: Obj) -> Json:
        ref = data.get(id_field)
        found = store.get(collection, str(ref)) if ref else None
        return found.get(name_field, OMIT) if found is not None else OMIT

    return compute


def check_item(rules: Mapping[str, FieldRule], item: Json, what: str) -> Obj:
    """Validate one nested object of the list ``what`` against its fields' rules (code 300)."""
    if not isinstance(item, dict):
        raise validation_error(f"Validation Failed. Each {what} must be an object.")
    check_object(item, rules, within=what)
    return item


@functools.cache
def _have_tz_database() -> bool:
    return bool(zoneinfo.available_timezones())


def check_timezone(tz: Json) -> None:
    """3602 for an unknown timezone id (skipped where the system has no tz database)."""
    if tz is None or not _have_tz_database():
        return
    try:
        zoneinfo.ZoneInfo(str(tz))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ErrorDef(400, 3602, "Timezone does not exist.").error() from None


def single_account_default(ctx: HookContext, data: Obj) -> None:
    """Only one object of the collection can be the account default."""
    if data.get("account_default") is True:
        for other in ctx.store.items(ctx.collection.name):
            if other.get(ctx.collection.id_field) != ctx.object_id:
                other["account_default"] = False


def refuse_deleting_default(error: ErrorDef) -> DeleteHook:
    """A delete hook answering ``error`` for the account default."""

    def hook(ctx: HookContext, data: Obj) -> None:
        if data.get("account_default") is True:
            raise error.error()

    return hook
