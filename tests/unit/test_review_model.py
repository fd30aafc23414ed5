"""The routing model read from a stack's state: which nodes, which links, what each queue
shows. The state is a small one derived from a real deploy of examples/contact-center with
routing added (tests/e2e/test_review.py deploys that): the same types, URNs and fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.cases import closed_all_day
from zoomcc.review.routing import Routing
from zoomcc.review.routing_graph import build
from zoomcc.review.stack_state import UNKNOWN, read_state

URN = "urn:pulumi:dev::zoomcc-contact-center::pulumi-python:dynamic/zoomcc:"
FLOW = {
    "flow_name": "Support IVR",
    "widgets": [
        {"id": "support", "type": "RouteTo", "queue_id": "Support"},
        {"id": "billing", "type": "RouteTo", "queue_id": "Billing"},
    ],
}
WEEKDAYS_9_TO_18: dict[str, Any] = {
    "hour_type": 2,
    "custom_hours": [
        {
            "day_of_week": day,
            "custom_hour_type": 2,
            "custom_hour_ranges": [{"start_time": "09:00", "end_time": "18:00"}],
        }
        for day in range(1, 6)
    ],
}


def urn(type_name: str, name: str) -> str:
    return f"{URN}{type_name}::{name}"


def resource(type_name: str, pulumi_name: str, object_id: str, /, **values: Any) -> dict[str, Any]:
    """A resource as `pulumi stack export` writes a zoomcc object."""
    return {
        "urn": urn(type_name, pulumi_name),
        "custom": True,
        "id": object_id,
        "type": f"pulumi-python:dynamic/zoomcc:{type_name}",
        "inputs": {"__provider": "gASV", **values},
        "outputs": {"__provider": "gASV", **values},
        "propertyDependencies": {},
    }


RESOURCES = [
    {
        "urn": "urn:pulumi:dev::zoomcc-contact-center::pulumi:pulumi:Stack::x",
        "type": "pulumi:pulumi:Stack",
    },
    resource("SkillCategory", "languages", "sc1", name="Languages", skill_type="proficiency"),
    resource("Skill", "french", "sk1", name="French", skill_category_id="sc1"),
    resource(
        "AgentRoutingProfile",
        "by-language",
        "arp1",
        name="By language",
        priorities=[
            {"category_type": "skill", "skill_category_id": "sc1", "minimum_proficiency_level": 2.0}
        ],
    ),
    resource(
        "Queue",
        "support",
        "q1",
        name="Support",
        channel="voice",
        max_wait_time=300.0,
        agent_routing_profile_id="arp1",
    ),
    resource("Queue", "billing", "q2", name="Billing", channel="voice", max_wait_time=600.0),
    resource(
        "BusinessHours",
        "office-hours",
        "bh1",
        name="Office hours",
        timezone="Europe/Paris",
        hours=WEEKDAYS_9_TO_18,
    ),
    resource(
        "ClosureSet",
        "holidays",
        "cs1",
        name="Holidays",
        timezone="Europe/Paris",
        closures=[closed_all_day("Bastille Day", "2027-07-14")],
    ),
    resource("Inbox", "voicemail", "in1", name="After-hours voicemail", type="voicemail"),
    resource("Disposition", "resolved", "d1", name="Resolved"),
    resource("Disposition", "callback", "d2", name="Callback needed"),
    resource("DispositionSet", "outcomes", "ds1", name="Outcomes", disposition_ids=["d1", "d2"]),
    resource(
        "Flow",
        "support-ivr",
        "f1",
        name="Support IVR",
        channel="voice",
        status="published",
        file="support-ivr.json",
        content_hash="abc",
    ),
    resource(
        "FlowEntryPoints",
        "support-line",
        "f1",
        flow_id="f1",
        entry_points=[{"entry_id": "+14155550100", "entry_language": "en-US"}],
    ),
    resource("Team", "tier1", "t1", name="Tier 1", parent_team_id="rootTeam"),
    *[
        resource("User", f"user-{n}", f"u{i}", display_name=n, user_email=f"{n}@example.com")
        for i, n in enumerate(("ana", "ben", "chloe", "dana"), start=1)
    ],
    *[
        resource(
            "UserSkills",
            f"skills-{n}",
            f"u{i}",
            user_id=f"u{i}",
            skills=[{"skill_id": "sk1", "max_proficiency_level": 3.0}],
        )
        for i, n in enumerate(("ana", "ben", "chloe"), start=1)
    ],
    resource("TeamAgents", "tier1-agents", "t1", team_id="t1", user_ids=["u1", "u2", "u3"]),
    resource("TeamSupervisors", "tier1-leads", "t1", team_id="t1", user_ids=["u4"]),
    resource("QueueTeams", "support-teams", "q1", queue_id="q1", team_ids=["t1"]),
    resource("QueueAgents", "billing-agents", "q2", queue_id="q2", user_ids=["u3"]),
    resource(
        "QueueDispositionSets", "support-outcomes", "q1", queue_id="q1", disposition_set_ids=["ds1"]
    ),
    resource(
        "QueueOperatingHours",
        "support-hours",
        "q1",
        queue_id="q1",
        operating_hours_business_hour_id="bh1",
        operating_hours_closure_set_id="cs1",
        overflow_to_inbox_id="in1",
    ),
    resource(
        "QueueOperatingHours",
        "billing-hours",
        "q2",
        queue_id="q2",
        operating_hours_business_hour_id="bh1",
        overflow_to_queue_id="q1",
    ),
    resource(
        "OutboundCampaign",
        "spring",
        "oc1",
        name="Spring campaign",
        queue_id="q1",
        dialing_method="preview",
        status="draft",
    ),
]
STATE: dict[str, Any] = {"version": 3, "deployment": {"resources": RESOURCES}}


def step(op: str, pulumi_name: str, type_name: str, /, **inputs: Any) -> dict[str, Any]:
    """A `pulumi preview --json` step: the old state, and new inputs over the old ones."""
    old = next((r for r in RESOURCES if r.get("urn") == urn(type_name, pulumi_name)), None)
    new = {
        "urn": urn(type_name, pulumi_name),
        "type": f"pulumi-python:dynamic/zoomcc:{type_name}",
        "inputs": {**(old["inputs"] if old else {}), **inputs},
        "propertyDependencies": {},
    }
    found: dict[str, Any] = {"op": op, "urn": urn(type_name, pulumi_name)}
    if old is not None:
        found["oldState"] = old
    if op != "delete":
        found["newState"] = new
    return found


FRIDAY_17 = {
    **WEEKDAYS_9_TO_18,
    "custom_hours": [
        {**day, "custom_hour_ranges": [{"start_time": "09:00", "end_time": "17:00"}]}
        if day["day_of_week"] == 5
        else day
        for day in WEEKDAYS_9_TO_18["custom_hours"]
    ],
}
CHANGED = {
    ("BusinessHours", "office-hours"): step(
        "update", "office-hours", "BusinessHours", hours=FRIDAY_17
    ),
    **{
        ("UserSkills", f"skills-{n}"): step("delete", f"skills-{n}", "UserSkills")
        for n in ("ana", "ben", "chloe")
    },
    ("Queue", "billing"): step("replace", "billing", "Queue", channel="messaging"),
    ("Flow", "support-ivr-v2"): step(
        "create",
        "support-ivr-v2",
        "Flow",
        name="Support IVR v2",
        file="support-ivr.json",
        content_hash="abc",
    ),
}
CHANGED[("FlowEntryPoints", "support-line")] = step(
    "replace",
    "support-line",
    "FlowEntryPoints",
    flow_id=UNKNOWN,
)
CHANGED[("FlowEntryPoints", "support-line")]["newState"]["propertyDependencies"] = {
    "flow_id": [urn("Flow", "support-ivr-v2")]
}
PREVIEW = {
    "steps": [
        CHANGED.get((r["type"].rsplit(":", 1)[-1], r["urn"].rsplit("::", 1)[-1]))
        or {"op": "same", "urn": r["urn"], "oldState": r, "newState": r}
        for r in RESOURCES
    ]
    + [CHANGED[("Flow", "support-ivr-v2")]],
    "changeSummary": {"create": 1, "update": 1, "replace": 2, "delete": 3},
}


def flow_dir(tmp_path: Path) -> Path:
    (tmp_path / "support-ivr.json").write_text(json.dumps(FLOW))
    return tmp_path


def routing(tmp_path: Path) -> Routing:
    return build(read_state(STATE), [flow_dir(tmp_path)])


def titled(found: Routing) -> set[tuple[str, str, str]]:
    return {(e.kind, found.nodes[e.src].title, found.nodes[e.dst].title) for e in found.edges}


EDGES = [
    ("routes", "+1 415 555 0100", "Flow Support IVR"),
    ("routes", "Flow Support IVR", "Queue Support"),
    ("routes", "Flow Support IVR", "Queue Billing"),
    ("team", "Queue Support", "Team Tier 1"),
    ("agent", "Team Tier 1", "ana@example.com"),
    ("agent", "Team Tier 1", "chloe@example.com"),
    ("supervisor", "Team Tier 1", "dana@example.com"),
    ("agent", "Queue Billing", "chloe@example.com"),
    ("overflow", "Queue Support", "Inbox After-hours voicemail"),
    ("overflow", "Queue Billing", "Queue Support"),
    ("dials", "Campaign Spring campaign", "Queue Support"),
]


@pytest.mark.parametrize("edge", EDGES, ids=["{} {}->{}".format(*e) for e in EDGES])
def test_the_state_gives_each_link_of_the_call_path(
    edge: tuple[str, str, str], tmp_path: Path
) -> None:
    assert edge in titled(routing(tmp_path))


QUEUE_LINES = [
    ("Queue Support", "voice, waits up to 5 min"),
    ("Queue Support", "open Mon\u2013Fri 09:00\u201318:00"),
    ("Queue Support", "time zone Europe/Paris"),
    ("Queue Support", "closed 14 Jul 2027"),
    ("Queue Support", "agents by: By language (Languages ≥ 2)"),
    ("Queue Support", "outcomes: Outcomes (Resolved, Callback needed)"),
    ("Queue Billing", "voice, waits up to 10 min"),
    ("person ana@example.com", "French 3"),
]


@pytest.mark.parametrize(("title", "line"), QUEUE_LINES)
def test_a_node_shows_what_a_caller_or_agent_meets(title: str, line: str, tmp_path: Path) -> None:
    found = routing(tmp_path)
    kind, _, name = title.partition(" ") if title.startswith("person") else ("", "", title)
    (node,) = [n for n in found.nodes.values() if n.title == name and (not kind or n.kind == kind)]
    assert line in node.details


def test_a_flow_whose_file_is_not_at_hand_routes_nowhere_rather_than_guessing() -> None:
    found = build(read_state(STATE), [])
    assert not [e for e in found.edges if e.kind == "routes" and e.src.endswith("support-ivr")]


def agent_of_tier1(**user: Any) -> Routing:
    """A team with one agent whose user has these values."""
    return build(
        read_state(
            {
                "resources": [
                    resource("Team", "tier1", "t1", name="Tier 1"),
                    resource("User", "user-ana", "u1", **user),
                    resource("TeamAgents", "tier1-agents", "t1", team_id="t1", user_ids=["u1"]),
                ]
            }
        )
    )


PERSON_TITLES = {
    "a display name that says more than the email is the title": (
        {"display_name": "Ana Lopez", "user_email": "ana@example.com"},
        "Ana Lopez",
    ),
    "a display name that is only the email's local part gives way to the email": (
        {"display_name": "ana", "user_email": "ana@example.com"},
        "ana@example.com",
    ),
    "before create (display name unknown) the email": (
        {"display_name": UNKNOWN, "user_email": "ana@example.com"},
        "ana@example.com",
    ),
    "the resource's name only when the state holds neither": ({}, "user-ana"),
}


@pytest.mark.parametrize(("user", "title"), PERSON_TITLES.values(), ids=list(PERSON_TITLES))
def test_an_agent_is_named_by_display_name_or_email_not_by_resource_name(
    user: dict[str, Any], title: str
) -> None:
    (person,) = [n for n in agent_of_tier1(**user).nodes.values() if n.kind == "person"]
    assert person.title == title


def skilled(skill_type: Any, category_type: str, item: dict[str, Any]) -> tuple[str, ...]:
    """The person node's lines for one skill of a category of ``category_type``."""
    found = build(
        read_state(
            {
                "resources": [
                    resource(
                        "SkillCategory", "topics", "sc2", name="Topics", skill_type=category_type
                    ),
                    resource(
                        "Skill",
                        "billing",
                        "sk2",
                        name="Billing",
                        skill_category_id="sc2",
                        skill_type=skill_type,
                    ),
                    resource("Team", "tier1", "t1", name="Tier 1"),
                    resource("User", "user-ana", "u1", user_email="ana@example.com"),
                    resource("TeamAgents", "tier1-agents", "t1", team_id="t1", user_ids=["u1"]),
                    resource(
                        "UserSkills",
                        "skills-ana",
                        "u1",
                        user_id="u1",
                        skills=[{"skill_id": "sk2", **item}],
                    ),
                ]
            }
        )
    )
    (person,) = [n for n in found.nodes.values() if n.kind == "person"]
    return person.details


SKILL_LINES = {
    "a text skill is its name alone": ("text", "text", {}, ("Billing",)),
    "a text skill before create is known by its category": (UNKNOWN, "text", {}, ("Billing",)),
    "a proficiency skill shows the level": (
        "proficiency",
        "proficiency",
        {"max_proficiency_level": 4.0},
        ("Billing 4",),
    ),
}


@pytest.mark.parametrize(
    ("skill_type", "category_type", "item", "lines"), SKILL_LINES.values(), ids=list(SKILL_LINES)
)
def test_a_skill_shows_a_level_only_where_it_has_one(
    skill_type: Any, category_type: str, item: dict[str, Any], lines: tuple[str, ...]
) -> None:
    assert skilled(skill_type, category_type, item) == lines
