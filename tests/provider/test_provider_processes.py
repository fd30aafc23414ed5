"""Each test gets a new provider process (a fork of one fork server, see
``tests/support/provider_forks.py``), as the engine starts one per operation: what one process
was configured with, the token it took, the names it indexed, are never seen by the next. A
provider tier that shared one process between tests (re-configuring it) fails these."""

from __future__ import annotations

import os
from typing import Any

import grpc
import pytest

from tests.support.grpc_forks import FORKS, FRESH_ENV
from tests.support.grpc_provider import DynamicProviderClient, dynamic_provider
from zoomcc.emulator import EmulatorServer

CATEGORY = {"name": "Languages", "skill_type": "proficiency"}


def _create_categories(config: dict[str, Any], *names: str) -> list[str]:
    """SkillCategories created by one process of their own; their ids."""
    with dynamic_provider() as provider:
        provider.configure(config)
        ids = []
        for name in names:
            inputs, failures = provider.check("SkillCategory", {**CATEGORY, "name": name})
            assert failures == []
            ids.append(provider.create("SkillCategory", inputs)[0])
        return ids


def test_a_new_process_is_configured_by_its_own_configuration_alone(
    stack_config: dict[str, Any], emulator: EmulatorServer
) -> None:
    """pulumi.dynamic configures a provider once per process: a process left from a test
    with a good configuration would ignore the next one's misspelt setting."""
    _create_categories(stack_config, "Languages")
    typo = {**stack_config, "zoomcc:basUrl": stack_config["zoomcc:baseUrl"]}
    with dynamic_provider() as provider:
        provider.configure(typo)
        with pytest.raises(grpc.RpcError) as failed:
            provider.check("SkillCategory", CATEGORY)
    assert "unknown setting zoomcc:basUrl" in str(failed.value)


def test_a_new_process_takes_its_own_token_and_knows_no_names_from_before(
    stack_config: dict[str, Any], emulator: EmulatorServer
) -> None:
    """The emulator's reset between tests keeps tokens valid and forgets objects: a process
    left from the previous test would send no token request and find the name taken by an
    object that is gone."""
    _create_categories(stack_config, "Languages", "Regions")  # names indexed
    emulator.state.reset()

    _create_categories(stack_config, "Languages")

    paths = [(r.method, r.path) for r in emulator.state.requests]
    assert ("POST", "/oauth/token") in paths
    assert ("POST", "/v2/contact_center/skills/categories") in paths


def test_the_processes_are_forks_of_the_fork_server_unless_told_otherwise(
    provider: DynamicProviderClient,
) -> None:
    """A fork costs milliseconds where a started process costs a second of imports: the
    fork server stays usable from test to test (pytest's changing note of the running test
    in the environment is no reason to start processes anew)."""
    assert FORKS.can_fork() is (os.environ.get(FRESH_ENV) != "1")
