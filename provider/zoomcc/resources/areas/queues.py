"""Resource specs of the queues area: skills and their categories, queues, teams,
dispositions and their sets (objects); a queue's members (agents, supervisors, teams,
dispositions) and settings (interrupts, operating hours); a team's agents, supervisors and
place in the team tree."""

from __future__ import annotations

from functools import partial

from zoomcc.resources.base import BaseSpec
from zoomcc.resources.membership import USER_KEYS, MembershipSpec
from zoomcc.resources.object_calls import NameRefusal
from zoomcc.resources.removal import Removal
from zoomcc.resources.rules import E164, Before, Clock, OneOf, Requires
from zoomcc.resources.settings import SettingsPart, SettingsSpec
from zoomcc.resources.spec import NAME_DESC, ResourceSpec, renamed

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

QUEUE_PATH = "/contact_center/queues/{queueId}"
_CALLBACK = "menu.menu_options[].callback_settings"
# reference line 19782 (and each audio part): "Provide either `audio_asset_id` or
# `audio_variable`, but not both."
_AUDIO_PARTS = (
    *(
        f"{_CALLBACK}.{message}_custom_audio.custom_audio[]"
        for message in (
            "callback_cancel_message",
            "callback_confirm_message",
            "callback_returning_message",
            "confirm_extension_number_message",
            "offer_extension_number_message",
            "offer_number_message",
            "outbound_dial_greeting_message",
        )
    ),
    "menu.menu_options[].play_message_custom_audio.custom_audio[]",
    "menu.invalid_option_message_custom_audio.custom_audio[]",
    "notify_interrupts.notify_estimated_wait_time.custom_audio[]",
    "notify_interrupts.notify_position_in_queue.custom_audio[]",
)

queue_membership = partial(
    MembershipSpec, parent_param="queueId", parent_arg="queue_id", parent_type="Queue"
)
queue_settings = partial(
    SettingsSpec, parent_param="queueId", parent_arg="queue_id", parent_type="Queue"
)

QUEUE_AGENTS = queue_membership(
    name="QueueAgents",
    summary="Agents assigned to a queue. Users may be given by email, Meetings user id or "
    "Contact Center user id; only the declared agents are managed.",
    add_path=f"{QUEUE_PATH}/agents",
    members_field="user_ids",
    live_keys=USER_KEYS,
    removal=Removal("item", f"{QUEUE_PATH}/agents/{{userId}}"),
    example='zoomcc.QueueAgents("support-agents", queue_id=support.id, '
    'user_ids=["jane@example.com", "joe@example.com"])',
)

QUEUE_SUPERVISORS = queue_membership(
    name="QueueSupervisors",
    summary="Supervisors of a queue. Users may be given by email, Meetings user id or "
    "Contact Center user id; only the declared supervisors are managed.",
    add_path=f"{QUEUE_PATH}/supervisors",
    members_field="user_ids",
    live_keys=USER_KEYS,
    removal=Removal("item", f"{QUEUE_PATH}/supervisors/{{userId}}"),
    example='zoomcc.QueueSupervisors("support-supervisors", queue_id=support.id, '
    'user_ids=["lead@example.com"])',
)

QUEUE_TEAMS = queue_membership(
    name="QueueTeams",
    summary="Teams assigned to a queue. The API has no list of a queue's teams: they are "
    "read from the queue itself (`GET /queues/{queueId}`, field `teams`).",
    add_path=f"{QUEUE_PATH}/teams",
    list_path=QUEUE_PATH,
    list_items_key="teams",
    member_type="Team",
    members_field="team_ids",
    max_add=10,
    removal=Removal("item", f"{QUEUE_PATH}/teams/{{teamId}}"),
    example='zoomcc.QueueTeams("support-teams", queue_id=support.id, team_ids=[tier1.id])',
)

QUEUE_DISPOSITIONS = queue_membership(
    name="QueueDispositions",
    summary="Dispositions offered to agents of a queue, for inbound or outbound engagements "
    "(`assign_type`, the same for every disposition of the resource; changing it replaces "
    "the resource). Declare one resource per assign type.",
    add_path=f"{QUEUE_PATH}/dispositions",
    member_type="Disposition",
    members_field="disposition_ids",
    shared_fields=("assign_type",),
    max_add=30,
    removal=Removal("item", f"{QUEUE_PATH}/dispositions/{{dispositionId}}"),
    example='zoomcc.QueueDispositions("support-outcomes", queue_id=support.id, '
    "disposition_ids=[resolved.id])",
)

QUEUE_DISPOSITION_SETS = queue_membership(
    name="QueueDispositionSets",
    summary="Disposition sets offered to agents of a queue, for inbound or outbound "
    "engagements (`assign_type`; changing it replaces the resource).",
    add_path=f"{QUEUE_PATH}/dispositions/sets",
    member_type="DispositionSet",
    members_field="disposition_set_ids",
    shared_fields=("assign_type",),
    removal=Removal("item", f"{QUEUE_PATH}/dispositions/sets/{{dispositionSetId}}"),
    example='zoomcc.QueueDispositionSets("support-sets", queue_id=support.id, '
    "disposition_set_ids=[outcomes.id])",
)

