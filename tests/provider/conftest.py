"""The provider tier's one fixture: a real `pulumi.dynamic` provider process, configured."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.grpc_provider import DynamicProviderClient, dynamic_provider


@pytest.fixture()
def provider(stack_config: dict[str, Any]) -> Iterator[DynamicProviderClient]:
    """The provider process over gRPC, configured for the test's emulator."""
    with dynamic_provider() as client:
        client.configure(stack_config)
        yield client
