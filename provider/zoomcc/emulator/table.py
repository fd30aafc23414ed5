"""The emulated collections, hand-checked against the Contact Center API reference.

Every name, code and message below is copied from
``shared/zoom-contact-center-api-reference.txt``; ``tests/unit/test_emulator_table.py``
re-checks fields, labels and error codes against that file. Irregularities the reference
documents are mirrored on purpose (see each collection's comment), because the provider
must cope with them against the real API too.
"""

from __future__ import annotations

import copy
import functools
import re
import zoneinfo
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final

from zoomcc.emulator.model import (
    OMIT,
    A,
    B,
    Collection,
    DeleteHook,
    ErrorDef,
    FieldSpec,
    HookContext,
    Hooks,
    I,
    N,
    O,
    Obj,
    Reference,
    S,
    new_id,
    new_short_id,
    validation_error,
)
from zoomcc.emulator.relations import COLLECTIONS as RELATIONS
from zoomcc.emulator.relations import queue_teams
from zoomcc.emulator.store import Store, check_field


def _const(value: Any) -> Callable[[Store, Obj], Any]:
    """A computed field that always shows ``value`` (counts of things not emulated yet)."""

    def compute(store: Store, data: Obj) -> Any:
        return copy.deepcopy(value)

    return compute


def _check_keys(allowed: Mapping[str, FieldSpec], item: Any, what: str) -> Obj:
    """Validate one nested object against its allowed keys and types (code 300)."""
    if not isinstance(item, dict):
        raise validation_error(f"Validation Failed. Each {what} must be an object.")
    for key, value in item.items():
        if key not in allowed:
            raise validation_error(f"Validation Failed. Unknown field: {what}.{key}.")
        check_field(f"{what}.{key}", allowed[key], value)
    return item


@functools.cache
def _have_tz_database() -> bool:
    return bool(zoneinfo.available_timezones())


def _check_timezone(tz: Any) -> None:
    """3602 for an unknown timezone id (skipped where the system has no tz database)."""
    if tz is None or not _have_tz_database():
        return
    try:
        zoneinfo.ZoneInfo(str(tz))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ErrorDef(400, 3602, "Timezone does not exist.").error() from None


def _single_account_default(ctx: HookContext, data: Obj) -> None:
    """Only one object of the collection can be the account default."""
    if data.get("account_default") is True:
        for other in ctx.store.items(ctx.collection.name):
            if other.get(ctx.collection.id_field) != ctx.object_id:
                other["account_default"] = False


def _refuse_deleting_default(error: ErrorDef) -> DeleteHook:
    def hook(ctx: HookContext, data: Obj) -> None:
        if data.get("account_default") is True:
            raise error.error()

    return hook


# --------------------------------------------------------------------------------------
# Skills: /contact_center/skills/categories and /contact_center/skills
# Oddities mirrored: the list of skill categories documents no total_records; two rate-limit
# labels are mixed case ("Light", "Medium"); 1502 means "bad proficiency level" for
# categories but "duplicate name" for skills; the create example sends
# max_proficiency_level 25 for a text category, so 1..5 is enforced only for "proficiency".

_PROFICIENCY_ERROR: Final = ErrorDef(
    400, 1502, "The skill category highest proficiency level is `5`, and the lowest level is `1`."
)


def _skill_category_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    data = {**base, **body}
    if data.get("skill_type") == "proficiency":
        data.setdefault("max_proficiency_level", 5)
        if not 1 <= data["max_proficiency_level"] <= 5:
            raise _PROFICIENCY_ERROR.error()
    return data


SKILL_CATEGORIES: Final = Collection(
    name="skill_categories",
    path="/contact_center/skills/categories",
    id_field="skill_category_id",
    list_key="skill_categories",
    not_found=ErrorDef(404, 1501, "Skill category does not exist: {id}."),
    fields={
        "max_proficiency_level": I(),
        "skill_category_description": S(),
        "skill_category_name": S(),
        "skill_type": S("text", "proficiency"),
    },
    create_fields=(
        "max_proficiency_level",
        "skill_category_description",
        "skill_category_name",
        "skill_type",
    ),
    update_fields=("max_proficiency_level", "skill_category_description", "skill_category_name"),
    create_view=(
        "skill_category_id",
        "skill_category_name",
        "skill_category_description",
        "skill_type",
        "max_proficiency_level",
        "modified_by",
        "last_modified_time",
    ),
    get_view=(
        "skill_category_id",
        "skill_category_name",
        "skill_category_description",
        "max_proficiency_level",
        "skill_type",
        "modified_by",
        "last_modified_time",
    ),
    list_view=(
        "skill_category_id",
        "skill_category_name",
        "skill_category_description",
        "max_proficiency_level",
        "total_agent_routing_profiles",
        "skill_type",
        "modified_by",
        "last_modified_time",
    ),
    rate_labels={
        "list": "MEDIUM",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "Light",
    },
    defaults={"skill_category_description": "", "skill_type": "text"},
    computed={"total_agent_routing_profiles": _const(0)},
    list_total_records=False,
    modified_time_field="last_modified_time",
    modified_by_field="modified_by",
    hooks=Hooks(merge=_skill_category_merge),
)


