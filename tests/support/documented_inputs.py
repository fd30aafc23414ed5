"""Builders of the inputs the documented-rule cases use (tests/support/documented_cases.py):
each takes only what a rule judges, so a case's row shows what is wrong."""

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

CUSTOMIZED = {
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


def closure_case(path: str, good: dict[str, Any], bad: dict[str, Any]) -> Case:
    return Case("ClosureSet", closures(good), closures(bad), f"closures.0.{path}")


def hours(day: dict[str, Any], hour_type: int = 2) -> dict[str, Any]:
    """Business hours with one weekday, ``day`` changing a 9-to-5 Monday."""
    monday = {
        "day_of_week": 1,
        "custom_hour_type": 2,
        "custom_hour_ranges": [{"start_time": "09:00", "end_time": "17:00"}],
    }
    made = {k: v for k, v in {**monday, **day}.items() if v is not None}
    return {
        "name": "Office",
        "timezone": "UTC",
        "hours": {"hour_type": hour_type, "custom_hours": [made]},
    }


QUEUE_BASE = {"name": "Support", "channel": "voice"}
"""What the queue cases create before their update is refused."""


def queue(channel: str = "voice", **more: Any) -> dict[str, Any]:
    """A queue's inputs with the settings a rule judges."""
    return {"name": "Support", "channel": channel, **more}


def queue_case(
    path: str, good: dict[str, Any], bad: dict[str, Any], channel: str = "voice"
) -> Case:
    base = {**QUEUE_BASE, "channel": channel}
    return Case("Queue", queue(channel, **good), queue(channel, **bad), path, base=base)


def callbacks(**settings: Any) -> dict[str, Any]:
    return {"video_callback_settings": settings}


OFFER = [
    {
        "callback_offer_day": "Mon",
        "callback_offer_start_time": "09:00",
        "callback_offer_end_time": "17:00",
    }
]
RETURN = [
    {
        "callback_return_day": "Mon",
        "callback_return_start_time": "09:00",
        "callback_return_end_time": "17:00",
    }
]


def acceptance(**settings: Any) -> dict[str, Any]:
    return {"engagement_acceptance": {"acceptance_type": "auto", **settings}}


def custom_field(type_name: str, name: str) -> dict[str, Any]:
    """A text custom field used as an external URL parameter."""
    return {"name": name, "data_type": "string", "use_as_external_url_parameter": True}


def variable(**more: Any) -> dict[str, Any]:
    return {
        "name": "Tier",
        "variable_group_id": "group0000000000000000A",
        "data_type": "string",
        "variable_type": "address_book_variable",
        **more,
    }


def disposition(*subs: tuple[int | None, int | None, str]) -> dict[str, Any]:
    """A multi-level disposition with (current_index, parent_index, name) sub-dispositions;
    ``None`` leaves an index out."""
    made = [
        {
            k: v
            for k, v in (("current_index", c), ("parent_index", p), ("sub_disposition_name", n))
            if v is not None
        }
        for c, p, n in subs
    ]
    kind = {"name": "Inquiry", "disposition_type": "multi_level", "status": "active"}
    return {**kind, "sub_dispositions": made}


TWO_SUBS = ((1, 0, "Billing"), (2, 0, "Shipping"))


def chain(tiers: int) -> tuple[tuple[int, int, str], ...]:
    """Sub-dispositions one below the other, ``tiers`` deep."""
    return tuple((i, i - 1, f"Reason {i}") for i in range(1, tiers + 1))


def wide(count: int) -> tuple[tuple[int, int, str], ...]:
    """``count`` sub-dispositions, at most 20 under one parent: 20 on tier 1, 20 under each
    of those, then 20 under each tier-2 item in turn (500 fill three tiers)."""
    made: list[tuple[int, int, str]] = []
    for index in range(1, count + 1):
        parent = 0 if index <= 20 else (index - 21) // 20 + 1
        made.append((index, parent, f"Reason {index}"))
    return tuple(made)


def consumer_profile(*top: tuple[str, str | None]) -> dict[str, Any]:
    """A consumer routing profile with (attribute_type, variable_id) top priorities."""
    made = [
        {"attribute_type": kind, **({"parameter": {"variable_id": v}} if v else {})}
        for kind, v in top
    ]
    return {"name": "VIP first", "top_priorities": made}


def routing_profile(*categories: str) -> dict[str, Any]:
    """An agent routing profile prioritising skill ``categories``."""
    priorities = [{"category_type": "skill", "skill_category_id": c} for c in categories]
    return {"name": "Sales", "priorities": priorities}
