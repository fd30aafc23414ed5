"""The HTTP face of the emulator: a Starlette app wrapped in one raw ASGI layer.

The Starlette routes do the work (OAuth, generic CRUD per collection, admin endpoints).
The outer :class:`EmulatorApp` is where the "network" misbehaves on purpose: it logs every
request, injects faults, checks bearer tokens and enforces rate limits, and it can close
the TCP connection without answering (see :func:`drop_connection`).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Final
from urllib.parse import parse_qsl, quote, unquote, urlencode

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Message, Receive, Scope, Send

from zoomcc.emulator.model import (
    ApiCall,
    Collection,
    ExtraRoute,
    Operation,
    ZoomApiError,
    validation_error,
)
from zoomcc.emulator.request_check import (
    RequestRefused,
    check_body,
    check_query,
    match_operation,
    resolve_identifiers,
    rewrite_path,
)
from zoomcc.emulator.state import EmulatorState, redact_query

log = logging.getLogger("zoomcc.emulator")

API_PREFIX: Final = "/v2"
OAUTH_PATH: Final = "/oauth/token"
ADMIN_PREFIX: Final = "/_emulator"
_INFO_KEY: Final = "zoomcc.emulator"
_ALL_METHODS: Final = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
_FAULT_MESSAGES: Final = {
    500: "Internal Server Error.",
    502: "Bad Gateway.",
    503: "Service Unavailable. Try again later.",
    504: "Gateway Timeout.",
}
_QPS_MESSAGE: Final = (
    "You have reached the maximum per-second rate limit for this API. Try again later."
)
_DAILY_MESSAGE: Final = (
    "You have reached the maximum daily rate limit for this API. Refer to the response "
    "header for details on when you can make another request."
)

Endpoint = Callable[[Request], Awaitable[Response]]


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


def zoom_error(
    status: int, code: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """A Zoom-style error response."""
    return JSONResponse({"code": code, "message": message}, status_code=status, headers=headers)


def _error_response(exc: ZoomApiError) -> Response:
    return zoom_error(exc.status, exc.code, exc.message, exc.headers)


def can_drop(send: Send) -> bool:
    """Whether ``drop_connection`` can really close this request's socket."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    return isinstance(transport, asyncio.BaseTransport) and hasattr(transport, "abort")


async def drop_connection(send: Send) -> bool:
    """Close the client's TCP connection without any response; False if impossible.

    ASGI has no "abort" message, and under uvicorn an app that raises or returns without
    responding gets a 500 sent for it. uvicorn's ``send`` is a bound method of its
    per-request cycle object, which holds the asyncio transport: aborting that transport
    closes the socket, and marking the cycle disconnected stops uvicorn from answering.
    Any other server (or an in-process test transport) gets False, and the caller answers
    502 instead.
    """
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if not isinstance(transport, asyncio.BaseTransport) or not hasattr(transport, "abort"):
        return False
    transport.abort()
    if cycle is not None and hasattr(cycle, "disconnected"):
        cycle.disconnected = True
    await asyncio.sleep(0)
    return True


# -- API endpoints ------------------------------------------------------------------------


async def _json_body(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        raise validation_error("Request Body should be a valid JSON object.")
    try:
        body = json.loads(raw)
    except ValueError:
        raise validation_error("Request Body should be a valid JSON object.") from None
    info = request.scope.get(_INFO_KEY)
    if isinstance(info, dict):
        info["body"] = body
    return body


def _collection_endpoint(state: EmulatorState, coll: Collection, op: Operation) -> Endpoint:
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
        except ZoomApiError as exc:
            return _error_response(exc)

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
            )
            with state.locked_store() as store:
                result = extra.handler(store, call)
        except ZoomApiError as exc:
            return _error_response(exc)
        if result is None:
            return Response(status_code=204)
        return JSONResponse(result, status_code=extra.success_status)

    return endpoint


def _route_key(route: BaseRoute) -> tuple[int, ...]:
    """Literal segments before parameters: /dispositions/sets wins over /dispositions/{id}."""
    path = getattr(route, "path", "")
    return tuple(1 if seg.startswith("{") else 0 for seg in path.strip("/").split("/"))


def _api_routes(state: EmulatorState) -> list[OpRoute]:
    routes = []
    for coll in state.collections:
        labels = coll.rate_labels
        base, item = API_PREFIX + coll.path, API_PREFIX + coll.item_path
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
        for path, method, op in (
            (base, "GET", "list"),
            (base, "POST", "create"),
            (item, "GET", "get"),
            (item, "PATCH", "update"),
            (item, "DELETE", "delete"),
        ):
            operation: Operation = op  # type: ignore[assignment]
            if operation in coll.omitted_ops or (method, path) in replaced:
                continue
            routes.append(
                OpRoute(
                    path,
                    _collection_endpoint(state, coll, operation),
                    [method],
                    f"{coll.name}.{op}",
                    labels[operation],
                )
            )
    routes.sort(key=_route_key)
    return routes


