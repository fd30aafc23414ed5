"""The HTTP face of the emulator: a Starlette app wrapped in one raw ASGI layer.

The Starlette routes do the work (:mod:`~zoomcc.emulator.api_routes`,
:mod:`~zoomcc.emulator.oauth`, :mod:`~zoomcc.emulator.admin`). The outer
:class:`EmulatorApp` is where the "network" misbehaves on purpose: it logs every request,
injects faults, checks bearer tokens and enforces rate limits, checks each API request
against the spec (:mod:`~zoomcc.emulator.request_check`), and it can close the TCP
connection without answering (see :func:`~zoomcc.emulator.connection.drop_connection`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Final
from urllib.parse import parse_qsl, quote, unquote, urlencode

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Message, Receive, Scope, Send

from zoomcc.emulator.admin import ADMIN_PREFIX, admin_routes
from zoomcc.emulator.api_routes import API_PREFIX, INFO_KEY, OpRoute, RequestInfo, api_routes
from zoomcc.emulator.connection import can_drop, drop_connection, read_body
from zoomcc.emulator.files import file_route
from zoomcc.emulator.identifiers import resolve_identifiers, rewrite_path
from zoomcc.emulator.oauth import oauth_route
from zoomcc.emulator.refusals import RequestRefused
from zoomcc.emulator.request_check import check_body, check_query, route_request
from zoomcc.emulator.request_log import redact_query
from zoomcc.emulator.responses import refusal_response, zoom_error
from zoomcc.emulator.state import EmulatorState

log = logging.getLogger("zoomcc.emulator")

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


class EmulatorApp:
    """ASGI app: request log, faults, bearer auth and rate limits around the Starlette app."""

    def __init__(self, state: EmulatorState) -> None:
        self.state = state
        self.api_routes = api_routes(state)
        self.oauth_route = oauth_route(state)

        async def unknown(request: Request) -> Response:
            if any(r.matches(request.scope)[0] == Match.PARTIAL for r in self.api_routes):
                return zoom_error(405, 405, "Method not allowed.")
            return zoom_error(404, 404, f"No such API: {request.url.path}.")

        fallback = Route(API_PREFIX + "/{rest:path}", unknown, methods=_ALL_METHODS)
        routes: list[BaseRoute] = [
            *admin_routes(state),
            self.oauth_route,
            file_route(state),
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
        entry = _LogEntry(state, scope, time.perf_counter())
        entry.route = self._operation(scope)
        plan = state.plan_faults(entry.method, entry.path)
        if state.config.latency > 0:
            await asyncio.sleep(state.config.latency)
        if plan.before == "drop":
            await _fail_or_drop(entry, "drop", scope, receive, send)
            return
        if plan.before == "error":
            status = plan.error_status
            entry.record(status, "error")
            message = _FAULT_MESSAGES.get(status, "Internal Server Error.")
            await zoom_error(status, status, message)(scope, receive, send)
            return
        if entry.is_api:
            admitted = await self._admit_or_refuse(scope, receive, send, entry)
            if admitted is None:
                return
            receive = admitted
        if plan.lose_response:
            await self._lose_response(scope, receive, send, entry)
            return
        await self._answer(scope, receive, send, entry)

    async def _admit_or_refuse(
        self, scope: Scope, receive: Receive, send: Send, entry: _LogEntry
    ) -> Receive | None:
        """An API request's ``receive`` once admitted (token, rate limit, spec check); None
        when it was refused (answered and logged) or the client went away."""
        try:
            self._authorise_and_limit(scope, entry.route)
            return await self._admit(scope, receive, entry.info)
        except RequestRefused as exc:
            # Logged before the client can see the refusal, as every answer is (observe).
            # A 429's X-RateLimit-Type says which limit: QPS or Daily-limit.
            entry.record(
                exc.status,
                rate_limited=exc.headers.get("X-RateLimit-Type"),
                error=f"{exc.code} {exc.message}",
            )
            await refusal_response(exc)(scope, receive, send)
        except ClientDisconnect:
            log.info("client went away during %s %s", entry.method, entry.path)
            entry.record(None)
        return None

    async def _lose_response(
        self, scope: Scope, receive: Receive, send: Send, entry: _LogEntry
    ) -> None:
        """The fault "lost response": the request is applied, its answer never arrives."""
        seen: dict[str, int] = {}

        async def swallow(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]

        await self._run(scope, receive, swallow, seen)
        entry.applied_status = seen.get("status")
        mode = "drop" if self.state.config.lost_response_mode == "drop" else "error"
        await _fail_or_drop(entry, "lost_response", scope, receive, send, mode=mode)

    async def _answer(self, scope: Scope, receive: Receive, send: Send, entry: _LogEntry) -> None:
        """Run the request and pass its answer on, logged just before the client has it."""
        seen: dict[str, int] = {}
        answered: list[bytes] = []

        async def observe(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                if message["status"] in (204, 304):
                    # No body follows: the client has the whole response with the headers.
                    entry.record(seen.get("status"))
                    seen["logged"] = 1
            elif message["type"] == "http.response.body" and "logged" not in seen:
                if seen.get("status", 200) >= 400:
                    answered.append(bytes(message.get("body", b"")))
                if not message.get("more_body"):
                    # Log before the client can see the response, so a test that clears the
                    # log right after a call never finds that call in it later.
                    entry.record(seen.get("status"), error=_error_of(answered))
                    seen["logged"] = 1
            await send(message)

        await self._run(scope, receive, observe, seen)
        if "logged" not in seen:
            entry.record(seen.get("status"))

    def _authorise_and_limit(self, scope: Scope, route: OpRoute | None) -> None:
        """Refuse 401 without a valid bearer token, 429 over a rate limit."""
        scheme, _, token = Headers(scope=scope).get("authorization", "").partition(" ")
        status = self.state.token_status(token.strip()) if scheme.lower() == "bearer" else None
        if status != "valid":
            message = (
                "Access token has expired." if status == "expired" else "Invalid access token."
            )
            raise RequestRefused(401, 124, message)
        hit = self.state.check_rate_limit(route.rate_label if route else None)
        if hit is None:
            return
        headers = {
            "Retry-After": hit.retry_after,
            "X-RateLimit-Type": hit.kind,
            "X-RateLimit-Category": hit.label.capitalize(),
            "X-RateLimit-Limit": str(hit.limit),
        }
        if hit.kind == "Daily-limit":
            headers["X-RateLimit-Remaining"] = "0"
        message = _QPS_MESSAGE if hit.kind == "QPS" else _DAILY_MESSAGE
        raise RequestRefused(429, self.state.config.rate_limit_code, message, headers=headers)

    async def _admit(self, scope: Scope, receive: Receive, info: RequestInfo) -> Receive:
        """Check the request against its spec operation (RequestRefused if Zoom would refuse
        it) and turn name look-ups into ids; returns a ``receive`` that replays the body."""
        raw_path = (scope.get("raw_path") or quote(scope["path"]).encode()).decode("latin-1")
        checked = route_request(scope["method"], raw_path.removeprefix(API_PREFIX))
        if checked is None:
            return receive  # the router answers 404 / 405
        op = checked.operation
        info.operation_id = op.id
        pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        check_query(op, pairs)
        raw, receive = await read_body(receive)
        info.body = check_body(op, raw)
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


class _LogEntry:
    """One request's line in the request log, written by ``record`` once its outcome is
    known; also hands the Starlette routes the request's ``RequestInfo``."""

    def __init__(self, state: EmulatorState, scope: Scope, started: float) -> None:
        self.state, self.started = state, started
        self.method: str = scope["method"]
        self.path: str = scope["path"]
        self.query = scope.get("query_string", b"").decode("latin-1")
        self.is_api = self.path == API_PREFIX or self.path.startswith(API_PREFIX + "/")
        self.route: OpRoute | None = None
        self.applied_status: int | None = None
        """What a request whose answer was lost did get (the ``lost_response`` fault)."""
        self.info = RequestInfo()
        scope[INFO_KEY] = self.info

    def record(
        self,
        status: int | None,
        fault: str | None = None,
        rate_limited: str | None = None,
        error: str | None = None,
    ) -> None:
        route, info = self.route, self.info
        self.state.log_request(
            time=time.time(),
            method=self.method,
            path=self.path,
            query=redact_query(self.query),
            status=status,
            duration_ms=round((time.perf_counter() - self.started) * 1000, 3),
            operation=route.operation if route else None,
            rate_label=route.rate_label if route else None,
            fault=fault,
            applied_status=self.applied_status,
            rate_limited=rate_limited,
            body=info.body if self.is_api else None,
            operation_id=info.operation_id,
            error=error,
        )


async def _fail_or_drop(
    entry: _LogEntry, fault: str, scope: Scope, receive: Receive, send: Send, mode: str = "drop"
) -> None:
    """Close the connection without an answer where the server can (``mode`` "drop"), else
    answer 502; logged before the client can see either."""
    if mode == "drop" and can_drop(send):
        entry.record(None, fault)
        await drop_connection(send)
    else:
        entry.record(502, fault)
        await zoom_error(502, 502, _FAULT_MESSAGES[502])(scope, receive, send)


def _error_of(chunks: list[bytes]) -> str | None:
    """``1201 Queue does not exist: abc.`` from a Zoom-style error body (None: not one)."""
    try:
        body = json.loads(b"".join(chunks) or b"null")
    except ValueError:
        return None
    if not isinstance(body, dict) or "message" not in body:
        return None
    return f"{body.get('code', '')} {body['message']}".strip()


def create_app(state: EmulatorState) -> EmulatorApp:
    """The ASGI application serving ``state``."""
    return EmulatorApp(state)
