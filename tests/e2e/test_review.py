"""`zoomcc review` on real stacks: the examples as they are on disk are drawn from their
stack (exported by the CLI), and a change to the contact center (Friday hours, a skill taken
from three agents, a queue replaced, an entry point moved to a new flow) is drawn from
`pulumi preview --json` and summed up in one line per effect.

``ZOOMCC_REVIEW_PICTURES=docs/review`` also copies the change's pictures there (the README's
and docs/review.md's examples are made so).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.stacks import (
    PASSPHRASE,
    edit_program,
    example_project,
    project_stack,
    working_copy,
)
from tests.unit.test_review_drawing import svg_marks
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain

pytestmark = pytest.mark.e2e
STACK = "review"
REPLACED = f"urn:pulumi:{STACK}::zoomcc-contact-center::pulumi-python:dynamic/zoomcc:Queue::billing"
"""The preview replaces this queue (`--replace`), as a recreated queue would be."""

ROUTING = """

# Routing: a number, a flow, queues with hours, teams, agents and their skills ---------------
import json as _json
import pathlib as _pathlib

_flow_file = _pathlib.Path(__file__).parent / "support-ivr.json"
_flow_file.write_text(_json.dumps({
    "flow_name": "Support IVR", "channel": "voice", "channel_source": "voice", "version": "2.0",
    "widgets": [
        {"id": "start", "type": "Start", "next": "menu"},
        {"id": "menu", "type": "Menu", "next": "support"},
        {"id": "support", "type": "RouteTo", "queue_id": "Support", "next": None},
        {"id": "billing", "type": "RouteTo", "queue_id": "Billing", "next": None},
    ],
}))
billing = zoomcc.Queue("billing", name="Billing", channel="voice", max_wait_time=600)
ivr = zoomcc.Flow("support-ivr", name="Support IVR", file=str(_flow_file), publish=True)
zoomcc.FlowEntryPoints(
    "support-line", flow_id=ivr.id,
    entry_points=[{"entry_id": "+14155550100", "entry_language": "en-US"}],
)
people = {
    n: zoomcc.User(f"user-{n}", user_email=f"{n}@example.com", package_name="essentials",
                   role_id=auditors.id)
    for n in ("ana", "ben", "chloe", "dana")
}
for n in ("ana", "ben", "chloe"):
    zoomcc.UserSkills(f"skills-{n}", user_id=people[n].id,
                      skills=[{"skill_id": french.id, "max_proficiency_level": 3}])
zoomcc.TeamAgents("tier1-agents", team_id=tier1.id,
                  user_ids=[people[n].id for n in ("ana", "ben", "chloe")])
zoomcc.TeamSupervisors("tier1-leads", team_id=tier1.id, user_ids=[people["dana"].id])
zoomcc.QueueTeams("support-teams", queue_id=support.id, team_ids=[tier1.id])
zoomcc.QueueSupervisors("support-supervisors", queue_id=support.id, user_ids=[people["dana"].id])
zoomcc.QueueAgents("billing-agents", queue_id=billing.id, user_ids=[people["chloe"].id])
zoomcc.QueueDispositionSets("support-outcomes", queue_id=support.id,
                            disposition_set_ids=[outcomes.id])
