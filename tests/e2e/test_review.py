"""`zoomcc review` on real stacks: the examples as they are on disk are drawn from their
stack (exported by the CLI; tests/e2e/test_examples.py, on the stack each example deploys),
and a change to the contact center (Friday hours, a skill taken
from three agents, a queue replaced, an entry point moved to a new flow) is drawn from
`pulumi preview --json` and summed up in one line per effect.

``ZOOMCC_REVIEW_PICTURES=docs/review`` also copies the change's pictures there (the README's
and docs/review.md's examples are made so).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.stacks import (
    PASSPHRASE,
    Stacks,
    edit_program,
    working_copy,
)
from tests.unit.test_review_drawing import svg_marks
from zoomcc.emulator import ROOT_TEAM_ID

pytestmark = pytest.mark.e2e
STACK = "review"
REPLACED = f"urn:pulumi:{STACK}::zoomcc-contact-center::pulumi-python:dynamic/zoomcc:Queue::billing"
"""The preview replaces this queue (`--replace`), as a recreated queue would be."""


CHANGE = [
    (  # Fridays close an hour earlier
        '"custom_hour_ranges": [{"start_time": "09:00", "end_time": "18:00"}]',
        '"custom_hour_ranges": [{"start_time": "09:00", '
        '"end_time": "17:00" if day == 5 else "18:00"}]',
    ),
    (  # French is taken from the three agents
        'french_speakers = ("ana", "ben", "chloe")',
        "french_speakers = ()",
    ),
    ('name="Billing", channel="voice"', 'name="Billing", channel="messaging"'),
    (  # the number moves to a new flow
        "flow_id=ivr.id,",
        'flow_id=zoomcc.Flow("support-ivr-v2", name="Support IVR v2", file=flow_file, '
        "publish=True).id,",
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
    "Skill French: removed from 3 agents (ana@example.com, ben@example.com, chloe@example.com)",
]
MARKS = {
    ("node", "queue Queue Support"): "changed",
    ("node", "queue Queue Billing"): "replaced",
    ("node", "flow Flow Support IVR v2"): "added",
    ("node", "person ana@example.com"): "changed",
    ("node", "person dana@example.com"): "untouched",
    ("node", "team Team Tier 1"): "untouched",
    ("edge", "entry +1 415 555 0100->flow Flow Support IVR"): "deleted",
    ("edge", "entry +1 415 555 0100->flow Flow Support IVR v2"): "added",
    ("edge", "queue Queue Support->team Team Tier 1"): "untouched",
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


def test_a_change_is_drawn_and_each_effect_named_from_the_preview(
    stacks: Stacks, tmp_path: Path
) -> None:
    work = working_copy("contact-center", tmp_path)
    stack = stacks.project(work, STACK, {"rootTeamId": ROOT_TEAM_ID})
    stack.up()  # no destroy: the backend and the emulator's account are this test's alone
    state = tmp_path / "state.json"
    state.write_text(run(["pulumi", "stack", "export", "--stack", STACK], work, stacks.backend))
    title = ["--title", "Routing of examples/contact-center"]
    review([str(state), *title, "--out", str(tmp_path / "before")], work, stacks.backend)
    edit_program(work, CHANGE)
    preview = tmp_path / "preview.json"
    preview.write_text(
        run(
            ["pulumi", "preview", "--json", "--stack", STACK, "--replace", REPLACED],
            work,
            stacks.backend,
        )
    )
    out = tmp_path / "after"
    printed = review(
        [str(state), *title, "--preview", str(preview), "--out", str(out)], work, stacks.backend
    )
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


NEW_SKILLS = ("German", "Italian", "Spanish")
SKILLS_IN_THE_SAME_UP = [
    (
        'zoomcc.TeamAgents(\n    "tier1-agents"',
        "spoken = [\n"
        '    zoomcc.Skill(f"speaks-{n.lower()}", name=n, skill_category_id=languages.id)\n'
        f"    for n in {NEW_SKILLS!r}\n"
        "]\n"
        "zoomcc.UserSkills(\n"
        '    "skills-dana",\n'
        '    user_id=people["dana"].id,\n'
        '    skills=[{"skill_id": s.id, "max_proficiency_level": 2} for s in spoken],\n'
        ")\n"
        'zoomcc.TeamAgents(\n    "tier1-agents"',
    )
]


def test_skills_created_in_the_same_up_are_each_their_own_item_and_effect(
    stacks: Stacks, tmp_path: Path
) -> None:
    """Skills new in this update have no id in the preview: the UserSkills step still holds
    one item per skill, and the review gives each its own line, none folded into the first."""
    work = working_copy("contact-center", tmp_path)
    stack = stacks.project(work, STACK, {"rootTeamId": ROOT_TEAM_ID})
    stack.up()  # no destroy: the backend and the emulator's account are this test's alone
    state = tmp_path / "state.json"
    state.write_text(run(["pulumi", "stack", "export", "--stack", STACK], work, stacks.backend))
    edit_program(work, SKILLS_IN_THE_SAME_UP)
    preview = tmp_path / "preview.json"
    preview.write_text(run(["pulumi", "preview", "--json", "--stack", STACK], work, stacks.backend))
    out = tmp_path / "after"
    review([str(state), "--preview", str(preview), "--out", str(out)], work, stacks.backend)
    (step,) = [
        s
        for s in json.loads(preview.read_text())["steps"]
        if s.get("urn", "").endswith("UserSkills::skills-dana")
    ]
    assert len(step["newState"]["inputs"]["skills"]) == len(NEW_SKILLS)
    effects = [ln[2:] for ln in (out / "routing.md").read_text().splitlines() if ln[:2] == "- "]
    added = [e for e in effects if e.startswith("Skill ")]
    assert added == [f"Skill {n}: added to 1 agent (dana@example.com)" for n in NEW_SKILLS]
