"""Resource specs of the users area: regions, roles, system statuses, users and user
templates (objects); users' skills, roles' and regions' users, and agents' queue opt-in.

Reference oddities handled here:

* roles: create and update take a flat list of privileges, GET groups them in three lists
  (administration, analytics, general): ``read_back`` joins them (``privileges.*``);
* system statuses: the update's field list makes ``status_name`` optional while its errors
  say "Parameter `status_name` is required": the provider always sends it;
* users: the profile's live presence (``status_id``, ``sub_status_id``) changes all day as
  agents work, so it is not an argument (a declared status would drift at every refresh);
* user templates: ``package`` is an object (``package_name``, ``add_ons_plan``,
  ``billing_account_id``) by the request and GET schemas, a string in every example: the
  schema is followed, and a plain string is accepted as ``{"package_name": ...}``;
* regions and roles: deleting one moves its users (``move_to_region_id``,
  ``transfer_role_id``, required by the real API): delete-time arguments with defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from zoomcc.apispec import FieldSpec
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.delete_query import DeleteParam, FlaggedObject, NamedObject
from zoomcc.resources.derived_fields import Shorthand
from zoomcc.resources.membership import USER_KEYS, MembershipSpec
from zoomcc.resources.object_calls import NameRefusal
from zoomcc.resources.removal import Removal
from zoomcc.resources.settings import SettingsPart, SettingsSpec
from zoomcc.resources.spec import NAME_DESC, ResourceSpec, renamed

REGION = ResourceSpec(
    name="Region",
    collection_path="/contact_center/regions",
    item_path="/contact_center/regions/{regionId}",
    id_field="region_id",
    renames=renamed("region", "name"),
    # reference line 23093: "Delete a site and move its members to another region."; the
    # real API requires `move_to_region_id` (errors 3803 and 3806 at line 23104 name it);
    # line 22925: the list marks the account's `is_main_region`.
    delete_query={
        "move_to_region_id": DeleteParam(
            argument="move_users_to_region_id",
            description="The region the region's users move to when it is deleted; "
            "by default the account's main region (the one the list marks "
            "`is_main_region`), which always exists and cannot be deleted.",
            default=FlaggedObject("Region", "is_main_region"),
        )
    },
    references={"move_users_to_region_id": "Region"},
    summary="A region users are assigned to, with the SIP zone their calls use. The main "
    "region cannot be deleted. Deleting a region moves its users to another region: "
    "`move_users_to_region_id`, by default the main region.",
    example='emea = zoomcc.Region("emea", name="EMEA", sip_zone_id=sip_zone_id)',
)


@dataclass(frozen=True, eq=False)
class _RoleSpec(ResourceSpec):
    """The ``privileges`` output is the joined list (``read_back``), not GET's groups."""

    @cached_property
    def output_fields(self) -> dict[str, FieldSpec]:
        fields = dict(super().output_fields)
        fields["privileges"] = self.create_fields["privileges"].model_copy(
            update={
                "description": "The role's privileges, all kinds together (GET groups them "
                "as administration, analytics and general settings)."
            }
        )
        return fields


ROLE = _RoleSpec(
    name="Role",
    collection_path="/contact_center/roles",
    item_path="/contact_center/roles/{roleId}",
    id_field="role_id",
    # Reference line 29602: "The role name already exists. Please change to a new one"
    name_refusal=NameRefusal(400, 2203, 29602),
    renames=renamed("role", *NAME_DESC),
    # Declared flat, answered grouped by kind of setting: compare with all groups joined.
    read_back={"privileges": "privileges.*"},
    # reference line 29777, DELETE /roles/{roleId}: error 2102 "Transfer role ID cannot be
    # empty." (the real API requires `transfer_role_id`). No role is marked default, but line
    # 29827 (error 2204) names the built-in roles: "Administrator|Supervisor|Agent role name
    # cannot be updated." Agent, the least privileged, is the default: every account has it
    # under that name, and moving users there never widens what they may do.
    delete_query={
        "transfer_role_id": DeleteParam(
            argument="transfer_users_to_role_id",
            description="The role the role's users are given when it is deleted; by "
            "default the built-in `Agent` role (the least privileged of the built-in "
            "Administrator, Supervisor and Agent roles, which every account has and whose "
            "names cannot change), so that users never gain privileges by the delete. "
            "Where an account has no Agent role, a role nobody has is still deleted (the "
            "API requires a target; nothing moves to it).",
            default=NamedObject("Role", "Agent"),
            dependants_count="total_users",
        )
    },
    references={"transfer_users_to_role_id": "Role"},
    summary="A set of privileges (`UserManagement:Read`, `RptWallboard:Read`, "
    "`OutboundVoiceCall`...) given to the users that have the role. GET groups the "
    "privileges by kind; the provider compares them as one list. The update call is taken "
    "to replace the whole list. Deleting a role transfers its users to another role: "
    "`transfer_users_to_role_id`, by default the built-in `Agent` role (never a role "
    "with more privileges).",
    example='auditors = zoomcc.Role("auditors", name="Auditors", '
    'privileges=["UserManagement:Read", "RptWallboard:Read"])',
)


