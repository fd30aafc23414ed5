"""The provider tier's one fixture: a real `pulumi.dynamic` provider process, configured."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.grpc_forks import FORKS
from tests.support.grpc_provider import DynamicProviderClient, dynamic_provider


@pytest.fixture(scope="session", autouse=True)
def provider_fork_server() -> Iterator[None]:
    """The fork server every provider process of this worker comes from, ended with the
    session (so its forks' CPU time is counted where a spawned process's would be)."""
    yield
    FORKS.close()


@pytest.fixture()
def stack_config(stack_config: dict[str, Any]) -> dict[str, Any]:
    """The emulator's account without client-side pacing (``zoomcc:pacing false``, as a user
    sets it for the emulator): the emulator of this tier enforces no rate limit, and paced at
    Zoom's (``client.pacing``: 105 ms between two MEDIUM calls) the tier spent most of its time
    asleep. Pacing is tested in ``tests/unit/test_client_pacing.py`` and
    ``tests/reliability/test_rate_limits.py``."""
    return {**stack_config, "zoomcc:pacing": "false"}


@pytest.fixture()
def provider(stack_config: dict[str, Any]) -> Iterator[DynamicProviderClient]:
    """A new provider process over gRPC (as the engine starts one per operation), configured
    for the test's emulator: nothing in it is left from another test (see
    ``tests/support/provider_forks.py``)."""
    with dynamic_provider() as client:
        client.configure(stack_config)
        yield client
