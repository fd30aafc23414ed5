"""`zoomcc snapshot` and `zoomcc emulator --snapshot`: an account read with GETs only, in the
API's own shapes, loads into a fresh emulator with its ids, memberships and settings, so a
snapshot of the copy is the snapshot of the original."""

from __future__ import annotations

from typing import Any

from pydantic import SecretStr

from tests.unit.test_export_reading import a_book_contact_with_a_tier, account
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
