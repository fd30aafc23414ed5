"""Steps the provider-tier tests share: a case's set-up, its checked inputs, what Zoom lists."""

from __future__ import annotations

from typing import Any

from tests.support.cases import SETTINGS, Case, Values
from tests.support.grpc_provider import DynamicProviderClient
from zoomcc.client import ZoomClient
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog


def object_ids(api: ZoomClient, type_name: str, inputs: dict[str, Any]) -> set[str]:
    """The ids the type's collection lists (under the inputs' parent)."""
    spec = catalog.get_object(type_name)
    return set(ResourceApi(spec, api).listed_ids(inputs, spec.list_params(inputs)))


def setup(case: Case, api: ZoomClient) -> tuple[dict[str, Any], dict[str, Any]]:
    """The case's prerequisites, made through the API, and its inputs."""
    prereqs = case.prereq(api) if case.prereq else {}
    return prereqs, case.inputs(prereqs)


def settings_setup(
    type_name: str, api: ZoomClient, emulator: EmulatorServer
) -> tuple[Values, Values, Values]:
    """A settings case's prerequisites (made now), its inputs and its updated inputs."""
    case = SETTINGS[type_name]
    prereqs = case.prereq(api, emulator)
    inputs = case.inputs(prereqs)
    return prereqs, inputs, case.updated(inputs, prereqs)


def checked_inputs(
    provider: DynamicProviderClient, t: str, inputs: dict[str, Any]
) -> dict[str, Any]:
    """What the engine hands create and update: the checked inputs (derived fields filled)."""
    checked, failures = provider.check(t, inputs)
    assert failures == []
    return {k: v for k, v in checked.items() if k != "__provider"}