QUEUE_INTERRUPT_SETTINGS = queue_settings(
    name="QueueInterruptSettings",
    summary="What callers waiting in a voice queue hear: audio interrupts, position and "
    "wait-time announcements, and the menu-based interrupt (`menu`: keypress options such "
    "as request a callback or leave a voicemail). The menu cannot be read back: its output "
    "is what was declared.",
    # Callback offer and return times: "between `00:00` and `23:59`".
    rules=(
        (f"{_CALLBACK}.callback_offer_time[].callback_offer_start_time", Clock()),
        (f"{_CALLBACK}.callback_offer_time[].callback_offer_end_time", Clock()),
        (f"{_CALLBACK}.callback_return_day[].callback_return_start_time", Clock()),
        (f"{_CALLBACK}.callback_return_day[].callback_return_end_time", Clock()),
        (
            f"{_CALLBACK}.callback_offer_time[]",
            Before("callback_offer_start_time", "callback_offer_end_time"),
        ),
        (
            f"{_CALLBACK}.callback_return_day[]",
            Before("callback_return_start_time", "callback_return_end_time"),
        ),
        *((part, OneOf(("audio_asset_id", "audio_variable"))) for part in _AUDIO_PARTS),
    ),
    parts=(
        SettingsPart(write_path=f"{QUEUE_PATH}/interrupt", read_path=f"{QUEUE_PATH}/interrupt"),
        SettingsPart(
            write_path=f"{QUEUE_PATH}/interrupt_menu",
            write_method="POST",
            argument="menu",
            restore="clear",
            clear_path=f"{QUEUE_PATH}/interrupt_menu",
        ),
    ),
    restore_note="the audio and notify interrupts are written back as they were before "
    "(an empty `audio_interrupts` list when there were none); a declared `menu` is removed "
    "(`DELETE /queues/{queueId}/interrupt_menu`).",
    example='zoomcc.QueueInterruptSettings("support-interrupts", queue_id=support.id, '
    'audio_interrupts=[{"audio_asset_id": hold_music.id, "is_loop": True, '
    '"play_after_seconds": 30, "loop_interval": 60}])',
)

QUEUE_OPERATING_HOURS = queue_settings(
    name="QueueOperatingHours",
    summary="A queue's business hours, closures and what happens to engagements outside "
    "them. Note the names: the update takes `operating_hours_business_hour_id` and "
    "`operating_hours_closure_set_id`, the read returns `business_hour_id` and "
    "`closure_set_id`.",
    references={
        "queue_id": "Queue",
        "operating_hours_business_hour_id": "BusinessHours",
        "operating_hours_closure_set_id": "ClosureSet",
    },
    parts=(
        SettingsPart(
            write_path=f"{QUEUE_PATH}/operating_hours",
            read_path=f"{QUEUE_PATH}/operating_hours",
            read_back={
                "operating_hours_business_hour_id": "business_hour_id",
                "operating_hours_closure_set_id": "closure_set_id",
            },
        ),
    ),
    restore_note="the declared settings are written back as they were before "
    "(business hours and closure set ids included).",
    example='zoomcc.QueueOperatingHours("support-hours", queue_id=support.id, '
    "operating_hours_business_hour_id=hours.id)",
)

TEAM_PATH = "/contact_center/teams/{teamId}"

team_membership = partial(
    MembershipSpec, parent_param="teamId", parent_arg="team_id", parent_type="Team"
)

TEAM_AGENTS = team_membership(
    name="TeamAgents",
    summary="Agents of a team. The add call succeeds partially (unknown users are skipped): "
    "the provider checks every declared agent is there afterwards.",
    add_path=f"{TEAM_PATH}/agents",
    members_field="user_ids",
    live_keys=USER_KEYS,
    max_add=100,
    # Query contract of DELETE .../teams/{teamId}/agents: `user_ids` (required,
    # comma-separated).
    removal=Removal("query", f"{TEAM_PATH}/agents", ids_field="user_ids", max_ids=100),
    example='zoomcc.TeamAgents("tier1-agents", team_id=tier1.id, user_ids=["jane@example.com"])',
)

TEAM_SUPERVISORS = team_membership(
    name="TeamSupervisors",
    summary="Supervisors of a team (at most 50 per team).",
    add_path=f"{TEAM_PATH}/supervisors",
    members_field="user_ids",
    live_keys=USER_KEYS,
    max_add=50,
    removal=Removal("query", f"{TEAM_PATH}/supervisors", ids_field="user_ids", max_ids=50),
    example='zoomcc.TeamSupervisors("tier1-leads", team_id=tier1.id, '
    'user_ids=["lead@example.com"])',
)

TEAM_PARENT = SettingsSpec(
    name="TeamParent",
    summary="Where a team sits in the team tree: moves it under another team "
    "(`PATCH /teams/{teamId}/move`, a HEAVY call). Use it for teams this program does not "
    "create; for a `Team` resource, changing `parent_team_id` replaces the team instead.",
    parent_param="teamId",
    parent_arg="team_id",
    parent_type="Team",
    references={"team_id": "Team", "parent_team_id": "Team"},
    parts=(
        SettingsPart(
            write_path=f"{TEAM_PATH}/move",
            read_path=TEAM_PATH,
            read_fields=("parent_team_id", "parent_team_name"),
        ),
    ),
    restore_note="the team is moved back under the parent it had before.",
    example='zoomcc.TeamParent("tier1-under-support", team_id=tier1_id, '
    "parent_team_id=support_team.id)",
)

SPECS: tuple[BaseSpec, ...] = (
    SKILL_CATEGORY,
    SKILL,
    QUEUE,
    TEAM,
    DISPOSITION,
    DISPOSITION_SET,
    QUEUE_AGENTS,
    QUEUE_SUPERVISORS,
    QUEUE_TEAMS,
    QUEUE_DISPOSITIONS,
    QUEUE_DISPOSITION_SETS,
    TEAM_AGENTS,
    TEAM_SUPERVISORS,
    QUEUE_INTERRUPT_SETTINGS,
    QUEUE_OPERATING_HOURS,
    TEAM_PARENT,
)