def _from_category(name: str) -> Callable[[Store, Obj], Any]:
    """A skill shows its category's name, type and level, read live from the category."""

    def compute(store: Store, data: Obj) -> Any:
        category = store.get("skill_categories", str(data.get("skill_category_id")))
        if category is None or name not in category:
            return OMIT
        return copy.deepcopy(category[name])

    return compute


SKILLS: Final = Collection(
    name="skills",
    path="/contact_center/skills",
    id_field="skill_id",
    list_key="skills",
    not_found=ErrorDef(404, 1401, "Skill does not exist: {id}."),
    fields={"skill_category_id": S(), "skill_name": S()},
    create_fields=("skill_category_id", "skill_name"),
    update_fields=("skill_name",),
    # Not marked required in the reference, but a skill cannot exist without either.
    required_on_create=("skill_category_id", "skill_name"),
    create_view=(
        "skill_id",
        "skill_name",
        "skill_type",
        "max_proficiency_level",
        "skill_category_name",
        "skill_category_id",
        "total_users",
        "modified_by",
        "last_modified_time",
    ),
    get_view=(
        "skill_id",
        "skill_name",
        "skill_type",
        "max_proficiency_level",
        "skill_category_name",
        "skill_category_id",
        "total_users",
        "modified_by",
        "last_modified_time",
    ),
    list_view=(
        "skill_id",
        "skill_name",
        "skill_type",
        "max_proficiency_level",
        "skill_category_name",
        "skill_category_id",
        "total_users",
        "modified_by",
        "last_modified_time",
    ),
    rate_labels={
        "list": "Medium",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "LIGHT",
    },
    computed={
        "skill_type": _from_category("skill_type"),
        "max_proficiency_level": _from_category("max_proficiency_level"),
        "skill_category_name": _from_category("skill_category_name"),
        "total_users": _const(0),
    },
    natural_key="skill_name",
    natural_key_scope=("skill_category_id",),
    duplicate_error=ErrorDef(
        400, 1502, "Skill name already exists. You must select a different name."
    ),
    references=(
        Reference(
            "skill_category_id",
            "skill_categories",
            ErrorDef(404, 1501, "Skill category does not exist: {value}."),
        ),
    ),
    list_filters=("skill_category_id",),
    modified_time_field="last_modified_time",
    modified_by_field="modified_by",
)

# --------------------------------------------------------------------------------------
# Queues: /contact_center/queues
# Oddities mirrored: the id is cc_queue_id; queue_id is a different (deprecated task-queue)
# id that GET and the list show but the create response does not. PATCH accepts fields GET
# never returns (agent_routing_settings, default_disposition_id, disposition_required,
# notes_asset_id, service_level_exclude_overflow_engagements, video_callback_settings),
# and GET shows read-only fields PATCH rejects. The list shows last_modified_time and
# modified_by, GET does not. Setting one overflow target clears the others.

_OVERFLOW_TARGETS: Final = {
    "overflow_to_goodbye_message": 0,
    "overflow_to_goodbye_message_asset_id": 0,
    "overflow_to_cc_queue_id": 1,
    "overflow_to_queue_id": 1,
    "overflow_to_inbox_id": 2,
    "overflow_to_flow_id": 3,
}


def _queue_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    data = {**base, **body}
    sent = [name for name in _OVERFLOW_TARGETS if name in body]
    if ctx.op == "update" and sent:
        # "Updating an overflow field will clear out the other overflow fields."
        for name in _OVERFLOW_TARGETS:
            if name not in body:
                data.pop(name, None)
        kinds = {_OVERFLOW_TARGETS[name] for name in sent}
        if len(kinds) == 1:
            data["overflow_type"] = kinds.pop()
    return data


def _outbound_launch_url_info(store: Store, data: Obj) -> Any:
    settings = data.get("outbound_settings")
    if isinstance(settings, dict) and "outbound_launch_url_info" in settings:
        return copy.deepcopy(settings["outbound_launch_url_info"])
    return OMIT


_CHANNEL_ERROR: Final = ErrorDef(400, 1205, "Invalid channel type.")
_CHANNELS: Final = ("voice", "video", "messaging", "email", "work_item")