# -- OAuth ----------------------------------------------------------------------------------


def _oauth_endpoint(state: EmulatorState) -> Endpoint:
    async def token(request: Request) -> Response:
        failure = state.config.token_failure_status
        if failure is not None:
            return JSONResponse(
                {"reason": "The token service is unavailable (emulated).", "error": "server_error"},
                status_code=failure,
            )
        params = dict(parse_qsl(request.url.query))
        params.update(parse_qsl((await request.body()).decode("utf-8", "replace")))
        client_id = client_secret = ""
        scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                decoded = ""
            client_id, _, client_secret = decoded.partition(":")
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

    return token


# -- admin endpoints --------------------------------------------------------------------------


def _admin_routes(state: EmulatorState) -> list[BaseRoute]:
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


# -- the outer layer ----------------------------------------------------------------------------


class EmulatorApp:
    """ASGI app: request log, faults, bearer auth and rate limits around the Starlette app."""

    def __init__(self, state: EmulatorState) -> None:
        self.state = state
        self.api_routes = _api_routes(state)
        self.oauth_route = OpRoute(
            OAUTH_PATH, _oauth_endpoint(state), ["POST"], "oauth.token", None
        )

        async def unknown(request: Request) -> Response:
            if any(r.matches(request.scope)[0] == Match.PARTIAL for r in self.api_routes):
                return zoom_error(405, 405, "Method not allowed.")
            return zoom_error(404, 404, f"No such API: {request.url.path}.")

        fallback = Route(API_PREFIX + "/{rest:path}", unknown, methods=_ALL_METHODS)
        routes: list[BaseRoute] = [
            *_admin_routes(state),
            self.oauth_route,
            *self.api_routes,
            fallback,
        ]
        self.starlette = Starlette(routes=routes)

    def _operation(self, scope: Scope) -> OpRoute | None:
        for route in (self.oauth_route, *self.api_routes):
            if route.matches(scope)[0] == Match.FULL:
                return route
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(ADMIN_PREFIX):
            await self.starlette(scope, receive, send)
            return
        await self._serve(scope, receive, send)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        state = self.state
        started = time.perf_counter()
        method, path = scope["method"], scope["path"]
        route = self._operation(scope)
        is_api = path == API_PREFIX or path.startswith(API_PREFIX + "/")
        query = scope.get("query_string", b"").decode("latin-1")
        info: dict[str, Any] = {"body": None, "operation_id": None}
        scope[_INFO_KEY] = info

        def record(
            status: int | None,
            fault: str | None = None,
            applied_status: int | None = None,
            rate_limited: str | None = None,
        ) -> None:
            state.log_request(
                time=time.time(),
                method=method,
                path=path,
                query=redact_query(query),
                status=status,
                duration_ms=round((time.perf_counter() - started) * 1000, 3),
                operation=route.operation if route else None,
                rate_label=route.rate_label if route else None,
                fault=fault,
                applied_status=applied_status,
                rate_limited=rate_limited,
                body=info["body"] if is_api else None,
                operation_id=info["operation_id"],
            )

        plan = state.plan_faults(method, path)
        if state.config.latency > 0:
            await asyncio.sleep(state.config.latency)
        if plan.before == "drop":
            if can_drop(send):
                record(None, "drop")  # logged before the client can see the connection go
                await drop_connection(send)
            else:
                await zoom_error(502, 502, _FAULT_MESSAGES[502])(scope, receive, send)
                record(502, "drop")
            return
        if plan.before == "error":
            status = plan.error_status
            message = _FAULT_MESSAGES.get(status, "Internal Server Error.")
            await zoom_error(status, status, message)(scope, receive, send)
            record(status, "error")
            return

        if is_api:
            refusal, limited = self._refuse(scope, route)
            if refusal is not None:
                await refusal(scope, receive, send)
                record(refusal.status_code, rate_limited=limited)
                return
            try:
                receive = await self._admit(scope, receive, info)
            except RequestRefused as exc:
                await JSONResponse(exc.body(), status_code=exc.status)(scope, receive, send)
                record(exc.status)
                return
            except ClientDisconnect:
                log.info("client went away during %s %s", method, path)
                record(None)
                return

        seen: dict[str, int] = {}
        if plan.lose_response:

            async def swallow(message: Message) -> None:
                if message["type"] == "http.response.start":
                    seen["status"] = message["status"]

            await self._run(scope, receive, swallow, seen)
            applied = seen.get("status")
            if state.config.lost_response_mode == "drop" and can_drop(send):
                record(None, "lost_response", applied_status=applied)  # before the client sees
                await drop_connection(send)
            else:
                await zoom_error(502, 502, _FAULT_MESSAGES[502])(scope, receive, send)
                record(502, "lost_response", applied_status=applied)
            return

        async def observe(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                if message["status"] in (204, 304):
                    # No body follows: the client has the whole response with the headers.
                    record(seen.get("status"))
                    seen["logged"] = 1
            elif (
                message["type"] == "http.response.body"
                and not message.get("more_body")
                and "logged" not in seen
            ):
                # Log before the client can see the response, so a test that clears the
                # log right after a call never finds that call in it later.
                record(seen.get("status"))
                seen["logged"] = 1
            await send(message)

        await self._run(scope, receive, observe, seen)
        if "logged" not in seen:
            record(seen.get("status"))

    def _refuse(self, scope: Scope, route: OpRoute | None) -> tuple[Response | None, str | None]:
        """401 without a valid bearer token, 429 over a rate limit; else (None, None)."""
        scheme, _, token = Headers(scope=scope).get("authorization", "").partition(" ")
        status = self.state.token_status(token.strip()) if scheme.lower() == "bearer" else None
        if status != "valid":
            message = (
                "Access token has expired." if status == "expired" else "Invalid access token."
            )
            return zoom_error(401, 124, message), None
        hit = self.state.check_rate_limit(route.rate_label if route else None)
        if hit is None:
            return None, None
        headers = {
            "Retry-After": hit.retry_after,
            "X-RateLimit-Type": hit.kind,
            "X-RateLimit-Category": hit.label.capitalize(),
            "X-RateLimit-Limit": str(hit.limit),
        }
        if hit.kind == "Daily-limit":
            headers["X-RateLimit-Remaining"] = "0"
        message = _QPS_MESSAGE if hit.kind == "QPS" else _DAILY_MESSAGE
        code = self.state.config.rate_limit_code
        return zoom_error(429, code, message, headers), hit.kind

    async def _admit(self, scope: Scope, receive: Receive, info: dict[str, Any]) -> Receive:
        """Check the request against its spec operation (RequestRefused if Zoom would refuse
        it) and turn name look-ups into ids; returns a ``receive`` that replays the body."""
        raw_path = (scope.get("raw_path") or quote(scope["path"]).encode()).decode("latin-1")
        checked = match_operation(scope["method"], raw_path.removeprefix(API_PREFIX))
        if checked is None:
            return receive  # the router answers 404 / 405
        op = checked.operation
        info["operation_id"] = op.id
        pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        check_query(op, pairs)
        raw, receive = await _read_body(receive)
        info["body"] = check_body(op, raw)
        with self.state.locked_store() as store:
            changed = resolve_identifiers(checked, dict(pairs), store)
        if changed:
            # The handlers see the id form: the path holds ids, the look-up switches go.
            new_path = API_PREFIX + rewrite_path(raw_path.removeprefix(API_PREFIX), op, changed)
            scope["raw_path"] = new_path.encode("latin-1")
            scope["path"] = unquote(new_path)
            kept = [(k, v) for k, v in pairs if not k.endswith("identifier_type")]
            scope["query_string"] = urlencode(kept).encode("latin-1")
        return receive

    async def _run(self, scope: Scope, receive: Receive, send: Send, seen: dict[str, int]) -> None:
        try:
            await self.starlette(scope, receive, send)
        except ClientDisconnect:
            # The client hung up before its body arrived (a killed process): nothing was
            # applied and there is nobody to answer; the log shows no status.
            log.info("client went away during %s %s", scope["method"], scope["path"])
        except Exception:
            log.exception("emulator handler failed for %s %s", scope["method"], scope["path"])
            if "status" not in seen:
                await zoom_error(500, 500, "Internal emulator error.")(scope, receive, send)
            seen.setdefault("status", 500)


async def _read_body(receive: Receive) -> tuple[bytes, Receive]:
    """The whole request body, and a ``receive`` that hands it to the handler again."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    body = b"".join(chunks)
    pending = [body]

    async def replay() -> Message:
        if pending:
            return {"type": "http.request", "body": pending.pop(), "more_body": False}
        return await receive()

    return body, replay


def create_app(state: EmulatorState) -> EmulatorApp:
    """The ASGI application serving ``state``."""
    return EmulatorApp(state)
