"""Uploaded files, served where ``asset_item_file_url`` says (``/file/asset_library/...``),
to a caller with the account's bearer token (401 without it, 404 for a file never uploaded).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from zoomcc.emulator.areas.assets.objects import FILE_PREFIX
from zoomcc.emulator.responses import zoom_error
from zoomcc.emulator.state import EmulatorState


def file_route(state: EmulatorState) -> Route:
    """GET of an uploaded file, by the path its URL names."""

    async def serve(request: Request) -> Response:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or state.token_status(token.strip()) != "valid":
            return zoom_error(401, 124, "Invalid access token.")
        path = request.url.path.lstrip("/")
        with state.locked_store() as store:
            data = store.files.get(path)
        if data is None:
            return zoom_error(404, 404, "File does not exist.")
        return Response(data, media_type="application/octet-stream")

    return Route(f"/{FILE_PREFIX}/{{digest}}/{{name:path}}", serve, methods=["GET"])
