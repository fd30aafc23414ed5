"""Every Contact Center object the provider manages, as data."""

from __future__ import annotations

from typing import TypeVar

from zoomcc.resources.base import BaseSpec
from zoomcc.resources.object_calls import NameRefusal
from zoomcc.resources.rules import E164, Before, Clock, IsoDateTime, Requires
from zoomcc.resources.spec import NAME_DESC, ItemMerge, ResourceSpec, renamed

SKILL_CATEGORY = ResourceSpec(
    name="SkillCategory",
    collection_path="/contact_center/skills/categories",
    item_path="/contact_center/skills/categories/{skillCategoryId}",
    id_field="skill_category_id",
    renames=renamed("skill_category", *NAME_DESC),
    summary="A group of similar skills (languages, products) used for skill-based routing. "
    "`skill_type` cannot be changed in place: changing it replaces the category.",
    example='languages = zoomcc.SkillCategory("languages", name="Languages", '
    'skill_type="proficiency", max_proficiency_level=5)',
)

SKILL = ResourceSpec(
    name="Skill",
    collection_path="/contact_center/skills",
    item_path="/contact_center/skills/{skillId}",
    id_field="skill_id",
    # Reference line 32045: "Skill name already exists. You must select a different name"
    name_refusal=NameRefusal(400, 1502, 32045),
    renames=renamed("skill", "name"),
    references={"skill_category_id": "SkillCategory"},
    natural_key_scope=("skill_category_id",),
    # The create body does not mark it required, but a skill lives in a category: the API
    # answers "Missing required field: skill_category_id" (code 300) without one.
    rules=(
        (
            "",
            Requires(
                "skill_category_id",
                'line 31975: "The skill category ID to assign the skill to."; line 32046: '
                '"Skill category does not exist: $skillCategoryId."',
            ),
        ),
    ),
    summary="An agent trait (a language, a product) that routing matches against. A skill "
    "belongs to one skill category; moving it to another category replaces it.",
    example='french = zoomcc.Skill("french", name="French", skill_category_id=languages.id)',
)

QUEUE = ResourceSpec(
    name="Queue",
    collection_path="/contact_center/queues",
    item_path="/contact_center/queues/{queueId}",
    id_field="cc_queue_id",
    renames=renamed("queue", *NAME_DESC),
    # Deprecated in favour of queue_waiting_experience; kept out of the arguments.
    hidden_inputs=frozenset({"connecting_media_id", "holding_media_id", "transferring_media_id"}),
    # Caller ids: "Caller ID number, in E.164 format."; callback times: "in `HH:mm` format".
    rules=(
        ("outbound_settings.queue_caller_ids[]", E164()),
        ("video_callback_settings.callback_offer_time[].callback_offer_start_time", Clock()),
        ("video_callback_settings.callback_offer_time[].callback_offer_end_time", Clock()),
        ("video_callback_settings.callback_return_day[].callback_return_start_time", Clock()),
        ("video_callback_settings.callback_return_day[].callback_return_end_time", Clock()),
        (
            "video_callback_settings.callback_offer_time[]",
            Before("callback_offer_start_time", "callback_offer_end_time"),
        ),
        (
            "video_callback_settings.callback_return_day[]",
            Before("callback_return_start_time", "callback_return_end_time"),
        ),
        # The documented errors 1206-1253 (callback offer time required when enabled...)
        # are in ``zoomcc.apispec.rule_table``.
    ),
    summary="A queue that engagements wait in until an agent takes them. Settings the create "
    "call does not accept (wrap-up, service level, overflow...) are applied right after create.",
    example='support = zoomcc.Queue("support", name="Support", channel="voice", max_wait_time=300)',
)

TEAM = ResourceSpec(
    name="Team",
    collection_path="/contact_center/teams",
    item_path="/contact_center/teams/{teamId}",
    id_field="team_id",
    # Reference line 32710: "The team name can not be duplicated"
    name_refusal=NameRefusal(400, 4105, 32710),
    renames=renamed("team", *NAME_DESC),
    references={"parent_team_id": "Team"},
    summary="A team of agents in the account's team tree. `parent_team_id` is required; "
    "changing it replaces the team.",
    example='tier1 = zoomcc.Team("tier1", name="Tier 1", parent_team_id=root_team_id)',
)

DISPOSITION = ResourceSpec(
    name="Disposition",
    collection_path="/contact_center/dispositions",
    item_path="/contact_center/dispositions/{dispositionId}",
    id_field="disposition_id",
    # Reference line 8246: "That disposition name already exists. Use a different name"
    name_refusal=NameRefusal(400, 2402, 8246),
    renames=renamed("disposition", *NAME_DESC),
    ordered=frozenset({"sub_dispositions"}),
    summary="An outcome or topic an agent assigns to an engagement when wrapping it up.",
    example='resolved = zoomcc.Disposition("resolved", name="Resolved", status="active")',
)

DISPOSITION_SET = ResourceSpec(
    name="DispositionSet",
    collection_path="/contact_center/dispositions/sets",
    item_path="/contact_center/dispositions/sets/{dispositionSetId}",
    id_field="disposition_set_id",
    # Reference line 8449: "That set name already exists. Use a different name"
    name_refusal=NameRefusal(400, 2502, 8449),
    renames=renamed("disposition_set", *NAME_DESC),
    read_back={"disposition_ids": "dispositions[].disposition_id"},
    references={"disposition_ids": "Disposition"},
    summary="A named group of dispositions offered together to agents.",
    example='outcomes = zoomcc.DispositionSet("outcomes", name="Outcomes", '
    'status="active", disposition_ids=[resolved.id])',
)

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

CORE: tuple[ResourceSpec, ...] = (
    SKILL_CATEGORY,
    SKILL,
    QUEUE,
    TEAM,
    DISPOSITION,
    DISPOSITION_SET,
    BUSINESS_HOURS,
    CLOSURE_SET,
)


def _all() -> tuple[BaseSpec, ...]:
    # Groups of further objects live in resources/objects/, one module per area.
    from zoomcc.resources.objects import GROUPS

    return CORE + tuple(spec for group in GROUPS for spec in group)


ALL: tuple[BaseSpec, ...] = _all()
BY_NAME: dict[str, BaseSpec] = {spec.name: spec for spec in ALL}
OBJECTS: tuple[ResourceSpec, ...] = tuple(s for s in ALL if isinstance(s, ResourceSpec))
"""The object kind only (no memberships or settings): what lookups and the exporter read."""

Kind = TypeVar("Kind", bound=BaseSpec)


def get(name: str) -> BaseSpec:
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"zoomcc: no resource type {name!r}; known: {sorted(BY_NAME)}") from None


def get_kind(name: str, kind: type[Kind]) -> Kind:
    """The spec of ``name``, which must be of ``kind`` (TypeError otherwise)."""
    spec = get(name)
    if not isinstance(spec, kind):
        raise TypeError(f"zoomcc: {name} is a {type(spec).__name__}, not a {kind.__name__}")
    return spec


def get_object(name: str) -> ResourceSpec:
    """The spec of the object type ``name``."""
    return get_kind(name, ResourceSpec)
