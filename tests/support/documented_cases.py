"""One case per documented error rule (``zoomcc.apispec.rule_table``), by code: a resource
type, inputs that meet the rule, inputs that break only it, and the argument path the
preview's one line must name (builders: tests/support/documented_inputs.py)."""

from __future__ import annotations

from tests.support.documented_inputs import (
    CUSTOMIZED,
    OFFER,
    RETURN,
    TWO_SUBS,
    Case,
    acceptance,
    callbacks,
    chain,
    closure_case,
    closures,
    consumer_profile,
    custom_field,
    disposition,
    hours,
    queue_case,
    routing_profile,
    variable,
    wide,
)

CASES: dict[int, Case] = {
    3702: Case(
        "ClosureSet",
        closures({}, {"closure_name": "Boxing Day"}),
        closures({}, {}),
        "closures",
    ),
    3703: closure_case("end_time", {}, {"end_time": "2027-01-01T00:00:00Z"}),
    3704: closure_case(
        "recurring_frequency_type",
        {"recurring_frequency": 1, "recurring_frequency_type": 1},
        {"recurring_frequency": 1},
    ),
    3705: closure_case(
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
    3706: closure_case(
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
    3707: closure_case(
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
    3708: closure_case(
        "recurring_week_interval",
        {"recurring_frequency": 3, **CUSTOMIZED},
        {"recurring_frequency": 3, **CUSTOMIZED, "recurring_week_interval": None},
    ),
    3709: closure_case(
        "recurring_days_of_week",
        {"recurring_frequency": 3, **CUSTOMIZED},
        {"recurring_frequency": 3, **CUSTOMIZED, "recurring_days_of_week": []},
    ),
    3710: closure_case(
        "recurring_month",
        {"recurring_frequency": 1, **CUSTOMIZED, "recurring_month": 1},
        {"recurring_frequency": 1, **CUSTOMIZED},
    ),
    3711: closure_case(
        "recurring_week_interval",
        {"recurring_frequency": 2, **CUSTOMIZED, "recurring_week_interval": 5},
        {"recurring_frequency": 2, **CUSTOMIZED, "recurring_week_interval": 6},
    ),
    3714: closure_case(
        "recurring_days_of_week",
        {"recurring_frequency": 3, **CUSTOMIZED, "recurring_days_of_week": ["1", "7"]},
        {"recurring_frequency": 3, **CUSTOMIZED, "recurring_days_of_week": ["1", "8"]},
    ),
    3901: Case(
        "ClosureSet",
        closures({"closure_id": "a"}, {"closure_id": "b", "closure_name": "Boxing Day"}),
        closures({"closure_id": "a"}, {"closure_id": "a", "closure_name": "Boxing Day"}),
        "closures",
        preview=False,
        base=closures({}),
    ),
    3903: closure_case("closure_hour_type", {}, {"closure_hour_type": None}),
    3904: closure_case("closure_name", {}, {"closure_name": None}),
    3905: closure_case("start_time", {}, {"start_time": None}),
    3906: closure_case("end_time", {}, {"end_time": None}),
    3907: closure_case("recurring_frequency", {}, {"recurring_frequency": None}),
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
    1206: queue_case(
        "auto_close_alert_message_time",
        {"auto_close_timeout": 10, "auto_close_alert_message_time": 10},
        {"auto_close_timeout": 10, "auto_close_alert_message_time": 11},
        channel="messaging",
    ),
    1221: queue_case(
        "engagement_acceptance.enable_agent_whisper_announcement",
        acceptance(enable_agent_alert_tone=True, enable_agent_whisper_announcement=False),
        acceptance(
            enable_agent_alert_tone=True,
            enable_agent_whisper_announcement=True,
            agent_whisper_announcement_asset_id="a1",
        ),
    ),
    1222: queue_case(
        "engagement_acceptance.agent_whisper_announcement_asset_id",
        acceptance(
            enable_agent_whisper_announcement=True, agent_whisper_announcement_asset_id="a1"
        ),
        acceptance(enable_agent_whisper_announcement=True),
    ),
    1223: queue_case(
        "engagement_acceptance.agent_greeting_asset_id",
        acceptance(enable_agent_greeting=True, agent_greeting_asset_id="a1"),
        acceptance(enable_agent_greeting=True),
    ),
    1233: queue_case(
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
    1234: queue_case(
        "inbound_launch_url_info.config",
        {"inbound_launch_url_info": {"enable_launch_url": False}},
        {"inbound_launch_url_info": {"enable_launch_url": True}},
    ),
    1235: queue_case(
        "default_disposition_id",
        {"disposition_required": True, "default_disposition_id": "d1"},
        {"disposition_required": True},
    ),
    1236: queue_case(
        "outbound_settings.outbound_default_disposition_id",
        {
            "outbound_settings": {
                "outbound_disposition_required": True,
                "outbound_default_disposition_id": "d1",
            }
        },
        {"outbound_settings": {"outbound_disposition_required": True}},
    ),
    1237: queue_case(
        "outbound_settings.outbound_launch_url_info.config",
        {"outbound_settings": {"outbound_launch_url_info": {"enable_launch_url": False}}},
        {"outbound_settings": {"outbound_launch_url_info": {"enable_launch_url": True}}},
    ),
    1239: queue_case(
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
    1250: queue_case(
        "video_callback_settings.time_to_offer_callback",
        callbacks(time_to_offer_callback=40),
        callbacks(time_to_offer_callback=12),
        channel="video",
    ),
    1251: queue_case(
        "video_callback_settings.callback_offer_time",
        callbacks(enable_callback_offer_time=True, callback_offer_time=OFFER),
        callbacks(enable_callback_offer_time=True),
        channel="video",
    ),
    1252: queue_case(
        "video_callback_settings.callback_return_timezone_id",
        callbacks(
            enable_callback_return_time=True,
            callback_return_timezone_id="UTC",
            callback_return_day=RETURN,
        ),
        callbacks(enable_callback_return_time=True, callback_return_day=RETURN),
        channel="video",
    ),
    1253: queue_case(
        "video_callback_settings.callback_return_day",
        callbacks(
            enable_callback_return_time=True,
            callback_return_timezone_id="UTC",
            callback_return_day=RETURN,
        ),
        callbacks(enable_callback_return_time=True, callback_return_timezone_id="UTC"),
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
        disposition(*wide(500)),
        disposition(*wide(501)),
        "sub_dispositions",
    ),
    2509: Case("Disposition", disposition(*chain(4)), disposition(*chain(5)), "sub_dispositions"),
    2512: Case(
        "Disposition",
        disposition(*((i, 0, f"Reason {i}") for i in range(1, 21))),
        disposition(*((i, 0, f"Reason {i}") for i in range(1, 22))),
        "sub_dispositions",
    ),
    2505: Case(
        "Disposition",
        disposition(*TWO_SUBS),
        disposition((1, 0, "Billing"), (1, 0, "Shipping")),
        "sub_dispositions",
    ),
    2507: Case("Disposition", disposition(*TWO_SUBS), disposition(), "sub_dispositions"),
    2508: Case(
        "Disposition",
        disposition((1, 0, "Billing"), (2, 1, "Billing")),
        disposition((1, 0, "Billing"), (2, 0, "Billing")),
        "sub_dispositions",
    ),
    2514: Case(
        "Disposition",
        disposition(*TWO_SUBS),
        disposition((None, 0, "Billing")),
        "sub_dispositions.0.current_index",
    ),
    2515: Case(
        "Disposition",
        disposition(*TWO_SUBS),
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
    4011: Case(
        "ConsumerRoutingProfile",
        consumer_profile(
            ("new_customer", None), ("global_variable", "v1"), ("global_variable", "v2")
        ),
        consumer_profile(("new_customer", None), ("new_customer", None)),
        "top_priorities",
    ),
    4014: Case(
        "ConsumerRoutingProfile",
        consumer_profile(("global_variable", "v1"), ("global_variable", "v2")),
        consumer_profile(("global_variable", "v1"), ("global_variable", "v1")),
        "top_priorities",
    ),
    1508: Case(
        "IpAddressBlockListRule",
        {"ip_address": "203.0.113.7", "match_type": "ip_address", "status": "active"},
        {"ip_address": "203.0.113.300", "match_type": "ip_address", "status": "active"},
        "ip_address",
    ),
    1009: Case("User", {"user_email": "ana@example.com"}, {}, "user_email"),
    1902: Case(
        "AddressBook", {"name": "Partners", "unit_id": "unit1"}, {"name": "Partners"}, "unit_id"
    ),
    3402: Case(
        "Variable",
        variable(address_book_ids=["book1"]),
        variable(address_book_ids=[]),
        "address_book_ids",
    ),
    3420: Case(
        "Variable",
        variable(address_book_ids=["book1"], values=["x" * 300]),
        variable(address_book_ids=["book1"], values=["x", "x" * 301]),
        "values",
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
