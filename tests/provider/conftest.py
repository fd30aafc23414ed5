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
def provider(stack_config: dict[str, Any]) -> Iterator[DynamicProviderClient]:
    """A new provider process over gRPC (as the engine starts one per operation), configured
    for the test's emulator: nothing in it is left from another test (see
    ``tests/support/provider_forks.py``)."""
    with dynamic_provider() as client:
        client.configure(stack_config)
        yield client
