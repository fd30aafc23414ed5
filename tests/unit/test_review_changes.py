"""What a change does, in one line per effect a caller or an agent would notice: each case is
a few preview steps over the fixture state and the lines they must give (all of them, in
order)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_review_model import (
    CHANGED,
    FRIDAY_17,
    RESOURCES,
    STATE,
    flow_dir,
    step,
    urn,
)
from zoomcc.review import make_review
from zoomcc.review.stack_state import UNKNOWN, read_state
from zoomcc.review.summary import markdown

Steps = dict[tuple[str, str], dict[str, Any]]


def not_known_until_apply(
    found: dict[str, Any], field: str, type_name: str, name: str
) -> dict[str, Any]:
    """The step with ``field`` unknown (it points at an object being replaced), as the
    engine writes it: the sentinel, and the object in ``propertyDependencies``."""
    found["newState"]["inputs"][field] = UNKNOWN
    found["newState"]["propertyDependencies"] = {field: [urn(type_name, name)]}
    return found


def preview(changes: Steps) -> dict[str, Any]:
    steps = [
        changes.pop(
            (r["type"].rsplit(":", 1)[-1], r["urn"].rsplit("::", 1)[-1]),
            {"op": "same", "urn": r["urn"], "oldState": r, "newState": r},
        )
        for r in RESOURCES
    ]
    return {"steps": steps + list(changes.values())}


CHRISTMAS = {
    "closure_name": "Christmas",
    "closure_hour_type": 1,
    "start_time": "2027-12-25T00:00:00Z",
    "end_time": "2027-12-26T00:00:00Z",
    "recurring_frequency": 1,
}
CASES: list[tuple[str, Steps, list[str]]] = [
    (
        "friday-hours",
        {("BusinessHours", "office-hours"): CHANGED[("BusinessHours", "office-hours")]},
        [
            "Queue Billing: closes at 17:00 instead of 18:00 on Fridays",
            "Queue Support: closes at 17:00 instead of 18:00 on Fridays",
        ],
    ),
    (
        "skill-removed",
        {k: v for k, v in CHANGED.items() if k[0] == "UserSkills"},
        [
            "Skill French: removed from 3 agents "
            "(ana@example.com, ben@example.com, chloe@example.com)"
        ],
    ),
    (
        "queue-replaced",
        {("Queue", "billing"): step("replace", "billing", "Queue")},
        ["Queue Billing: replaced"],
    ),
    (
        "number-moved-to-a-new-flow",
        {k: v for k, v in CHANGED.items() if k[0] in ("Flow", "FlowEntryPoints")},
        [
            "Entry point +1 415 555 0100: now routed to Flow Support IVR v2 "
            "instead of Flow Support IVR",
            "Flow Support IVR v2: added",
            "Flow Support IVR v2: now sends callers to Queue Billing, Queue Support",
        ],
    ),
    (
        "closure-added",
        {
            ("ClosureSet", "holidays"): step(
                "update",
                "holidays",
                "ClosureSet",
                closures=[*RESOURCES[7]["inputs"]["closures"], CHRISTMAS],
            )
        },
        ["Queue Support: now also closed 25 Dec every year"],
    ),
    (
        "agent-joins-a-team",
        {
            ("TeamAgents", "tier1-agents"): step(
                "update", "tier1-agents", "TeamAgents", user_ids=["u1", "u2", "u3", "u4"]
            )
        },
        ["Team Tier 1: dana@example.com now takes its calls"],
    ),
    (
        "overflow-moves",
        {
            ("QueueOperatingHours", "billing-hours"): step(
                "update",
                "billing-hours",
                "QueueOperatingHours",
                overflow_to_queue_id=None,
                overflow_to_inbox_id="in1",
            )
        },
        [
            "Queue Billing: when unavailable, calls now go to Inbox After-hours voicemail "
            "instead of Queue Support"
        ],
    ),
    (
        "queue-deleted",
        {
            ("Queue", "billing"): step("delete", "billing", "Queue"),
            ("QueueAgents", "billing-agents"): step("delete", "billing-agents", "QueueAgents"),
        },
        ["Flow Support IVR: no longer sends callers to Queue Billing", "Queue Billing: removed"],
    ),
    (
        "longer-wait",
        {("Queue", "support"): step("update", "support", "Queue", max_wait_time=600.0)},
        ["Queue Support: callers now wait up to 10 min instead of 5 min"],
    ),
    (
        "friday-hours-and-a-queue-replaced-with-its-settings",
        {
            ("BusinessHours", "office-hours"): step(
                "update", "office-hours", "BusinessHours", hours=FRIDAY_17
            ),
            ("Queue", "billing"): step("replace", "billing", "Queue"),
            ("QueueOperatingHours", "billing-hours"): not_known_until_apply(
                step("replace", "billing-hours", "QueueOperatingHours"),
                "queue_id",
                "Queue",
                "billing",
            ),
        },
        [
            "Queue Billing: replaced",
            "Queue Billing: closes at 17:00 instead of 18:00 on Fridays",
            "Queue Support: closes at 17:00 instead of 18:00 on Fridays",
        ],
    ),
    ("nothing", {}, []),
]


@pytest.mark.parametrize(("changes", "effects"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_change_is_summed_up_in_one_line_per_effect(
    changes: Steps, effects: list[str], tmp_path: Path
) -> None:
    review = make_review(read_state(STATE), preview(dict(changes)), [flow_dir(tmp_path)])
    assert review.effects == effects
    text = markdown(review, "Routing", "routing.png")
    assert [f"- {e}" for e in effects] == [ln for ln in text.splitlines() if ln[2:] in effects]
    if not effects:
        assert "No effect a caller or an agent would notice" in text


def with_old_wait(resources: list[dict[str, Any]], old_wait: str) -> list[dict[str, Any]]:
    """The fixture with queue Support's wait of 5 min set by the program (``program``: in its
    inputs and outputs), filled in by the API (``api``: in its outputs only) or not at all
    (``none``)."""
    found = []
    for r in resources:
        if r.get("urn") == urn("Queue", "support") and old_wait != "program":
            inputs = {k: v for k, v in r["inputs"].items() if k != "max_wait_time"}
            outputs = r["outputs"] if old_wait == "api" else inputs
            r = {**r, "inputs": inputs, "outputs": outputs}
        found.append(r)
    return found


def queue_step(resources: list[dict[str, Any]], **inputs: Any) -> dict[str, Any]:
    """An update of queue Support over ``resources``: its old state, the new inputs given."""
    old = next(r for r in resources if r.get("urn") == urn("Queue", "support"))
    new_inputs = {"__provider": "gASV", "name": "Support", "channel": "voice", **inputs}
    return {
        "op": "update",
        "urn": old["urn"],
        "oldState": old,
        "newState": {**old, "inputs": {**new_inputs, "agent_routing_profile_id": "arp1"}},
    }


WAIT_CASES: list[tuple[str, str, dict[str, Any], list[str]]] = [
    ("a-description-leaves-a-wait-the-api-filled-in-alone", "api", {"description": "T1"}, []),
    ("a-description-leaves-no-wait-alone", "none", {"description": "T1"}, []),
    ("restating-the-wait-the-program-set-changes-nothing", "program", {"max_wait_time": 300.0}, []),
    (
        "a-wait-the-program-no-longer-sets-is-said-to-be-no-longer-set",
        "program",
        {"description": "T1"},
        ["Queue Support: callers' maximum wait (5 min) is no longer set"],
    ),
    (
        "a-wait-set-over-the-api-s-is-compared-with-it",
        "api",
        {"max_wait_time": 120.0},
        ["Queue Support: callers now wait up to 2 min instead of 5 min"],
    ),
    (
        "a-wait-set-where-there-was-none-is-said-to-be-new",
        "none",
        {"max_wait_time": 120.0},
        ["Queue Support: callers now wait up to 2 min (no maximum wait before)"],
    ),
]


@pytest.mark.parametrize(
    ("old_wait", "inputs", "effects"), [c[1:] for c in WAIT_CASES], ids=[c[0] for c in WAIT_CASES]
)
def test_a_queue_change_speaks_of_waits_only_when_the_wait_changes(
    old_wait: str, inputs: dict[str, Any], effects: list[str], tmp_path: Path
) -> None:
    resources = with_old_wait(RESOURCES, old_wait)
    state = {"version": 3, "deployment": {"resources": resources}}
    steps = [
        queue_step(resources, **inputs)
        if r.get("urn") == urn("Queue", "support")
        else {"op": "same", "urn": r["urn"], "oldState": r, "newState": r}
        for r in resources
    ]
    review = make_review(read_state(state), {"steps": steps}, [flow_dir(tmp_path)])
    assert review.effects == effects


NEW_SKILLS = ("German", "Italian", "Spanish")


def skills_created_in_the_same_up(levels: tuple[float, ...]) -> dict[str, Any]:
    """A preview creating three skills and giving dana all three: the skills' ids are not
    known yet, so each item's ``skill_id`` is the engine's unknown and the field's
    ``propertyDependencies`` list the three skills (in the engine's order, not the program's)."""
    created = [
        step("create", name.lower(), "Skill", name=name, skill_category_id="sc1")
        for name in NEW_SKILLS
    ]
    items = [{"skill_id": UNKNOWN, "max_proficiency_level": level} for level in levels]
    skills = step("create", "skills-dana", "UserSkills", user_id="u4", skills=items)
    skills["newState"]["propertyDependencies"] = {
        "skills": [urn("Skill", name.lower()) for name in reversed(NEW_SKILLS)]
    }
    return preview({**{("Skill", s["urn"]): s for s in created}, ("UserSkills", "dana"): skills})


@pytest.mark.parametrize(
    ("levels", "effects"),
    [
        pytest.param(
            (2.0, 2.0, 2.0),
            [f"Skill {name}: added to 1 agent (dana@example.com)" for name in NEW_SKILLS],
            id="each-item-keeps-its-own-skill-and-their-one-level",
        ),
        pytest.param(
            (4.0, 2.0, 1.0),
            [f"Skill {name}: added to 1 agent (dana@example.com)" for name in NEW_SKILLS],
            id="each-item-keeps-its-own-skill-no-level-guessed",
        ),
    ],
)
def test_skills_whose_ids_are_unknown_are_each_their_own_skill(
    levels: tuple[float, ...], effects: list[str], tmp_path: Path
) -> None:
    review = make_review(
        read_state(STATE), skills_created_in_the_same_up(levels), [flow_dir(tmp_path)]
    )
    assert review.effects == effects
    dana = next(n for n in review.routing.nodes.values() if n.title == "dana@example.com")
    shown = "" if len(set(levels)) > 1 else " 2"
    assert dana.details == (", ".join(f"+ {name}{shown}" for name in NEW_SKILLS),)
