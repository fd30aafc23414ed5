"""Resource specs: who belongs where: team agents and supervisors, a team's place in
the tree, users' skills, roles and regions, and agents' queue opt-in."""

from __future__ import annotations

from functools import partial

from zoomcc.resources.membership import USER_KEYS, MembershipSpec
from zoomcc.resources.removal import Removal
from zoomcc.resources.settings import SettingsPart, SettingsSpec

TEAM_PATH = "/contact_center/teams/{teamId}"
USER_PATH = "/contact_center/users/{userId}"

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
