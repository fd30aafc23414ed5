"""Drive `python -m pulumi.dynamic` over gRPC exactly as the engine does."""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from google.protobuf import struct_pb2
from pulumi.dynamic.dynamic import serialize_provider
from pulumi.runtime import rpc
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from tests.support.grpc_forks import provider_stub
from zoomcc.dynamic.base import PROVIDER_KEY
from zoomcc.dynamic.registry import provider_for

UNKNOWN = rpc.UNKNOWN
_NAMED_FIELD = re.compile(r"'([A-Za-z_]\w*)")


def field_named(failure: provider_pb2.CheckFailure) -> str:
    """The argument a check failure is about, as the user reads it: the first quoted field of
    its one-line reason (the provider leaves ``property`` empty, see ``base.as_read``)."""
    assert failure.property == "", f"the engine would dump the value of {failure.property!r}"
    found = _NAMED_FIELD.search(failure.reason)
    assert found, f"the failure names no field: {failure.reason!r}"
    return found.group(1)


def _struct(props: dict[str, Any]) -> struct_pb2.Struct:
    return asyncio.run(rpc.serialize_properties(props, {}))


def _plain(struct: struct_pb2.Struct) -> dict[str, Any]:
    return dict(rpc.deserialize_properties(struct, keep_unknowns=True))


def provider_value(type_name: str) -> str:
    # The provider class the registry picks for the type (its kind's, or its own).
    return str(serialize_provider(provider_for(type_name)))


class DynamicProviderClient:
    """One provider process; every call goes through the real servicer."""

    def __init__(self, stub: provider_pb2_grpc.ResourceProviderStub) -> None:
        self.stub = stub

    @staticmethod
    def urn(type_name: str, name: str = "test") -> str:
        return f"urn:pulumi:test::zoomcc::pulumi-python:dynamic/zoomcc:{type_name}::{name}"

    def _with_provider(self, type_name: str, props: dict[str, Any]) -> dict[str, Any]:
        return {**props, PROVIDER_KEY: provider_value(type_name)}

    def configure(self, config: dict[str, Any]) -> None:
        self.stub.Configure(
            provider_pb2.ConfigureRequest(args=_struct(config), acceptSecrets=False)
        )

    def check(
        self, type_name: str, news: dict[str, Any], olds: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        resp = self.stub.Check(
            provider_pb2.CheckRequest(
                urn=self.urn(type_name),
                olds=_struct(self._with_provider(type_name, olds or {})),
                news=_struct(self._with_provider(type_name, news)),
            )
        )
        return _plain(resp.inputs), [(field_named(f), f.reason) for f in resp.failures]

    def diff(
        self, type_name: str, id_: str, olds: dict[str, Any], news: dict[str, Any]
    ) -> provider_pb2.DiffResponse:
        return self.stub.Diff(
            provider_pb2.DiffRequest(
                id=id_,
                urn=self.urn(type_name),
                olds=_struct(self._with_provider(type_name, olds)),
                news=_struct(self._with_provider(type_name, news)),
            )
        )

    def create(self, type_name: str, props: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        resp = self.stub.Create(
            provider_pb2.CreateRequest(
                urn=self.urn(type_name), properties=_struct(self._with_provider(type_name, props))
            )
        )
        return resp.id, _strip(_plain(resp.properties))

    def read(self, type_name: str, id_: str, props: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        resp = self.stub.Read(
            provider_pb2.ReadRequest(
                id=id_,
                urn=self.urn(type_name),
                properties=_struct(self._with_provider(type_name, props)),
            )
        )
        return resp.id, _strip(_plain(resp.properties))

    def update(
        self, type_name: str, id_: str, olds: dict[str, Any], news: dict[str, Any]
    ) -> dict[str, Any]:
        resp = self.stub.Update(
            provider_pb2.UpdateRequest(
                id=id_,
                urn=self.urn(type_name),
                olds=_struct(self._with_provider(type_name, olds)),
                news=_struct(self._with_provider(type_name, news)),
            )
        )
        return _strip(_plain(resp.properties))

    def delete(self, type_name: str, id_: str, props: dict[str, Any]) -> None:
        self.stub.Delete(
            provider_pb2.DeleteRequest(
                id=id_,
                urn=self.urn(type_name),
                properties=_struct(self._with_provider(type_name, props)),
            )
        )

    def stderr(self) -> str:
        return ""


def _strip(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k != PROVIDER_KEY}


@contextmanager
def dynamic_provider(env: dict[str, str] | None = None) -> Iterator[DynamicProviderClient]:
    """A new provider process, as the engine starts one per operation: a fork of
    :data:`FORKS` (the same process state as ``python -m pulumi.dynamic``, see
    ``provider_forks.py``), or a process of its own where ``env`` differs from this one's or
    ``FORKS.can_fork`` says no."""
    with provider_stub("dynamic", [sys.executable, "-u", "-m", "pulumi.dynamic"], env) as stub:
        yield DynamicProviderClient(stub)
