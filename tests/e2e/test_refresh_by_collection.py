"""`pulumi refresh` through the real engine reads a list-complete collection once for all its
resources, sees what changed outside Pulumi, and drops only what is really gone."""

from __future__ import annotations

from typing import Any, cast

import pytest

import pulumi_zoomcc as zoomcc
from tests.e2e.stacks import Stacks
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog

pytestmark = pytest.mark.e2e

N = 12


def program() -> None:
    for i in range(N):
        zoomcc.SkillCategory(f"cat-{i}", name=f"Refreshed {i}", skill_type="text")


def test_a_refresh_lists_the_collection_once_and_keeps_what_is_there(
    stacks: Stacks, emulator: EmulatorServer, api: ZoomClient
) -> None:
    spec = catalog.get_object("SkillCategory")
    stack = stacks.inline(program, "refresh", {"zoomcc:pacing": "false"})
    up = stack.up()
    assert up.summary.resource_changes == {"create": N + 1}  # and the stack
    made = {c["skill_category_name"]: c for c in emulator.state.objects("skill_categories")}
    renamed, gone = made["Refreshed 3"], made["Refreshed 7"]
    api.request(
        "PATCH",
        spec.item_url(renamed["skill_category_id"]),
        json={"skill_category_description": "changed outside"},
    )
    api.request("DELETE", spec.item_url(gone["skill_category_id"]))
    emulator.state.clear_requests()

    refresh = stack.refresh()

    calls = [r for r in emulator.state.requests if r.operation_id is not None]
    assert len(calls) <= 4, [f"{r.method} {r.path}" for r in calls]  # not one GET each
    assert sum(r.operation_id == spec.list_op.id for r in calls) == 1
    assert cast(dict[str, int], refresh.summary.resource_changes or {}).get("delete") == 1
    deployment = stack.export_stack().deployment or {}
    resources: list[dict[str, Any]] = deployment["resources"]
    described = {
        r["outputs"]["name"]: r["outputs"].get("description")
        for r in resources
        if r["type"].endswith("SkillCategory")
    }
    assert "Refreshed 7" not in described
    assert described["Refreshed 3"] == "changed outside"
    assert len(described) == N - 1
