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
    DocumentedRule,
    IpAddress,
    MaxChars,
    Needs,
    NoSpaces,
    NotAbove,
    NotBoth,
    Ordered,
    Prefix,
    SamePeriod,
    Within,
)
from zoomcc.apispec.list_checks import Distinct, MaxItems, TreeDepth
from zoomcc.apispec.profile_rules import CONSUMER_RULES

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

_HOURS: Final = ("create_business_hours",)

HOURS_RULES: Final[tuple[DocumentedRule, ...]] = (
    # line 15448, 3604: "The `custom_hours` should not be empty when the `hour_type` is
    # `Custom hours`."
    DocumentedRule(
        3604, 15448, _HOURS, "hours", Needs("custom_hours"), (Condition("hour_type", (2,)),)
    ),
    # line 15448, 3607: "The `custom_hour_ranges` should not be empty when the `custom_hour_type`
    # is `Customized hours`."
    DocumentedRule(
        3607,
        15448,
        _HOURS,
        "hours.custom_hours[]",
        Needs("custom_hour_ranges"),
        (Condition("custom_hour_type", (2,)),),
    ),
    # lines 15448 (create) and 15672 (update), 3608: "The `end_time` $endTime should not be
    # earlier than the `start_time` $startTime."
    *(
        DocumentedRule(
            3608,
            line,
            (op,),
            "hours.custom_hours[].custom_hour_ranges[]",
            Ordered("start_time", "end_time", strict=False),
        )
        for line, op in ((15448, "create_business_hours"), (15672, "update_business_hours"))
    ),
)
"""Business hours."""

_QUEUE: Final = ("update_a_queue",)
_ON: Final = True


def _queue(code: int, at: str, check: Check, *when: Condition) -> DocumentedRule:
    """A rule of the queue update, all on reference line 18669."""
    return DocumentedRule(code, 18669, _QUEUE, at, check, when)


QUEUE_RULES: Final[tuple[DocumentedRule, ...]] = (
    # 1206: "Auto-close warning time must be less than or equal to the auto-close time."
    _queue(1206, "", NotAbove("auto_close_alert_message_time", "auto_close_timeout")),
    # 1221: "Cannot enable both `agent_alert_tone` and `agent_whisper_announcement`." Both
    # are "for engagement acceptance type set as `auto`" (line 18161); the example enables
    # both with `manual`.
    _queue(
        1221,
        "engagement_acceptance",
        NotBoth("enable_agent_whisper_announcement", "enable_agent_alert_tone"),
        Condition("acceptance_type", ("auto",)),
    ),
    # 1222: "`agent_whisper_announcement_asset_id` is required when
    # `enable_agent_whisper_announcement` is true."
    _queue(
        1222,
        "engagement_acceptance",
        Needs("agent_whisper_announcement_asset_id"),
        Condition("enable_agent_whisper_announcement", (_ON,)),
    ),
    # 1223: "`agent_greeting_asset_id` is required when `enable_agent_greeting` is true."
    _queue(
        1223,
        "engagement_acceptance",
        Needs("agent_greeting_asset_id"),
        Condition("enable_agent_greeting", (_ON,)),
    ),
    # 1233: "Launch URL must start with `https://`."
    _queue(1233, "inbound_launch_url_info.config[]", Prefix("launch_url", "https://")),
    # 1234: "Launch URL config is required when launch URL is enabled."
    _queue(
        1234, "inbound_launch_url_info", Needs("config"), Condition("enable_launch_url", (_ON,))
    ),
    # 1235: "`default_disposition_id` is required when `disposition_required` is true."
    _queue(1235, "", Needs("default_disposition_id"), Condition("disposition_required", (_ON,))),
    # 1236: "`outbound_default_disposition_id` is required when `outbound_disposition_required`
    # is true."
    _queue(
        1236,
        "outbound_settings",
        Needs("outbound_default_disposition_id"),
        Condition("outbound_disposition_required", (_ON,)),
    ),
    # 1237: "Outbound launch URL config is required when launch URL is enabled."
    _queue(
        1237,
        "outbound_settings.outbound_launch_url_info",
        Needs("config"),
        Condition("enable_launch_url", (_ON,)),
    ),
    # 1239: "Outbound launch URL must start with `https://`."
    _queue(1239, "outbound_settings.outbound_launch_url_info.config[]", Prefix("url", "https://")),
    # 1250: "time_to_offer_callback must be in 5-minute intervals (5, 10, 15, 20, 25, 30, 35, 40)."
    _queue(1250, "video_callback_settings", Within("time_to_offer_callback", 5, 40, step=5)),
    # 1251: "callback_offer_time is required when enable_callback_offer_time is true."
    _queue(
        1251,
        "video_callback_settings",
        Needs("callback_offer_time"),
        Condition("enable_callback_offer_time", (_ON,)),
    ),
    # 1252: "callback_return_timezone_id is required when enable_callback_return_time is true."
    _queue(
        1252,
        "video_callback_settings",
        Needs("callback_return_timezone_id"),
        Condition("enable_callback_return_time", (_ON,)),
    ),
    # 1253: "callback_return_day is required when enable_callback_return_time is true."
    _queue(
        1253,
        "video_callback_settings",
        Needs("callback_return_day"),
        Condition("enable_callback_return_time", (_ON,)),
    ),
)
"""Queues: the update's reference line 18669."""