QUEUES: Final = Collection(
    name="queues",
    path="/contact_center/queues",
    id_field="cc_queue_id",
    list_key="queues",
    not_found=ErrorDef(404, 1201, "Queue does not exist: {id}."),
    fields={
        "agent_routing_profile_id": S(),
        "agent_routing_settings": O,
        "auto_close_alert_message": S(),
        "auto_close_alert_message_enabled": B,
        "auto_close_alert_message_time": I(),
        "auto_close_message": S(),
        "auto_close_message_enabled": B,
        "auto_close_timeout": I(),
        "channel": S(*_CHANNELS, error=_CHANNEL_ERROR),
        "channel_types": A,
        "connecting_media_id": S(),
        "consumer_routing_profile_id": S(),
        "default_disposition_id": S(),
        "disposition_required": B,
        "distribution_duration_in_seconds": I(),
        "distribution_type": I(0, 1, 2, 3, 4, 5, 6, 7),
        "engagement_acceptance": O,
        "holding_media_id": S(),
        "inbound_launch_url_info": O,
        "max_engagement_in_queue": I(),
        "max_wait_time": I(),
        "message_accept": S("manual", "auto"),
        "notes_asset_id": S(),
        "outbound_settings": O,
        "overflow_to_cc_queue_id": S(),
        "overflow_to_flow_id": S(),
        "overflow_to_goodbye_message": B,
        "overflow_to_goodbye_message_asset_id": S(),
        "overflow_to_inbox_id": S(),
        "overflow_to_queue_id": S(),
        "queue_description": S(),
        "queue_name": S(),
        "recording_storage_location": S("us", "au", "br", "ca", "de", "jp", "sg"),
        "scheduled_callback_settings": O,
        "service_level_exclude_abandoned_quit_engagements": B,
        "service_level_exclude_long_abandoned_calls": B,
        "service_level_exclude_overflow_engagements": B,
        "service_level_exclude_short_abandoned_calls": B,
        "service_level_target_in_percentage": I(),
        "service_level_threshold_in_seconds": I(),
        "short_abandon": O,
        "transferring_media_id": S(),
        "video_callback_settings": O,
        "waiting_room_id": S(),
        "wrap_up_after_transfer": B,
        "wrap_up_expiration": B,
        "wrap_up_time": I(),
    },
    create_fields=("channel", "channel_types", "queue_description", "queue_name"),
    update_fields=(
        "agent_routing_profile_id",
        "agent_routing_settings",
        "auto_close_alert_message",
        "auto_close_alert_message_enabled",
        "auto_close_alert_message_time",
        "auto_close_message",
        "auto_close_message_enabled",
        "auto_close_timeout",
        "channel",
        "channel_types",
        "connecting_media_id",
        "consumer_routing_profile_id",
        "default_disposition_id",
        "disposition_required",
        "distribution_duration_in_seconds",
        "distribution_type",
        "engagement_acceptance",
        "holding_media_id",
        "inbound_launch_url_info",
        "max_engagement_in_queue",
        "max_wait_time",
        "message_accept",
        "notes_asset_id",
        "outbound_settings",
        "overflow_to_cc_queue_id",
        "overflow_to_flow_id",
        "overflow_to_goodbye_message",
        "overflow_to_goodbye_message_asset_id",
        "overflow_to_inbox_id",
        "overflow_to_queue_id",
        "queue_description",
        "queue_name",
        "recording_storage_location",
        "scheduled_callback_settings",
        "service_level_exclude_abandoned_quit_engagements",
        "service_level_exclude_long_abandoned_calls",
        "service_level_exclude_overflow_engagements",
        "service_level_exclude_short_abandoned_calls",
        "service_level_target_in_percentage",
        "service_level_threshold_in_seconds",
        "short_abandon",
        "transferring_media_id",
        "video_callback_settings",
        "waiting_room_id",
        "wrap_up_after_transfer",
        "wrap_up_expiration",
        "wrap_up_time",
    ),
    # The create example returns only cc_queue_id among ids.
    create_view=("cc_queue_id", "queue_name", "queue_description", "channel", "channel_types"),
    get_view=(
        "cc_queue_id",
        "queue_id",
        "queue_name",
        "queue_description",
        "dispositions_count",
        "disposition_sets_count",
        "channel",
        "channel_types",
        "max_wait_time",
        "wrap_up_time",
        "max_engagement_in_queue",
        "short_abandon",
        "distribution_type",
        "distribution_duration_in_seconds",
        "waiting_room_name",
        "waiting_room_id",
        "message_accept",
        "wrap_up_expiration",
        "overflow_type",
        "overflow_to_goodbye_message",
        "overflow_to_goodbye_message_asset_id",
        "overflow_to_cc_queue_id",
        "overflow_to_queue_id",
        "overflow_to_flow_id",
        "overflow_to_inbox_id",
        "auto_close_message",
        "auto_close_message_enabled",
        "auto_close_timeout",
        "auto_close_alert_message",
        "auto_close_alert_message_enabled",
        "auto_close_alert_message_time",
        "recording_storage_location",
        "service_level_threshold_in_seconds",
        "service_level_exclude_short_abandoned_calls",
        "service_level_exclude_long_abandoned_calls",
        "service_level_exclude_abandoned_quit_engagements",
        "service_level_target_in_percentage",
        "agent_routing_profile_id",
        "agent_routing_profile_name",
        "consumer_routing_profile_id",
        "consumer_routing_profile_name",
        "caller_ids",
        "teams",
        "engagement_acceptance",
        "inbound_launch_url_info",
        "outbound_launch_url_info",
        "queue_waiting_experience",
        "inbound_dispositions",
        "outbound_dispositions",
        "wrap_up_after_transfer",
        "engagement_distribution",
        "outbound_settings",
        "scheduled_callback_settings",
        "connecting_media_id",
        "connecting_media_filename",
        "holding_media_id",
        "holding_media_filename",
        "transferring_media_id",
        "transferring_media_filename",
    ),
    list_view=(
        "cc_queue_id",
        "queue_id",
        "queue_name",
        "agents_count",
        "supervisors_count",
        "channel",
        "channel_types",
        "modified_by",
        "last_modified_time",
    ),
    rate_labels={
        "list": "MEDIUM",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "LIGHT",
    },
    # Server defaults: the values of the reference's GET example (distribution duration:
    # "The default on new queues is 30 seconds").
    defaults={
        "queue_description": "",
        "max_wait_time": 50,
        "wrap_up_time": 50,
        "max_engagement_in_queue": 50,
        "short_abandon": {"enable": False, "threshold": 5},
        "distribution_type": 1,
        "distribution_duration_in_seconds": 30,
        "message_accept": "manual",
        "wrap_up_expiration": True,
        "wrap_up_after_transfer": False,
        "overflow_type": 0,
        "overflow_to_goodbye_message": True,
        "recording_storage_location": "us",
        "service_level_threshold_in_seconds": 15,
        "service_level_exclude_short_abandoned_calls": True,
        "service_level_exclude_long_abandoned_calls": True,
        "service_level_exclude_abandoned_quit_engagements": True,
        "service_level_target_in_percentage": 80,
        "engagement_distribution": "simultaneous",
        "engagement_acceptance": {
            "acceptance_type": "manual",
            "enable_agent_alert_tone": True,
            "enable_agent_whisper_announcement": False,
            "enable_agent_greeting": False,
        },
    },
    generated={"queue_id": new_id},
    computed={
        "dispositions_count": _const(0),
        "disposition_sets_count": _const(0),
        "teams": queue_teams,  # the queue's team links (emulator/relations.py)
        "agents_count": _const(0),
        "supervisors_count": _const(0),
        "outbound_launch_url_info": _outbound_launch_url_info,
    },
    modified_time_field="last_modified_time",
    modified_by_field="modified_by",
    hooks=Hooks(merge=_queue_merge),
)

