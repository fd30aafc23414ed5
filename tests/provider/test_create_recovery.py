"""A create whose answer never came (a 503, a dropped connection, a response lost after Zoom
applied it) is settled by looking, never by sending it blindly again. Objects with a unique
name are looked up by it; objects without one (contacts) as the one object the list gained
since just before the POST: exactly one object either way, never two, never none."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.cases import ALL_CASES
from tests.support.faults import DROP, ERROR, LOST, Fault
from tests.support.grpc_provider import DynamicProviderClient
from tests.support.provider_steps import checked_inputs, object_ids, setup
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog

WITHOUT_A_NAME = [c for c in ALL_CASES if catalog.get_object(c.type_name).natural_key is None]
WITH_A_NAME = [c for c in ALL_CASES if c.type_name in ("Skill", "Queue")]
CASES = [
    (case, fault)
    for case in [*WITHOUT_A_NAME, *WITH_A_NAME]
    for fault in (ERROR, DROP, LOST)
]



def test_the_types_without_a_unique_name_are_covered() -> None:
    assert {c.type_name for c in WITHOUT_A_NAME} == {
        "AddressBookContact",
        "CampaignContactListContact",
    }


@pytest.mark.parametrize(
    ("case", "fault"), CASES, ids=[f"{c.type_name}-{f.kind}" for c, f in CASES]
)
def test_a_create_without_an_answer_makes_exactly_one_object(
    case: Any,
    fault: Fault,
    provider: DynamicProviderClient,
    api: ZoomClient,
    emulator: EmulatorServer,
) -> None:
    spec = catalog.get_object(case.type_name)
    _, inputs = setup(case, api)
    inputs = checked_inputs(provider, case.type_name, inputs)
    before = object_ids(api, case.type_name, inputs)
    fault.configure(emulator, "POST", "^/v2" + spec.collection_url(inputs) + "$")

    object_id, _ = provider.create(case.type_name, inputs)

    assert emulator.state.fault_counts[fault.kind] == 1
    assert object_ids(api, case.type_name, inputs) - before == {object_id}
