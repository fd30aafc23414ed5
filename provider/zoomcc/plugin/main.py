"""The ``pulumi-resource-zoomcc`` executable: serves ``ZoomccProvider`` over gRPC and prints
its port on the first line of stdout, as the engine expects of a plugin.

A failing call is reported by its own message (the SDK's servicer would let grpc prefix it
with "Unexpected <class ...>" and log a traceback): the servicer's calls are wrapped as it is
registered, as ``engine.provider_host`` does for the dynamic front end.
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from importlib import metadata
from typing import Any

import grpc
from pulumi.provider.experimental import server
from pulumi.runtime.proto import provider_pb2_grpc

from zoomcc.plugin.provider import ZoomccProvider

CALLS = (
    "CheckConfig",
    "Configure",
    "Check",
    "Diff",
    "Create",
    "Read",
    "Update",
    "Delete",
    "Invoke",
)
"""The servicer's calls that run provider code."""

Call = Callable[[Any, Any], Awaitable[Any]]


def reported(call: Call) -> Call:
    """``call`` with its exception turned into the call's status: the message, no prefix."""

    async def serve(request: Any, context: Any) -> Any:
        try:
            return await call(request, context)
        except Exception as error:
            await context.abort(grpc.StatusCode.UNKNOWN, str(error) or type(error).__name__)

    return serve


def _register_reporting(register: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
    def register_reporting(servicer: Any, grpc_server: Any) -> None:
        for name in CALLS:
            setattr(servicer, name, reported(getattr(servicer, name)))
        register(servicer, grpc_server)

    return register_reporting


def version() -> str:
    """The installed distribution's version (the plugin reports it to the engine)."""
    return metadata.version("pulumi-zoomcc")


def main() -> None:
    provider_pb2_grpc.add_ResourceProviderServicer_to_server = _register_reporting(  # type: ignore[assignment]
        provider_pb2_grpc.add_ResourceProviderServicer_to_server
    )
    server.main(sys.argv[1:], version(), ZoomccProvider())


if __name__ == "__main__":
    main()
