"""The API's routes: the generic CRUD handlers of every collection and its extra routes,
each tagged with the operation it serves and its rate-limit label."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from zoomcc.emulator.collection import ApiCall, Collection, ExtraRoute, StandardOp
from zoomcc.emulator.refusals import Json, RequestRefused, validation_error
from zoomcc.emulator.responses import refusal_response
from zoomcc.emulator.state import EmulatorState

API_PREFIX: Final = "/v2"
INFO_KEY: Final = "zoomcc.emulator"
"""The ASGI scope key of the request's :class:`RequestInfo`."""

Endpoint = Callable[[Request], Awaitable[Response]]


@dataclass
class RequestInfo:
    """What the handlers learn about a request that the request log shows."""

    body: Json = None
    operation_id: str | None = None


class OpRoute(Route):
    """A route that knows which API operation it serves and its rate-limit label."""

    def __init__(
        self,
        path: str,
        endpoint: Endpoint,
        methods: list[str],
        operation: str,
        rate_label: str | None,
    ) -> None:
        super().__init__(path, endpoint, methods=methods)
        self.operation = operation
        self.rate_label = rate_label


async def _json_body(request: Request) -> Json:
    raw = await request.body()
    if not raw.strip():
        raise validation_error("Request Body should be a valid JSON object.")
    try:
        body = json.loads(raw)
    except ValueError:
        raise validation_error("Request Body should be a valid JSON object.") from None
    info = request.scope.get(INFO_KEY)
    if isinstance(info, RequestInfo):
        info.body = body
    return body


def _collection_endpoint(state: EmulatorState, coll: Collection, op: StandardOp) -> Endpoint:
    """The generic handler of one operation on one collection."""

    async def endpoint(request: Request) -> Response:
        parent_id = request.path_params.get(coll.parent.param) if coll.parent else None
        object_id = str(request.path_params.get("id", ""))
        try:
            body = await _json_body(request) if op in ("create", "update") else None
            with state.locked_store() as store:
                if op == "list":
                    return JSONResponse(store.list(coll.name, request.query_params, parent_id))
                if op == "create":
                    return JSONResponse(store.create(coll.name, body, parent_id), status_code=201)
                if op == "get":
                    return JSONResponse(store.read(coll.name, object_id, parent_id))
                if op == "update":
                    store.update(coll.name, object_id, body, parent_id)
                else:
                    store.delete(coll.name, object_id, parent_id)
                return Response(status_code=204)
        except RequestRefused as exc:
            return refusal_response(exc)

    return endpoint


def _extra_endpoint(state: EmulatorState, extra: ExtraRoute) -> Endpoint:
    """The handler of a collection's non-standard operation (see ``ExtraRoute``)."""

    async def endpoint(request: Request) -> Response:
        content_type = request.headers.get("content-type", "")
        try:
            raw = await request.body()
            body = await _json_body(request) if raw.strip() and "json" in content_type else None
            call = ApiCall(
                {k: str(v) for k, v in request.path_params.items()},
                dict(request.query_params),
                body,
                raw,
                content_type,
                str(request.base_url),
            )
            with state.locked_store() as store:
                result = extra.handler(store, call)
        except RequestRefused as exc:
            return refusal_response(exc)
        if result is None:
            return Response(status_code=204)
        return JSONResponse(result, status_code=extra.success_status)

    return endpoint


def _route_key(route: BaseRoute) -> tuple[int, ...]:
    """Literal segments before parameters: /dispositions/sets wins over /dispositions/{id}."""
    path = getattr(route, "path", "")
    return tuple(1 if seg.startswith("{") else 0 for seg in path.strip("/").split("/"))


_STANDARD: Final[tuple[tuple[bool, str, StandardOp], ...]] = (
    (False, "GET", "list"),
    (False, "POST", "create"),
    (True, "GET", "get"),
    (True, "PATCH", "update"),
    (True, "DELETE", "delete"),
)
"""(on the item path?, method, operation) of the standard operations."""


def api_routes(state: EmulatorState) -> list[OpRoute]:
    """Every collection's routes, most specific path first."""
    routes = []
    for coll in state.collections:
        for extra in coll.extra_routes:
            routes.append(
                OpRoute(
                    API_PREFIX + extra.path,
                    _extra_endpoint(state, extra),
                    [extra.method],
                    f"{coll.name}.{extra.name}",
                    extra.rate_label,
                )
            )
        replaced = {(e.method, API_PREFIX + e.path) for e in coll.extra_routes}
        for on_item, method, op in _STANDARD:
            path = API_PREFIX + (coll.item_path if on_item else coll.path)
            if op in coll.omitted_ops or (method, path) in replaced:
                continue
            routes.append(
                OpRoute(
                    path,
                    _collection_endpoint(state, coll, op),
                    [method],
                    f"{coll.name}.{op}",
                    coll.rate_labels[op],
                )
            )
    routes.sort(key=_route_key)
    return routes
