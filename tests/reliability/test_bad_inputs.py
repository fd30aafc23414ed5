"""Bad input fails at preview through the real engine: every bad resource and field named,
and not one request reaches the API (not even for a token)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pulumi import automation as auto

import pulumi_zoomcc as zoomcc
from tests.e2e.stacks import Stacks
from tests.reliability.support import EmulatorView
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer

pytestmark = pytest.mark.e2e

# (resource name, constructor, the property the engine must name, what the reason must say)
BadCase = tuple[str, Callable[[str], Any], str, str]

CASES: list[BadCase] = [
    (
        "unknown-enum",
        lambda n: zoomcc.Queue(n, name="Q", channel="fax"),  # type: ignore[call-overload]  # wrong on purpose
        "channel",
        "'fax'",
    ),
    (
        "wrong-type",
        lambda n: zoomcc.Queue(n, name="Q2", max_wait_time="long"),  # type: ignore[call-overload]  # wrong on purpose
        "max_wait_time",
        "valid integer",
    ),
    (
        "not-whole",
        lambda n: zoomcc.SkillCategory(
            n,
            name="C",
            skill_type="proficiency",
            max_proficiency_level=2.5,  # type: ignore[call-overload]  # wrong on purpose
        ),
        "max_proficiency_level",
        "valid integer",
    ),
    (
        "missing-required",
        # e.g. `timezone=config.get("tz")` with the key unset
        lambda n: zoomcc.ClosureSet(n, name="Holidays", closures=[], timezone=None),  # type: ignore[call-overload]  # wrong on purpose
        "timezone",
        "required",
    ),
    (
        "nameless",  # issue 22: it used to preview fine and fail half-way through `up`
        lambda n: zoomcc.Skill(n, skill_category_id="c1"),  # type: ignore[call-overload]  # wrong on purpose
        "name",
        "required to create one (or set import_id",
    ),
    (
        "unknown-argument",
        # The typed SDK refuses it in Python, before the engine sees the resource.
        lambda n: zoomcc.Skill(n, name="S", nickname="x"),  # type: ignore[call-overload]  # wrong on purpose
        "",
        "Skill.__init__() got an unexpected keyword argument 'nickname'",
    ),
    (
        "nested-enum",
        lambda n: zoomcc.BusinessHours(n, name="B", hours={"hour_type": 9}),  # type: ignore[call-overload]  # wrong on purpose
        "hours",
        "hours.hour_type",
    ),
    (
        "nested-missing",
        lambda n: zoomcc.ClosureSet(n, name="C", timezone="UTC", closures=[{"closure_name": "x"}]),  # type: ignore[list-item]  # wrong on purpose
        "closures",
        "closures.0.",
    ),
    (
        "documented-rule",
        # A recurring closure without its recurrence type: Zoom answers 3704 at `up`.
        lambda n: zoomcc.ClosureSet(
            n,
            name="Holidays",
            timezone="UTC",
            closures=[
                {
                    "closure_name": "New Year",
                    "closure_hour_type": 1,
                    "start_time": "2027-01-01T00:00:00Z",
                    "end_time": "2027-01-02T00:00:00Z",
                    "recurring_frequency": 1,
                }
            ],
        ),
        "closures",
        "closures.0.recurring_frequency_type': must be given when recurring_frequency is not 0 "
        "(API reference line 16154, error 3704)",
    ),
    (
        "list-expected",
        lambda n: zoomcc.DispositionSet(n, name="D", disposition_ids="abc"),
        "disposition_ids",
        "list",
    ),
    (
        "wrong-nested-type",
        lambda n: zoomcc.Team(n, name="T", parent_team_id=ROOT_TEAM_ID, description=7),  # type: ignore[call-overload]  # wrong on purpose
        "description",
        "valid string",
    ),
]


def program(cases: list[BadCase]) -> Callable[[], None]:
    def run() -> None:
        zoomcc.Queue("fine-queue", name="Fine", channel="voice")  # a good one alongside
        for name, make, _, _ in cases:
            make(name)

    return run


def test_bad_input_matrix_fails_at_preview_without_api_calls(
    stacks: Stacks, emulator: EmulatorServer
) -> None:
    # The engine stops at the first failed check, so each case gets its own preview.
    stack = stacks.inline(program([]), "badinputs")
    emulator.state.clear_requests()
    for name, make, field, says in CASES:
        stack.workspace.program = program([(name, make, field, says)])
        with pytest.raises(auto.CommandError) as failure:
            stack.preview()
        message = str(failure.value)
        diagnostics = message.split("Diagnostics:", 1)[-1]
        if field:  # the engine names the resource; the reason names the field, on one line
            assert f"resource '{name}' has a problem: " in diagnostics, message[-3000:]
            assert f"'{field}" in diagnostics and "value {" not in diagnostics, message[-3000:]
        assert says in diagnostics, message[-3000:]
        assert "fine-queue" not in diagnostics
    assert emulator.state.requests == []  # not one API call, not even a token request

    # And `up` fails the same way: the bad resource is never sent (the good one alongside
    # may be created, as the engine works on independent resources concurrently).
    with pytest.raises(auto.CommandError):
        stack.up()
    assert set(EmulatorView(emulator).names()) <= {("Queue", "Fine")}
    posted = [r.body for r in emulator.state.requests if r.method == "POST" and r.body]
    assert all(body.get("queue_name") == "Fine" for body in posted), posted
