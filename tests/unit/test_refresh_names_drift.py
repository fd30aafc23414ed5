"""A refresh records a declared argument changed by hand as its live value, and leaves every
other input exactly as the state held it (``zoomcc.dynamic.drift``)."""

from __future__ import annotations

from typing import Any

import pytest

from zoomcc.dynamic.drift import refreshed_inputs
from zoomcc.resources import catalog

QUEUE = catalog.get_object("Queue")
DECLARED: dict[str, Any] = {
    "name": "Support",
    "channel": "voice",
    "max_wait_time": 300.0,  # the engine keeps every number as a float
    "import_id": "q1",
}
OUTPUTS: dict[str, Any] = {
    "cc_queue_id": "q1",
    "name": "Support",
    "channel": "voice",
    "max_wait_time": 300,
    "description": "set by hand, never declared",
}

CASES = {
    "a declared argument changed by hand becomes its live value": (
        {"max_wait_time": 120},
        {**DECLARED, "max_wait_time": 120},
    ),
    "no drift leaves the inputs exactly as they were": ({}, DECLARED),
    "an undeclared field changed by hand is not an input": ({"wrap_up_time": 9}, DECLARED),
}


@pytest.mark.parametrize(("drift", "inputs"), CASES.values(), ids=list(CASES))
def test_refreshed_inputs(drift: dict[str, Any], inputs: dict[str, Any]) -> None:
    refreshed = refreshed_inputs(QUEUE, {**DECLARED, "__provider": "p"}, {**OUTPUTS, **drift})
    assert refreshed == inputs


def test_without_the_states_inputs_a_refresh_leaves_them_as_they_are() -> None:
    """The official plugin host gives Read no inputs: pulumi keeps the state's."""
    assert refreshed_inputs(QUEUE, None, OUTPUTS) is None
