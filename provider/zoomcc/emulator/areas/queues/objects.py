"""Skills, queues, teams, dispositions and disposition sets: derived from the API spec,
plus the behaviour the reference states in prose or error codes.

Irregularities mirrored (each with its reference line): skill categories' proficiency
levels (1502); a skill's name unique within its category; a queue's id is ``cc_queue_id``
and the create response leaves out the deprecated ``queue_id``; one overflow target at a
time; server defaults from the queue GET example; teams' duplicate names (4105);
multi-level dispositions' sub-disposition rules (2504-2515).
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Final

from zoomcc.apispec import load_api_spec
from zoomcc.apispec.server_defaults import NEW_QUEUE
from zoomcc.emulator.areas.queues.memberships import queue_teams
from zoomcc.emulator.collection import (
    OMIT,
    Collection,
    Computed,
    HookContext,
    Hooks,
    Reference,
    StoreAccess,
    new_id,
)
from zoomcc.emulator.derive import derive
from zoomcc.emulator.documented import enforce
from zoomcc.emulator.field_rules import FieldRule
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, validation_error
from zoomcc.emulator.shared_hooks import check_item, constant

# ---- skills ------------------------------------------------------------------------------
# reference line 32218: "The skill category highest proficiency level is `5`, and the lowest
# level is `1`." (1502 means "bad level" for categories but "duplicate name" for skills).
# The create example sends max_proficiency_level 25 for a text category, so 1..5 is enforced
# only for "proficiency".

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


SKILL_CATEGORIES: Final = derive(
    "/contact_center/skills/categories",
    name="skill_categories",
    defaults={"skill_category_description": "", "skill_type": "text"},
    computed={"total_agent_routing_profiles": constant(0)},
    hooks=Hooks(merge=_skill_category_merge),
)


def _from_category(name: str) -> Computed:
    """A skill shows its category's name, type and level, read live from the category."""

    def compute(store: StoreAccess, data: Obj) -> Json:
        category = store.get("skill_categories", str(data.get("skill_category_id")))
        if category is None or name not in category:
            return OMIT
        return copy.deepcopy(category[name])

    return compute


SKILLS: Final = derive(
    "/contact_center/skills",
    name="skills",
    # skill_name is required by the API spec (its errata, line 32045: "Skill name already
    # exists."); skill_category_id is not marked, but line 31975: "The skill category ID to
    # assign the skill to." and a skill lives in its category (line 32046: 404 1501).
    required_on_create=("skill_category_id", "skill_name"),
    computed={
        "skill_type": _from_category("skill_type"),
        "max_proficiency_level": _from_category("max_proficiency_level"),
        "skill_category_name": _from_category("skill_category_name"),
        "total_users": constant(0),
    },
    # reference line 32045: "Skill name already exists. You must select a different name."
    # A skill is named within its category (the list filters on skill_category_id).
    natural_key_scope=("skill_category_id",),
    references=(
        Reference(
            "skill_category_id",
            "skill_categories",
            ErrorDef(404, 1501, "Skill category does not exist: {value}."),
        ),
    ),
)

# ---- queues ------------------------------------------------------------------------------
# reference line 9395: "The task queue's identifier. **Deprecated** - use the `cc_queue_id`
# field to reference the Contact Center queue." The create example returns only cc_queue_id.
# reference line 17624: "Only one of these overflow fields can be updated each time": setting
# one overflow target clears the others.

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


def _outbound_launch_url_info(store: StoreAccess, data: Obj) -> Json:
    settings = data.get("outbound_settings")
    if isinstance(settings, dict) and "outbound_launch_url_info" in settings:
        return copy.deepcopy(settings["outbound_launch_url_info"])
    return OMIT