OTHER_RULES: Final[tuple[DocumentedRule, ...]] = (
    # line 32218, 1502: "The skill category highest proficiency level is `5`, and the lowest
    # level is `1`." For proficiency skills only (line 32185: "Use this value if the skill
    # category's `type` value is ... a proficiency-based skill"); the example's text category
    # has 25. The update (line 32344) carries no `skill_type`: the provider judges the same
    # inputs with this rule, the emulator cannot.
    DocumentedRule(
        1502,
        32218,
        ("create_a_skill_category",),
        "",
        Within("max_proficiency_level", 1, 5),
        (Condition("skill_type", ("proficiency",)),),
    ),
    # line 4258, 1508: "Invalid IP address." (the rule's `ip_address`: "The IP address the
    # block list rule applies to.")
    DocumentedRule(
        1508,
        4258,
        ("create_block_list_rules_for_ip_addresses",),
        "ip_address_block_list_rules[]",
        IpAddress("ip_address"),
    ),
    # line 165, 1902: "The `unit_id` field cannot be an empty value." (an address book lives in
    # a unit)
    DocumentedRule(1902, 165, ("create_an_address_book",), "", Needs("unit_id")),
    # line 33873, 1009: "User ID or user email cannot be empty at the same time." (a user is
    # the Zoom user picked by either)
    DocumentedRule(
        1009,
        33873,
        ("create_a_users_profile",),
        "",
        Needs("user_email"),
        when=(Condition("user_id", (None,)),),
    ),
    # line 37050, 3402: "The `address_book_ids` field cannot be empty." (line 36832: "Only
    # valid when `variable_type` is `address_book_variable`, and cannot be empty")
    DocumentedRule(
        3402,
        37050,
        ("create_a_variable",),
        "",
        Needs("address_book_ids"),
        (Condition("variable_type", ("address_book_variable",)),),
    ),
    # line 37050, 3420: "The `values` field maximum length is over limit." (line 36880: "If
    # `variable_type` is `global_variable`, each value's max length is 4096. * If
    # `variable_type` is `address_book_variable`, each value's maximum length is 300.")
    *(
        DocumentedRule(
            3420,
            37050,
            ("create_a_variable",),
            "",
            MaxChars("values", limit),
            (Condition("variable_type", (kind,)),),
        )
        for kind, limit in (("global_variable", 4096), ("address_book_variable", 300))
    ),
    # 2111: "Custom field name cannot contain spaces when `use_as_external_url_parameter` is
    # `true`." (address books: lines 551, 775; campaign contact lists: 6354, 6575)
    *(
        DocumentedRule(
            2111,
            line,
            (op,),
            "",
            NoSpaces("custom_field_name"),
            (Condition("use_as_external_url_parameter", (_ON,)),),
        )
        for line, op in (
            (551, "create_an_address_book_custom_field"),
            (775, "update_an_address_book_custom_field"),
            (6354, "create_a_campaign_contact_lists_custom_field"),
            (6575, "update_a_campaign_contact_lists_custom_field"),
        )
    ),
)
"""Skill categories, address books, variables, custom fields."""

