"""`zoomcc review --from-account`: a live account (the emulator) read by `zoomcc export`'s
reader and drawn like a stack: its queues with their hours, teams and agents."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import ACCOUNT_ID, CLIENT_ID, CLIENT_SECRET
from tests.support.cases.parents import make_business_hours, make_queue, make_team, seed_users
from tests.unit.test_review_drawing import svg_marks
from zoomcc.cli import app
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer


def test_a_live_account_is_drawn_with_its_queues_teams_agents_and_hours(
    api: ZoomClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    queue, team = make_queue(api, name="Support"), make_team(api, name="Tier 1")
    hours = make_business_hours(api, "Always")
    agent = seed_users(api, emulator)[1]
    api.request("POST", f"/contact_center/queues/{queue}/teams", json={"team_ids": [team]})
    api.request("POST", f"/contact_center/teams/{team}/agents", json={"user_ids": [agent]})
    api.request(
        "PATCH",
        f"/contact_center/queues/{queue}/operating_hours",
        json={"operating_hours_business_hour_id": hours},
    )
    env = {"ZOOM_ACCOUNT_ID": ACCOUNT_ID, "ZOOM_CLIENT_ID": CLIENT_ID}
    env["ZOOM_CLIENT_SECRET"] = CLIENT_SECRET
    args = ["review", "--from-account", "--base-url", emulator.api_base_url]
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path)], env=env)
    assert result.exit_code == 0, result.output
    marks = svg_marks(tmp_path / "routing.svg")
    assert ("edge", "queue Queue Support->team Team Tier 1") in marks
    assert ("edge", "team Team Tier 1->person agent1@example.com") in marks
    assert "open 24/7" in (tmp_path / "routing.svg").read_text()
    assert CLIENT_SECRET not in result.output
