"""Business hours and closure sets: derived from the API spec, plus the rules the
reference states in error codes.

Mirrored: the account default cannot be deleted (3612, 3713) nor made non-default (3611),
and making another object the default takes the flag from the previous one; custom hours
need their ranges (3604, 3607, 3608); closure sets' PATCH is a delta on the items (an item
with ``closure_id`` is merged or removed with ``to_delete``, items without one are added,
items not mentioned stay) and items get a short ``closure_id`` ("ksbJvJ"). The create
example runs from one month's first midnight to the next month's, monthly, so the
same-year/month/week checks (3705-3707) treat the end as exclusive.
``zoomcc.apispec.rule_table``
holds them and the other documented closure rules; ``zoomcc.emulator.documented`` enforces
them on every request body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Final

from zoomcc.emulator.area import Area
from zoomcc.emulator.collection import (
    Collection,
    Computed,
    HookContext,
    Hooks,
    MergeHook,
    new_short_id,
)
from zoomcc.emulator.derive import derive
from zoomcc.emulator.documented import enforce_merged
from zoomcc.emulator.field_rules import FieldRule
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, RequestRefused, validation_error
from zoomcc.emulator.shared_hooks import (
    check_item,
    check_timezone,
    constant,
    refuse_deleting_default,
    single_account_default,
)

_HH_MM: Final = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")

_NO_CUSTOM_HOURS: Final = ErrorDef(
    400, 3604, "The `custom_hours` should not be empty when the `hour_type` is `Custom hours`."
)
_NO_HOUR_RANGES: Final = ErrorDef(
    400,
    3607,
    "The `custom_hour_ranges` should not be empty when the `custom_hour_type` is "
    "`Customized hours`.",
)


def _objects(value: Json, empty: ErrorDef, invalid: RequestRefused) -> Iterator[Obj]:
    """The objects of a list that must not be empty: ``empty`` where it is, ``invalid`` when
    the walk reaches something that is not an object (checked as the caller goes, so the
    first problem in the list's order is the one answered)."""
    if not value:
        raise empty.error()
    if not isinstance(value, list):
        raise invalid
    for item in value:
        if not isinstance(item, dict):
            raise invalid
        yield item


def _check_hours(hours: Json) -> None:
    invalid = validation_error("Validation failed.")
    if not isinstance(hours, dict) or hours.get("hour_type") not in (1, 2):
        raise invalid
    if hours["hour_type"] != 2:
        return
    for day in _objects(hours.get("custom_hours"), _NO_CUSTOM_HOURS, invalid):
        if day.get("day_of_week") not in range(1, 8):
            raise invalid
        if day.get("custom_hour_type") not in (0, 1, 2):
            raise invalid
        if day["custom_hour_type"] != 2:
            continue
        for hour_range in _objects(day.get("custom_hour_ranges"), _NO_HOUR_RANGES, invalid):
            start, end = hour_range.get("start_time"), hour_range.get("end_time")
            if not (isinstance(start, str) and isinstance(end, str)):
                raise invalid
            if not (_HH_MM.match(start) and _HH_MM.match(end)):
                raise invalid
            if end < start:
                raise ErrorDef(
                    400,
                    3608,
                    "The `end_time` {end} should not be earlier than the `start_time` {start}.",
                ).error(end=end, start=start)


def _business_hours_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    if ctx.op == "update" and base.get("account_default") and body.get("account_default") is False:
        raise ErrorDef(400, 3611, "Can't update default business hours to be non-default.").error()
    data = {**base, **body}
    check_timezone(data.get("timezone"))
    _check_hours(data.get("hours"))
    return data


_USE_COUNTS: Final[Mapping[str, Computed]] = {
    "queues_count": constant(0),
    "flows_count": constant(0),
}
"""The queues and flows using a set: not emulated, always 0."""


def _one_account_default(merge: MergeHook, undeletable: ErrorDef) -> Hooks:
    """Hooks of a type with one account default: ``merge`` checks the body, deleting the
    default answers ``undeletable``, and a new default unmarks the old one."""
    return Hooks(
        merge=merge,
        before_delete=refuse_deleting_default(undeletable),
        after_write=single_account_default,
    )


BUSINESS_HOURS: Final = derive(
    "/contact_center/business_hours",
    name="business_hours",
    defaults={
        "account_default": False,
        "business_hour_description": "",
        "timezone": "America/New_York",
        "hours": {"hour_type": 1},
    },
    computed=_USE_COUNTS,
    # reference line 15572: "The business hours of account default cannot be deleted."
    hooks=_one_account_default(
        _business_hours_merge,
        ErrorDef(400, 3612, "The business hours of account default cannot be deleted."),
    ),
)

_CLOSURE_ITEM: Final = {
    "closure_hour_type": FieldRule("integer", (1, 2)),
    "closure_name": FieldRule("string"),
    "end_time": FieldRule("string"),
    "recurring_frequency": FieldRule("integer", (0, 1, 2, 3)),
    "start_time": FieldRule("string"),
    "recurring_days_of_week": FieldRule("array"),
    "recurring_frequency_type": FieldRule("integer", (1, 2)),
    "recurring_month": FieldRule("integer", tuple(range(1, 13))),
    "recurring_week_interval": FieldRule("integer"),
}
_CLOSURE_ITEM_REQUIRED: Final = (
    "closure_hour_type",
    "closure_name",
    "end_time",
    "recurring_frequency",
    "start_time",
)
_CLOSURE_PATCH_ITEM: Final = {
    **_CLOSURE_ITEM,
    "closure_id": FieldRule("string"),
    "to_delete": FieldRule("boolean"),
}
_NEW_ITEM_ERRORS: Final = {
    "closure_hour_type": ErrorDef(
        400, 3903, "The `hour_type` field cannot be empty when the `closure_id` field is empty."
    ),
    "closure_name": ErrorDef(
        400,
        3904,
        "The `closure_name` field cannot be empty when the `closure_id` field is empty.",
    ),
    "start_time": ErrorDef(
        400, 3905, "The `start_time` field cannot be empty when the `closure_id` field is empty."
    ),
    "end_time": ErrorDef(
        400, 3906, "The `end_time` field cannot be empty when the `closure_id` field is empty."
    ),
    "recurring_frequency": ErrorDef(
        400,
        3907,
        "The `recurring_frequency` field cannot be empty when the `closure_id` field is empty.",
    ),
}


def _parse_time(value: Json) -> datetime:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise validation_error("Validation failed.") from None


def _check_closure_items(items: list[Obj]) -> None:
    # 3908, line 16413: "Every closure set has at least one closure item." (rule_table)
    enforce_merged("update_a_closure_set", {"closures": items})
    names: set[Json] = set()
    for item in items:
        name = item.get("closure_name")
        if name in names:
            raise ErrorDef(
                400, 3702, "The closure name has already been duplicated: {name}."
            ).error(name=name)
        names.add(name)
        start, end = _parse_time(item.get("start_time")), _parse_time(item.get("end_time"))
        try:
            ends_first = end <= start
        except TypeError:  # naive vs aware
            raise validation_error("Validation failed.") from None
        if ends_first:
            raise ErrorDef(400, 3703, "The end time should be greater than the start time.").error()
        if item.get("recurring_frequency") not in (None, 0) and not item.get(
            "recurring_frequency_type"
        ):
            raise ErrorDef(
                400,
                3704,
                "The `recurring_frequency_type` should not be empty when the "
                "`recurring_frequency` is anything other than `Never`.",
            ).error()
        days = item.get("recurring_days_of_week") or []
        if any(str(day) not in {"1", "2", "3", "4", "5", "6", "7"} for day in days):
            raise ErrorDef(
                400, 3714, "The `recurring_days_of_week` should be between `1` and `7`."
            ).error()


def _closures_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    data = {**base, **{k: v for k, v in body.items() if k != "closures"}}
    check_timezone(data.get("timezone"))
    items: dict[str, Obj] = {}
    if ctx.op == "update":
        items = {str(item["closure_id"]): item for item in base.get("closures", [])}
    allowed = _CLOSURE_PATCH_ITEM if ctx.op == "update" else _CLOSURE_ITEM
    seen: set[str] = set()
    for raw in body.get("closures", []):
        item = check_item(allowed, raw, "closures")
        closure_id = item.pop("closure_id", None)
        to_delete = item.pop("to_delete", False)
        if closure_id is not None:
            if closure_id in seen:
                raise ErrorDef(
                    400, 3901, "The closure id has already been duplicated: {id}."
                ).error(id=closure_id)
            seen.add(closure_id)
            if closure_id not in items:
                raise ErrorDef(400, 3902, "Closure does not exist: {id}.").error(id=closure_id)
            if to_delete:
                del items[closure_id]
            else:
                items[closure_id] = {**items[closure_id], **item}
            continue
        if to_delete:
            continue
        for name in _CLOSURE_ITEM_REQUIRED:
            if item.get(name) is None:
                if ctx.op == "update":
                    raise _NEW_ITEM_ERRORS[name].error()
                raise validation_error(
                    f"Validation Failed. Missing required field: closures.{name}."
                )
        new = {"closure_id": new_short_id(), **item}
        items[new["closure_id"]] = new
    data["closures"] = list(items.values())
    _check_closure_items(data["closures"])
    return data


CLOSURE_SETS: Final = derive(
    "/contact_center/closures",
    name="closure_sets",
    defaults={"account_default": False, "closure_set_description": ""},
    computed=_USE_COUNTS,
    # reference line 16293: "The closures of account default cannot be deleted."
    hooks=_one_account_default(
        _closures_merge,
        ErrorDef(400, 3713, "The closures of account default cannot be deleted."),
    ),
)

COLLECTIONS: Final[tuple[Collection, ...]] = (BUSINESS_HOURS, CLOSURE_SETS)

AREA: Final = Area(COLLECTIONS)
"""The hours area: its collections, nothing hanging on them."""
