"""The client's TCP connection as the emulator handles it below HTTP: reading a whole
request body, and closing the socket without an answer (a "lost" response)."""

from __future__ import annotations

import asyncio
from typing import Protocol

from starlette.requests import ClientDisconnect
from starlette.types import Message, Receive, Send


class _Abortable(Protocol):
    def abort(self) -> None: ...


def _abortable(send: Send) -> _Abortable | None:
    """uvicorn's asyncio transport behind ``send``, when it can be aborted."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if isinstance(transport, asyncio.BaseTransport) and hasattr(transport, "abort"):
        return transport
    return None


def can_drop(send: Send) -> bool:
    """Whether ``drop_connection`` can really close this request's socket."""
    return _abortable(send) is not None


async def drop_connection(send: Send) -> bool:
    """Close the client's TCP connection without any response; False if impossible.

    ASGI has no "abort" message, and under uvicorn an app that raises or returns without
    responding gets a 500 sent for it. uvicorn's ``send`` is a bound method of its
    per-request cycle object, which holds the asyncio transport: aborting that transport
    closes the socket, and marking the cycle disconnected stops uvicorn from answering.
    Any other server (or an in-process test transport) gets False, and the caller answers
    502 instead.
    """
    transport = _abortable(send)
    if transport is None:
        return False
    transport.abort()
    cycle = getattr(send, "__self__", None)
    if cycle is not None and hasattr(cycle, "disconnected"):
        cycle.disconnected = True
    await asyncio.sleep(0)
    return True


async def read_body(receive: Receive) -> tuple[bytes, Receive]:
    """The whole request body, and a ``receive`` that hands it to the handler again."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    body = b"".join(chunks)
    pending = [body]

    async def replay() -> Message:
        if pending:
            return {"type": "http.request", "body": pending.pop(), "more_body": False}
        return await receive()

    return body, replay
