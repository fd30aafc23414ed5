"""The ``/_emulator/...`` endpoints: tests and users inspect, seed, reset and reconfigure
the emulator over HTTP. No authentication: the emulator binds loopback."""

from __future__ import annotations

from typing import Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from zoomcc.emulator.responses import zoom_error
from zoomcc.emulator.state import EmulatorState

ADMIN_PREFIX: Final = "/_emulator"


def admin_routes(state: EmulatorState) -> list[BaseRoute]:
    """The admin endpoints, each a thin call into ``state``."""

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def requests(request: Request) -> Response:
        if request.method == "DELETE":
            state.clear_requests()
            return Response(status_code=204)
        return JSONResponse({"requests": [r.to_dict() for r in state.requests]})

    async def reset(request: Request) -> Response:
        state.reset()
        return Response(status_code=204)

    async def objects(request: Request) -> Response:
        return JSONResponse(state.all_objects())

    async def collections(request: Request) -> Response:
        return JSONResponse(
            {
                "collections": [
                    {
                        "name": c.name,
                        "path": c.path,
                        "id_field": c.id_field,
                        "list_key": c.list_key,
                        "rate_labels": dict(c.rate_labels),
                    }
                    for c in state.collections
                ]
            }
        )

    async def config(request: Request) -> Response:
        if request.method == "POST":
            try:
                body = await request.json()
                if not isinstance(body, dict):
                    raise ValueError("the body must be a JSON object")
                state.configure(**body)
            except (ValueError, TypeError) as exc:
                return zoom_error(400, 300, str(exc))
        with state.lock:
            return JSONResponse(state.config.to_dict())

    async def expire_tokens(request: Request) -> Response:
        state.expire_tokens()
        return Response(status_code=204)

    async def seed(request: Request) -> Response:
        try:
            body = await request.json()
            created = state.seed(
                str(body["collection"]), list(body.get("objects", [])), body.get("parent_id")
            )
        except (ValueError, TypeError, KeyError) as exc:
            return zoom_error(400, 300, f"Invalid seed request: {exc}")
        return JSONResponse({"objects": created}, status_code=201)

    async def stats(request: Request) -> Response:
        return JSONResponse(state.stats())

    p = ADMIN_PREFIX
    return [
        Route(f"{p}/health", health, methods=["GET"]),
        Route(f"{p}/requests", requests, methods=["GET", "DELETE"]),
        Route(f"{p}/reset", reset, methods=["POST"]),
        Route(f"{p}/objects", objects, methods=["GET"]),
        Route(f"{p}/collections", collections, methods=["GET"]),
        Route(f"{p}/config", config, methods=["GET", "POST"]),
        Route(f"{p}/expire_tokens", expire_tokens, methods=["POST"]),
        Route(f"{p}/seed", seed, methods=["POST"]),
        Route(f"{p}/stats", stats, methods=["GET"]),
    ]
