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


PROVIDER_KEY = "__provider"
"""Where pulumi.dynamic finds a resource's pickled provider in the properties it is sent."""


def import_refusal(urn: str, object_id: str) -> str:
    """What `pulumi import` of a dynamic type answers: the engine's import calls Read with
    an id and no state, and a dynamic provider's code is in the state (pulumi/pulumi#16175),
    so pulumi.dynamic fails with a bare KeyError ``'__provider'`` before any of our code."""
    kind = urn.split("::")[2].rpartition("/")[2] if urn.count("::") >= 3 else "the resource"
    name = kind.partition(":")[2] or kind
    return (
        f"{kind}: `pulumi import` cannot import a dynamic resource (its Read needs the "
        f"provider kept in the state, pulumi/pulumi#16175); declare it in the program with "
        f'import_id="{object_id}" (zoomcc.{name}(..., import_id="{object_id}")) and run '
        "`pulumi up`, or write a program adopting the whole account with `zoomcc export`"
    )


OLD_INPUTS_KEY = "__old_inputs"
"""Where Read hands a provider the resource's inputs as the state holds them: pulumi.dynamic
passes only the outputs (``zoomcc.dynamic.base.OLD_INPUTS_KEY`` is the same name)."""


def refusing_imports(call: Call) -> Call:
    """Read with no provider in its properties (`pulumi import`) answered by
    ``import_refusal`` instead of pulumi.dynamic's KeyError; else Read with the state's
    inputs beside the outputs, so a refresh can carry what drifted into the inputs and the
    next preview names the field."""

    def read(request: Any, context: grpc.ServicerContext) -> Any:
        if PROVIDER_KEY not in request.properties.fields:
            context.abort(grpc.StatusCode.UNKNOWN, import_refusal(request.urn, request.id))
        if request.inputs.fields:
            sent, request = request, type(request)()
            request.CopyFrom(sent)  # a copy: the engine's message stays as sent
            request.properties.fields[OLD_INPUTS_KEY].struct_value.CopyFrom(request.inputs)
        return call(request, context)

    return read


def _register_reporting(register: Callable[[Any, grpc.Server], None]) -> Callable[..., None]:
    def register_reporting(servicer: Any, server: grpc.Server) -> None:
        for name in CALLS:
            setattr(servicer, name, reported(getattr(servicer, name)))
        servicer.Read = refusing_imports(servicer.Read)
        register(servicer, server)

    return register_reporting


def main() -> None:
    provider_pb2_grpc.add_ResourceProviderServicer_to_server = _register_reporting(
        provider_pb2_grpc.add_ResourceProviderServicer_to_server
    )
    runpy.run_module("pulumi.dynamic", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