# --------------------------------------------------------------------------------------
# Teams: /contact_center/teams
# Oddities mirrored: parent_team_id is required on create but cannot be changed by PATCH
# (there is a separate "move" operation); team_name is required on PATCH too; DELETE is
# HEAVY while the rest is LIGHT/MEDIUM; GET adds modify_time, which create does not return.


def _parent_team_name(store: Store, data: Obj) -> Any:
    parent = store.get("teams", str(data.get("parent_team_id")))
    return OMIT if parent is None else parent.get("team_name", OMIT)


TEAMS: Final = Collection(
    name="teams",
    path="/contact_center/teams",
    id_field="team_id",
    list_key="teams",
    not_found=ErrorDef(404, 4102, "Team does not exist."),
    fields={"parent_team_id": S(), "team_name": S(), "team_description": S()},
    create_fields=("parent_team_id", "team_name", "team_description"),
    update_fields=("team_name", "team_description"),
    required_on_create=("parent_team_id", "team_name"),
    required_on_update=("team_name",),
    create_view=(
        "team_id",
        "team_name",
        "team_description",
        "parent_team_id",
        "parent_team_name",
        "created_time",
    ),
    get_view=(
        "team_id",
        "team_name",
        "parent_team_id",
        "parent_team_name",
        "team_description",
        "created_time",
        "modify_time",
    ),
    list_view=(
        "team_id",
        "team_name",
        "team_description",
        "parent_team_id",
        "parent_team_name",
        "created_time",
        "modify_time",
    ),
    rate_labels={
        "list": "MEDIUM",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "HEAVY",
    },
    defaults={"team_description": ""},
    computed={"parent_team_name": _parent_team_name},
    natural_key="team_name",
    duplicate_error=ErrorDef(400, 4105, "The team name can not be duplicated."),
    created_time_field="created_time",
    modified_time_field="modify_time",
)

