"""Pulumi's mocks on a loop of the test's own: the mocks run on the thread's event loop, and
an earlier test's ``asyncio.run()`` leaves the thread without one (so the order tests run in
must not matter)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

import pulumi


@contextmanager
def mocked_runtime(mocks: pulumi.runtime.Mocks) -> Iterator[None]:
    """Registers ``mocks`` for the duration, on a new event loop closed afterwards."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    pulumi.runtime.set_mocks(mocks, preview=False)
    try:
        yield
    finally:
        asyncio.set_event_loop(None)
        loop.close()
