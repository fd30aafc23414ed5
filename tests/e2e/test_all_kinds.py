"""All 51 resource types (objects, memberships, settings) in one stack, real engine:
up, no-op preview and refresh, an update of each, no-op again, destroy leaving nothing behind.

(This stack also holds what tests/e2e/test_every_type.py checked on a stack of the object
types alone, the same engine path on less data: each object type made and removed in the
emulator, and changed in place, never replaced.)"""

from __future__ import annotations

from collections import defaultdict
from typing import cast

import pytest
from pulumi import automation as auto

from tests.e2e.stacks import Stacks
from tests.support.cases import ALL_CASES, OBJECTS, Declared, program
from zoomcc.apispec import load_api_spec
from zoomcc.apispec.contract import match_operation
from zoomcc.codegen import conformance
from zoomcc.emulator import EmulatorServer
from zoomcc.emulator.membership import STAND_INS
from zoomcc.resources import catalog

pytestmark = pytest.mark.e2e


class Steps:
    """The engine's steps of one operation, per resource name (``on_event`` of an ``up``)."""

    def __init__(self) -> None:
        self.ops: defaultdict[str, set[str]] = defaultdict(set)

    def __call__(self, event: auto.EngineEvent) -> None:
        if event.resource_pre_event is not None:
            step = event.resource_pre_event.metadata
            self.ops[step.urn.rsplit("::", 1)[-1]].add(step.op.value)


def objects_held(emulator: EmulatorServer) -> int:
    """Objects in the emulator beyond a fresh account's, but for the placeholders it keeps for
    parents it does not model (a DNC list a membership adds numbers to)."""
    held = emulator.state.user_objects()
    return sum(len(objects) for name, objects in held.items() if name != STAND_INS)


def test_every_kind_of_resource_round_trip(
    stacks: Stacks, emulator: EmulatorServer, every_kind: list[Declared]
) -> None:
    declared = every_kind
    assert {d.type_name for d in declared} == {s.name for s in catalog.ALL}
    # Membership and settings resources create no object: tests/provider/test_relations.py.
    assert {c.type_name for c in ALL_CASES} == {s.name for s in catalog.ALL if s.supports_import}
    objects = [d for d in declared if d.type_name in OBJECTS]
    assert len(objects) == len(ALL_CASES)
    seeded = objects_held(emulator)
    count = len(declared)
    stack = stacks.inline(program(declared, 1), "all-kinds")

    up = stack.up()
    assert up.summary.resource_changes == {"create": count + 1}
    assert objects_held(emulator) == seeded + len(objects)
    assert stack.preview().change_summary == {"same": count + 1}
    assert stack.refresh().summary.resource_changes == {"same": count + 1}

    stack.workspace.program = program(declared, 2)
    changing = sum(1 for d in declared if d.changed != d.inputs)
    steps = Steps()
    up2 = stack.up(on_event=steps)
    changes = cast(dict[str, int], up2.summary.resource_changes or {})
    assert changes.get("update", 0) + changes.get("replace", 0) == changing, changes
    # Every object type the API can update changes in place; the others (create/read/delete
    # only) are left as they are.
    expected = {d.name: {"update" if OBJECTS[d.type_name].update else "same"} for d in objects}
    assert {d.name: steps.ops[d.name] for d in objects} == expected
    assert stack.preview().change_summary == {"same": count + 1}
    assert stack.refresh().summary.resource_changes == {"same": count + 1}

    destroy = stack.destroy()
    assert destroy.summary.resource_changes == {"delete": count + 1}
    assert objects_held(emulator) == seeded

    # Every operation the run called has its row in docs/conformance.md (from the specs).
    spec = load_api_spec()
    called = {
        op.id
        for r in emulator.state.requests
        if (op := match_operation(spec, r.method, "/" + r.path.split("/v2/", 1)[-1])) is not None
    }
    assert called - set(conformance.used_operations()) == set()