@dataclass(frozen=True, eq=False)
class _StatusSpec(ResourceSpec):
    """The update's errors say ``status_name`` is required although its field list does not:
    marked required, it is sent with every update."""

    @cached_property
    def update_fields(self) -> dict[str, FieldSpec]:
        fields = dict(super().update_fields)
        fields["status_name"] = fields["status_name"].model_copy(update={"required": True})
        return fields


SYSTEM_STATUS = _StatusSpec(
    name="SystemStatus",
    collection_path="/contact_center/system_statuses",
    item_path="/contact_center/system_statuses/{statusId}",
    id_field="status_id",
    renames=renamed("status", "name", "category", "assigned_queues"),
    summary="A custom agent status (`agent_status`) or a reason for not being ready or "
    "opting out of queues (`queue_opt_out_and_not_ready_status`). The category cannot be "
    "changed in place; default statuses cannot be changed or deleted.",
    example='lunch = zoomcc.SystemStatus("lunch", name="Lunch", category="agent_status")',
)

USER = ResourceSpec(
    name="User",
    collection_path="/contact_center/users",
    item_path="/contact_center/users/{userId}",
    id_field="user_id",
    # Reference line 33873: "User already exists: $email"
    name_refusal=NameRefusal(400, 1007, 33873),
    natural_key="user_email",
    natural_key_optional='line 33873: "User ID or user email cannot be empty at the same time." '
    "(1009): `user_id` picks the Zoom user as well as `user_email` does",
    # The real API's list takes `search_key` (a user's name or email; the reference omits
    # query parameters): a search by the email, its hits compared exactly.
    name_filter="search_key",
    # Live presence, changed by agents all day: not configuration.
    hidden_inputs=frozenset({"status_id", "sub_status_id"}),
    references={"role_id": "Role", "region_id": "Region", "template_id": "UserTemplate"},
    summary="A Zoom user's Contact Center profile (package, role, region, channel "
    "capacity). The Zoom user must exist; `user_email` (or `user_id`) picks it and cannot "
    "be changed in place. Deleting the resource removes the Contact Center profile only.",
    example='agent = zoomcc.User("jchill", user_email="jchill@example.com", '
    'package_name="essentials", role_id=auditors.id)',
)

USER_TEMPLATE = ResourceSpec(
    name="UserTemplate",
    collection_path="/contact_center/users/templates",
    item_path="/contact_center/users/templates/{templateId}",
    id_field="template_id",
    # Reference line 34905: "The template name is duplicate"
    name_refusal=NameRefusal(400, 640001, 34905),
    renames=renamed("template", *NAME_DESC),
    references={"role": "Role", "region": "Region"},
    # reference line 34444: create's `package` is an object (`package_name` required,
    # `add_ons_plan`, `billing_account_id`), as are update's and GET's; the example at line
    # 34606 sends "essentials". The schema is followed; a string is its `package_name`.
    rules=(("package", Shorthand("package_name")),),
    summary="Settings applied to users added (`add`) or updated (`update`) with the template; "
    "`selected_blocks` says which settings it carries. `package` is an object "
    '(`{"package_name": "essentials", "add_ons_plan": [...]}`); a plain string is short for '
    "its `package_name`. `template_type` cannot be changed in place.",
    example='agents = zoomcc.UserTemplate("agents", name="Agents", template_type="add", '
    'package={"package_name": "essentials"}, role=agent_role.id, '
    'selected_blocks=["role", "package"])',
)

USER_PATH = "/contact_center/users/{userId}"

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

SPECS: tuple[BaseSpec, ...] = (
    REGION,
    ROLE,
    SYSTEM_STATUS,
    USER_TEMPLATE,
    USER,
    USER_SKILLS,
    ROLE_USERS,
    REGION_USERS,
    USER_QUEUE_OPT_IN,
)
