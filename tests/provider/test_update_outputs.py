"""An update in one call: where the spec shows the new state follows from the old state and
the PATCH body (``update_outputs.derivable``), the update sends its PATCH and reads nothing,
and the state it records is exactly what a refresh reads from the emulator (an independent
reading of the API). Types that cannot derive still read once, and their state equals the
refresh's too."""

from __future__ import annotations

import pytest

from tests.support.cases import ALL_CASES, Case
from tests.support.grpc_provider import DynamicProviderClient
from tests.support.provider_steps import checked_inputs, setup
from zoomcc.client import ZoomClient
from zoomcc.dynamic.update_outputs import derivable, underived
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog
from zoomcc.resources.spec import ResourceSpec

UPDATED = [
    c
    for c in ALL_CASES
    if isinstance(catalog.get_object(c.type_name), ResourceSpec)
    and catalog.get_object(c.type_name).update_op is not None
    and c.update
]


def test_the_spec_finds_types_whose_update_outputs_follow_from_the_body() -> None:
    names = {c.type_name for c in UPDATED if derivable(catalog.get_object(c.type_name))}
    assert {"SkillCategory", "Skill", "Team", "BusinessHours", "Inbox"} <= names
    assert "`sip_zone_name` is filled from `sip_zone_id`" in underived(catalog.get_object("Region"))
    assert "the body is merged with the live object" in underived(
        catalog.get_object("ClosureSet")
    )


def test_write_stamps_are_no_outputs() -> None:
    spec = catalog.get_object("SkillCategory")
    assert isinstance(spec, ResourceSpec)
    assert spec.write_stamps == ("last_modified_time", "modified_by")
    assert not set(spec.write_stamps) & set(spec.output_fields)


@pytest.mark.parametrize("case", UPDATED, ids=[c.type_name for c in UPDATED])
def test_the_state_after_an_update_is_what_a_refresh_reads(
    case: Case, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    t = case.type_name
    spec = catalog.get_object(t)
    prereqs, inputs = setup(case, api)
    inputs = checked_inputs(provider, t, inputs)
    object_id, outs = provider.create(t, inputs)
    changed = checked_inputs(provider, t, case.updated(inputs, prereqs))
    emulator.state.clear_requests()

    updated = provider.update(t, object_id, outs, changed)

    calls = [r for r in emulator.state.requests if r.operation_id is not None]
    reads_of_it = [r for r in calls if r.method == "GET" and object_id in r.path]
    if derivable(spec):
        assert reads_of_it == []
        assert [r.method for r in calls] == [spec.update_method]
    _, refreshed = provider.read(t, object_id, updated)
    assert refreshed == updated
