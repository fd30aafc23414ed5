"""Resource specs: links between objects (memberships) and settings that live on a parent."""

from __future__ import annotations

from zoomcc.resources.base import BaseSpec
from zoomcc.resources.call_shapes import Removal
from zoomcc.resources.membership import USER_KEYS, MembershipSpec
from zoomcc.resources.rules import Before, Clock
from zoomcc.resources.settings import SettingsPart, SettingsSpec

QUEUE_PATH = "/contact_center/queues/{queueId}"
TEAM_PATH = "/contact_center/teams/{teamId}"
USER_PATH = "/contact_center/users/{userId}"
INBOX_PATH = "/contact_center/inboxes/{inboxId}"

QUEUE_AGENTS = MembershipSpec(
    name="QueueAgents",
    summary="Agents assigned to a queue. Users may be given by email, Meetings user id or "
    "Contact Center user id; only the declared agents are managed.",
    add_path=f"{QUEUE_PATH}/agents",
    parent_param="queueId",
    parent_arg="queue_id",
    parent_type="Queue",
    members_field="user_ids",
    live_keys=USER_KEYS,
    removal=Removal("item", f"{QUEUE_PATH}/agents/{{userId}}"),
    example='zoomcc.QueueAgents("support-agents", queue_id=support.id, '
    'user_ids=["jane@example.com", "joe@example.com"])',
)

QUEUE_SUPERVISORS = MembershipSpec(
    name="QueueSupervisors",
    summary="Supervisors of a queue. Users may be given by email, Meetings user id or "
    "Contact Center user id; only the declared supervisors are managed.",
    add_path=f"{QUEUE_PATH}/supervisors",
    parent_param="queueId",
    parent_arg="queue_id",
    parent_type="Queue",
    members_field="user_ids",
    live_keys=USER_KEYS,
    removal=Removal("item", f"{QUEUE_PATH}/supervisors/{{userId}}"),
    example='zoomcc.QueueSupervisors("support-supervisors", queue_id=support.id, '
    'user_ids=["lead@example.com"])',
)

QUEUE_TEAMS = MembershipSpec(
    name="QueueTeams",
    summary="Teams assigned to a queue. The API has no list of a queue's teams: they are "
    "read from the queue itself (`GET /queues/{queueId}`, field `teams`).",
    add_path=f"{QUEUE_PATH}/teams",
    list_path=QUEUE_PATH,
    list_items_key="teams",
    parent_param="queueId",
    parent_arg="queue_id",
    parent_type="Queue",
    member_type="Team",
    members_field="team_ids",
    max_add=10,
    removal=Removal("item", f"{QUEUE_PATH}/teams/{{teamId}}"),
    example='zoomcc.QueueTeams("support-teams", queue_id=support.id, team_ids=[tier1.id])',
)

QUEUE_DISPOSITIONS = MembershipSpec(
    name="QueueDispositions",
    summary="Dispositions offered to agents of a queue, for inbound or outbound engagements "
    "(`assign_type`, the same for every disposition of the resource; changing it replaces "
    "the resource). Declare one resource per assign type.",
    add_path=f"{QUEUE_PATH}/dispositions",
    parent_param="queueId",
    parent_arg="queue_id",
    parent_type="Queue",
    member_type="Disposition",
    members_field="disposition_ids",
    shared_fields=("assign_type",),
    max_add=30,
    removal=Removal("item", f"{QUEUE_PATH}/dispositions/{{dispositionId}}"),
    example='zoomcc.QueueDispositions("support-outcomes", queue_id=support.id, '
    "disposition_ids=[resolved.id])",
)

QUEUE_DISPOSITION_SETS = MembershipSpec(
    name="QueueDispositionSets",
    summary="Disposition sets offered to agents of a queue, for inbound or outbound "
    "engagements (`assign_type`; changing it replaces the resource).",
    add_path=f"{QUEUE_PATH}/dispositions/sets",
    parent_param="queueId",
    parent_arg="queue_id",
    parent_type="Queue",
    member_type="DispositionSet",
    members_field="disposition_set_ids",
    shared_fields=("assign_type",),
    removal=Removal("item", f"{QUEUE_PATH}/dispositions/sets/{{dispositionSetId}}"),
    example='zoomcc.QueueDispositionSets("support-sets", queue_id=support.id, '
    "disposition_set_ids=[outcomes.id])",
)

TEAM_AGENTS = MembershipSpec(
    name="TeamAgents",
    summary="Agents of a team. The add call succeeds partially (unknown users are skipped): "
    "the provider checks every declared agent is there afterwards.",
    add_path=f"{TEAM_PATH}/agents",
    parent_param="teamId",
    parent_arg="team_id",
    parent_type="Team",
    members_field="user_ids",
    live_keys=USER_KEYS,
    max_add=100,
    # Query contract of DELETE .../teams/{teamId}/agents: `user_ids` (required,
    # comma-separated).
    removal=Removal("query", f"{TEAM_PATH}/agents", ids_field="user_ids", max_ids=100),
    example='zoomcc.TeamAgents("tier1-agents", team_id=tier1.id, user_ids=["jane@example.com"])',
)

