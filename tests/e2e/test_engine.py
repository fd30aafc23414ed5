"""up -> no-op preview -> no-op refresh -> change every type -> up -> destroy, for real."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from tests.conftest import CLIENT_SECRET
from tests.e2e.stacks import every_type_program, make_stack
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain

pytestmark = pytest.mark.e2e

RESOURCES = 9  # see every_type_program


def root_team_id(api: ZoomClient) -> str:
    teams = list(api.paginate("/contact_center/teams", items_key="teams"))
    return str(next(t for t in teams if not t.get("parent_team_id"))["team_id"])


def managed_objects(emulator: EmulatorServer, root_team: str) -> dict[str, list[Any]]:
    """Everything in the emulator except the account's own root team."""
    found = {}
    for collection, objects in emulator.state.all_objects().items():
        kept = [o for o in objects if root_team not in json.dumps(o) or o.get("parent_team_id")]
        kept = [o for o in kept if o.get("team_id") != root_team]
        if kept:
            found[collection] = kept
    return found


def test_every_type_through_the_engine(
    engine: EngineToolchain,
    backend: Path,
    emulator: EmulatorServer,
    stack_config: dict[str, Any],
    api: ZoomClient,
) -> None:
    root = root_team_id(api)
    stack = make_stack(backend, every_type_program(root, 1), stack_config)

    up = stack.up()
    assert up.summary.result == "succeeded"
    assert up.summary.resource_changes == {"create": RESOURCES + 1}
    created = managed_objects(emulator, root)
    assert sum(len(v) for v in created.values()) == RESOURCES

    emulator.state.clear_requests()
    preview = stack.preview()
    assert preview.change_summary == {"same": RESOURCES + 1}
    assert emulator.state.requests == []  # preview makes no API call at all

    refresh = stack.refresh()
    assert refresh.summary.resource_changes == {"same": RESOURCES + 1}
    assert all(r.method == "GET" for r in emulator.state.requests)

    stack.workspace.program = every_type_program(root, 2)
    up2 = stack.up()
    # SkillCategory, Queue, Team, Disposition, DispositionSet, BusinessHours, ClosureSet
    # change in place; the Skill moves to another category, which the API cannot do.
    assert up2.summary.resource_changes == {"update": 7, "replace": 1, "same": 2}
    assert up2.outputs["skill_category_id"].value == up2.outputs["cat_b"].value
    assert sum(len(v) for v in managed_objects(emulator, root).values()) == RESOURCES

    assert stack.preview().change_summary == {"same": RESOURCES + 1}

    state = json.dumps(stack.export_stack().deployment)
    assert CLIENT_SECRET not in state
    for token in emulator.state.issued_tokens():
        assert token not in state

    destroy = stack.destroy()
    assert destroy.summary.resource_changes == {"delete": RESOURCES + 1}
    assert managed_objects(emulator, root) == {}
    stack.workspace.remove_stack("e2e")


def test_bad_input_fails_at_preview_without_api_calls(
    engine: EngineToolchain,
    backend: Path,
    emulator: EmulatorServer,
    stack_config: dict[str, Any],
) -> None:
    import pulumi_zoomcc as zoomcc

    def program() -> None:
        zoomcc.Queue("bad-queue", name="Bad", channel="fax")

    stack = make_stack(backend, program, stack_config, name="bad")
    emulator.state.clear_requests()
    with pytest.raises(auto.CommandError) as failure:
        stack.preview()
    message = str(failure.value)
    assert "bad-queue" in message
    assert "channel" in message and "fax" in message
    assert emulator.state.requests == []
