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


def _queue_case(
    path: str, good: dict[str, Any], bad: dict[str, Any], channel: str = "voice"
) -> Case:
    base = {**QUEUE_BASE, "channel": channel}
    return Case("Queue", queue(channel, **good), queue(channel, **bad), path, base=base)


def _callbacks(**settings: Any) -> dict[str, Any]:
    return {"video_callback_settings": settings}


_OFFER = [
    {
        "callback_offer_day": "Mon",
        "callback_offer_start_time": "09:00",
        "callback_offer_end_time": "17:00",
    }
]
_RETURN = [
    {
        "callback_return_day": "Mon",
        "callback_return_start_time": "09:00",
        "callback_return_end_time": "17:00",
    }
]


def _acceptance(**settings: Any) -> dict[str, Any]:
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


_TWO_SUBS = ((1, 0, "Billing"), (2, 0, "Shipping"))


def routing_profile(*categories: str) -> dict[str, Any]:
    """An agent routing profile prioritising skill ``categories``."""
    priorities = [{"category_type": "skill", "skill_category_id": c} for c in categories]
    return {"name": "Sales", "priorities": priorities}


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
    3604: Case(
        "BusinessHours", hours({}), {**hours({}), "hours": {"hour_type": 2}}, "hours.custom_hours"
    ),
    3607: Case(
        "BusinessHours",
        hours({}),
        hours({"custom_hour_ranges": None}),
        "hours.custom_hours.0.custom_hour_ranges",
    ),
    3608: Case(
        "BusinessHours",
        hours({"custom_hour_ranges": [{"start_time": "12:00", "end_time": "12:00"}]}),
        hours({"custom_hour_ranges": [{"start_time": "12:00", "end_time": "11:59"}]}),
        "hours.custom_hours.0.custom_hour_ranges.0.end_time",
    ),
    1206: _queue_case(
        "auto_close_alert_message_time",
        {"auto_close_timeout": 10, "auto_close_alert_message_time": 10},
        {"auto_close_timeout": 10, "auto_close_alert_message_time": 11},
        channel="messaging",
    ),
    1221: _queue_case(
        "engagement_acceptance.enable_agent_whisper_announcement",
        _acceptance(enable_agent_alert_tone=True, enable_agent_whisper_announcement=False),
        _acceptance(
            enable_agent_alert_tone=True,
            enable_agent_whisper_announcement=True,
            agent_whisper_announcement_asset_id="a1",
        ),
    ),
    1222: _queue_case(
        "engagement_acceptance.agent_whisper_announcement_asset_id",
        _acceptance(
            enable_agent_whisper_announcement=True, agent_whisper_announcement_asset_id="a1"
        ),
        _acceptance(enable_agent_whisper_announcement=True),
    ),
    1223: _queue_case(
        "engagement_acceptance.agent_greeting_asset_id",
        _acceptance(enable_agent_greeting=True, agent_greeting_asset_id="a1"),
        _acceptance(enable_agent_greeting=True),
    ),
    1233: _queue_case(
        "inbound_launch_url_info.config.0.launch_url",
        {
            "inbound_launch_url_info": {
                "enable_launch_url": True,
                "config": [{"launch_trigger": "ringing", "launch_url": "https://crm.example.com"}],
            }
        },
        {
            "inbound_launch_url_info": {
                "enable_launch_url": True,
                "config": [{"launch_trigger": "ringing", "launch_url": "http://crm.example.com"}],
            }
        },
    ),
    1234: _queue_case(
        "inbound_launch_url_info.config",
        {"inbound_launch_url_info": {"enable_launch_url": False}},
        {"inbound_launch_url_info": {"enable_launch_url": True}},
    ),
    1235: _queue_case(
        "default_disposition_id",
        {"disposition_required": True, "default_disposition_id": "d1"},
        {"disposition_required": True},
    ),
    1236: _queue_case(
        "outbound_settings.outbound_default_disposition_id",
        {
            "outbound_settings": {
                "outbound_disposition_required": True,
                "outbound_default_disposition_id": "d1",
            }
        },
        {"outbound_settings": {"outbound_disposition_required": True}},
    ),
    1237: _queue_case(
        "outbound_settings.outbound_launch_url_info.config",
        {"outbound_settings": {"outbound_launch_url_info": {"enable_launch_url": False}}},
        {"outbound_settings": {"outbound_launch_url_info": {"enable_launch_url": True}}},
    ),
    1239: _queue_case(
        "outbound_settings.outbound_launch_url_info.config.0.url",
        {
            "outbound_settings": {
                "outbound_launch_url_info": {
                    "enable_launch_url": True,
                    "config": [{"launch_trigger": "connected", "url": "https://crm.example.com"}],
                }
            }
        },
        {
            "outbound_settings": {
                "outbound_launch_url_info": {
                    "enable_launch_url": True,
                    "config": [{"launch_trigger": "connected", "url": "crm.example.com"}],
                }
            }
        },
    ),
    1250: _queue_case(
        "video_callback_settings.time_to_offer_callback",
        _callbacks(time_to_offer_callback=40),
        _callbacks(time_to_offer_callback=12),
        channel="video",
    ),
    1251: _queue_case(
        "video_callback_settings.callback_offer_time",
        _callbacks(enable_callback_offer_time=True, callback_offer_time=_OFFER),
        _callbacks(enable_callback_offer_time=True),
        channel="video",
    ),
    1252: _queue_case(
        "video_callback_settings.callback_return_timezone_id",
        _callbacks(
            enable_callback_return_time=True,
            callback_return_timezone_id="UTC",
            callback_return_day=_RETURN,
        ),
        _callbacks(enable_callback_return_time=True, callback_return_day=_RETURN),
        channel="video",
    ),
    1253: _queue_case(
        "video_callback_settings.callback_return_day",
        _callbacks(
            enable_callback_return_time=True,
            callback_return_timezone_id="UTC",
            callback_return_day=_RETURN,
        ),
        _callbacks(enable_callback_return_time=True, callback_return_timezone_id="UTC"),
        channel="video",
    ),
    1502: Case(
        "SkillCategory",
        {"name": "Languages", "skill_type": "proficiency", "max_proficiency_level": 5},
        {"name": "Languages", "skill_type": "proficiency", "max_proficiency_level": 6},
        "max_proficiency_level",
    ),
    2504: Case(
        "Disposition",
        disposition(*((i, 0, f"Reason {i}") for i in range(1, 501))),
        disposition(*((i, 0, f"Reason {i}") for i in range(1, 502))),
        "sub_dispositions",
    ),
    2505: Case(
        "Disposition",
        disposition(*_TWO_SUBS),
        disposition((1, 0, "Billing"), (1, 0, "Shipping")),
        "sub_dispositions",
    ),
    2507: Case("Disposition", disposition(*_TWO_SUBS), disposition(), "sub_dispositions"),
    2508: Case(
        "Disposition",
        disposition((1, 0, "Billing"), (2, 1, "Billing")),
        disposition((1, 0, "Billing"), (2, 0, "Billing")),
        "sub_dispositions",
    ),
    2514: Case(
        "Disposition",
        disposition(*_TWO_SUBS),
        disposition((None, 0, "Billing")),
        "sub_dispositions.0.current_index",
    ),
    2515: Case(
        "Disposition",
        disposition(*_TWO_SUBS),
        disposition((1, None, "Billing")),
        "sub_dispositions.0.parent_index",
    ),
    4006: Case(
        "AgentRoutingProfile",
        routing_profile("cat1", "cat2"),
        routing_profile("cat1", "cat1"),
        "priorities",
        base=routing_profile(),
    ),
    1508: Case(
        "IpAddressBlockListRule",
        {"ip_address": "203.0.113.7", "match_type": "ip_address", "status": "active"},
        {"ip_address": "203.0.113.300", "match_type": "ip_address", "status": "active"},
        "ip_address",
    ),
    1902: Case(
        "AddressBook", {"name": "Partners", "unit_id": "unit1"}, {"name": "Partners"}, "unit_id"
    ),
    3402: Case(
        "Variable",
        variable(address_book_ids=["book1"]),
        variable(address_book_ids=[]),
        "address_book_ids",
    ),
    2111: Case(
        "AddressBookCustomField",
        custom_field("AddressBookCustomField", "crm_id"),
        custom_field("AddressBookCustomField", "crm id"),
        "name",
    ),
}
"""By documented code."""

BY_OPERATION: dict[tuple[int, str], Case] = {
    (2111, op): Case(
        "CampaignContactListCustomField",
        custom_field("CampaignContactListCustomField", "crm_id"),
        custom_field("CampaignContactListCustomField", "crm id"),
        "name",
    )
    for op in (
        "create_a_campaign_contact_lists_custom_field",
        "update_a_campaign_contact_lists_custom_field",
    )
}
"""Where one code is documented by another resource's operations too: (code, operation)."""