zoomcc.QueueOperatingHours(
    "support-hours", queue_id=support.id,
    operating_hours_business_hour_id=office_hours.id,
    operating_hours_closure_set_id=holidays.id,
    operating_hours_overflow_enabled=True,
    overflow_to_inbox_id=voicemail.id,
)
zoomcc.QueueOperatingHours(
    "billing-hours", queue_id=billing.id,
    operating_hours_business_hour_id=office_hours.id,
    operating_hours_overflow_enabled=True,
    overflow_to_queue_id=support.id,
)
zoomcc.InboxQueues("voicemail-queues", inbox_id=voicemail.id, cc_queue_ids=[support.id])
"""
"""Appended to a copy of examples/contact-center: the routing a review is about."""

CHANGE = [
    (  # Fridays close an hour earlier
        '"custom_hour_ranges": [{"start_time": "09:00", "end_time": "18:00"}]',
        '"custom_hour_ranges": [{"start_time": "09:00", '
        '"end_time": "17:00" if day == 5 else "18:00"}]',
    ),
    (  # French is taken from the three agents
        'for n in ("ana", "ben", "chloe"):\n    zoomcc.UserSkills',
        "for n in ():\n    zoomcc.UserSkills",
    ),
    ('name="Billing", channel="voice"', 'name="Billing", channel="messaging"'),
    (  # the number moves to a new flow
        '"support-line", flow_id=ivr.id',
        '"support-line", flow_id=zoomcc.Flow("support-ivr-v2", name="Support IVR v2", '
        "file=str(_flow_file), publish=True).id",
    ),
]
EFFECTS = [
    "Entry point +1 415 555 0100: now routed to Flow Support IVR v2 instead of Flow Support IVR",
    "Flow Support IVR v2: added",
    "Flow Support IVR v2: now sends callers to Queue Billing, Queue Support",
    "Queue Billing: replaced",
    "Queue Billing: closes at 17:00 instead of 18:00 on Fridays",
    "Queue Billing: now a messaging queue instead of voice",
    "Queue Support: closes at 17:00 instead of 18:00 on Fridays",
    "Skill French: removed from 3 agents (ana, ben, chloe)",
]
MARKS = {
    ("node", "queue Queue Support"): "changed",
    ("node", "queue Queue Billing"): "replaced",
    ("node", "flow Flow Support IVR v2"): "added",
    ("node", "person ana"): "changed",
    ("node", "person dana"): "untouched",
    ("node", "team Team Tier 1"): "untouched",
    ("edge", "entry +1 415 555 0100->flow Flow Support IVR"): "deleted",
    ("edge", "entry +1 415 555 0100->flow Flow Support IVR v2"): "added",
    ("edge", "queue Queue Support->team Team Tier 1"): "untouched",
}
EXAMPLE_NODES = {
    "quickstart": {"queue Queue Support", "queue Queue Chat", "team Team Tier 1"},
    "contact-center": {
        "queue Queue Support",
        "campaign Campaign Spring campaign",
        "inbox Inbox After-hours voicemail",
        "team Team Tier 1",
    },
}


def cli_env(backend: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PULUMI_BACKEND_URL": f"file://{backend}",
        "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
        "PULUMI_HOME": str(backend / ".pulumi-home"),
    }


def run(args: list[str], cwd: Path, backend: Path) -> str:
    done = subprocess.run(
        args, cwd=cwd, env=cli_env(backend), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def review(args: list[str], cwd: Path, backend: Path) -> str:
    return run([sys.executable, "-m", "zoomcc.cli", "review", *args], cwd, backend)


@pytest.mark.parametrize("name", sorted(EXAMPLE_NODES))
def test_an_example_is_drawn_from_its_stack_with_each_queue_team_inbox_and_campaign(
    name: str,
    engine: EngineToolchain,
    backend: Path,
    tmp_path: Path,
    emulator: EmulatorServer,
    stack_config: dict[str, Any],
) -> None:
    project = example_project(name)
    stack = project_stack(project, backend, {**stack_config, "rootTeamId": ROOT_TEAM_ID}, STACK)
    try:
        stack.up()
        review([STACK, "--project", str(project), "--out", str(tmp_path)], project, backend)
    finally:
        stack.destroy()
        stack.workspace.remove_stack(STACK, force=True)
        (project / f"Pulumi.{STACK}.yaml").unlink(missing_ok=True)
    drawn = {title for kind, title in svg_marks(tmp_path / "routing.svg") if kind == "node"}
    assert EXAMPLE_NODES[name] <= drawn
    assert (tmp_path / "routing.png").read_bytes().startswith(b"\x89PNG")
    assert f"## Routing of {STACK}" in (tmp_path / "routing.md").read_text()


def test_a_change_is_drawn_and_each_effect_named_from_the_preview(
    engine: EngineToolchain,
    backend: Path,
    tmp_path: Path,
    emulator: EmulatorServer,
    stack_config: dict[str, Any],
) -> None:
    work = working_copy("contact-center", tmp_path)
    main = work / "__main__.py"
    main.write_text(main.read_text() + ROUTING)
    stack = project_stack(work, backend, {**stack_config, "rootTeamId": ROOT_TEAM_ID}, STACK)
    try:
        stack.up()
        state = tmp_path / "state.json"
        state.write_text(run(["pulumi", "stack", "export", "--stack", STACK], work, backend))
        title = ["--title", "Routing of examples/contact-center"]
        review([str(state), *title, "--out", str(tmp_path / "before")], work, backend)
        edit_program(work, CHANGE)
        preview = tmp_path / "preview.json"
        preview.write_text(
            run(
                ["pulumi", "preview", "--json", "--stack", STACK, "--replace", REPLACED],
                work,
                backend,
            )
        )
        out = tmp_path / "after"
        printed = review(
            [str(state), *title, "--preview", str(preview), "--out", str(out)], work, backend
        )
    finally:
        stack.destroy()
        stack.workspace.remove_stack(STACK, force=True)
    summary = (out / "routing.md").read_text()
    assert summary.startswith("## Routing of examples/contact-center: this change")
    effects = [line[2:] for line in summary.splitlines() if line.startswith("- ")]
    assert effects[: len(EFFECTS)] == EFFECTS, summary
    assert f"{len(EFFECTS)} effects" in printed
    marks = svg_marks(out / "routing.svg")
    assert {k: marks.get(k) for k in MARKS} == MARKS
    before = svg_marks(tmp_path / "before" / "routing.svg")
    assert set(before.values()) == {"plain"}, "without a preview nothing is marked"
    assert "flow Flow Support IVR v2" not in {title for _, title in before}
    if target := os.environ.get("ZOOMCC_REVIEW_PICTURES"):
        for name, folder in (("example", tmp_path / "before"), ("change", out)):
            for suffix in ("svg", "png"):
                shutil.copy(folder / f"routing.{suffix}", Path(target) / f"{name}.{suffix}")
