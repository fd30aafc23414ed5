"""Every resource type, memberships and settings included, in one stack, at 10% injected 5xx
and dropped connections: one `pulumi up` converges, nothing is duplicated, and destroy leaves
the emulator holding exactly what it held before the stack (the prerequisites)."""

from __future__ import annotations

import json

import pytest

from tests.e2e.stacks import Stacks
from tests.reliability.support import EmulatorView
from tests.support.cases import Declared, program
from zoomcc.emulator import EmulatorServer
from zoomcc.emulator.membership import PRIVATE_KEY

pytestmark = pytest.mark.e2e

STAND_INS = "stand_in_parents"
"""The emulator's placeholders for parents it does not model (a DNC list, a flow)."""


UNRESTORED = frozenset({"opt_in_out_status"})
"""Member fields a destroy documentedly leaves as they are: UserQueueOptIn cannot restore an
agent's earlier choice (the API cannot read it back; see docs/resources/user_queue_opt_in.md)."""


def member_key(member: object) -> str:
    shown = (
        {k: v for k, v in member.items() if k not in UNRESTORED}
        if isinstance(member, dict)
        else member
    )
    return json.dumps(shown, sort_keys=True)


def holdings(emulator: EmulatorServer) -> set[str]:
    """Every object (``collection/id``) and every member it keeps (``.../key/member``):
    a member the stack added to a prerequisite (a team, a DNC list) counts as much as an
    object. Placeholders the emulator keeps for parents it does not model (a DNC list) count
    only by their members."""
    state = emulator.state
    found: set[str] = set()
    with state.lock:
        for collection in state.store.collections:
            id_field = state.store.collection(collection).id_field
            for data in state.store.items(collection):
                where = f"{collection}/{data.get(id_field)}"
                if collection != STAND_INS:
                    found.add(where)
                for key, members in (data.get(PRIVATE_KEY) or {}).items():
                    # Lists are members; a dict is a parent's settings, which a destroy
                    # restores rather than removes (tests/provider/test_relations.py).
                    if isinstance(members, list):
                        found |= {f"{where}/{key}/{member_key(m)}" for m in members}
    return found


def test_every_kind_converges_in_one_up_at_10_percent_faults_and_destroy_leaves_nothing(
    stacks: Stacks, emulator: EmulatorServer, every_kind: list[Declared]
) -> None:
    declared = every_kind
    before = holdings(emulator)
    count = len(declared)
    stack = stacks.inline(program(declared, 1), "all-kinds-faults")

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
    assert sorted(holdings(emulator) - before) == [], "left behind by destroy"
    print(f"\nevery kind at 10% faults: {len(emulator.state.requests)} requests, faults {faults}")
