"""`zoomcc snapshot` and `zoomcc emulator --snapshot`: an account read with GETs only, in the
API's own shapes, loads into a fresh emulator with its ids, memberships and settings, so a
snapshot of the copy is the snapshot of the original."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from tests.support.cases import MEMBERSHIP_CASES, MembershipCase
from tests.support.cases.campaigns import _inbox_with_users
from tests.support.cases.queues import INTERRUPT_AUDIO
from tests.support.export_account import account
from tests.support.membership_steps import add_outside, live_members
from tests.unit.test_cli_as_a_user_runs_it import ZOOMCC, free_port
from tests.unit.test_export_reading import a_book_contact_with_a_tier
from zoomcc.client import ClientSettings, ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.rehearsal.snapshot import take_snapshot


def client_of(server: EmulatorServer) -> ZoomClient:
    cred = server.credentials
    return ZoomClient(
        ClientSettings(
            account_id=cred["account_id"],
            client_id=cred["client_id"],
            client_secret=SecretStr(cred["client_secret"]),
            base_url=server.api_base_url,
            oauth_url=server.oauth_url,
            pacing=False,
        )
    )


def content(document: dict[str, Any]) -> dict[str, Any]:
    return {k: document[k] for k in ("objects", "members", "settings", "counts")}


def test_a_snapshot_loaded_into_a_fresh_emulator_reads_back_the_same_account(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    made = account(api)
    a_book_contact_with_a_tier(api)
    original = take_snapshot(api).to_json()
    assert original["objects"]["/contact_center/queues"][""][0]["cc_queue_id"] == made["queue"]
    with EmulatorServer(port=0) as copy:
        assert copy.state.load_snapshot(original) == []
        with client_of(copy) as copy_api:
            again = take_snapshot(copy_api).to_json()
    assert "\n".join(_diff(content(again), content(original))) == ""


def test_a_snapshot_makes_no_write_call(api: ZoomClient, emulator: EmulatorServer) -> None:
    account(api)
    emulator.state.clear_requests()
    take_snapshot(api)
    methods = {(r.method, r.operation) for r in emulator.state.requests}
    assert {m for m, _ in methods} <= {"GET", "POST"}
    assert {op for m, op in methods if m == "POST"} <= {"oauth.token"}


def _diff(a: Any, b: Any, path: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        return [
            d for k in sorted(set(a) | set(b)) for d in _diff(a.get(k), b.get(k), f"{path}/{k}")
        ]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in _diff(x, y, f"{path}[{i}]")
        ]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


LISTED_PARENTS = [c for c in MEMBERSHIP_CASES if c.parent_collection is not None]


@pytest.mark.parametrize("case", LISTED_PARENTS, ids=[c.type_name for c in LISTED_PARENTS])
def test_each_kind_of_membership_survives_a_snapshot_with_its_members(
    api: ZoomClient, emulator: EmulatorServer, case: MembershipCase
) -> None:
    parent = case.parent(api, emulator)
    members = case.members(api, emulator)
    for member in members[:2]:
        add_outside(api, case, parent, member)
    original = take_snapshot(api).to_json()
    assert original["members"][case.spec.add_path][parent], original["members"]
    with EmulatorServer(port=0) as copy:
        assert copy.state.load_snapshot(original) == []
        with client_of(copy) as copy_api:
            again = take_snapshot(copy_api).to_json()
            listed = live_members(copy_api, case, parent)
    assert "\n".join(_diff(content(again), content(original))) == ""
    assert listed == live_members(api, case, parent)


def test_settings_survive_a_snapshot_in_the_shape_their_reads_show(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    """A queue's interrupts and operating hours (the GET's ``business_hour_id`` is stored as
    the PATCH's ``operating_hours_business_hour_id``) and an inbox's email notifications."""
    made = account(api)
    queue = f"/contact_center/queues/{made['queue']}"
    api.request("PATCH", f"{queue}/interrupt", json={"audio_interrupts": [INTERRUPT_AUDIO]})
    inbox = _inbox_with_users(api, emulator)
    api.request(
        "PATCH",
        f"/contact_center/inboxes/{inbox['inbox']}/email_notification",
        json={"user_id": inbox["jane"], "email_notification": True},
    )
    original = take_snapshot(api).to_json()
    with EmulatorServer(port=0) as copy:
        assert copy.state.load_snapshot(original) == []
        with client_of(copy) as copy_api:
            again = take_snapshot(copy_api).to_json()
            hours = copy_api.request("GET", f"{queue}/operating_hours")
    assert "\n".join(_diff(content(again), content(original))) == ""
    assert hours["business_hour_id"] == made["hours"]
    assert len(original["settings"]) == 3, sorted(original["settings"])


def test_the_commands_as_a_user_runs_them_write_a_snapshot_and_serve_it_with_its_ids(
    api: ZoomClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    """`zoomcc snapshot FILE` with the ``ZOOM_*`` environment (outside a Pulumi project), then
    `zoomcc emulator --snapshot FILE`: the queue is served under its id."""
    made = account(api)
    cred = emulator.credentials
    env = {
        **os.environ,
        "ZOOM_ACCOUNT_ID": cred["account_id"],
        "ZOOM_CLIENT_ID": cred["client_id"],
        "ZOOM_CLIENT_SECRET": cred["client_secret"],
        "ZOOM_BASE_URL": emulator.api_base_url,
        "ZOOMCC_PACING": "false",
    }
    out = tmp_path / "account.json"
    done = subprocess.run(
        [str(ZOOMCC), "snapshot", str(out)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Queue 2" in done.stdout and "QueueTeams" in done.stderr  # progress per type
    port = free_port()
    served = subprocess.Popen(
        [str(ZOOMCC), "emulator", "--port", str(port), "--snapshot", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/_emulator/objects"
        deadline = time.monotonic() + 30
        while True:
            try:
                queues = httpx.get(url, timeout=1).json()["queues"]
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and served.poll() is None
                time.sleep(0.1)
    finally:
        served.terminate()
        served.wait(timeout=10)
    assert made["queue"] in {q["cc_queue_id"] for q in queues}


def test_a_file_that_is_not_a_snapshot_is_refused_in_one_line(tmp_path: Path) -> None:
    wrong = tmp_path / "state.json"
    wrong.write_text('{"version": 3}')
    done = subprocess.run(
        [str(ZOOMCC), "emulator", "--snapshot", str(wrong)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f'zoomcc emulator: {wrong} is not a zoomcc snapshot (no "format": "zoomcc-snapshot")'
    ]


def test_a_reset_goes_back_to_the_loaded_snapshot_not_to_a_fresh_account(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    made = account(api)
    original = take_snapshot(api).to_json()
    with EmulatorServer(port=0) as copy:
        copy.state.load_snapshot(original)
        assert copy.state.object_count() == 0, "the snapshot is the account as found"
        with client_of(copy) as copy_api:
            copy_api.request(
                "POST", "/contact_center/queues", json={"queue_name": "New", "channel": "voice"}
            )
            assert copy.state.object_count() == 1
            copy.state.reset()
            names = {q["queue_name"] for q in copy.state.objects("queues")}
            ids = {q["cc_queue_id"] for q in copy.state.objects("queues")}
    assert names == {"Support", "Idle"} and made["queue"] in ids
