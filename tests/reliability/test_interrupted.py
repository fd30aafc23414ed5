"""An interrupted `pulumi up`: the provider process (or the whole CLI) is killed while
creates are in flight. Nothing is duplicated and the documented next steps converge."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from tests.e2e.stacks import Stacks
from tests.reliability.programs import expected, fleet, plan
from tests.reliability.support import (
    EmulatorView,
    Tap,
    pending_operations,
    pulumi_cli,
    start_up,
    state_ids,
    wait_for,
)
from zoomcc.emulator import EmulatorServer
from zoomcc.emulator.faults import FaultPlan

pytestmark = pytest.mark.e2e

COUNT = 12
CONFLICT = re.compile(r"(\w+) named '([^']+)' already exists in Zoom \(id ([^)]+)\)")


class Arrivals:
    """Counts API creates as they arrive (before the emulator's latency and handler)."""

    def __init__(self, emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch) -> None:
        self.posts = 0
        original = emulator.state.plan_faults

        def spy(method: str, path: str) -> FaultPlan:
            if method == "POST" and path.startswith("/v2/"):
                self.posts += 1
            return original(method, path)

        monkeypatch.setattr(emulator.state, "plan_faults", spy)


@dataclass
class InFlight:
    """An `up` of COUNT objects, slowed by the emulator's latency, with a create that has
    reached the server but not been answered."""

    stack: auto.Stack
    view: EmulatorView
    thread: threading.Thread
    outcome: dict[str, Any]
    provider: int
    """The provider process's pid (to kill)."""


def up_until_a_create_is_in_flight(
    stacks: Stacks,
    emulator: EmulatorServer,
    tap: Tap,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> InFlight:
    arrivals = Arrivals(emulator, monkeypatch)
    emulator.state.configure(latency=0.4)
    view = EmulatorView(emulator)
    stack = stacks.inline(fleet(COUNT, "k"), name)
    thread, outcome = start_up(stack)
    wait_for(lambda: bool(tap.pids), 60, "the provider process")
    wait_for(
        lambda: (
            arrivals.posts > view.requests(method="POST", operation_suffix=".create")
            and view.requests(operation_suffix=".create") >= 1
        ),
        60,
        "a create in flight",
    )
    return InFlight(stack, view, thread, outcome, tap.pids[-1])


def settle(emulator: EmulatorServer) -> None:
    """Let requests already inside the emulator finish (they are applied, unanswered)."""
    time.sleep(float(emulator.state.config.latency) + 0.5)


def adopt_conflicts(message: str) -> dict[str, str]:
    """resource name -> id for every "already exists ... (id X)" in ``message``."""
    by_object = {name: rname for _, name, rname in plan(COUNT, "k")}
    return {by_object[name]: oid for _, name, oid in CONFLICT.findall(message)}


def converge(stack: auto.Stack, view: EmulatorView, orphans: set[str]) -> dict[str, str]:
    """The documented next step. By default `up` refuses, by name and with their ids, the
    objects made but never recorded (never a silent takeover); with
    `zoomcc:adoptExisting matching` it adopts those whose every declared value matches."""
    if not orphans:  # the kill landed before the emulator read the create's body, which it
        # then never applied (it reads the body after its latency): nothing to refuse
        assert stack.up().summary.result == "succeeded"
        assert view.names() == expected(COUNT, "k")
        assert set(state_ids(stack).values()) == view.ids()
        return {}
    with pytest.raises(auto.CommandError) as refused:
        stack.up(continue_on_error=True)
    named = adopt_conflicts(str(refused.value))
    assert set(named.values()) == orphans  # refused exactly the unrecorded objects
    assert max(view.names().values()) == 1

    stack.set_config("zoomcc:adoptExisting", auto.ConfigValue(value="matching"))
    up = stack.up()
    assert up.summary.result == "succeeded"
    assert view.names() == expected(COUNT, "k")  # no duplicate, nothing missing
    assert set(state_ids(stack).values()) == view.ids()  # no orphan
    assert orphans <= set(state_ids(stack).values())  # the unrecorded ones were adopted
    assert stack.preview().change_summary == {"same": COUNT + 1}
    return named


def test_provider_killed_mid_run_then_next_up_converges(
    stacks: Stacks, emulator: EmulatorServer, tap: Tap, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = up_until_a_create_is_in_flight(stacks, emulator, tap, monkeypatch, "provider-killed")
    stack, view, outcome = run.stack, run.view, run.outcome
    os.kill(run.provider, signal.SIGKILL)
    run.thread.join(timeout=120)
    assert "error" in outcome
    died = ("error reading from server: EOF", "connection reset by peer")  # as timing has it
    assert any(words in str(outcome["error"]) for words in died), outcome["error"]
    settle(emulator)
    # The engine saw the provider die and recorded the in-flight creates as failed, so the
    # state has no pending operation; the objects the server applied are simply unknown.
    assert pending_operations(stack) == []
    orphans = view.ids() - set(state_ids(stack).values())
    assert max(view.names().values()) == 1

    emulator.state.configure(latency=0.0)
    converge(stack, view, orphans)


def test_cli_killed_mid_run_then_clear_pending_and_converge(
    stacks: Stacks, emulator: EmulatorServer, tap: Tap, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = up_until_a_create_is_in_flight(stacks, emulator, tap, monkeypatch, "cli-killed")
    stack, view = run.stack, run.view
    cli = int(Path(f"/proc/{run.provider}/stat").read_text().rsplit(")", 1)[1].split()[1])
    os.kill(cli, signal.SIGKILL)  # the engine dies first: nothing records the outcome
    os.kill(run.provider, signal.SIGKILL)  # an orphaned provider would wait forever
    run.thread.join(timeout=120)
    assert "error" in run.outcome
    settle(emulator)
    emulator.state.configure(latency=0.0)
    # The dead CLI's creates are pending in the state, and its lock is still held.
    pending = pending_operations(stack)
    assert pending and {p["type"] for p in pending} == {"creating"}
    orphans = view.ids() - set(state_ids(stack).values())
    locked = pulumi_cli(stack, stacks.backend, "up", "--yes")
    assert locked.returncode != 0 and "pulumi cancel" in locked.stderr
    # What the engine needs: `pulumi cancel` releases the lock (file backend included) ...
    cancel = pulumi_cli(stack, stacks.backend, "cancel", "--yes")
    assert cancel.returncode == 0, cancel.stderr
    # A plain refresh keeps pending creates; --clear-pending-creates forgets them (the
    # objects they may have made are found by name below). `up` alone would drop them too.
    kept = pulumi_cli(stack, stacks.backend, "refresh", "--yes")
    assert kept.returncode == 0 and len(pending_operations(stack)) == len(pending)
    cleared = pulumi_cli(stack, stacks.backend, "refresh", "--yes", "--clear-pending-creates")
    assert cleared.returncode == 0, cleared.stderr
    assert pending_operations(stack) == []
    # Then `up`: objects made but never recorded are refused by name, with their ids,
    # until adopted.
    converge(stack, view, orphans)
    assert pending_operations(stack) == []