# --------------------------------------------------------------------------------------
# Dispositions: /contact_center/dispositions and /contact_center/dispositions/sets
# Oddities mirrored: the create response leaves out sub_dispositions and queue_count, GET
# has both, the list has queue_count only; sub-dispositions get a sub_disposition_id; a
# single-level disposition ignores sub_dispositions. Sets take disposition_ids but return
# dispositions [{disposition_id, disposition_name}] (the list shows dispositions_count
# instead), and the not-found message differs between GET and PATCH/DELETE.

_SUB_DISPOSITION: Final = {
    "current_index": N,
    "parent_index": N,
    "sub_disposition_name": S(),
}


def _dispositions_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    if (
        ctx.op == "update"
        and base.get("disposition_type") == "multi_level"
        and body.get("disposition_type") == "single"
    ):
        raise ErrorDef(400, 2510, "Can not update `multi_level` to single.").error()
    data = {**base, **body}
    if data.get("disposition_type") != "multi_level":
        data.pop("sub_dispositions", None)  # "For single dispositions ... can be ignored."
        return data
    subs = data.get("sub_dispositions") or []
    if not subs:
        raise ErrorDef(400, 2507, "Multi_level disposition no sub dispositions.").error()
    if len(subs) > 500:
        raise ErrorDef(
            400, 2504, "Sub dispositions total size should be less than or equal to 500."
        ).error()
    allowed = dict(_SUB_DISPOSITION)
    if ctx.op == "update":
        allowed["sub_disposition_id"] = S()
    indexes: set[Any] = set()
    names: set[tuple[Any, Any]] = set()
    out = []
    for sub in subs:
        if isinstance(sub, dict) and sub.get("current_index") is None:
            raise ErrorDef(400, 2514, "Sub Disposition current_index is required.").error()
        if isinstance(sub, dict) and sub.get("parent_index") is None:
            raise ErrorDef(400, 2515, "Sub Disposition parent_index is required.").error()
        item = _check_keys(allowed, sub, "sub_dispositions")
        if "sub_disposition_name" not in item:
            raise validation_error(
                "Validation Failed. Missing required field: sub_dispositions.sub_disposition_name."
            )
        if item["current_index"] in indexes:
            raise ErrorDef(400, 2505, "Sub Disposition current index repeated.").error()
        indexes.add(item["current_index"])
        tier_name = (item["parent_index"], item["sub_disposition_name"])
        if tier_name in names:
            raise ErrorDef(400, 2508, "Duplicate sub disposition name on the same tier.").error()
        names.add(tier_name)
        out.append(
            {
                "sub_disposition_id": item.get("sub_disposition_id") or new_id(),
                "sub_disposition_name": item["sub_disposition_name"],
                "current_index": item["current_index"],
                "parent_index": item["parent_index"],
            }
        )
    # "If the parent index does not exist, the node will be discarded."
    data["sub_dispositions"] = [
        s for s in out if s["parent_index"] == 0 or s["parent_index"] in indexes
    ]
    return data


DISPOSITIONS: Final = Collection(
    name="dispositions",
    path="/contact_center/dispositions",
    id_field="disposition_id",
    list_key="dispositions",
    not_found=ErrorDef(404, 2401, "Disposition does not exist: {id}."),
    fields={
        "disposition_name": S(),
        "disposition_description": S(),
        "disposition_type": S("single", "multi_level"),
        "status": S("inactive", "active"),
        "sub_dispositions": A,
    },
    create_fields=(
        "disposition_name",
        "disposition_description",
        "disposition_type",
        "status",
        "sub_dispositions",
    ),
    update_fields=(
        "disposition_description",
        "disposition_name",
        "disposition_type",
        "status",
        "sub_dispositions",
    ),
    required_on_create=("disposition_name",),
    create_view=(
        "disposition_id",
        "disposition_name",
        "disposition_description",
        "status",
        "last_modified_time",
        "modified_by",
        "disposition_type",
    ),
    get_view=(
        "disposition_id",
        "disposition_name",
        "disposition_description",
        "status",
        "queue_count",
        "last_modified_time",
        "modified_by",
        "disposition_type",
        "sub_dispositions",
    ),
    list_view=(
        "disposition_id",
        "disposition_name",
        "disposition_description",
        "status",
        "queue_count",
        "last_modified_time",
        "modified_by",
        "disposition_type",
    ),
    rate_labels={
        "list": "MEDIUM",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "LIGHT",
    },
    defaults={"disposition_description": "", "disposition_type": "single", "status": "inactive"},
    computed={"queue_count": _const(0)},
    natural_key="disposition_name",
    duplicate_error=ErrorDef(
        400, 2402, "That disposition name already exists. Use a different name."
    ),
    modified_time_field="last_modified_time",
    modified_by_field="modified_by",
    hooks=Hooks(merge=_dispositions_merge),
)


