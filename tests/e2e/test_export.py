"""`zoomcc export` -> adopt the same account -> recreate in an empty one, real engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.exports import run_export
from tests.e2e.stacks import Stacks
from tests.support.cases import closed_all_day
from zoomcc.client import ZoomClient
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer
from zoomcc.resources.areas import hours, queues
from zoomcc.resources.spec import ResourceSpec

pytestmark = pytest.mark.e2e
ID = re.compile(r'(?<=")[A-Za-z0-9_-]{22}(?=")')  # an id in a string literal
CORE_TYPES = [
    f"--include={spec.name}"
    for spec in (*queues.SPECS, *hours.SPECS)
    if isinstance(spec, ResourceSpec)
]


def populate(api: ZoomClient) -> int:
    """An account configured by hand: one object of each of the eight types, and links."""
    cat = api.request(
        "POST",
        "/contact_center/skills/categories",
        json={"skill_category_name": "Languages", "skill_type": "proficiency"},
    )
    api.request(
        "POST",
        "/contact_center/skills",
        json={"skill_name": "French", "skill_category_id": cat["skill_category_id"]},
    )
    api.request(
        "POST", "/contact_center/queues", json={"queue_name": "Support", "channel": "voice"}
    )
    team = api.request(
        "POST",
        "/contact_center/teams",
        json={"team_name": "Tier 1", "parent_team_id": ROOT_TEAM_ID},
    )
    api.request(
        "POST",
        "/contact_center/teams",
        json={"team_name": "Tier 1 nights", "parent_team_id": team["team_id"]},
    )
    sold = api.request("POST", "/contact_center/dispositions", json={"disposition_name": "Sold"})
    api.request(
        "POST",
        "/contact_center/dispositions/sets",
        json={"disposition_set_name": "Outcomes", "disposition_ids": [sold["disposition_id"]]},
    )
    api.request(
        "POST",
        "/contact_center/business_hours",
        json={
            "business_hour_name": "Office",
            "timezone": "Europe/Paris",
            "hours": {"hour_type": 1},
        },
    )
    api.request(
        "POST",
        "/contact_center/closures",
        json={
            "closure_set_name": "Holidays",
            "timezone": "Europe/Paris",
            "closures": [closed_all_day("New Year", "2027-01-01")],
        },
    )
    return 9


def test_export_adopts_then_promotes(
    stacks: Stacks, tmp_path: Path, emulator: EmulatorServer, api: ZoomClient
) -> None:
    count = populate(api)
    first = run_export(emulator, tmp_path / "export", *CORE_TYPES)
    assert "import_id=import_ids.get(" in first
    # References are Python references, not ids; the account's root team is not exported
    # (every account has one): it is stack config, named after it.
    assert ID.findall(first) == []
    assert 'parent_team_id=config.require("team_all_agents_id")' in first
    assert (
        f'zoomcc-export:team_all_agents_id: "{ROOT_TEAM_ID}"'
        in (tmp_path / "export" / "Pulumi.dev.yaml").read_text()
    )
    assert "skill_category_id=skill_category_languages.id" in first
    assert "disposition_ids=[disposition_sold.id]" in first

    # The same account: everything is adopted, nothing is created.
    stack = stacks.project(tmp_path / "export", "dev")
    emulator.state.clear_requests()
    up = stack.up()
    assert up.summary.resource_changes == {"create": count + 1}
    posts = [
        r for r in emulator.state.requests if r.method == "POST" and r.operation != "oauth.token"
    ]
    assert posts == []
    assert emulator.state.object_count() == count
    assert stack.preview().change_summary == {"same": count + 1}

    # Another, empty account: a stack without adoption ids recreates the configuration.
    with EmulatorServer(port=0) as empty:
        (tmp_path / "export" / "Pulumi.promo.yaml").write_text(
            f'config:\n  zoomcc-export:team_all_agents_id: "{ROOT_TEAM_ID}"\n'
        )
        promo = stacks.project(tmp_path / "export", "promo", {"zoomcc:baseUrl": empty.api_base_url})
        up2 = promo.up()
        assert up2.summary.resource_changes == {"create": count + 1}
        assert empty.state.object_count() == count
        assert promo.preview().change_summary == {"same": count + 1}
        second = run_export(empty, tmp_path / "export-again", *CORE_TYPES)
    assert ID.sub("<id>", second) == ID.sub("<id>", first)
