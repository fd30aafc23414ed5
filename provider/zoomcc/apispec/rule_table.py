"""Every documented 4xx error a request body alone decides, as :class:`DocumentedRule` data.

Each entry quotes its reference line (the ``Status: 400`` line listing the code) in
``line``; the provider checks them at preview, the emulator refuses them with the code.
Codes that need the account's data are classified in ``zoomcc.apispec.error_table``.
"""

from __future__ import annotations

from typing import Final

from zoomcc.apispec.documented_rules import (
    Check,
    Condition,
    Distinct,
    DocumentedRule,
    Forbidden,
    MaxItems,
    Needs,
    NoSpaces,
    Ordered,
    Prefix,
    SamePeriod,
    Within,
)

_CLOSURES: Final = ("create_a_closure_set", "update_a_closure_set")
_NEW_ITEM: Final = Condition("closure_id", (None,))
"""A closure item without ``closure_id`` is a whole new item (line 16413: "The `closure_name`
field cannot be empty when the `closure_id` field is empty"); one with it is a partial
update the server merges first, so the item rules judge only new items in a PATCH."""
_RECURRING: Final = Condition("recurring_frequency", (0, None), negate=True)
_CUSTOMIZED: Final = Condition("recurring_frequency_type", (2,))


def _closure(
    code: int, check: Check, *when: Condition, create: bool = True
) -> tuple[DocumentedRule, ...]:
    """The rule as both closure operations document it (create line 16154, update 16413)."""
    pairs = ((16154, "create_a_closure_set"), (16413, "update_a_closure_set"))
    return tuple(
        DocumentedRule(code, line, (op,), "closures[]", check, (_NEW_ITEM, *when))
        for line, op in pairs
        if create or op != "create_a_closure_set"
    )


CLOSURE_RULES: Final[tuple[DocumentedRule, ...]] = (
    # 3702: "The closure name has already been duplicated: $closure_name." (in one request)
    DocumentedRule(
        3702, 16154, ("create_a_closure_set",), "", Distinct("closures", "closure_name")
    ),
    DocumentedRule(
        3702, 16413, ("update_a_closure_set",), "", Distinct("closures", "closure_name")
    ),
    # 3703: "The end time should be greater than the start time."
    *_closure(3703, Ordered("start_time", "end_time")),
    # 3704: "The `recurring_frequency_type` should not be empty when the `recurring_frequency`
    # is anything other than `Never`."
    *_closure(3704, Needs("recurring_frequency_type"), _RECURRING),
    # 3705-3707: "The `start_time` and `end_time` must be in the same year / month / week when
    # the `recurring_frequency` is `Annually` / `Monthly` / `Weekly`." The end is exclusive:
    # the create example (line 16043) runs 2023-01-01T00:00 to 2023-02-01T00:00, monthly.
    *_closure(
        3705, SamePeriod("start_time", "end_time", "year"), Condition("recurring_frequency", (1,))
    ),
    *_closure(
        3706, SamePeriod("start_time", "end_time", "month"), Condition("recurring_frequency", (2,))
    ),
    *_closure(
        3707, SamePeriod("start_time", "end_time", "week"), Condition("recurring_frequency", (3,))
    ),
    # 3708: "The `recurring_week_interval` should not be empty when the
    # `recurring_frequency_type` type is `Customized`."
    *_closure(3708, Needs("recurring_week_interval"), _RECURRING, _CUSTOMIZED),
    # 3709: "The `recurring_days_of_week` should not be empty when the
    # `recurring_frequency_type` type is `Customized`."
    *_closure(3709, Needs("recurring_days_of_week"), _RECURRING, _CUSTOMIZED),
    # 3710: "The `recurring_month` should not be empty when the type is `Annually/Customized`."
    *_closure(3710, Needs("recurring_month"), Condition("recurring_frequency", (1,)), _CUSTOMIZED),
    # 3711: "The `recurring_week_interval` should be between `1` and `5` when the
    # `recurring_frequency` type is `Annually` or `Monthly`."
    *_closure(
        3711, Within("recurring_week_interval", 1, 5), Condition("recurring_frequency", (1, 2))
    ),
    # 3714 (create only): "The `recurring_days_of_week` should be between `1` and `7`."
    DocumentedRule(
        3714, 16154, ("create_a_closure_set",), "closures[]", Within("recurring_days_of_week", 1, 7)
    ),
    # 3903-3907 (update only): "The `hour_type` / `closure_name` / `start_time` / `end_time` /
    # `recurring_frequency` field cannot be empty when the `closure_id` field is empty."
    *_closure(3903, Needs("closure_hour_type"), create=False),
    *_closure(3904, Needs("closure_name"), create=False),
    *_closure(3905, Needs("start_time"), create=False),
    *_closure(3906, Needs("end_time"), create=False),
    *_closure(3907, Needs("recurring_frequency"), create=False),
    # 3901 (update): "The closure id has already been duplicated: $closure_id."
    DocumentedRule(3901, 16413, ("update_a_closure_set",), "", Distinct("closures", "closure_id")),
    # 3908 (update): "Every closure set has at least one closure item." The PATCH is a delta
    # (`"closures": []` changes no item), so it is about the set after the update.
    DocumentedRule(3908, 16413, ("update_a_closure_set",), "", Needs("closures"), merged=True),
)
"""Closure sets: reference lines 16154 (create) and 16413 (update)."""

RULES: Final[tuple[DocumentedRule, ...]] = (*CLOSURE_RULES,)
"""Every documented rule, all operations."""

# Keep the unused vocabulary importable from here for the tables below.
_VOCABULARY: Final = (Forbidden, MaxItems, NoSpaces, Prefix)


def rules_for(operation_id: str) -> tuple[DocumentedRule, ...]:
    """The documented rules of one operation, in table order."""
    return tuple(r for r in RULES if operation_id in r.operations)