def _queues() -> Collection:
    derived = derive(
        "/contact_center/queues",
        name="queues",
        id_field="cc_queue_id",
        defaults=dict(NEW_QUEUE),  # the reference's GET example (apispec.server_defaults),
        generated={"queue_id": new_id},
        computed={
            "dispositions_count": constant(0),
            "disposition_sets_count": constant(0),
            "teams": queue_teams,  # the queue's team members (memberships.py)
            "agents_count": constant(0),
            "supervisors_count": constant(0),
            "outbound_launch_url_info": _outbound_launch_url_info,
        },
        hooks=Hooks(merge=_queue_merge),
    )
    fields = dict(derived.fields)
    channel = fields["channel"]
    fields["channel"] = FieldRule(
        channel.type, channel.enum, ErrorDef(400, 1205, "Invalid channel type.")
    )
    return dataclasses.replace(
        derived,
        fields=fields,
        create_view=tuple(f for f in derived.create_view if f != "queue_id"),
    )


QUEUES: Final = _queues()

# ---- teams -------------------------------------------------------------------------------
# parent_team_id is required on create but PATCH cannot change it (there is a "move"
# operation); reference line 32710: "The team name can not be duplicated."


def _parent_team_name(store: StoreAccess, data: Obj) -> Json:
    parent = store.get("teams", str(data.get("parent_team_id")))
    return OMIT if parent is None else parent.get("team_name", OMIT)


TEAMS: Final = derive(
    "/contact_center/teams",
    name="teams",
    defaults={"team_description": ""},
    computed={"parent_team_name": _parent_team_name},
)

# ---- dispositions and sets ------------------------------------------------------------------
# reference line 8171: "For `single` dispositions, this field can be ignored. For
# `multi_level` dispositions, there must be at least one subdisposition. There can be up to
# 500"; reference line 8181: "If the parent index does not exist, the node will be
# discarded." Sets take disposition_ids but show dispositions [{id, name}].

_SUB_DISPOSITION: Final = {
    "current_index": FieldRule("number"),
    "parent_index": FieldRule("number"),
    "sub_disposition_name": FieldRule("string"),
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
    if ctx.op == "update" and "disposition_type" not in body:
        # The documented rules judged the body only if it says `multi_level`; an update that
        # leaves the type out is judged as the object it makes (tiers 2509, siblings 2512).
        enforce(load_api_spec().by_id("update_a_disposition"), data)
    if len(subs) > 500:
        raise ErrorDef(
            400, 2504, "Sub dispositions total size should be less than or equal to 500."
        ).error()
    allowed = dict(_SUB_DISPOSITION)
    if ctx.op == "update":
        allowed["sub_disposition_id"] = FieldRule("string")
    indexes: set[Json] = set()
    names: set[tuple[Json, Json]] = set()
    out = []
    for sub in subs:
        if isinstance(sub, dict) and sub.get("current_index") is None:
            raise ErrorDef(400, 2514, "Sub Disposition current_index is required.").error()
        if isinstance(sub, dict) and sub.get("parent_index") is None:
            raise ErrorDef(400, 2515, "Sub Disposition parent_index is required.").error()
        item = check_item(allowed, sub, "sub_dispositions")
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


DISPOSITIONS: Final = derive(
    "/contact_center/dispositions",
    name="dispositions",
    defaults={"disposition_description": "", "disposition_type": "single", "status": "inactive"},
    computed={"queue_count": constant(0)},
    hooks=Hooks(merge=_dispositions_merge),
)


def _set_dispositions(store: StoreAccess, data: Obj) -> Json:
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


def _set_dispositions_count(store: StoreAccess, data: Obj) -> Json:
    return len(_set_dispositions(store, data))


DISPOSITION_SETS: Final = derive(
    "/contact_center/dispositions/sets",
    name="disposition_sets",
    defaults={"disposition_set_description": "", "status": "inactive", "disposition_ids": []},
    computed={
        "dispositions": _set_dispositions,
        "dispositions_count": _set_dispositions_count,
        "queues": constant([]),
        "queues_count": constant(0),
    },
    references=(
        Reference(
            "disposition_ids",
            "dispositions",
            ErrorDef(404, 2403, "Disposition does not exist: {value}."),
            many=True,
            update_error=ErrorDef(404, 2403, "Dispositions do not exist: {value}."),
        ),
    ),
)

COLLECTIONS: Final[tuple[Collection, ...]] = (
    SKILL_CATEGORIES,
    SKILLS,
    QUEUES,
    TEAMS,
    DISPOSITIONS,
    DISPOSITION_SETS,
)
