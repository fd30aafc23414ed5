"""The one way the emulator says no: Zoom's error body ``{"code", "message"}``.

Every refusal, from the request checks before a handler runs to a hook's business rule, is a
:class:`RequestRefused`; the HTTP layer turns it into the response.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Json = Any
"""A JSON value as ``json.loads`` returns it (the one place the emulator leaves untyped)."""

Obj = dict[str, Json]
"""One JSON object as the API stores and returns it."""


class RequestRefused(Exception):
    """The error Zoom answers instead of running the operation (400, 404, 429...)."""

    def __init__(
        self,
        status: int,
        code: int,
        message: str,
        *,
        headers: Mapping[str, str] | None = None,
        errors: Sequence[Obj] = (),
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers: dict[str, str] = dict(headers or {})
        self.errors = list(errors)

    def body(self) -> Obj:
        """Zoom's error body; validation failures list the fields, as Zoom's do."""
        body: Obj = {"code": self.code, "message": self.message}
        if self.errors:
            body["errors"] = self.errors
        return body


@dataclass(frozen=True)
class ErrorDef:
    """An error copied from the reference; ``message`` may hold ``{placeholders}``."""

    status: int
    code: int
    message: str

    def error(self, **values: object) -> RequestRefused:
        """Build the exception, filling the message's placeholders."""
        return RequestRefused(self.status, self.code, self.message.format(**values))


def validation_error(message: str, errors: Sequence[Obj] = ()) -> RequestRefused:
    """Zoom's generic 400 / code 300 for a malformed request."""
    return RequestRefused(400, 300, message, errors=errors)
