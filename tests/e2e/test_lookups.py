"""Lookups read objects a stack does not own, by name or id, with the stack's credentials."""

from __future__ import annotations

import pulumi
import pytest
from pulumi import automation as auto

import pulumi_zoomcc as zoomcc
from tests.e2e.stacks import Stacks
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer

pytestmark = pytest.mark.e2e


def test_lookup_by_name_and_id_feeds_other_resources(
    stacks: Stacks, emulator: EmulatorServer, api: ZoomClient
) -> None:
    cat = api.request(
        "POST",
        "/contact_center/skills/categories",
        json={"skill_category_name": "Products", "skill_type": "text"},
    )
    api.request(
        "POST", "/contact_center/queues", json={"queue_name": "Billing", "channel": "messaging"}
    )

    def program() -> None:
        category = zoomcc.get_skill_category(id=cat["skill_category_id"])
        queue = zoomcc.get_queue(name="Billing")
        skill = zoomcc.Skill(
            "widgets", name="Widgets", skill_category_id=category.apply(lambda c: c["id"])
        )
        pulumi.export("queue_channel", queue.apply(lambda q: q["channel"]))
        pulumi.export("queue_id", queue.apply(lambda q: q["id"]))
        pulumi.export("skill_category_name", skill.skill_category_name)

    stack = stacks.inline(program, "lookups")
    up = stack.up()
    assert up.summary.resource_changes == {"create": 2}
    queue = next(q for q in emulator.state.objects("queues") if q["queue_name"] == "Billing")
    assert up.outputs["queue_id"].value == queue["cc_queue_id"]
    assert up.outputs["queue_channel"].value == "messaging"
    assert up.outputs["skill_category_name"].value == "Products"

    def missing() -> None:
        zoomcc.get_queue(name="Nope").apply(lambda q: q["id"])

    stack.workspace.program = missing
    with pytest.raises(auto.CommandError) as failure:
        stack.preview()
    assert "Queue: no objects named 'Nope'" in str(failure.value)
