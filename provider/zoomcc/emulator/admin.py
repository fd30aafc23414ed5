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
    admin, p = _Admin(state), ADMIN_PREFIX
    return [
        Route(f"{p}/health", admin.health, methods=["GET"]),
        Route(f"{p}/requests", admin.requests, methods=["GET", "DELETE"]),
        Route(f"{p}/reset", admin.reset, methods=["POST"]),
        Route(f"{p}/objects", admin.objects, methods=["GET"]),
        Route(f"{p}/collections", admin.collections, methods=["GET"]),
        Route(f"{p}/config", admin.config, methods=["GET", "POST"]),
        Route(f"{p}/expire_tokens", admin.expire_tokens, methods=["POST"]),
        Route(f"{p}/seed", admin.seed, methods=["POST"]),
        Route(f"{p}/stats", admin.stats, methods=["GET"]),
    ]


class _Admin:
    """The handlers of the admin endpoints over one emulator's ``state``."""

    def __init__(self, state: EmulatorState) -> None:
        self.state = state

    async def health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def requests(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.state.clear_requests()
            return Response(status_code=204)
        return JSONResponse({"requests": [r.to_dict() for r in self.state.requests]})

    async def reset(self, request: Request) -> Response:
        self.state.reset()
        return Response(status_code=204)

    async def objects(self, request: Request) -> Response:
        return JSONResponse(self.state.all_objects())

    async def collections(self, request: Request) -> Response:
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
                    for c in self.state.collections
                ]
            }
        )

    async def config(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                body = await request.json()
                if not isinstance(body, dict):
                    raise ValueError("the body must be a JSON object")
                self.state.configure(**body)
            except (ValueError, TypeError) as exc:
                return zoom_error(400, 300, str(exc))
        with self.state.lock:
            return JSONResponse(self.state.config.to_dict())

    async def expire_tokens(self, request: Request) -> Response:
        self.state.expire_tokens()
        return Response(status_code=204)

    async def seed(self, request: Request) -> Response:
        try:
            body = await request.json()
            created = self.state.seed(
                str(body["collection"]), list(body.get("objects", [])), body.get("parent_id")
            )
        except (ValueError, TypeError, KeyError) as exc:
            return zoom_error(400, 300, f"Invalid seed request: {exc}")
        return JSONResponse({"objects": created}, status_code=201)

    async def stats(self, request: Request) -> Response:
        return JSONResponse(self.state.stats())
