"""Drive the ``pulumi-resource-zoomcc`` plugin over gRPC exactly as the engine does: its own
process (the console script's ``main``, in a fork: see ``grpc_forks``), the ResourceProvider
protocol, schema names."""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from google.protobuf import struct_pb2
from pulumi.runtime import rpc
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from tests.support.grpc_forks import provider_stub

UNKNOWN = rpc.UNKNOWN


def plugin_executable() -> str:
    """The console script ``pip install`` puts beside the interpreter."""
    beside = Path(sys.executable).parent / "pulumi-resource-zoomcc"
    found = str(beside) if beside.exists() else shutil.which("pulumi-resource-zoomcc")
    assert found, "pulumi-resource-zoomcc is not installed (pip install -e .)"
    return found


def struct(props: dict[str, Any]) -> struct_pb2.Struct:
    return asyncio.run(rpc.serialize_properties(props, {}, keep_output_values=False))


def plain(value: struct_pb2.Struct) -> dict[str, Any]:
    return dict(rpc.deserialize_properties(value, keep_unknowns=True))


def urn(type_name: str, name: str = "test") -> str:
    return f"urn:pulumi:test::zoomcc::zoomcc:index:{type_name}::{name}"


class PluginClient:
    """One plugin process; every call goes through its real servicer."""

    def __init__(self, stub: provider_pb2_grpc.ResourceProviderStub) -> None:
        self.stub = stub

    def configure(self, settings: dict[str, Any]) -> None:
        self.stub.Configure(
            provider_pb2.ConfigureRequest(args=struct(settings), acceptSecrets=True)
        )

    def check(
        self, type_name: str, news: dict[str, Any], olds: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any], list[str]]:
        resp = self.stub.Check(
            provider_pb2.CheckRequest(
                urn=urn(type_name), olds=struct(olds or {}), news=struct(news)
            )
        )
        return plain(resp.inputs), [f.reason for f in resp.failures]

    def diff(
        self, type_name: str, id_: str, olds: dict[str, Any], news: dict[str, Any]
    ) -> provider_pb2.DiffResponse:
        return self.stub.Diff(
            provider_pb2.DiffRequest(
                id=id_, urn=urn(type_name), olds=struct(olds), news=struct(news)
            )
        )

    def create(
        self, type_name: str, props: dict[str, Any], *, preview: bool = False
    ) -> tuple[str, dict[str, Any]]:
        resp = self.stub.Create(
            provider_pb2.CreateRequest(
                urn=urn(type_name), properties=struct(props), preview=preview
            )
        )
        return resp.id, plain(resp.properties)

    def read(
        self,
        type_name: str,
        id_: str,
        props: dict[str, Any] | None = None,
        inputs: dict[str, Any] | None = None,
    ) -> tuple[str, dict[str, Any], dict[str, Any]]:
        resp = self.stub.Read(
            provider_pb2.ReadRequest(
                id=id_,
                urn=urn(type_name),
                properties=struct(props or {}),
                inputs=struct(inputs or {}),
            )
        )
        return resp.id, plain(resp.properties), plain(resp.inputs)

    def update(
        self,
        type_name: str,
        id_: str,
        olds: dict[str, Any],
        news: dict[str, Any],
        *,
        preview: bool = False,
    ) -> dict[str, Any]:
        resp = self.stub.Update(
            provider_pb2.UpdateRequest(
                id=id_, urn=urn(type_name), olds=struct(olds), news=struct(news), preview=preview
            )
        )
        return plain(resp.properties)

    def delete(self, type_name: str, id_: str, props: dict[str, Any]) -> None:
        self.stub.Delete(
            provider_pb2.DeleteRequest(id=id_, urn=urn(type_name), properties=struct(props))
        )

    def invoke(self, token: str, args: dict[str, Any]) -> dict[str, Any]:
        resp = self.stub.Invoke(provider_pb2.InvokeRequest(tok=token, args=struct(args)))
        assert not resp.failures, resp.failures
        return plain(getattr(resp, "return"))

    def schema(self) -> str:
        return str(self.stub.GetSchema(provider_pb2.GetSchemaRequest(version=0)).schema)


@contextmanager
def plugin_process() -> Iterator[PluginClient]:
    """A new plugin process: a fork of :data:`FORKS` running the console script's ``main``
    (``provider_forks.py``), or the console script itself where ``FORKS.can_fork`` says no."""
    with provider_stub("plugin", [plugin_executable(), "127.0.0.1:1"]) as stub:
        yield PluginClient(stub)