_MULTI_LEVEL: Final = Condition("disposition_type", ("multi_level",))
"""Sub-dispositions count only for multi-level dispositions (line 8171: "For `single`
dispositions, this field can be ignored.")."""
_DISPOSITION_LINES: Final = ((8246, "create_a_disposition"), (8833, "update_a_disposition"))
_ROUTING_LINES: Final = (
    (30501, "create_an_agent_routing_profile"),
    (30823, "update_an_agent_routing_profiles_details"),
)


def _both(
    code: int, lines: tuple[tuple[int, str], ...], at: str, check: Check, *when: Condition
) -> tuple[DocumentedRule, ...]:
    """The rule as a create and an update document it, each on its own line."""
    return tuple(DocumentedRule(code, line, (op,), at, check, when) for line, op in lines)


ROUTING_RULES: Final[tuple[DocumentedRule, ...]] = (
    # 2507: "Multi_level disposition no sub dispositions."
    *_both(2507, _DISPOSITION_LINES, "", Needs("sub_dispositions"), _MULTI_LEVEL),
    # 2504: "Sub dispositions total size should be less than or equal to 500."
    *_both(2504, _DISPOSITION_LINES, "", MaxItems("sub_dispositions", 500), _MULTI_LEVEL),
    # 2505: "Sub Disposition current index repeated."
    *_both(
        2505, _DISPOSITION_LINES, "", Distinct("sub_dispositions", "current_index"), _MULTI_LEVEL
    ),
    # 2508: "Duplicate sub disposition name on the same tier." (a tier: one `parent_index`)
    *_both(
        2508,
        _DISPOSITION_LINES,
        "",
        Distinct("sub_dispositions", "sub_disposition_name", within="parent_index"),
        _MULTI_LEVEL,
    ),
    # 2509: "Sub disposition tier size should be more than 0 and less than 5." Read as the
    # tree's depth, as the field's description says it (line 8171: "Child nodes can only have
    # up to 4 levels"): a child of the root (`parent_index` 0, line 8181) is on tier 1, and
    # some item must reach the root. The examples (one item on tier 1) meet it.
    *_both(
        2509,
        _DISPOSITION_LINES,
        "",
        TreeDepth("sub_dispositions", "current_index", "parent_index", 1, 4),
        _MULTI_LEVEL,
    ),
    # 2512: "The number of sub dispositions on the same tier should less than or equal to 20."
    # A tier is one parent's children (one `parent_index`, as 2508 reads it), by line 8171:
    # "each parent node can have up to 20 child nodes". Counting a whole level instead would
    # cap four levels at 80 items and leave 2504's 500 unreachable.
    *_both(
        2512, _DISPOSITION_LINES, "", MaxItems("sub_dispositions", 20, "parent_index"), _MULTI_LEVEL
    ),
    # 2514: "Sub Disposition current_index is required."; 2515: "... parent_index is required."
    *_both(2514, _DISPOSITION_LINES, "sub_dispositions[]", Needs("current_index")),
    *_both(2515, _DISPOSITION_LINES, "sub_dispositions[]", Needs("parent_index")),
    # 4006: "Category is duplicated in priorities."
    *_both(4006, _ROUTING_LINES, "", Distinct("priorities", "skill_category_id")),
    *CONSUMER_RULES,
)
"""Dispositions, agent and consumer routing profiles."""


RULES: Final[tuple[DocumentedRule, ...]] = (
    *CLOSURE_RULES,
    *HOURS_RULES,
    *QUEUE_RULES,
    *ROUTING_RULES,
    *OTHER_RULES,
)
"""Every documented rule, all operations."""


def rules_for(operation_id: str) -> tuple[DocumentedRule, ...]:
    """The documented rules of one operation, in table order."""
    return tuple(r for r in RULES if operation_id in r.operations)
