"""Every resource type, memberships and settings included, in one stack, at 10% injected 5xx
and dropped connections: one `pulumi up` converges, nothing is duplicated, and destroy leaves
the emulator holding exactly what it held before the stack (the prerequisites)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.api_calls import declare, program, selected_types
from tests.e2e.stacks import make_stack
from tests.reliability.support import EmulatorView
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain

pytestmark = pytest.mark.e2e


def holdings(emulator: EmulatorServer) -> dict[str, set[str]]:
    """Collection -> the ids of the objects in it (membership rows included)."""
    state = emulator.state
    found: dict[str, set[str]] = {}
    for collection, objects in state.all_objects().items():
        id_field = state.store.collection(collection).id_field
        ids = {str(o.get(id_field)) for o in objects}
        if ids:
            found[collection] = ids
    return found


def test_every_kind_converges_in_one_up_at_10_percent_faults_and_destroy_leaves_nothing(
    engine: EngineToolchain,
    backend: Path,
    emulator: EmulatorServer,
    stack_config: dict[str, Any],
    api: ZoomClient,
) -> None:
    declared, skipped = declare(api, emulator, selected_types(quick=False))
    assert skipped == {}
    before = holdings(emulator)
    count = len(declared) + 1  # and one no-op resource
    stack = make_stack(backend, program(declared, 1), stack_config, name="all-kinds-faults")

    emulator.state.configure(fault_seed=11, error_rate=0.05, drop_rate=0.05)
    up = stack.up()
    assert up.summary.result == "succeeded"
    faults = emulator.state.fault_counts
    assert faults["error"] + faults["drop"] > 0
    held = EmulatorView(emulator).names()
    assert {k: n for k, n in held.items() if n > 1} == {}, "duplicates"

    emulator.state.configure(error_rate=0.0, drop_rate=0.0)
    assert stack.preview().change_summary == {"same": count + 1}
    assert stack.refresh().summary.resource_changes == {"same": count + 1}

    destroy = stack.destroy()
    assert destroy.summary.resource_changes == {"delete": count + 1}
    after = holdings(emulator)
    orphans = {c: ids - before.get(c, set()) for c, ids in after.items()}
    assert {c: ids for c, ids in orphans.items() if ids} == {}, "left behind by destroy"
    print(f"\nevery kind at 10% faults: {len(emulator.state.requests)} requests, faults {faults}")
