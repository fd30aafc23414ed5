"""Zoom-style error responses: ``{"code", "message"}`` with the HTTP status."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from zoomcc.emulator.refusals import RequestRefused


def zoom_error(
    status: int, code: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """A Zoom-style error response."""
    return refusal_response(RequestRefused(status, code, message, headers=headers))


def refusal_response(refusal: RequestRefused) -> Response:
    """The response Zoom sends for ``refusal``."""
    return JSONResponse(refusal.body(), status_code=refusal.status, headers=refusal.headers)
