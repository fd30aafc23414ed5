"""5xx answers, dropped connections and lost responses, through the real engine: nothing is
duplicated, nothing is orphaned, an unrecoverable create fails clearly, a second up converges."""

from __future__ import annotations

from collections import Counter

import pytest
from pulumi import automation as auto

from tests.conftest import CLIENT_SECRET
from tests.e2e.stacks import Stacks
from tests.reliability.programs import expected, fleet
from tests.reliability.support import EmulatorView, state_ids
from zoomcc.dynamic.recovery import CREATE_ATTEMPTS
from zoomcc.emulator import EmulatorServer
from zoomcc.emulator.refusals import Json

pytestmark = pytest.mark.e2e

FLEET = 36
QUEUE_CREATES_REFUSED: dict[str, Json] = {
    "error_rate": 1.0,
    "error_methods": ["POST"],
    "error_path": r"/queues$",
    "error_statuses": [503],
}
"""A POST to /queues gets a 503 before the server does anything."""


def assert_no_duplicates_or_strays(view: EmulatorView, wanted: dict[tuple[str, str], int]) -> None:
    held = view.names()
    assert {k: n for k, n in held.items() if n > 1} == {}, "duplicates"
    assert set(held) <= set(wanted), f"objects nobody declared: {set(held) - set(wanted)}"


def test_5xx_and_drops_on_10_percent_of_requests(stacks: Stacks, emulator: EmulatorServer) -> None:
    emulator.state.configure(fault_seed=6, error_rate=0.05, drop_rate=0.05)
    view = EmulatorView(emulator)
    wanted = expected(FLEET, "f")
    stack = stacks.inline(fleet(FLEET, "f"), "faults")

    # One up: idempotent calls are retried, and a create whose POST failed is sent again
    # only after the lookup by name proved it was not applied.
    up = stack.up()
    assert up.summary.result == "succeeded"
    assert_no_duplicates_or_strays(view, wanted)

    assert view.names() == wanted
    assert set(state_ids(stack).values()) == view.ids()
    faults = emulator.state.fault_counts
    assert faults["error"] + faults["drop"] > 0
    # Faults are still on: a preview and a refresh see exactly what was declared.
    preview = stack.preview()
    assert preview.change_summary == {"same": FLEET + 1}
    refresh = stack.refresh()
    assert refresh.summary.resource_changes == {"same": FLEET + 1}
    print(f"\n10% faults: {len(emulator.state.requests)} requests, faults {faults}")


def test_a_create_not_applied_is_sent_again_once_proven_absent(
    stacks: Stacks, emulator: EmulatorServer
) -> None:
    # The first POST to /queues is refused; the first POST to /dispositions loses its
    # connection before the server does anything.
    emulator.state.configure(
        **QUEUE_CREATES_REFUSED,
        error_limit=1,
        drop_rate=1.0,
        drop_methods=["POST"],
        drop_path=r"/dispositions$",
        drop_limit=1,
    )
    view = EmulatorView(emulator)
    wanted = expected(12, "u")
    stack = stacks.inline(fleet(12, "u"), "resent")
    up = stack.up()
    assert up.summary.result == "succeeded"
    assert emulator.state.fault_counts == {"error": 1, "drop": 1, "lost_response": 0}
    assert view.names() == wanted  # each exactly once
    assert set(state_ids(stack).values()) == view.ids()


def test_a_create_that_keeps_failing_fails_clearly_and_the_next_up_converges(
    stacks: Stacks, emulator: EmulatorServer
) -> None:
    # Every POST to /queues is refused: each queue's create gives up after CREATE_ATTEMPTS
    # attempts.
    emulator.state.configure(**QUEUE_CREATES_REFUSED)
    view = EmulatorView(emulator)
    wanted = expected(12, "k")
    stack = stacks.inline(fleet(12, "k"), "unrecoverable")
    with pytest.raises(auto.CommandError) as failed:
        stack.up()
    message = str(failed.value)
    assert "pulumi-python:dynamic/zoomcc:Queue" in message and "HTTP 503" in message
    assert CLIENT_SECRET not in message
    refused = emulator.state.fault_counts["error"]
    # Each queue create the engine started gave up after exactly CREATE_ATTEMPTS attempts.
    assert refused >= CREATE_ATTEMPTS and refused % CREATE_ATTEMPTS == 0
    assert_no_duplicates_or_strays(view, wanted)
    assert set(state_ids(stack).values()) == view.ids()  # no orphan: state knows every object

    emulator.state.configure(error_rate=0.0)
    up = stack.up()
    assert up.summary.result == "succeeded"
    assert view.names() == wanted
    assert set(state_ids(stack).values()) == view.ids()


@pytest.mark.parametrize("mode", ["drop", "502"])
def test_lost_create_responses_are_recovered_by_natural_key(
    stacks: Stacks, emulator: EmulatorServer, mode: str
) -> None:
    # The server applies each of the first 8 creates, then the answer is lost.
    emulator.state.configure(
        lost_response_rate=1.0,
        lost_response_methods=["POST"],
        lost_response_path=r"^/v2/",  # API creates, not the (also POST) token endpoint
        lost_response_limit=8,
        lost_response_mode=mode,
    )
    view = EmulatorView(emulator)
    stack = stacks.inline(fleet(18, "l"), f"lost-{mode}")
    up = stack.up()
    assert up.summary.result == "succeeded"
    lost = [r for r in emulator.state.requests if r.fault == "lost_response"]
    assert len(lost) == 8
    assert Counter(r.applied_status for r in lost) == {201: 8}
    assert view.names() == expected(18, "l")  # no duplicate
    ids = state_ids(stack)
    assert set(ids.values()) == view.ids()  # each recovered object is recorded in state
    assert stack.preview().change_summary == {"same": 19}