TEAM_SUPERVISORS = MembershipSpec(
    name="TeamSupervisors",
    summary="Supervisors of a team (at most 50 per team).",
    add_path=f"{TEAM_PATH}/supervisors",
    parent_param="teamId",
    parent_arg="team_id",
    parent_type="Team",
    members_field="user_ids",
    live_keys=USER_KEYS,
    max_add=50,
    removal=Removal("query", f"{TEAM_PATH}/supervisors", ids_field="user_ids", max_ids=50),
    example='zoomcc.TeamSupervisors("tier1-leads", team_id=tier1.id, '
    'user_ids=["lead@example.com"])',
)

USER_SKILLS = MembershipSpec(
    name="UserSkills",
    summary="Skills of a user, each with the user's proficiency (`max_proficiency_level` in "
    "the add call, shown as `user_proficiency_level` by the list: the reference's names). "
    "Changing a proficiency re-assigns the skill.",
    add_path=f"{USER_PATH}/skills",
    parent_param="userId",
    parent_arg="user_id",
    parent_type="User",
    members_field="skills",
    member_key="skill_id",
    attributes={"max_proficiency_level": "user_proficiency_level"},
    references={"user_id": "User"},
    removal=Removal("item", f"{USER_PATH}/skills/{{skillId}}"),
    example='zoomcc.UserSkills("jane-skills", user_id=jane_id, '
    'skills=[{"skill_id": french.id, "max_proficiency_level": 4}])',
)

ROLE_USERS = MembershipSpec(
    name="RoleUsers",
    summary="Users given a role. A user has one role: assigning it here takes the user "
    "out of their previous role, and removing the user leaves them without this role.",
    add_path="/contact_center/roles/{roleId}/users",
    parent_param="roleId",
    parent_arg="role_id",
    parent_type="Role",
    members_field="user_ids",
    live_keys=USER_KEYS,
    removal=Removal("item", "/contact_center/roles/{roleId}/users/{userId}"),
    example='zoomcc.RoleUsers("admins", role_id=admin_role.id, user_ids=["jane@example.com"])',
)

REGION_USERS = MembershipSpec(
    name="RegionUsers",
    summary="Users assigned to a region. The API cannot take a user out of a region (only "
    "assign them to another one), so removing a user, or deleting the resource, leaves the "
    "user where they are.",
    add_path="/contact_center/regions/{regionId}/users",
    parent_param="regionId",
    parent_arg="region_id",
    parent_type="Region",
    members_field="user_ids",
    live_keys=USER_KEYS,
    removal=Removal("none"),
    example='zoomcc.RegionUsers("emea-users", region_id=emea.id, user_ids=["jane@example.com"])',
)

INBOX_QUEUES = MembershipSpec(
    name="InboxQueues",
    summary="Queues whose agents can access an inbox. Assigning a queue twice is an error "
    "in Zoom: only missing queues are added.",
    add_path=f"{INBOX_PATH}/queues",
    parent_param="inboxId",
    parent_arg="inbox_id",
    parent_type="Inbox",
    member_type="Queue",
    members_field="cc_queue_ids",
    live_keys=("cc_queue_id", "queue_id"),
    # Query contract of DELETE .../inboxes/{inboxId}/queues: `queue_ids` (the legacy
    # task-queue ids) and `cc_queue_ids`. The members are added as `cc_queue_ids`, so they are
    # removed as `cc_queue_ids` too.
    removal=Removal("query", f"{INBOX_PATH}/queues", ids_field="cc_queue_ids"),
    example='zoomcc.InboxQueues("voicemail-queues", inbox_id=voicemail.id, '
    "cc_queue_ids=[support.id])",
)

INBOX_USERS = MembershipSpec(
    name="InboxUsers",
    summary="Users who can access an inbox. Assigning a user twice is an error in Zoom: "
    "only missing users are added.",
    add_path=f"{INBOX_PATH}/users",
    parent_param="inboxId",
    parent_arg="inbox_id",
    parent_type="Inbox",
    members_field="user_ids",
    live_keys=USER_KEYS,
    removal=Removal("query", f"{INBOX_PATH}/users", ids_field="user_ids"),
    example='zoomcc.InboxUsers("voicemail-users", inbox_id=voicemail.id, '
    'user_ids=["jane@example.com"])',
)

FLOW_ENTRY_POINTS = MembershipSpec(
    name="FlowEntryPoints",
    summary="Entry points (phone numbers, chat and email addresses) that start a flow, each "
    "with its optional language and customer identity source; changing those re-assigns "
    "the entry point. `enable_detect_language` (email flows) applies to the call.",
    add_path="/contact_center/flows/{flowId}/entry_points",
    parent_param="flowId",
    parent_arg="flow_id",
    parent_type="Flow",
    members_field="entry_points",
    member_key="entry_id",
    attributes={
        "entry_language": "entry_language",
        "customer_identity_source": "customer_identity_source",
    },
    live_keys=("entry_id", "entry_number"),
    shared_fields=("enable_detect_language",),
    removal=Removal("body", "/contact_center/flows/{flowId}/entry_points", ids_field="entry_ids"),
    example='zoomcc.FlowEntryPoints("support-numbers", flow_id=support_flow.id, '
    'entry_points=[{"entry_id": main_number_id, "entry_language": "en-US"}])',
)

