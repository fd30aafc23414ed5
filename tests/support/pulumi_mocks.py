"""Pulumi's mocks on a loop of the test's own: the mocks run on the thread's event loop, an
earlier test's ``asyncio.run()`` leaves the thread without one, and the root stack resource
``set_mocks`` keeps from an earlier test holds futures of that test's closed loop (so the
order tests run in must not matter)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

import pulumi


@contextmanager
def mocked_runtime(mocks: pulumi.runtime.Mocks) -> Iterator[None]:
    """Registers ``mocks`` for the duration, on a new event loop closed afterwards, under a
    new root stack resource."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    pulumi.runtime.settings.ROOT.set(None)
    pulumi.runtime.set_mocks(mocks, preview=False)
    try:
        yield
    finally:
        pulumi.runtime.settings.ROOT.set(None)
        asyncio.set_event_loop(None)
        loop.close()
