"""Flow: diffing by normalized content hash, version import, publish, the import route."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import grpc
import pytest

from tests.support.cases import flow_files
from tests.support.grpc_provider import DynamicProviderClient
from tests.support.provider_steps import checked_inputs
from tests.support.scripted_zoom import Answer, Scripted
from zoomcc.client import ZoomApiError, ZoomClient
from zoomcc.dynamic.call_shapes import MissingLiveValueError, follow_ups
from zoomcc.dynamic.provider import SpecProvider
from zoomcc.emulator import EmulatorServer

T = "Flow"


def _created(
    provider: DynamicProviderClient, **more: Any
) -> tuple[dict[str, Any], str, dict[str, Any]]:
    """The sample flow, Support IVR, created (``more`` on top of its inputs): its checked
    inputs, id and outputs."""
    declared = {"name": "Support IVR", "file": flow_files()["flow"], **more}
    inputs = checked_inputs(provider, T, declared)
    object_id, outs = provider.create(T, inputs)
    return inputs, object_id, outs


def _publishes(emulator: EmulatorServer, flow_id: str) -> int:
    return len(_published_versions(emulator, flow_id))


def _published_versions(emulator: EmulatorServer, flow_id: str) -> list[str]:
    path = f"/contact_center/flows/{flow_id}/publish"
    return [r.query for r in emulator.state.requests if r.method == "PUT" and r.path.endswith(path)]


def _imports(emulator: EmulatorServer) -> list[Any]:
    return [
        r
        for r in emulator.state.requests
        if r.method == "POST" and r.path.endswith("/contact_center/flows")
    ]


def test_reformatted_file_is_no_change(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    files = flow_files()
    assert Path(files["flow"]).read_bytes() != Path(files["reformatted"]).read_bytes()
    _, object_id, outs = _created(provider)
    # Same JSON, other key order and indentation, at another path: no diff, no update.
    moved = checked_inputs(provider, T, {"name": "Support IVR", "file": files["reformatted"]})
    assert moved["content_hash"] == outs["content_hash"]
    diff = provider.diff(T, object_id, outs, moved)
    assert diff.changes == diff.DIFF_NONE
    assert _publishes(emulator, object_id) == 0  # publish not requested


def test_changed_content_imports_a_version(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    files = flow_files()
    inputs, object_id, outs = _created(provider, publish=True)
    assert _publishes(emulator, object_id) == 1
    assert outs["status"] == "published"
    assert [r.operation for r in _imports(emulator)] == ["flows.import"]

    changed = checked_inputs(provider, T, {**inputs, "file": files["changed"]})
    assert changed["content_hash"] != outs["content_hash"]
    diff = provider.diff(T, object_id, outs, changed)
    assert diff.changes == diff.DIFF_SOME
    assert list(diff.replaces) == []

    updated = provider.update(T, object_id, outs, changed)
    assert updated["flow_id"] == object_id
    assert [v["flow_version"] for v in updated["flow_versions"]] == [1, 2]
    assert _publishes(emulator, object_id) == 2  # published again after the import
    # Each publish names the version it publishes: the newest one.
    assert _published_versions(emulator, object_id) == ["flow_version=1", "flow_version=2"]
    exported = api.request(
        "GET", f"/contact_center/flows/{object_id}/export", params={"flow_version": 2}
    )
    assert exported == json.loads(Path(files["changed"]).read_text())
    assert len(api.request("GET", "/contact_center/flows")["flows"]) == 1
    assert provider.diff(T, object_id, updated, changed).changes == diff.DIFF_NONE


def test_check_keeps_the_files_nodes_and_the_state_the_deployed_ones(
    provider: DynamicProviderClient,
) -> None:
    inputs, _, outs = _created(provider)
    widgets = json.loads(Path(flow_files()["flow"]).read_text())["widgets"]
    # (gRPC's structs leave out the nodes' null values)
    expected = {
        w["id"]: {k: v for k, v in w.items() if k != "id" and v is not None} for w in widgets
    }
    assert inputs["flow_nodes"] == expected
    assert outs["flow_nodes"] == expected  # what `zoomcc review` reads as deployed


def test_a_state_written_before_flow_nodes_has_no_change(
    provider: DynamicProviderClient,
) -> None:
    inputs, object_id, outs = _created(provider)
    older = {k: v for k, v in outs.items() if k != "flow_nodes"}
    diff = provider.diff(T, object_id, older, inputs)
    assert diff.changes == diff.DIFF_NONE  # shown by a preview, never an update of its own


def test_publish_toggled_on_publishes(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    inputs, object_id, outs = _created(provider)
    assert outs["status"] == "draft"
    news = checked_inputs(provider, T, {**inputs, "publish": True})
    diff = provider.diff(T, object_id, outs, news)
    assert diff.changes == diff.DIFF_SOME and list(diff.replaces) == []
    updated = provider.update(T, object_id, outs, news)
    assert _publishes(emulator, object_id) == 1
    assert updated["status"] == "published"
    assert len(_imports(emulator)) == 1  # content unchanged: no import


def test_rename_edits_the_newest_version(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    inputs, object_id, outs = _created(provider)
    news = {**inputs, "name": "Support line", "version_description": "renamed"}
    updated = provider.update(T, object_id, outs, news)
    assert updated["name"] == "Support line"
    assert updated["flow_versions"][0]["flow_version_description"] == "renamed"
    (edit,) = [r for r in emulator.state.requests if r.method == "PATCH"]
    assert edit.body["flow_version"] == 1


def test_invalid_json(provider: DynamicProviderClient, api: ZoomClient, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    _, failures = provider.check(T, {"name": "Broken", "file": str(bad)})
    assert [f for f, _ in failures] == ["file"]
    with pytest.raises(ZoomApiError) as failed:
        api.request(
            "POST",
            "/contact_center/flows",
            files=[
                ("flow_name", (None, "Broken")),
                ("import_mode", (None, "new")),
                ("flow_file", ("bad.json", b"{not json")),
            ],
        )
    assert (failed.value.status, failed.value.code) == (400, 3203)


def test_version_import_into_another_flow_fails(
    provider: DynamicProviderClient, api: ZoomClient, tmp_path: Path
) -> None:
    """A file whose channel changed cannot become a version of the flow: nothing stray stays."""
    inputs, object_id, outs = _created(provider)
    files = flow_files()
    chat = tmp_path / "chat.json"
    chat.write_text(json.dumps({**json.loads(Path(files["flow"]).read_text()), "channel": "video"}))
    news = checked_inputs(provider, T, {**inputs, "file": str(chat)})
    with pytest.raises(grpc.RpcError) as failed:
        provider.update(T, object_id, outs, news)
    assert "channel probably changed" in str(failed.value.details())
    assert [f["flow_id"] for f in api.request("GET", "/contact_center/flows")["flows"]] == [
        object_id
    ]


@pytest.mark.parametrize("publish", [False, True], ids=["edited", "published"])
def test_a_flow_without_versions_fails_naming_the_flow_and_field(publish: bool) -> None:
    """Edit and publish both name a version: none listed is an error, not a call without it."""
    flow = {"flow_id": "f1", "flow_name": "Support IVR", "flow_versions": []}
    zoom = Scripted(T, [Answer(200, flow)])
    provider = zoom.provider
    assert isinstance(provider, SpecProvider)
    with pytest.raises(MissingLiveValueError, match=r"^Flow f1 cannot be .*'flow_version'"):
        if publish:
            follow_ups(provider, "f1", {"publish": True}, {})
        else:
            provider._patch("f1", {"flow_name": "Support line"}, {})
    assert zoom.sent == ["GET /contact_center/flows/f1?"]  # no PATCH, no PUT
