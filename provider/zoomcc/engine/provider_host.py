"""The dynamic providers' host for the engine this project sets up: `python -m pulumi.dynamic`,
with a failing call reported by its own message.

pulumi's servicer lets a provider's exception reach grpc, which reports it as
"Exception calling application: <message>" and logs its traceback. Here the servicer's calls
are wrapped as it is registered, so a failure aborts the call with the message alone. With the
official CLI's own plugin the prefix stays (docs/errors.md); the message after it is the same.
"""

from __future__ import annotations

import runpy
from collections.abc import Callable
from typing import Any

import grpc
from pulumi.runtime.proto import provider_pb2_grpc

CALLS = ("Configure", "Check", "Diff", "Create", "Read", "Update", "Delete", "Invoke")
"""The servicer's calls that run provider code."""

Call = Callable[[Any, grpc.ServicerContext], Any]


def reported(call: Call) -> Call:
    """``call`` with its exception turned into the call's status: the message, no prefix."""

    def serve(request: Any, context: grpc.ServicerContext) -> Any:
        try:
            return call(request, context)
        except Exception as error:
            context.abort(grpc.StatusCode.UNKNOWN, str(error) or type(error).__name__)

    return serve


def _register_reporting(register: Callable[[Any, grpc.Server], None]) -> Callable[..., None]:
    def register_reporting(servicer: Any, server: grpc.Server) -> None:
        for name in CALLS:
            setattr(servicer, name, reported(getattr(servicer, name)))
        register(servicer, server)

    return register_reporting


def main() -> None:
    provider_pb2_grpc.add_ResourceProviderServicer_to_server = _register_reporting(
        provider_pb2_grpc.add_ResourceProviderServicer_to_server
    )
    runpy.run_module("pulumi.dynamic", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
