"""Every resource type in one stack through the real engine: up, no-op preview and
refresh, an in-place change of each, and destroy leaving nothing behind."""

from __future__ import annotations

import pytest

from tests.e2e.stacks import Stacks
from tests.support.cases import ALL_CASES, declare, program
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog

pytestmark = pytest.mark.e2e


def test_every_type_round_trip(stacks: Stacks, emulator: EmulatorServer, api: ZoomClient) -> None:
    # Membership and settings resources create no object: tests/provider/test_relations.py.
    assert {c.type_name for c in ALL_CASES} == {s.name for s in catalog.ALL if s.supports_import}
    declared, skipped = declare(api, emulator, [case.type_name for case in ALL_CASES])
    assert skipped == {}
    seeded = emulator.state.object_count()
    count = len(declared)
    # Types the API cannot update (create/read/delete only) have no in-place change.
    changing = sum(1 for case in ALL_CASES if case.update)

    stack = stacks.inline(program(declared, 1), "every-type")
    up = stack.up()
    assert up.summary.resource_changes == {"create": count + 1}
    assert emulator.state.object_count() == seeded + count
    assert stack.preview().change_summary == {"same": count + 1}
    assert stack.refresh().summary.resource_changes == {"same": count + 1}

    stack.workspace.program = program(declared, 2)
    up2 = stack.up()
    assert up2.summary.resource_changes == {"update": changing, "same": count - changing + 1}
    assert stack.preview().change_summary == {"same": count + 1}
    assert stack.refresh().summary.resource_changes == {"same": count + 1}

    destroy = stack.destroy()
    assert destroy.summary.resource_changes == {"delete": count + 1}
    assert emulator.state.object_count() == seeded