CAMPAIGN_DNC_LIST_PHONES = MembershipSpec(
    name="CampaignDncListPhones",
    summary="Phone numbers (E.164) on an outbound campaign's do-not-call list. Numbers are "
    "added by number and removed by the record id Zoom gives them.",
    add_path="/contact_center/outbound_campaign/dnc_lists/{dncListId}/phones",
    parent_param="dncListId",
    parent_arg="dnc_list_id",
    parent_type="CampaignDncList",
    members_field="phone_numbers",
    live_keys=("phone_number",),
    removal=Removal(
        "body",
        "/contact_center/outbound_campaign/dnc_lists/{dncListId}/phones",
        ids_field="phone_ids",
        live_id="phone_id",
    ),
    example='zoomcc.CampaignDncListPhones("opt-outs", dnc_list_id=dnc_list_id, '
    'phone_numbers=["+14155550100"])',
)

# ---- settings on a parent ---------------------------------------------------------------

_CALLBACK = "menu.menu_options[].callback_settings"

QUEUE_INTERRUPT_SETTINGS = SettingsSpec(
    name="QueueInterruptSettings",
    summary="What callers waiting in a voice queue hear: audio interrupts, position and "
    "wait-time announcements, and the menu-based interrupt (`menu`: keypress options such "
    "as request a callback or leave a voicemail). The menu cannot be read back: its output "
    "is what was declared.",
    parent_param="queueId",
    parent_arg="queue_id",
    parent_type="Queue",
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

QUEUE_OPERATING_HOURS = SettingsSpec(
    name="QueueOperatingHours",
    summary="A queue's business hours, closures and what happens to engagements outside "
    "them. Note the names: the update takes `operating_hours_business_hour_id` and "
    "`operating_hours_closure_set_id`, the read returns `business_hour_id` and "
    "`closure_set_id`.",
    parent_param="queueId",
    parent_arg="queue_id",
    parent_type="Queue",
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

INBOX_EMAIL_NOTIFICATION = SettingsSpec(
    name="InboxEmailNotification",
    summary="Whether one user gets an email when a voicemail reaches an inbox. The user may "
    "be given by email, Meetings user id or Contact Center user id; changing the user "
    "replaces the resource.",
    parent_param="inboxId",
    parent_arg="inbox_id",
    parent_type="Inbox",
    references={"inbox_id": "Inbox"},
    parts=(
        SettingsPart(
            write_path=f"{INBOX_PATH}/email_notification",
            read_path=f"{INBOX_PATH}/email_notifications",
            read_list_key="email_notifications",
            row_match=("user_id", "user_id", "user_email"),
            key_fields=("user_id",),
            defaults={"email_notification": False},
        ),
    ),
    restore_note="the user's setting is written back as it was before (`false`, the API's "
    "default, when the user had none).",
    example='zoomcc.InboxEmailNotification("jane-voicemail-mail", inbox_id=voicemail.id, '
    'user_id="jane@example.com", email_notification=True)',
)

USER_QUEUE_OPT_IN = SettingsSpec(
    name="UserQueueOptIn",
    summary="Opts an agent in (`opt_in_out_status=0`) or out (`1`) of their queues: the "
    "listed `queue_ids`, or every queue of a channel (`channel_type`). The API cannot read "
    "the choice back per user (outputs are the declared values); opting in needs the "
    "agent to be in the `Ready` status.",
    parent_param="userId",
    parent_arg="user_id",
    parent_type="User",
    references={"user_id": "User", "queue_ids": "Queue"},
    check_path=f"{USER_PATH}/queues",
    parts=(
        SettingsPart(
            write_path=f"{USER_PATH}/opt_in_out_queues",
            restore="leave",
        ),
    ),
    restore_note="nothing: the API cannot tell what the agent's choice was before, so the "
    "opt-in/out stays as it is.",
    example='zoomcc.UserQueueOptIn("jane-opt-out", user_id=jane_id, opt_in_out_status=1, '
    "queue_ids=[support.id])",
)

SPECS: tuple[BaseSpec, ...] = (
    QUEUE_AGENTS,
    QUEUE_SUPERVISORS,
    QUEUE_TEAMS,
    QUEUE_DISPOSITIONS,
    QUEUE_DISPOSITION_SETS,
    TEAM_AGENTS,
    TEAM_SUPERVISORS,
    USER_SKILLS,
    ROLE_USERS,
    REGION_USERS,
    INBOX_QUEUES,
    INBOX_USERS,
    FLOW_ENTRY_POINTS,
    CAMPAIGN_DNC_LIST_PHONES,
    QUEUE_INTERRUPT_SETTINGS,
    QUEUE_OPERATING_HOURS,
    TEAM_PARENT,
    INBOX_EMAIL_NOTIFICATION,
    USER_QUEUE_OPT_IN,
)
