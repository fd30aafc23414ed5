"""Every resource type in one stack through the real engine: up, no-op preview and
refresh, an in-place change of each, and destroy leaving nothing behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import pulumi_zoomcc as zoomcc
from tests.e2e.stacks import make_stack
from tests.support.all_cases import ALL_CASES
from tests.support.cases import resolve
from tests.support.unique import UniqueNames
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain
from zoomcc.resources import catalog

pytestmark = pytest.mark.e2e


def test_every_type_round_trip(
    engine: EngineToolchain,
    backend: Path,
    emulator: EmulatorServer,
    stack_config: dict[str, Any],
    api: ZoomClient,
) -> None:
    # Membership and settings resources create no object: tests/provider/test_relations.py.
    assert {c.type_name for c in ALL_CASES} == {s.name for s in catalog.ALL if s.supports_import}
    declared: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for n, case in enumerate(ALL_CASES):
        prereqs = case.prereq(UniqueNames(api, n)) if case.prereq else {}  # type: ignore[arg-type]
        inputs = case.inputs(prereqs)
        changed = {**inputs, **{k: resolve(v, prereqs) for k, v in case.update.items()}}
        declared.append((case.type_name, inputs, changed))
    seeded = emulator.state.object_count()
    count = len(declared)
    # Types the API cannot update (create/read/delete only) have no in-place change.
    changing = sum(1 for case in ALL_CASES if case.update)

    def program(variant: int) -> Any:
        def run() -> None:
            for n, (type_name, inputs, changed) in enumerate(declared):
                cls = getattr(zoomcc, type_name)
                cls(f"{type_name.lower()}-{n}", **(changed if variant == 2 else inputs))

        return run

    stack = make_stack(backend, program(1), stack_config, name="every-type")
    up = stack.up()
    assert up.summary.resource_changes == {"create": count + 1}
    assert emulator.state.object_count() == seeded + count
    assert stack.preview().change_summary == {"same": count + 1}
    assert stack.refresh().summary.resource_changes == {"same": count + 1}

    stack.workspace.program = program(2)
    up2 = stack.up()
    assert up2.summary.resource_changes == {"update": changing, "same": count - changing + 1}
    assert stack.preview().change_summary == {"same": count + 1}
    assert stack.refresh().summary.resource_changes == {"same": count + 1}

    destroy = stack.destroy()
    assert destroy.summary.resource_changes == {"delete": count + 1}
    assert emulator.state.object_count() == seeded
