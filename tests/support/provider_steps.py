"""Steps the provider-tier tests share: a case's set-up, its checked inputs, what Zoom lists."""

from __future__ import annotations

from typing import Any

from tests.support.cases import Case
from tests.support.grpc_provider import DynamicProviderClient
from zoomcc.client import ZoomClient
from zoomcc.resources import catalog


def object_ids(api: ZoomClient, type_name: str, inputs: dict[str, Any]) -> set[str]:
    """The ids the type's collection lists (under the inputs' parent)."""
    spec = catalog.get(type_name)
    return {
        str(item[spec.list_field(spec.id_field)])
        for item in api.paginate(
            spec.collection_url(inputs), items_key=spec.list_key, params=spec.list_params(inputs)
        )
    }


def setup(case: Case, api: ZoomClient) -> tuple[dict[str, Any], dict[str, Any]]:
    """The case's prerequisites, made through the API, and its inputs."""
    prereqs = case.prereq(api) if case.prereq else {}
    return prereqs, case.inputs(prereqs)


def checked_inputs(
    provider: DynamicProviderClient, t: str, inputs: dict[str, Any]
) -> dict[str, Any]:
    """What the engine hands create and update: the checked inputs (derived fields filled)."""
    checked, failures = provider.check(t, inputs)
    assert failures == []
    return {k: v for k, v in checked.items() if k != "__provider"}
