"""Multipart operations stay multipart when a call uploads nothing: httpx sends form values
alone url-encoded, and the API takes only ``multipart/form-data`` (the emulator refuses any
other body, as the reference's Content-Type says)."""

from __future__ import annotations

from typing import Any

from tests.support.cases import OBJECTS
from tests.support.grpc_provider import DynamicProviderClient
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer

T = "Asset"


def _checked(provider: DynamicProviderClient, inputs: dict[str, Any]) -> dict[str, Any]:
    checked, failures = provider.check(T, inputs)
    assert failures == []
    return checked


def test_an_asset_update_that_uploads_no_file_is_still_a_form(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    case = OBJECTS[T]
    assert case.prereq is not None
    inputs = _checked(provider, case.inputs(case.prereq(api)))
    object_id, outs = provider.create(T, inputs)
    emulator.state.clear_requests()

    renamed = _checked(provider, {**inputs, "description": "Said once"})
    outs = provider.update(T, object_id, outs, renamed)

    assert outs["description"] == "Said once"
    sent = [r for r in emulator.state.requests if r.operation_id == "update_an_asset"]
    assert [r.status for r in sent] == [204]


def test_an_asset_item_no_longer_declared_is_deleted_from_the_live_asset(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    case = OBJECTS[T]
    assert case.prereq is not None
    made = case.prereq(api)
    two = _checked(provider, {**case.inputs(made), "items": made["items_v2"]})
    object_id, outs = provider.create(T, two)
    assert sorted(i["asset_item_language"] for i in outs["items"]) == ["en-US", "fr-FR"]
    live = {i["asset_item_language"]: i["asset_item_id"] for i in outs["items"]}
    emulator.state.clear_requests()

    one = _checked(provider, {**two, "items": made["items_v2"][:1]})
    outs = provider.update(T, object_id, outs, one)

    assert [i["asset_item_language"] for i in outs["items"]] == ["en-US"]
    assert outs["items"][0]["asset_item_id"] == live["en-US"]  # kept, not re-created
    sent = [r for r in emulator.state.requests if r.operation_id == "delete_asset_items"]
    assert [r.status for r in sent] == [204]
    assert live["fr-FR"] in sent[0].query + str(sent[0].body)
    diff = provider.diff(T, object_id, outs, one)
    assert diff.changes == diff.DIFF_NONE