def _set_dispositions(store: Store, data: Obj) -> Any:
    out = []
    for disposition_id in data.get("disposition_ids") or []:
        disposition = store.get("dispositions", str(disposition_id))
        if disposition is not None:
            out.append(
                {
                    "disposition_id": disposition_id,
                    "disposition_name": disposition.get("disposition_name"),
                }
            )
    return out


def _set_dispositions_count(store: Store, data: Obj) -> Any:
    return len(_set_dispositions(store, data))


DISPOSITION_SETS: Final = Collection(
    name="disposition_sets",
    path="/contact_center/dispositions/sets",
    id_field="disposition_set_id",
    list_key="disposition_sets",
    not_found=ErrorDef(404, 2501, "Disposition Set does not exist: {id}."),
    not_found_messages={
        "update": "Set does not exist: {id}.",
        "delete": "Set does not exist: {id}.",
    },
    fields={
        "disposition_set_name": S(),
        "disposition_ids": A,
        "disposition_set_description": S(),
        "status": S("inactive", "active"),
    },
    create_fields=(
        "disposition_set_name",
        "disposition_ids",
        "disposition_set_description",
        "status",
    ),
    update_fields=(
        "disposition_ids",
        "disposition_set_description",
        "disposition_set_name",
        "status",
    ),
    required_on_create=("disposition_set_name",),
    create_view=(
        "disposition_set_id",
        "disposition_set_name",
        "disposition_set_description",
        "status",
        "last_modified_time",
        "modified_by",
        "dispositions",
    ),
    get_view=(
        "disposition_set_id",
        "disposition_set_name",
        "disposition_set_description",
        "status",
        "last_modified_time",
        "modified_by",
        "dispositions",
        "queues",
    ),
    list_view=(
        "disposition_set_id",
        "disposition_set_name",
        "disposition_set_description",
        "status",
        "last_modified_time",
        "modified_by",
        "dispositions_count",
        "queues_count",
    ),
    rate_labels={
        "list": "MEDIUM",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "LIGHT",
    },
    defaults={"disposition_set_description": "", "status": "inactive", "disposition_ids": []},
    computed={
        "dispositions": _set_dispositions,
        "dispositions_count": _set_dispositions_count,
        "queues": _const([]),
        "queues_count": _const(0),
    },
    natural_key="disposition_set_name",
    duplicate_error=ErrorDef(400, 2502, "That set name already exists. Use a different name."),
    references=(
        Reference(
            "disposition_ids",
            "dispositions",
            ErrorDef(404, 2403, "Disposition does not exist: {value}."),
            many=True,
            update_error=ErrorDef(404, 2403, "Dispositions do not exist: {value}."),
        ),
    ),
    modified_time_field="last_modified_time",
    modified_by_field="modified_by",
)

# --------------------------------------------------------------------------------------
# Business hours: /contact_center/business_hours
# Oddities mirrored: the list leaves out business_hour_description; the account default
# cannot be deleted (3612) nor made non-default (3611), and making another object the
# default takes the flag away from the previous one; no duplicate-name error is documented;
# the not-found message of DELETE differs from GET/PATCH.

_HH_MM: Final = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")


def _check_hours(hours: Any) -> None:
    invalid = validation_error("Validation failed.")
    if not isinstance(hours, dict) or hours.get("hour_type") not in (1, 2):
        raise invalid
    if hours["hour_type"] != 2:
        return
    custom = hours.get("custom_hours")
    if not custom:
        raise ErrorDef(
            400,
            3604,
            "The `custom_hours` should not be empty when the `hour_type` is `Custom hours`.",
        ).error()
    if not isinstance(custom, list):
        raise invalid
    for day in custom:
        if not isinstance(day, dict) or day.get("day_of_week") not in range(1, 8):
            raise invalid
        if day.get("custom_hour_type") not in (0, 1, 2):
            raise invalid
        if day["custom_hour_type"] != 2:
            continue
        ranges = day.get("custom_hour_ranges")
        if not ranges:
            raise ErrorDef(
                400,
                3607,
                "The `custom_hour_ranges` should not be empty when the `custom_hour_type` "
                "is `Customized hours`.",
            ).error()
        for hour_range in ranges:
            if not isinstance(hour_range, dict):
                raise invalid
            start, end = hour_range.get("start_time"), hour_range.get("end_time")
            if not (isinstance(start, str) and isinstance(end, str)):
                raise invalid
            if not (_HH_MM.match(start) and _HH_MM.match(end)):
                raise invalid
            if end < start:
                raise ErrorDef(
                    400,
                    3608,
                    "The `end_time` {end} should not be earlier than the `start_time` {start}.",
                ).error(end=end, start=start)


