"""Membership and settings resources through the real engine, next to their parents."""

from __future__ import annotations

from typing import Any

import pytest

import pulumi_zoomcc as zoomcc
from tests.e2e.stacks import Stacks
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer

pytestmark = pytest.mark.e2e


def test_memberships_and_settings_with_their_parents(
    stacks: Stacks, emulator: EmulatorServer, api: ZoomClient
) -> None:
    users = emulator.state.seed("users", [{"user_email": f"a{i}@example.com"} for i in range(3)])
    emails = [u["user_email"] for u in users]
    root = next(
        t["team_id"]
        for t in api.paginate("/contact_center/teams", items_key="teams")
        if not t.get("parent_team_id")
    )

    def program(agents: list[str]) -> Any:
        def run() -> None:
            queue = zoomcc.Queue("queue", name="Support", channel="voice")
            team = zoomcc.Team("team", name="Tier 1", parent_team_id=root)
            hours = zoomcc.BusinessHours(
                "hours", name="Office", timezone="America/New_York", hours={"hour_type": 1}
            )
            zoomcc.QueueAgents("agents", queue_id=queue.id, user_ids=agents)
            zoomcc.QueueTeams("teams", queue_id=queue.id, team_ids=[team.id])
            zoomcc.TeamAgents("team-agents", team_id=team.id, user_ids=agents)
            zoomcc.QueueOperatingHours(
                "queue-hours", queue_id=queue.id, operating_hours_business_hour_id=hours.id
            )

        return run

    stack = stacks.inline(program(emails[:2]), "relations")
    up = stack.up()
    assert up.summary.resource_changes == {"create": 8}
    queue = next(iter(api.paginate("/contact_center/queues", items_key="queues")))["cc_queue_id"]
    agents_url = f"/contact_center/queues/{queue}/agents"

    def agent_emails() -> set[str]:
        return {a["user_email"] for a in api.request("GET", agents_url)["agents"]}

    assert agent_emails() == set(emails[:2])
    assert stack.preview().change_summary == {"same": 8}

    # An agent added in the web portal is left alone by refresh, up and destroy.
    api.request("POST", agents_url, json={"user_ids": [emails[2]]})
    assert stack.refresh().summary.resource_changes == {"same": 8}
    assert stack.preview().change_summary == {"same": 8}

    stack.workspace.program = program(emails[1:2])
    up2 = stack.up()
    assert up2.summary.resource_changes == {"update": 2, "same": 6}
    assert agent_emails() == {emails[1], emails[2]}

    stack.destroy()
    assert emulator.state.object_count() == len(users)
