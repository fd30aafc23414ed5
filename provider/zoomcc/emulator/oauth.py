"""The token endpoint: Server-to-Server OAuth (``grant_type=account_credentials``)."""

from __future__ import annotations

import base64
import binascii
from typing import Final
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from zoomcc.emulator.api_routes import OpRoute
from zoomcc.emulator.state import EmulatorState

OAUTH_PATH: Final = "/oauth/token"


def _basic_credentials(request: Request) -> tuple[str, str]:
    """(client id, client secret) from an HTTP Basic header; empty strings without one."""
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return "", ""
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        decoded = ""
    client_id, _, client_secret = decoded.partition(":")
    return client_id, client_secret


def oauth_route(state: EmulatorState) -> OpRoute:
    """``POST /oauth/token`` answering as zoom.us does."""

    async def token(request: Request) -> Response:
        failure = state.config.token_failure_status
        if failure is not None:
            return JSONResponse(
                {"reason": "The token service is unavailable (emulated).", "error": "server_error"},
                status_code=failure,
            )
        params = dict(parse_qsl(request.url.query))
        params.update(parse_qsl((await request.body()).decode("utf-8", "replace")))
        client_id, client_secret = _basic_credentials(request)
        if params.get("grant_type") != "account_credentials":
            return JSONResponse(
                {"reason": "Unsupported grant type", "error": "unsupported_grant_type"},
                status_code=400,
            )
        if not state.credentials_ok(params.get("account_id", ""), client_id, client_secret):
            return JSONResponse(
                {"reason": "Invalid client_id or client_secret", "error": "invalid_client"},
                status_code=400,
            )
        access_token, expires_in = state.issue_token()
        api_url = str(request.base_url).rstrip("/")
        return JSONResponse(
            {
                "access_token": access_token,
                "token_type": "bearer",
                "expires_in": expires_in,
                "scope": "contact_center:read:admin contact_center:write:admin",
                "api_url": api_url,
            },
            headers={"Cache-Control": "no-store"},
        )

    return OpRoute(OAUTH_PATH, token, ["POST"], "oauth.token", None)
