"""One case per documented error rule (``zoomcc.apispec.rule_table``), by code: a resource
type, inputs that meet the rule, inputs that break only it, and the argument path the
preview's one line must name. Builders take only what a rule judges, so a row shows what is
wrong."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

NEW_YEAR = {
    "closure_name": "New Year",
    "closure_hour_type": 1,
    "start_time": "2027-01-01T00:00:00Z",
    "end_time": "2027-01-02T00:00:00Z",
    "recurring_frequency": 0,
}
"""A one-off closure that breaks no rule."""

_CUSTOMIZED = {
    "recurring_frequency_type": 2,
    "recurring_week_interval": 1,
    "recurring_days_of_week": ["1"],
}


def closures(*items: dict[str, Any]) -> dict[str, Any]:
    """A closure set of ``items``, each a change to ``NEW_YEAR`` (``None`` drops a field)."""
    made = [{k: v for k, v in {**NEW_YEAR, **item}.items() if v is not None} for item in items]
    return {"name": "Holidays", "timezone": "UTC", "closures": made}


@dataclass(frozen=True)
class Case:
    """What one documented rule refuses, and a near miss it accepts."""

    type_name: str
    """The resource type, e.g. ``"ClosureSet"``."""
    good: dict[str, Any]
    """Inputs that meet the rule (and every other), e.g. ``closures({})``."""
    bad: dict[str, Any]
    """The same inputs breaking the rule only."""
    path: str
    """The argument path preview names, e.g. ``"closures.0.recurring_frequency_type"``."""
    preview: bool = True
    """False where the field is no argument (the provider fills it from the live object)."""
    base: dict[str, Any] | None = None
    """What to create before an update is refused, when not ``good``."""
    update: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    """The breaking update body made from the created object, where a rule is about the
    object after a delta update (3908: every item deleted)."""


def _closure_case(path: str, good: dict[str, Any], bad: dict[str, Any]) -> Case:
    return Case("ClosureSet", closures(good), closures(bad), f"closures.0.{path}")


CASES: dict[int, Case] = {
    3702: Case(
        "ClosureSet",
        closures({}, {"closure_name": "Boxing Day"}),
        closures({}, {}),
        "closures",
    ),
    3703: _closure_case("end_time", {}, {"end_time": "2027-01-01T00:00:00Z"}),
    3704: _closure_case(
        "recurring_frequency_type",
        {"recurring_frequency": 1, "recurring_frequency_type": 1},
        {"recurring_frequency": 1},
    ),
    3705: _closure_case(
        "end_time",
        {
            "recurring_frequency": 1,
            "recurring_frequency_type": 1,
            "end_time": "2028-01-01T00:00:00Z",
        },
        {
            "recurring_frequency": 1,
            "recurring_frequency_type": 1,
            "end_time": "2028-01-02T00:00:00Z",
        },
    ),
    3706: _closure_case(
        "end_time",
        {
            "recurring_frequency": 2,
            "recurring_frequency_type": 1,
            "end_time": "2027-02-01T00:00:00Z",
        },
        {
            "recurring_frequency": 2,
            "recurring_frequency_type": 1,
            "end_time": "2027-02-02T00:00:00Z",
        },
    ),
    3707: _closure_case(
        "end_time",
        # 2027-01-01 is a Friday: the ISO week ends on Sunday the 3rd.
        {
            "recurring_frequency": 3,
            "recurring_frequency_type": 1,
            "end_time": "2027-01-04T00:00:00Z",
        },
        {
            "recurring_frequency": 3,
            "recurring_frequency_type": 1,
            "end_time": "2027-01-05T00:00:00Z",
        },
    ),
    3708: _closure_case(
        "recurring_week_interval",
        {"recurring_frequency": 3, **_CUSTOMIZED},
        {"recurring_frequency": 3, **_CUSTOMIZED, "recurring_week_interval": None},
    ),
    3709: _closure_case(
        "recurring_days_of_week",
        {"recurring_frequency": 3, **_CUSTOMIZED},
        {"recurring_frequency": 3, **_CUSTOMIZED, "recurring_days_of_week": []},
    ),
    3710: _closure_case(
        "recurring_month",
        {"recurring_frequency": 1, **_CUSTOMIZED, "recurring_month": 1},
        {"recurring_frequency": 1, **_CUSTOMIZED},
    ),
    3711: _closure_case(
        "recurring_week_interval",
        {"recurring_frequency": 2, **_CUSTOMIZED, "recurring_week_interval": 5},
        {"recurring_frequency": 2, **_CUSTOMIZED, "recurring_week_interval": 6},
    ),
    3714: _closure_case(
        "recurring_days_of_week",
        {"recurring_frequency": 3, **_CUSTOMIZED, "recurring_days_of_week": ["1", "7"]},
        {"recurring_frequency": 3, **_CUSTOMIZED, "recurring_days_of_week": ["1", "8"]},
    ),
    3901: Case(
        "ClosureSet",
        closures({"closure_id": "a"}, {"closure_id": "b", "closure_name": "Boxing Day"}),
        closures({"closure_id": "a"}, {"closure_id": "a", "closure_name": "Boxing Day"}),
        "closures",
        preview=False,
        base=closures({}),
    ),
    3903: _closure_case("closure_hour_type", {}, {"closure_hour_type": None}),
    3904: _closure_case("closure_name", {}, {"closure_name": None}),
    3905: _closure_case("start_time", {}, {"start_time": None}),
    3906: _closure_case("end_time", {}, {"end_time": None}),
    3907: _closure_case("recurring_frequency", {}, {"recurring_frequency": None}),
    3908: Case(
        "ClosureSet",
        closures({}),
        {**closures({}), "closures": []},
        "closures",
        update=lambda made: {
            "closure_set_name": made["closure_set_name"],
            "timezone": made["timezone"],
            "closures": [
                {"closure_id": c["closure_id"], "to_delete": True} for c in made["closures"]
            ],
        },
    ),
}
"""By documented code."""
