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
