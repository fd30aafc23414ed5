"""A queue's facts: its hours and closures, routing profiles, outcomes, overflow, teams."""

from __future__ import annotations

from typing import Any

from zoomcc.review import hours
from zoomcc.review.index import Index
from zoomcc.review.routing import Node, QueueFacts, Routing
from zoomcc.review.stack_state import StateObject


def add_queue(index: Index, routing: Routing, queue: StateObject) -> None:
    v, key = queue.values, queue.key
    setting = next(
        (
            s
            for s in index.of_type("QueueOperatingHours")
            if index.parent_of(s, "queue_id", "Queue") == key
        ),
        None,
    )
    week, hours_name = None, ""
    closures: tuple[str, ...] = ()
    if setting is not None and not setting.values.get("account_default_business_hour"):
        bh = index.by_key.get(
            first(index.refs(setting, "operating_hours_business_hour_id", "BusinessHours")) or ""
        )
        if bh is not None:
            week = hours.week_of(bh.values.get("hours"), str(bh.values.get("timezone") or ""))
            hours_name = index.title(bh.key)
    if setting is not None:
        cs = index.by_key.get(
            first(index.refs(setting, "operating_hours_closure_set_id", "ClosureSet")) or ""
        )
        if cs is not None:
            closures = tuple(hours.closures_words(cs.values.get("closures") or []))
        for field_name, target in (
            ("overflow_to_queue_id", "Queue"),
            ("overflow_to_flow_id", "Flow"),
            ("overflow_to_inbox_id", "Inbox"),
        ):
            routing.link(key, index.one(setting, field_name, target), "overflow")
    facts = QueueFacts(
        week=week,
        closures=closures,
        hours_name=hours_name,
        channel=str(v.get("channel") or ""),
        max_wait=_duration(v.get("max_wait_time")),
        agent_profile=_agent_profile(index, queue),
        caller_profile=_caller_profile(index, queue),
        outcomes=_outcomes(index, key),
    )
    routing.queues[key] = facts
    routing.add(Node(key, "queue", f"Queue {index.title(key)}", queue_lines(facts)))
    for team in v.get("teams") or []:
        if isinstance(team, dict) and team.get("team_id"):
            routing.link(
                key, first(index.resolve(queue, "teams", "Team", [str(team["team_id"])])), "team"
            )


def queue_lines(facts: QueueFacts) -> tuple[str, ...]:
    """The queue's facts as the lines under its name in the picture."""
    lines = [
        f"{facts.channel or 'queue'}"
        + (f", waits up to {facts.max_wait}" if facts.max_wait else "")
    ]
    if facts.week is None:
        lines.append("open account default hours")
    else:
        groups = hours.week_words(facts.week).split("; ")
        lines += [f"open {groups[0]}", *groups[1:]]
        if facts.week.timezone:
            lines.append(f"time zone {facts.week.timezone}")
    if facts.closures:
        lines.append("closed " + ", ".join(facts.closures))
    if facts.agent_profile:
        lines.append(f"agents by: {facts.agent_profile}")
    if facts.caller_profile:
        lines.append(f"callers by: {facts.caller_profile}")
    if facts.outcomes:
        lines.append("outcomes: " + ", ".join(facts.outcomes))
    return tuple(lines)


def first(keys: list[str]) -> str | None:
    return keys[0] if keys else None


def _duration(seconds: Any) -> str:
    try:
        total = int(seconds)
    except (TypeError, ValueError):
        return ""
    return f"{total // 60} min" if total >= 60 and total % 60 == 0 else f"{total} s"


def _agent_profile(index: Index, queue: StateObject) -> str:
    profile = index.by_key.get(
        index.one(queue, "agent_routing_profile_id", "AgentRoutingProfile") or ""
    )
    if profile is None:
        return ""
    rules = []
    for rule in profile.values.get("priorities") or []:
        category = index.by_key.get(
            first(
                index.resolve(
                    profile, "priorities", "SkillCategory", [str(rule.get("skill_category_id"))]
                )
            )
            or ""
        )
        name = index.title(category.key) if category else rule.get("skill_category_name") or ""
        level = rule.get("minimum_proficiency_level")
        rules.append(f"{name} ≥ {int(level)}" if name and level else str(name or rule))
    title = index.title(profile.key)
    return f"{title} ({', '.join(rules)})" if rules else title


def _caller_profile(index: Index, queue: StateObject) -> str:
    profile = index.by_key.get(
        index.one(queue, "consumer_routing_profile_id", "ConsumerRoutingProfile") or ""
    )
    if profile is None:
        return ""
    kinds = [
        str(p.get("attribute_type", "")).replace("_", " ")
        for p in profile.values.get("top_priorities") or []
        if isinstance(p, dict)
    ]
    title = index.title(profile.key)
    return f"{title} ({', '.join(kinds)})" if kinds else title


def _outcomes(index: Index, queue_key: str) -> tuple[str, ...]:
    found: list[str] = []
    for type_name, field_name, target in (
        ("QueueDispositionSets", "disposition_set_ids", "DispositionSet"),
        ("QueueDispositions", "disposition_ids", "Disposition"),
    ):
        for member in index.of_type(type_name):
            if index.parent_of(member, "queue_id", "Queue") == queue_key:
                found += [_outcome(index, k) for k in index.refs(member, field_name, target)]
    return tuple(found)


def _outcome(index: Index, key: str) -> str:
    """A disposition's name, or a set's name with its dispositions'."""
    obj = index.by_key.get(key)
    if obj is None or obj.type_name != "DispositionSet":
        return index.title(key)
    names = [index.title(k) for k in index.refs(obj, "disposition_ids", "Disposition")]
    return f"{index.title(key)} ({', '.join(names)})" if names else index.title(key)
