"""The settings cases' data holds: each case's replacing change is one the provider replaces
for (the round trips themselves are in test_relations.py)."""

from __future__ import annotations

import pytest

from tests.support.cases import SETTINGS_CASES, SettingsCase
from tests.support.grpc_provider import DynamicProviderClient
from tests.support.provider_steps import settings_setup
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer


@pytest.mark.parametrize("case", SETTINGS_CASES, ids=[c.type_name for c in SETTINGS_CASES])
def test_a_settings_case_replacing_change_replaces_the_resource(
    case: SettingsCase, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    t = case.type_name
    prereqs, inputs, changed = settings_setup(t, api, emulator)
    object_id, outs = provider.create(t, inputs)
    assert case.replace
    diff = provider.diff(t, object_id, outs, case.replaced(changed, prereqs))
    assert diff.changes == diff.DIFF_SOME
    assert sorted(diff.replaces) == sorted(case.replace)
    provider.delete(t, object_id, outs)
