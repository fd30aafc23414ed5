"""Resource specs of the hours area: business hours and closure sets."""

from __future__ import annotations

from zoomcc.resources.object_calls import NameRefusal
from zoomcc.resources.rules import Clock, IsoDateTime
from zoomcc.resources.spec import NAME_DESC, ItemMerge, ResourceSpec, renamed

BUSINESS_HOURS = ResourceSpec(
    name="BusinessHours",
    collection_path="/contact_center/business_hours",
    item_path="/contact_center/business_hours/{businessHourId}",
    id_field="business_hour_id",
    renames=renamed("business_hour", *NAME_DESC),
    ordered=frozenset(),
    # "in `HH:mm` and `24-hour clock` format"; the documented errors 3604-3608 (a range's
    # end not earlier than its start...) are in ``zoomcc.apispec.rule_table``.
    rules=(
        ("hours.custom_hours[].custom_hour_ranges[].start_time", Clock()),
        ("hours.custom_hours[].custom_hour_ranges[].end_time", Clock()),
    ),
    summary="Opening hours (24/7 or per weekday ranges) in a time zone, used by queues and flows.",
    example='hours = zoomcc.BusinessHours("office", name="Office hours", '
    'timezone="America/New_York", hours={"hour_type": 2, "custom_hours": [{"day_of_week": 1, '
    '"custom_hour_type": 2, "custom_hour_ranges": '
    '[{"start_time": "09:00", "end_time": "17:00"}]}]})',
)

CLOSURE_SET = ResourceSpec(
    name="ClosureSet",
    collection_path="/contact_center/closures",
    item_path="/contact_center/closures/{closureSetId}",
    id_field="closure_set_id",
    # Reference line 16154: "The name already exists"
    name_refusal=NameRefusal(400, 3603, 16154),
    renames=renamed("closure_set", *NAME_DESC),
    # The update body patches closures one by one: known ones by id, removals flagged.
    merged_lists={
        "closures": ItemMerge(
            id_field="closure_id", match_on="closure_name", delete_flag="to_delete"
        )
    },
    ordered=frozenset({"closures"}),
    # "The closure's start time and date in ISO 8601 format: yyyy-MM-dd'T'HH:mm:ss'Z', or
    # yyyy-MM-dd'T'HH:mm:ss'TZD'." (and the end's alike); the documented errors 3703-3714
    # (a closure ends after it starts, recurrences...) are in ``zoomcc.apispec.rule_table``.
    rules=(
        ("closures[].start_time", IsoDateTime()),
        ("closures[].end_time", IsoDateTime()),
    ),
    summary="Holidays and other closures (one-off or recurring) in a time zone.",
    example='holidays = zoomcc.ClosureSet("holidays", name="Holidays", '
    'timezone="America/New_York", '
    'closures=[{"closure_name": "New Year", "closure_hour_type": 1, "start_time": '
    '"2027-01-01T00:00:00Z", "end_time": "2027-01-02T00:00:00Z", "recurring_frequency": 0}])',
)

SPECS: tuple[ResourceSpec, ...] = (BUSINESS_HOURS, CLOSURE_SET)
