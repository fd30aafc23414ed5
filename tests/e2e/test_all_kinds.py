"""All 51 resource types (objects, memberships, settings) in one stack, real engine:
up, no-op preview and refresh, an update of each, no-op again, destroy."""

from __future__ import annotations

from typing import cast

import pytest

from tests.e2e.stacks import Stacks
from tests.support.cases import Declared, program
from zoomcc.apispec import load_api_spec
from zoomcc.apispec.contract import match_operation
from zoomcc.codegen import conformance
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog

pytestmark = pytest.mark.e2e


def test_every_kind_of_resource_round_trip(
    stacks: Stacks, emulator: EmulatorServer, every_kind: list[Declared]
) -> None:
    declared = every_kind
    assert {d.type_name for d in declared} == {s.name for s in catalog.ALL}
    count = len(declared)
    stack = stacks.inline(program(declared, 1), "all-kinds")

    up = stack.up()
    assert up.summary.resource_changes == {"create": count + 1}
    assert stack.preview().change_summary == {"same": count + 1}
    assert stack.refresh().summary.resource_changes == {"same": count + 1}

    stack.workspace.program = program(declared, 2)
    changing = sum(1 for d in declared if d.changed != d.inputs)
    up2 = stack.up()
    changes = cast(dict[str, int], up2.summary.resource_changes or {})
    assert changes.get("update", 0) + changes.get("replace", 0) == changing, changes
    assert stack.preview().change_summary == {"same": count + 1}
    assert stack.refresh().summary.resource_changes == {"same": count + 1}

    destroy = stack.destroy()
    assert destroy.summary.resource_changes == {"delete": count + 1}

    # Every operation the run called has its row in docs/conformance.md (from the specs).
    spec = load_api_spec()
    called = {
        op.id
        for r in emulator.state.requests
        if (op := match_operation(spec, r.method, "/" + r.path.split("/v2/", 1)[-1])) is not None
    }
    assert called - set(conformance.used_operations()) == set()
