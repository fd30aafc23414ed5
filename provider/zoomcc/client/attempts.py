"""The retry layer: one API call's request sent until its answer is final, each attempt
paced on the call's rate-limit label.

httpx's model: the token is an ``httpx.Auth`` flow (``auth.BearerAuth``), below it the
sending. ``Attempts`` wraps ``httpx.Client.send``, so each retry runs the auth flow afresh;
``Pacing`` is the client's request hook, so every request that goes to the transport for an
API call (a retry, or a resend with a renewed token) first waits for its label's slot.
Not an ``httpx.BaseTransport`` wrapper: a client given its own transport no longer honours
HTTP(S)_PROXY from the environment. When to retry and how long to wait is ``retry``'s.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from .answers import refuses_token
from .auth import BearerAuth
from .errors import ZoomTransportError
from .pacing import Pacer
from .redact import scrub
from .retry import (
    PER_SECOND_WAIT,
    RETRYABLE_STATUSES,
    RetryPolicy,
    parse_retry_after,
    read_rate_limit,
    request_was_not_sent,
)
from .stats import StatsRecorder

logger = logging.getLogger("zoomcc.client")

RATE_LABEL = "zoomcc_rate_label"
"""The request extension naming an API call's rate-limit label (e.g. ``"MEDIUM"``); the
token request and file downloads carry none, and are neither paced nor counted here."""


@dataclass(frozen=True)
class Call:
    """What one API call is, for the retry decisions, the logs and its errors."""

    method: str
    """HTTP method, upper case, e.g. ``"POST"``."""
    path: str
    """Path under the base URL, e.g. ``"/contact_center/queues"``."""
    label: str
    """Zoom rate-limit label, e.g. ``"MEDIUM"``."""
    operation: str
    """The API spec's operation id, e.g. ``"create_a_queue"``."""
    idempotent: bool
    """Sent twice it leaves things as sent once, e.g. True for a PUT: a 5xx is retried."""
    not_found_codes: frozenset[int] = frozenset()
    """Zoom codes meaning the addressed object is gone, e.g. ``frozenset({10009})``."""


class Pacing:
    """The client's request hook: an API call's request waits for its label's slot."""

    def __init__(self, pacer: Pacer, stats: StatsRecorder) -> None:
        self._pacer = pacer
        self._stats = stats

    def __call__(self, request: httpx.Request) -> None:
        label = request.extensions.get(RATE_LABEL)
        if isinstance(label, str):
            self._stats.paced(self._pacer.acquire(label))
            self._stats.request(request.method)


class Attempts:
    """Sends a call until its answer is final; shared by every thread of one client."""

    def __init__(
        self,
        http: httpx.Client,
        pacer: Pacer,
        retry: RetryPolicy,
        stats: StatsRecorder,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
        wall_clock: Callable[[], float],
    ) -> None:
        self._http = http
        self._clock = clock
        self._pacer = pacer
        self._retry = retry
        self._stats = stats
        self.sleep = sleep
        self._wall_clock = wall_clock

    def send(
        self, call: Call, build: Callable[[], httpx.Request], auth: BearerAuth
    ) -> httpx.Response:
        """The final answer (a 2xx, or an error not worth retrying), or ZoomTransportError."""
        retries = 0
        while True:
            started = self._clock()
            try:
                response = self._http.send(build(), auth=auth)
            except httpx.TransportError as exc:
                why = type(exc).__name__
                wait = self._after_failure(call, exc, retries, auth.secrets())
            else:
                self._log_answer(call, response, retries, self._clock() - started)
                why = f"HTTP {response.status_code}"
                after = self._after_answer(call, response, retries)
                if after is None:
                    return response
                wait = after
            self._pause(call, why, retries, wait)
            retries += 1

    def _after_failure(
        self, call: Call, exc: httpx.TransportError, retries: int, secrets: tuple[str, ...]
    ) -> float:
        """The wait before resending, or ZoomTransportError: a call that may have arrived
        is resent only if it is idempotent."""
        self._stats.bump("transport_errors")
        not_sent = request_was_not_sent(exc)
        kind = type(exc).__name__
        if (call.idempotent or not_sent) and retries < self._retry.max_retries:
            return self._retry.backoff(retries)
        logger.warning(
            "%s %s: %s after %d attempt(s), giving up", call.method, call.path, kind, retries + 1
        )
        raise ZoomTransportError(
            scrub(f"{kind}: {exc}", secrets),
            call.operation,
            call.method,
            call.path,
            attempts=retries + 1,
            maybe_applied=not not_sent,
        ) from None

    def _after_answer(self, call: Call, response: httpx.Response, retries: int) -> float | None:
        """The wait before resending, or None when the answer is final."""
        status = response.status_code
        if refuses_token(response):
            return None  # the auth flow renewed the token once already
        if status == 429:
            return self._after_rate_limit(call, response, retries)
        if status in RETRYABLE_STATUSES:
            self._stats.bump("server_errors")
            if call.idempotent and retries < self._retry.max_retries:
                header = response.headers.get("retry-after")
                retry_after = parse_retry_after(header, self._wall_clock())
                return self._retry.server_error_wait(retries, retry_after)
        return None

    def _after_rate_limit(self, call: Call, response: httpx.Response, retries: int) -> float | None:
        """A per-second 429 holds the label off and is retried; a daily one is final."""
        self._stats.bump("rate_limited")
        info = read_rate_limit(response, self._wall_clock())
        if info.daily:
            self._stats.bump("daily_limited")
            logger.warning("%s %s -> 429: daily rate limit reached", call.method, call.path)
            return None
        if retries >= self._retry.max_retries:
            logger.warning("%s %s -> 429 after %d attempt(s)", call.method, call.path, retries + 1)
            return None
        hold = PER_SECOND_WAIT if info.retry_after is None else info.retry_after
        self._pacer.defer(call.label, hold)
        return self._retry.rate_limit_wait(info.retry_after)

    def _pause(self, call: Call, why: str, retries: int, wait: float) -> None:
        logger.info(
            "%s %s: %s, retrying in %.2fs (retry %d of %d)",
            call.method,
            call.path,
            why,
            wait,
            retries + 1,
            self._retry.max_retries,
        )
        self._stats.bump("retries")
        if wait > 0:
            self.sleep(wait)

    @staticmethod
    def _log_answer(call: Call, response: httpx.Response, retries: int, took: float) -> None:
        """`took` counts the wait for a pacing slot too."""
        logger.debug(
            "%s %s -> %d (attempt %d, %.3fs)",
            call.method,
            call.path,
            response.status_code,
            retries + 1,
            took,
        )
