"""Routing profiles and queue templates (derived from the API spec).

Behaviour the reference describes beyond the field tables, mirrored here: routing-profile
priorities name existing skill categories once each (4004, 4006) and GET adds their ids,
order and names (consumer profiles' repeats, 4011 and 4014, are documented rules:
``zoomcc.apispec.rule_table``); queue templates
list their fields as ``template_*`` (``list_names``) and reject bad channels and types with
their own codes (1205, 1240).
"""

from __future__ import annotations

import dataclasses
from typing import Final

from zoomcc.apispec.server_defaults import NEW_QUEUE_TEMPLATE
from zoomcc.emulator.area import Area
from zoomcc.emulator.collection import Collection, HookContext, Hooks, new_short_id
from zoomcc.emulator.derive import derive
from zoomcc.emulator.field_rules import FieldRule
from zoomcc.emulator.refusals import ErrorDef, Obj, validation_error

# ---- routing profiles ------------------------------------------------------------------


def _agent_profile_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    data = {**base, **body}
    if "priorities" not in body:
        return data
    seen: set[str] = set()
    priorities = []
    for order, wanted in enumerate(body["priorities"] or [], start=1):
        if not isinstance(wanted, dict) or not wanted.get("category_type"):
            raise validation_error("Missing required parameter.")
        item = dict(wanted)
        category_id = item.get("skill_category_id")
        if category_id is not None:
            category = ctx.store.get("skill_categories", str(category_id))
            if category is None:
                raise ErrorDef(400, 4004, "Category doesn't exist.").error()
            if category_id in seen:
                raise ErrorDef(400, 4006, "Category is duplicated in priorities.").error()
            seen.add(category_id)
            item["skill_category_name"] = category.get("skill_category_name")
            item["skill_type"] = category.get("skill_type")
        item.setdefault("minimum_proficiency_level", 0)
        item["priority_id"] = new_short_id(10)
        item["priority_order"] = order
        priorities.append(item)
    data["priorities"] = priorities
    return data


AGENT_ROUTING_PROFILES = derive(
    "/contact_center/agent_routing_profiles",
    name="agent_routing_profiles",
    hooks=Hooks(merge=_agent_profile_merge),
)


CONSUMER_ROUTING_PROFILES = derive(
    "/contact_center/consumer_routing_profiles",
    name="consumer_routing_profiles",
)

# ---- queue templates ---------------------------------------------------------------------


def _queue_templates() -> Collection:
    derived = derive(
        "/contact_center/queue_templates",
        name="queue_templates",
        defaults={**NEW_QUEUE_TEMPLATE, "queue_template_need_attention": False},
        # reference line 16603 (the list's items): "template_need_attention (required)"; the
        # list names every queue_template_* field template_*, get and create do not.
        list_names={
            f"queue_template_{name}": f"template_{name}"
            for name in ("id", "name", "description", "status", "type", "need_attention")
        },
    )
    fields = dict(derived.fields)
    for name, code, message in (
        ("channel", 1205, "Queue channel type is invalid: {value}."),
        (
            "queue_template_type",
            1240,
            "Queue template type is invalid: {value}. Valid values: add, update.",
        ),
        (
            "queue_template_status",
            1241,
            "Queue template status is invalid: {value}. Valid values: active, inactive.",
        ),
    ):
        fields[name] = FieldRule(fields[name].type, fields[name].enum, ErrorDef(400, code, message))
    return dataclasses.replace(derived, fields=fields)


QUEUE_TEMPLATES = _queue_templates()


COLLECTIONS: tuple[Collection, ...] = (
    AGENT_ROUTING_PROFILES,
    CONSUMER_ROUTING_PROFILES,
    QUEUE_TEMPLATES,
)

AREA: Final = Area(COLLECTIONS)
"""The routing area: its collections, nothing hanging on them."""
