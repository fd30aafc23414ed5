"""up -> no-op preview -> no-op refresh -> change every type -> up -> destroy, for real, on the
quickstart example as it is on disk (then edited, as a user would)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from tests.conftest import CLIENT_SECRET
from tests.e2e.stacks import Stacks, edit_program, working_copy
from zoomcc.client import ZoomClient
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer

pytestmark = pytest.mark.e2e

RESOURCES = 11  # what examples/quickstart declares

CHANGES = [
    # In place: SkillCategory, Queue, Disposition, DispositionSet, BusinessHours, ClosureSet, Team.
    ('description="Languages our agents speak."', 'description="Languages our agents speak well."'),
    ("max_wait_time=300,", "max_wait_time=600,"),
    ('description="Promised a call back."', 'description="Promised to call back."'),
    ('name="Call outcomes",', 'name="Outcomes",'),
    ('description="Weekdays 9 to 5."', 'description="Monday to Friday, 9 to 5."'),
    ('name="Public holidays",', 'name="Holidays",'),
    ('name="Tier 1", description="First-line agents."', 'name="Tier one", description="Agents."'),
    # A new category, and a skill moved to it: the API cannot move a skill, so it replaces.
    (
        'german = zoomcc.Skill("german", name="German", skill_category_id=languages.id)',
        'written = zoomcc.SkillCategory("written", name="Written", skill_type="text")\n'
        'german = zoomcc.Skill("german", name="German", skill_category_id=written.id)',
    ),
]
"""The user's edit of the quickstart: (old text, new text)."""


def managed_objects(emulator: EmulatorServer) -> dict[str, list[Any]]:
    """Everything in the emulator beyond what a fresh account holds."""
    return emulator.state.user_objects()


def test_every_type_through_the_engine(
    stacks: Stacks, emulator: EmulatorServer, api: ZoomClient, tmp_path: Path
) -> None:
    project = working_copy("quickstart", tmp_path)
    stack = stacks.project(project, "e2e", {"rootTeamId": ROOT_TEAM_ID})

    up = stack.up()
    assert up.summary.result == "succeeded"
    assert up.summary.resource_changes == {"create": RESOURCES + 1}
    created = managed_objects(emulator)
    assert sum(len(v) for v in created.values()) == RESOURCES

    emulator.state.clear_requests()
    preview = stack.preview()
    assert preview.change_summary == {"same": RESOURCES + 1}
    assert emulator.state.requests == []  # preview makes no API call at all

    refresh = stack.refresh()
    assert refresh.summary.resource_changes == {"same": RESOURCES + 1}
    api_calls = [r for r in emulator.state.requests if r.operation != "oauth.token"]
    # Refresh reads each resource once and writes nothing.
    assert sorted(r.method for r in api_calls) == ["GET"] * RESOURCES

    edit_program(project, CHANGES)
    up2 = stack.up()
    # SkillCategory, Queue, Team, Disposition, DispositionSet, BusinessHours, ClosureSet
    # change in place; the Skill moves to another category, which the API cannot do.
    assert up2.summary.resource_changes == {"create": 1, "update": 7, "replace": 1, "same": 4}
    german = up2.outputs["skill_ids"].value["german"]
    moved_to = api.request("GET", f"/contact_center/skills/{german}")["skill_category_id"]
    category = api.request("GET", f"/contact_center/skills/categories/{moved_to}")
    assert category["skill_category_name"] == "Written"
    assert sum(len(v) for v in managed_objects(emulator).values()) == RESOURCES + 1

    assert stack.preview().change_summary == {"same": RESOURCES + 2}

    # The state as exported and as stored: the secret only as ciphertext, no token at all.
    exported = subprocess.run(
        ["pulumi", "stack", "export", "--stack", "e2e"],
        cwd=stack.workspace.work_dir,
        env={
            **os.environ,
            **stack.workspace.env_vars,
            "PULUMI_HOME": str(stacks.backend / ".pulumi-home"),
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stored = "".join(p.read_text() for p in stacks.backend.rglob("*.json"))
    assert "zoomcc:clientSecret" in exported  # the engine keeps provider config, encrypted
    assert '"ciphertext"' in exported
    tokens = emulator.state.issued_tokens()
    assert tokens
    for text in (exported, stored):
        assert CLIENT_SECRET not in text
        for token in tokens:
            assert token not in text

    destroy = stack.destroy()
    assert destroy.summary.resource_changes == {"delete": RESOURCES + 2}
    assert managed_objects(emulator) == {}
    stack.workspace.remove_stack("e2e")


def test_bad_input_fails_at_preview_without_api_calls(
    stacks: Stacks, emulator: EmulatorServer
) -> None:
    import pulumi_zoomcc as zoomcc

    def program() -> None:
        zoomcc.Queue("bad-queue", name="Bad", channel="fax")  # type: ignore[call-overload]

    stack = stacks.inline(program, "bad")
    emulator.state.clear_requests()
    with pytest.raises(auto.CommandError) as failure:
        stack.preview()
    message = str(failure.value)
    assert "bad-queue" in message
    assert "channel" in message and "fax" in message
    assert emulator.state.requests == []
