"""Each resource's whole life through the real `pulumi.dynamic` gRPC servicer."""

from __future__ import annotations

import pytest

from tests.support.cases import ALL_CASES as CASES
from tests.support.cases import Case, contains
from tests.support.grpc_provider import DynamicProviderClient
from tests.support.provider_steps import checked_inputs, object_ids, setup
from zoomcc.client import ZoomClient
from zoomcc.resources import catalog


@pytest.mark.parametrize("case", CASES, ids=[c.type_name for c in CASES])
def test_lifecycle(case: Case, provider: DynamicProviderClient, api: ZoomClient) -> None:
    spec = catalog.get_object(case.type_name)
    t = case.type_name
    prereqs, inputs = setup(case, api)

    inputs = checked_inputs(provider, t, inputs)

    object_id, outs = provider.create(t, inputs)
    assert object_id
    assert object_id in object_ids(api, t, inputs)
    assert outs[spec.friendly(spec.id_field)] == object_id
    for key, value in inputs.items():
        assert contains(outs[key], value), key

    # Read returns exactly what create recorded: a refresh shows no change.
    read_id, read_outs = provider.read(t, object_id, outs)
    assert read_id == object_id
    assert read_outs == outs

    # Unchanged inputs: no diff (numbers arrive as floats from the engine).
    as_floats = {
        k: float(v) if isinstance(v, int) and not isinstance(v, bool) else v
        for k, v in inputs.items()
    }
    no_change = provider.diff(t, object_id, outs, as_floats)
    assert no_change.changes == no_change.DIFF_NONE

    # An in-place change: a diff without replacement, then an update with full outputs.
    changed = case.updated(inputs, prereqs)
    changed = checked_inputs(provider, t, changed)
    updated = outs
    if spec.update_op is None:  # create/read/delete only: nothing changes in place
        assert case.update == {}
    else:
        diff = provider.diff(t, object_id, outs, changed)
        assert diff.changes == diff.DIFF_SOME
        assert list(diff.replaces) == []
        updated = provider.update(t, object_id, outs, changed)
        for key, value in changed.items():
            assert contains(updated[key], value), key
        assert set(outs) <= set(updated)
        _, reread = provider.read(t, object_id, updated)
        assert reread == updated
        assert provider.diff(t, object_id, updated, changed).changes == diff.DIFF_NONE

    if case.replace is not None:
        replaced = case.replaced(changed, prereqs)
        diff = provider.diff(t, object_id, updated, replaced)
        assert diff.changes == diff.DIFF_SOME
        assert sorted(diff.replaces) == sorted(case.replace)
    else:
        assert spec.replace_fields == frozenset()

    provider.delete(t, object_id, updated)
    assert object_id not in object_ids(api, t, inputs)
    gone_id, _ = provider.read(t, object_id, updated)
    assert gone_id == ""
    provider.delete(t, object_id, updated)  # already gone: still succeeds


@pytest.mark.parametrize("case", CASES, ids=[c.type_name for c in CASES])
def test_refresh_after_out_of_band_delete(
    case: Case, provider: DynamicProviderClient, api: ZoomClient
) -> None:
    spec = catalog.get_object(case.type_name)
    _, inputs = setup(case, api)
    inputs = checked_inputs(provider, case.type_name, inputs)
    object_id, outs = provider.create(case.type_name, inputs)
    if case.delete_out_of_band is not None:  # no single-item DELETE in the API
        case.delete_out_of_band(api, object_id)
    else:
        params = spec.delete_params(inputs)  # the cases declare the delete-time targets
        api.request("DELETE", spec.item_url(object_id, inputs), params=params or None)
    gone_id, gone_outs = provider.read(case.type_name, object_id, outs)
    assert (gone_id, gone_outs) == ("", {})


def test_preview_with_unknown_values(provider: DynamicProviderClient, api: ZoomClient) -> None:
    """During preview a parent's id is unknown: check passes it, diff reports the change."""
    from tests.support.grpc_provider import UNKNOWN

    inputs = {"name": "French", "skill_category_id": UNKNOWN}
    _, failures = provider.check("Skill", inputs)
    assert failures == []
    olds = {"name": "French", "skill_category_id": "abc", "skill_id": "s1"}
    diff = provider.diff("Skill", "s1", olds, inputs)
    assert diff.changes == diff.DIFF_SOME
    assert list(diff.replaces) == ["skill_category_id"]
    # A known bad value next to an unknown one is still reported.
    _, failures = provider.check("Queue", {"name": UNKNOWN, "channel": "fax"})
    assert [f for f, _ in failures] == ["channel"]
