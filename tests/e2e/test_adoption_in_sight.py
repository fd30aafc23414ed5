"""Adoption and drift as the engine shows them, through `pulumi` on a project directory (the
language host and provider plugin this project sets up): `pulumi import` of a dynamic type
answers with the way that works."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.stacks import PASSPHRASE, Stacks
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer

pytestmark = pytest.mark.e2e


def pulumi(stacks: Stacks, stack: str, cwd: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The `pulumi` CLI as a user runs it in the project's folder, its output captured."""
    env = {
        **os.environ,
        "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
        "PULUMI_BACKEND_URL": f"file://{stacks.backend}",
        "PULUMI_HOME": str(stacks.backend / ".pulumi-home"),
    }
    return subprocess.run(
        ["pulumi", *args, "--stack", stack, "--non-interactive"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_pulumi_import_of_a_dynamic_type_points_to_import_id_and_export(
    stacks: Stacks, api: ZoomClient
) -> None:
    made = api.request(
        "POST", "/contact_center/queues", json={"queue_name": "Support", "channel": "voice"}
    )
    queue_id = made["cc_queue_id"]
    stack = stacks.program("import pulumi\n", "importing")

    ran = pulumi(
        stacks,
        "importing",
        stack.workspace.work_dir,
        "import",
        "--yes",
        "pulumi-python:dynamic/zoomcc:Queue",
        "support",
        queue_id,
    )

    output = ran.stdout + ran.stderr
    assert ran.returncode != 0
    assert f'import_id="{queue_id}"' in output, output
    assert "zoomcc export" in output, output
    assert "'__provider'" not in output, output
    assert "Exception calling application" not in output, output


def test_after_a_refresh_finds_a_field_changed_by_hand_the_preview_names_it(
    stacks: Stacks, api: ZoomClient
) -> None:
    """The refresh records the live value as the argument's input, so the engine names the
    argument; the next `up` puts the declared value back. A refresh without drift changes
    nothing (tests/e2e/test_engine.py)."""
    stack = stacks.program(
        "import pulumi_zoomcc as zoomcc\n\n"
        'zoomcc.Queue("support", name="Support", channel="voice", max_wait_time=300,'
        ' description="First line")\n',
        "drifting",
    )
    stack.up()
    (queue,) = api.request("GET", "/contact_center/queues")["queues"]
    queue_id = queue["cc_queue_id"]
    api.request("PATCH", f"/contact_center/queues/{queue_id}", json={"max_wait_time": 120})

    refreshed = stack.refresh()
    preview = stack.preview()

    assert refreshed.summary.resource_changes == {"same": 1, "update": 1}
    assert "[diff: ~max_wait_time]" in preview.stdout, preview.stdout
    assert preview.change_summary == {"same": 1, "update": 1}
    stack.up()
    live = api.request("GET", f"/contact_center/queues/{queue_id}")
    assert live["max_wait_time"] == 300
    assert stack.preview().change_summary == {"same": 2}


def test_an_adoption_previews_as_one_without_calling_the_api(
    stacks: Stacks, api: ZoomClient, emulator: EmulatorServer
) -> None:
    made = api.request(
        "POST", "/contact_center/queues", json={"queue_name": "Support", "channel": "voice"}
    )
    queue_id = made["cc_queue_id"]
    stack = stacks.program(
        "import pulumi_zoomcc as zoomcc\n\n"
        f'zoomcc.Queue("support", name="Support", channel="voice", max_wait_time=300,'
        f' import_id="{queue_id}")\n',
        "adopting",
    )
    emulator.state.clear_requests()

    preview = stack.preview(diff=True)

    for said in (
        f'id                       : "{queue_id}"',
        "writes_where_zoom_differs: [\n",
        '[2]: "name"',
        '"in the adoption_changes output, after up"',
    ):
        assert said in preview.stdout, preview.stdout
    assert emulator.state.requests == []
    stack.up()
    posts = [r for r in emulator.state.requests if r.method == "POST"]
    assert [r.operation for r in posts] == ["oauth.token"]  # adopted: nothing created
    assert stack.preview().change_summary == {"same": 2}  # the line stays as adopted


SUPPORT_CENTER = """
import pulumi
import pulumi_zoomcc as zoomcc

ids = pulumi.Config().get_object("ids") or {}
sold = zoomcc.Disposition("sold", name="Sold", status="active", import_id=ids.get("sold"))
later = zoomcc.Disposition("later", name="Call back", status="active", import_id=ids.get("later"))
zoomcc.DispositionSet(
    "outcomes", name="Outcomes", status="active", disposition_ids=[sold.id, later.id],
    import_id=ids.get("outcomes"),
)
day = [{"start_time": "09:00", "end_time": "12:00"}, {"start_time": "13:00", "end_time": "18:00"}]
hours = zoomcc.BusinessHours(
    "hours", name="Office", timezone="Europe/Paris", import_id=ids.get("hours"),
    hours={"hour_type": 2, "custom_hours": [
        {"day_of_week": d, "custom_hour_type": 2, "custom_hour_ranges": day} for d in range(1, 6)
    ]},
)
for channel in ("voice", "messaging"):
    queue = zoomcc.Queue(
        channel, name=f"Support {channel}", channel=channel, import_id=ids.get(channel)
    )
    zoomcc.QueueOperatingHours(
        f"{channel}-hours", queue_id=queue.id, operating_hours_business_hour_id=hours.id
    )
"""


def test_adopting_a_support_center_that_already_matches_writes_nothing(
    stacks: Stacks, emulator: EmulatorServer
) -> None:
    """The report's case: a disposition set and two queues' operating hours taken over as
    they are send no write. One stack deploys them; another stack of the same program adopts
    the objects by import_id and takes over the queues' operating hours."""
    first = stacks.program(SUPPORT_CENTER, "support")
    first.up()
    deployment = first.export_stack().deployment
    assert deployment is not None
    ids = {
        r["urn"].rpartition("::")[2]: r["id"]
        for r in deployment["resources"]
        if r["type"].startswith("pulumi-python:dynamic/zoomcc:")
        and not r["type"].endswith("QueueOperatingHours")
    }
    assert sorted(ids) == ["hours", "later", "messaging", "outcomes", "sold", "voice"]
    emulator.state.clear_requests()

    adopted = stacks.project(
        Path(first.workspace.work_dir), "adopted", {"support:ids": json.dumps(ids)}
    )
    adopted.up()

    writes = [
        f"{r.method} {r.path}"
        for r in emulator.state.requests
        if r.method != "GET" and r.operation != "oauth.token"
    ]
    assert writes == []
    assert adopted.preview().change_summary == {"same": 9}
