"""The routing a configuration produces: entry points -> flows -> queues -> teams and people,
with each queue's hours, closures, routing profiles, outcomes and overflow, and the inboxes
and campaigns attached to queues. Built from one snapshot's objects; two of them (before and
after a change) are compared by ``zoomcc.review.comparison``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from zoomcc.review.index import Index, flow_queue_names, stand_in
from zoomcc.review.queues import add_queue, first
from zoomcc.review.routing import Node, Routing, phone_words, skill_words
from zoomcc.review.stack_state import UNKNOWN, StateObject

KINDS = {"Queue": "queue", "Flow": "flow", "Inbox": "inbox", "Team": "team", "User": "person"}


def build(objects: Iterable[StateObject], flow_dirs: Sequence[Path] = ()) -> Routing:
    index, routing = Index(objects), Routing()
    _people(index, routing)
    for queue in index.of_type("Queue"):
        add_queue(index, routing, queue)
    _flows(index, routing, flow_dirs)
    _members(index, routing)
    for inbox in index.of_type("Inbox"):
        routing.add(
            Node(
                inbox.key,
                "inbox",
                f"Inbox {index.title(inbox.key)}",
                (str(inbox.values.get("type") or ""),),
            )
        )
    for campaign in index.of_type("OutboundCampaign"):
        v = campaign.values
        routing.add(
            Node(
                campaign.key,
                "campaign",
                f"Campaign {index.title(campaign.key)}",
                (f"{v.get('dialing_method') or ''} dialing, {v.get('status') or ''}",),
            )
        )
        routing.link(campaign.key, index.one(campaign, "queue_id", "Queue"), "dials")
    for key in sorted({k for e in routing.edges for k in (e.src, e.dst)} - set(routing.nodes)):
        obj = index.by_key.get(key)
        kind = KINDS.get(obj.type_name if obj else key.split(":", 1)[0], "person")
        routing.add(Node(key, kind, index.title(key), _skill_lines(routing, key)))
    return routing


def _flows(index: Index, routing: Routing, flow_dirs: Sequence[Path]) -> None:
    for flow in index.of_type("Flow"):
        v = flow.values
        known = [str(v[k]) for k in ("channel", "status") if v.get(k) not in (None, "", UNKNOWN)]
        routing.add(Node(flow.key, "flow", f"Flow {index.title(flow.key)}", (", ".join(known),)))
        routing.content[flow.key] = str(v.get("content_hash") or "")
        for name in flow_queue_names(flow, flow_dirs):
            found = index.by_id.get(("Queue", name))
            routing.link(flow.key, found.key if found else None, "routes")
        for entry in v.get("entry_points") or []:
            _entry(routing, entry, flow.key)
    for points in index.of_type("FlowEntryPoints"):
        flow_key = index.parent_of(points, "flow_id", "Flow")
        for entry in points.values.get("entry_points") or []:
            _entry(routing, entry, flow_key)


def _entry(routing: Routing, entry: Any, flow_key: str | None) -> None:
    if not isinstance(entry, dict):
        return
    number = str(
        entry.get("entry_id") or entry.get("phone_number") or entry.get("entry_name") or ""
    )
    if not number or flow_key is None:
        return
    key = stand_in("entry", number)
    language = str(entry.get("entry_language") or "")
    routing.add(Node(key, "entry", phone_words(number), (language,) if language else ()))
    routing.link(key, flow_key, "routes")


MEMBERSHIPS = (
    ("QueueTeams", "queue_id", "Queue", "team_ids", "Team", "team"),
    ("QueueAgents", "queue_id", "Queue", "user_ids", "User", "agent"),
    ("QueueSupervisors", "queue_id", "Queue", "user_ids", "User", "supervisor"),
    ("TeamAgents", "team_id", "Team", "user_ids", "User", "agent"),
    ("TeamSupervisors", "team_id", "Team", "user_ids", "User", "supervisor"),
    ("InboxQueues", "inbox_id", "Inbox", "cc_queue_ids", "Queue", "inbox"),
    ("InboxUsers", "inbox_id", "Inbox", "user_ids", "User", "reads"),
)


def _members(index: Index, routing: Routing) -> None:
    for type_name, parent_field, parent_type, members, member_type, kind in MEMBERSHIPS:
        for obj in index.of_type(type_name):
            parent = index.parent_of(obj, parent_field, parent_type)
            for member in index.refs(obj, members, member_type):
                if kind == "inbox":  # a queue's messages land in the inbox
                    routing.link(member, parent, kind)
                else:
                    routing.link(parent, member, kind)
    for team in index.of_type("Team"):
        routing.add(Node(team.key, "team", f"Team {index.title(team.key)}"))


def _people(index: Index, routing: Routing) -> None:
    for obj in index.of_type("UserSkills"):
        person = index.parent_of(obj, "user_id", "User")
        if person is None:
            continue
        skills = routing.skills.setdefault(person, {})
        for skill, level in _skill_items(index, obj):
            skills[index.title(skill)] = level
    for user in index.of_type("User"):
        routing.skills.setdefault(user.key, {})


def _skill_items(index: Index, obj: StateObject) -> list[tuple[str, int | None]]:
    """(skill key, level) per item of a UserSkills. Items whose skill id is not known yet
    (skills created in the same update) are the skills the field depends on that no known
    item names, one each: the engine records those dependencies as a set, so which unknown
    item is which skill is not known, and their level is shown only when they all share it."""
    items = [i for i in obj.values.get("skills") or [] if isinstance(i, Mapping)]
    known = [i for i in items if str(i.get("skill_id")) != UNKNOWN]
    pending = [i for i in items if str(i.get("skill_id")) == UNKNOWN]
    found = [
        (skill, _level(index, skill, item))
        for item in known
        if (skill := first(index.resolve(obj, "skills", "Skill", [str(item["skill_id"])])))
    ]
    named = {skill for skill, _ in found}
    waiting = [k for k in index.resolve(obj, "skills", "Skill", [UNKNOWN]) if k not in named]
    levels = {_level(index, skill, item) for skill, item in zip(waiting, pending, strict=False)}
    shared = levels.pop() if len(levels) == 1 else None
    return found + [(skill, shared) for skill in sorted(waiting[: len(pending)])]


def _level(index: Index, skill_key: str, item: Mapping[str, Any]) -> int | None:
    """A user's proficiency in a skill; None for a text skill, known by the skill's or its
    category's type, or by the item carrying no level (reference line 31928: text skills "do
    not have assigned skill levels")."""
    skill = index.by_key.get(skill_key)
    category_key = index.one(skill, "skill_category_id", "SkillCategory") if skill else None
    category = index.by_key.get(category_key or "")
    types = [o.values.get("skill_type") for o in (skill, category) if o is not None]
    level = item.get("max_proficiency_level") or item.get("user_proficiency_level")
    return None if "text" in types or level in (None, UNKNOWN) else int(level)


def _skill_lines(routing: Routing, key: str) -> tuple[str, ...]:
    skills = routing.skills.get(key, {})
    return (
        (", ".join(skill_words(name, level) for name, level in sorted(skills.items())),)
        if skills
        else ()
    )
