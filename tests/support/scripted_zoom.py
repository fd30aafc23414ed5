"""A resource's real provider whose client talks to a scripted Zoom (httpx.MockTransport):
for answers the emulator does not give (refusals, unexpected shapes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
from pydantic import SecretStr

from zoomcc.client import ClientSettings, ZoomClient
from zoomcc.dynamic.base import BaseProvider
from zoomcc.dynamic.registry import provider_for


@dataclass(frozen=True)
class Answer:
    """One scripted response: a status and a JSON body (none for 204)."""

    status: int
    body: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def error(cls, status: int, code: int, message: str) -> Answer:
        return cls(status, {"code": code, "message": message})

    def response(self) -> httpx.Response:
        if self.status == 204:
            return httpx.Response(204)
        return httpx.Response(self.status, json=self.body)


class Scripted:
    """A provider of ``type_name`` (its spec's own class) answered from ``answers`` in order;
    ``sent`` records every API request as ``METHOD path?query``."""

    def __init__(self, type_name: str, answers: list[Answer]) -> None:
        self.answers = list(answers)
        self.sent: list[str] = []
        settings = ClientSettings(
            account_id="acct-1",
            client_id="client-1",
            client_secret=SecretStr("sEcReT-for-scripted-zoom"),
            pacing=False,
        )
        client = ZoomClient(settings, httpx.MockTransport(self._answer))
        base = type(provider_for(type_name))
        provider_class = type(f"Scripted{base.__name__}", (base,), {"client": client})
        self.provider: BaseProvider[Any] = provider_class(type_name)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json={"access_token": "ACCESS-T0KEN-1", "expires_in": 3600})
        path = request.url.path.removeprefix("/v2")
        self.sent.append(f"{request.method} {path}?{request.url.query.decode()}")
        return self.answers.pop(0).response()