def _business_hours_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    if ctx.op == "update" and base.get("account_default") and body.get("account_default") is False:
        raise ErrorDef(400, 3611, "Can't update default business hours to be non-default.").error()
    data = {**base, **body}
    _check_timezone(data.get("timezone"))
    _check_hours(data.get("hours"))
    return data


BUSINESS_HOURS: Final = Collection(
    name="business_hours",
    path="/contact_center/business_hours",
    id_field="business_hour_id",
    list_key="business_hours",
    not_found=ErrorDef(404, 3601, "Business hour does not exist: {id}."),
    not_found_messages={"delete": "Business hours do not exist: {id}."},
    fields={
        "account_default": B,
        "business_hour_description": S(),
        "business_hour_name": S(),
        "hours": O,
        "timezone": S(),
    },
    create_fields=(
        "account_default",
        "business_hour_description",
        "business_hour_name",
        "hours",
        "timezone",
    ),
    update_fields=(
        "account_default",
        "business_hour_description",
        "business_hour_name",
        "hours",
        "timezone",
    ),
    create_view=(
        "business_hour_id",
        "business_hour_name",
        "business_hour_description",
        "timezone",
        "account_default",
        "hours",
    ),
    get_view=(
        "business_hour_id",
        "business_hour_name",
        "business_hour_description",
        "timezone",
        "account_default",
        "hours",
    ),
    list_view=(
        "business_hour_id",
        "business_hour_name",
        "timezone",
        "account_default",
        "queues_count",
        "flows_count",
        "hours",
    ),
    rate_labels={
        "list": "MEDIUM",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "LIGHT",
    },
    defaults={
        "account_default": False,
        "business_hour_description": "",
        "timezone": "America/New_York",
        "hours": {"hour_type": 1},
    },
    computed={"queues_count": _const(0), "flows_count": _const(0)},
    hooks=Hooks(
        merge=_business_hours_merge,
        before_delete=_refuse_deleting_default(
            ErrorDef(400, 3612, "The business hours of account default cannot be deleted.")
        ),
        after_write=_single_account_default,
    ),
)

# --------------------------------------------------------------------------------------
# Closure sets: /contact_center/closures (list key closure_sets, id closure_set_id)
# Oddities mirrored: items get a short closure_id ("ksbJvJ"); PATCH is a delta on the
# items (an item with closure_id is merged or removed with to_delete, items without one
# are added, items not mentioned stay); PATCH requires name, closures and timezone; the
# list leaves out closure_set_description; GET's not-found message says "Closures set".
# The create example spans two months with a monthly recurrence, which 3706 would reject,
# so the same-year/month/week checks (3705-3707) are not enforced.

_CLOSURE_ITEM: Final = {
    "closure_hour_type": I(1, 2),
    "closure_name": S(),
    "end_time": S(),
    "recurring_frequency": I(0, 1, 2, 3),
    "start_time": S(),
    "recurring_days_of_week": A,
    "recurring_frequency_type": I(1, 2),
    "recurring_month": I(*range(1, 13)),
    "recurring_week_interval": I(),
}
_CLOSURE_ITEM_REQUIRED: Final = (
    "closure_hour_type",
    "closure_name",
    "end_time",
    "recurring_frequency",
    "start_time",
)
_CLOSURE_PATCH_ITEM: Final = {**_CLOSURE_ITEM, "closure_id": S(), "to_delete": B}
_NEW_ITEM_ERRORS: Final = {
    "closure_hour_type": ErrorDef(
        400, 3903, "The `hour_type` field cannot be empty when the `closure_id` field is empty."
    ),
    "closure_name": ErrorDef(
        400,
        3904,
        "The `closure_name` field cannot be empty when the `closure_id` field is empty.",
    ),
    "start_time": ErrorDef(
        400, 3905, "The `start_time` field cannot be empty when the `closure_id` field is empty."
    ),
    "end_time": ErrorDef(
        400, 3906, "The `end_time` field cannot be empty when the `closure_id` field is empty."
    ),
    "recurring_frequency": ErrorDef(
        400,
        3907,
        "The `recurring_frequency` field cannot be empty when the `closure_id` field is empty.",
    ),
}


def _parse_time(value: Any) -> datetime:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise validation_error("Validation failed.") from None


