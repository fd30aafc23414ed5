"""Bad input fails in check with the field named and no API call; no secret leaves."""

from __future__ import annotations

import base64
from typing import Any

import dill
import grpc
import pytest

from tests.conftest import CLIENT_SECRET
from tests.support.grpc_provider import DynamicProviderClient, dynamic_provider, provider_value
from zoomcc.dynamic.base import BaseProvider
from zoomcc.dynamic.provider import SpecProvider
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog

BAD_INPUTS = [
    ("Queue", {"name": "Q", "channel": "fax"}, "channel", "'voice'"),
    ("Queue", {"name": "Q", "max_wait_time": "long"}, "max_wait_time", "valid integer"),
    ("Queue", {"name": "Q", "max_wait_time": 1.5}, "max_wait_time", "valid integer"),
    ("Team", {"name": "T"}, "parent_team_id", "required"),
    ("Disposition", {"description": "no name"}, "name", "required"),
    ("SkillCategory", {"name": "C", "skill_type": "colour"}, "skill_type", "'proficiency'"),
    (
        "Skill",
        {"name": "S", "skill_category_id": "c1", "nickname": "x"},
        "nickname",
        "unknown argument",
    ),
    (
        "BusinessHours",
        {"name": "B", "hours": {"hour_type": 9}},
        "hours",
        "hours.hour_type",
    ),
    (
        "ClosureSet",
        {"name": "C", "timezone": "UTC", "closures": [{"closure_name": "x"}]},
        "closures",
        "closures.0.",
    ),
    ("DispositionSet", {"name": "D", "disposition_ids": "abc"}, "disposition_ids", "list"),
]


@pytest.mark.parametrize(
    ("type_name", "inputs", "field", "says"),
    BAD_INPUTS,
    ids=[f"{t}-{f}-{i}" for i, (t, _, f, _) in enumerate(BAD_INPUTS)],
)
def test_bad_input_is_named_in_check_without_api_calls(
    provider: DynamicProviderClient,
    emulator: EmulatorServer,
    type_name: str,
    inputs: dict[str, Any],
    field: str,
    says: str,
) -> None:
    emulator.state.clear_requests()
    _, failures = provider.check(type_name, inputs)
    assert {f for f, _ in failures} == {field}
    reason = failures[0][1]
    assert not reason.startswith(f"{type_name}:"), reason  # the engine names the resource
    assert says in reason
    assert emulator.state.requests == []


def test_pickled_provider_is_small_and_holds_no_state(stack_config: dict[str, Any]) -> None:
    for spec in catalog.ALL:
        value = provider_value(spec.name)
        assert len(value) < 200, (spec.name, len(value))
        raw = base64.b64decode(value)
        assert CLIENT_SECRET.encode() not in raw
        # By reference: the class is imported, not its code pickled.
        assert b"zoomcc.dynamic." in raw and b"def " not in raw
        restored = dill.loads(raw)
        assert isinstance(restored, BaseProvider)
        assert restored.type_name == spec.name


def test_configured_provider_pickles_without_its_config(stack_config: dict[str, Any]) -> None:
    """Even after configure() saw the secret, pickling it again carries none of it."""
    from pulumi.dynamic import ConfigureRequest
    from pulumi.dynamic.config import Config
    from pulumi.dynamic.dynamic import serialize_provider

    provider = SpecProvider("Queue")
    provider.configure(ConfigureRequest(Config(stack_config, "test")))
    assert provider.client is not None  # the secret was used
    raw = base64.b64decode(serialize_provider(provider))
    assert CLIENT_SECRET.encode() not in raw
    assert b"emulator" not in raw
    assert CLIENT_SECRET not in repr(provider)


def test_a_misspelt_setting_fails_preview_naming_it_without_api_calls(
    stack_config: dict[str, Any], emulator: EmulatorServer
) -> None:
    emulator.state.clear_requests()
    typo = {**stack_config, "zoomcc:basUrl": stack_config["zoomcc:baseUrl"]}
    with dynamic_provider() as client:
        client.configure(typo)
        with pytest.raises(grpc.RpcError) as failed:
            client.check("SkillCategory", {"name": "C", "skill_type": "proficiency"})
    assert "unknown setting zoomcc:basUrl: did you mean zoomcc:baseUrl?" in str(failed.value)
    assert emulator.state.requests == []