def _check_closure_items(items: list[Obj]) -> None:
    if not items:
        raise ErrorDef(400, 3908, "Every closure set has at least one closure item.").error()
    names: set[Any] = set()
    for item in items:
        name = item.get("closure_name")
        if name in names:
            raise ErrorDef(
                400, 3702, "The closure name has already been duplicated: {name}."
            ).error(name=name)
        names.add(name)
        start, end = _parse_time(item.get("start_time")), _parse_time(item.get("end_time"))
        try:
            ends_first = end <= start
        except TypeError:  # naive vs aware
            raise validation_error("Validation failed.") from None
        if ends_first:
            raise ErrorDef(400, 3703, "The end time should be greater than the start time.").error()
        if item.get("recurring_frequency") not in (None, 0) and not item.get(
            "recurring_frequency_type"
        ):
            raise ErrorDef(
                400,
                3704,
                "The `recurring_frequency_type` should not be empty when the "
                "`recurring_frequency` is anything other than `Never`.",
            ).error()
        days = item.get("recurring_days_of_week") or []
        if any(str(day) not in {"1", "2", "3", "4", "5", "6", "7"} for day in days):
            raise ErrorDef(
                400, 3714, "The `recurring_days_of_week` should be between `1` and `7`."
            ).error()


def _closures_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    data = {**base, **{k: v for k, v in body.items() if k != "closures"}}
    _check_timezone(data.get("timezone"))
    items: dict[str, Obj] = {}
    if ctx.op == "update":
        items = {str(item["closure_id"]): item for item in base.get("closures", [])}
    allowed = _CLOSURE_PATCH_ITEM if ctx.op == "update" else _CLOSURE_ITEM
    seen: set[str] = set()
    for raw in body.get("closures", []):
        item = _check_keys(allowed, raw, "closures")
        closure_id = item.pop("closure_id", None)
        to_delete = item.pop("to_delete", False)
        if closure_id is not None:
            if closure_id in seen:
                raise ErrorDef(
                    400, 3901, "The closure id has already been duplicated: {id}."
                ).error(id=closure_id)
            seen.add(closure_id)
            if closure_id not in items:
                raise ErrorDef(400, 3902, "Closure does not exist: {id}.").error(id=closure_id)
            if to_delete:
                del items[closure_id]
            else:
                items[closure_id] = {**items[closure_id], **item}
            continue
        if to_delete:
            continue
        for name in _CLOSURE_ITEM_REQUIRED:
            if item.get(name) is None:
                if ctx.op == "update":
                    raise _NEW_ITEM_ERRORS[name].error()
                raise validation_error(
                    f"Validation Failed. Missing required field: closures.{name}."
                )
        new = {"closure_id": new_short_id(), **item}
        items[new["closure_id"]] = new
    data["closures"] = list(items.values())
    _check_closure_items(data["closures"])
    return data


CLOSURE_SETS: Final = Collection(
    name="closure_sets",
    path="/contact_center/closures",
    id_field="closure_set_id",
    list_key="closure_sets",
    not_found=ErrorDef(404, 3701, "Closure set does not exist: {id}."),
    not_found_messages={"get": "Closures set does not exist: {id}."},
    fields={
        "closure_set_name": S(),
        "closures": A,
        "timezone": S(),
        "account_default": B,
        "closure_set_description": S(),
    },
    create_fields=(
        "closure_set_name",
        "closures",
        "timezone",
        "account_default",
        "closure_set_description",
    ),
    update_fields=(
        "closure_set_name",
        "closures",
        "timezone",
        "account_default",
        "closure_set_description",
    ),
    required_on_create=("closure_set_name", "closures", "timezone"),
    required_on_update=("closure_set_name", "closures", "timezone"),
    create_view=(
        "closure_set_id",
        "closure_set_name",
        "closure_set_description",
        "timezone",
        "account_default",
        "closures",
    ),
    get_view=(
        "closure_set_id",
        "closure_set_name",
        "closure_set_description",
        "timezone",
        "account_default",
        "closures",
    ),
    list_view=(
        "closure_set_id",
        "closure_set_name",
        "timezone",
        "account_default",
        "queues_count",
        "flows_count",
        "closures",
    ),
    rate_labels={
        "list": "MEDIUM",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "LIGHT",
    },
    defaults={"account_default": False, "closure_set_description": ""},
    computed={"queues_count": _const(0), "flows_count": _const(0)},
    natural_key="closure_set_name",
    duplicate_error=ErrorDef(400, 3603, "The name already exists."),
    hooks=Hooks(
        merge=_closures_merge,
        before_delete=_refuse_deleting_default(
            ErrorDef(400, 3713, "The closures of account default cannot be deleted.")
        ),
        after_write=_single_account_default,
    ),
)

HAND_CHECKED: Final[tuple[Collection, ...]] = (
    SKILL_CATEGORIES,
    SKILLS,
    QUEUES,
    TEAMS,
    DISPOSITIONS,
    DISPOSITION_SETS,
    BUSINESS_HOURS,
    CLOSURE_SETS,
)


def _default_collections() -> tuple[Collection, ...]:
    from zoomcc.emulator.groups import COLLECTIONS

    return HAND_CHECKED + COLLECTIONS + RELATIONS


DEFAULT_COLLECTIONS: Final[tuple[Collection, ...]] = _default_collections()
"""The collections ``zoomcc emulator`` serves, in dependency order."""
