"""The send loop: one API call through pacing, token, retries, and error mapping.

``ZoomClient`` checks a request against the contract, then hands it to ``Sender.send``,
which owns what happens on the wire: which failures are retried (idempotent calls, or
requests that never left), when a token is renewed, and which error type each answer
maps to (``errors``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from .answers import materialize_files, zoom_error
from .auth import AccessToken, TokenProvider
from .errors import (
    AuthenticationError,
    DailyLimitError,
    NotFoundError,
    RateLimitError,
    ZoomApiError,
    ZoomTransportError,
    means_not_found,
)
from .pacing import Pacer
from .redact import scrub
from .retry import (
    PER_SECOND_WAIT,
    RETRYABLE_STATUSES,
    RetryPolicy,
    classify_rate_limit,
    parse_retry_after,
    request_was_not_sent,
)
from .settings import ClientSettings
from .stats import StatsRecorder

logger = logging.getLogger("zoomcc.client")

INVALID_TOKEN_CODE = 124


class Sender:
    """Sends checked requests; shared by every thread of the client that owns it."""

    def __init__(
        self,
        settings: ClientSettings,
        *,
        http: httpx.Client,
        auth: TokenProvider,
        pacer: Pacer,
        retry: RetryPolicy,
        stats: StatsRecorder,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
        wall_clock: Callable[[], float],
    ) -> None:
        self._settings = settings
        self._http = http
        self._auth = auth
        self._pacer = pacer
        self._retry = retry
        self._stats = stats
        self._clock = clock
        self.sleep = sleep
        self._wall_clock = wall_clock
        self._warn_lock = threading.Lock()
        self._warned_api_url: set[str] = set()

    def send(
        self,
        method: str,
        path: str,
        *,
        label: str,
        operation: str,
        idempotent: bool,
        not_found_codes: frozenset[int],
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        files: Any = None,
        data: Any = None,
    ) -> Any:
        """Parsed JSON of a 2xx answer (None for 204 / an empty body), else a typed error."""
        files = materialize_files(files)
        max_retries = self._retry.max_retries
        retries = 0
        renewed = False
        while True:
            token = self._auth.get()
            url = self.base_url(token) + path
            self._stats.paced(self._pacer.acquire(label))
            started = self._clock()
            self._stats.request(method)
            try:
                response = self._http.request(
                    method,
                    url,
                    params=dict(params) if params else None,
                    json=json,
                    files=files,
                    data=data,
                    headers={"Authorization": f"Bearer {token.value}"},
                )
            except httpx.TransportError as exc:
                self._stats.bump("transport_errors")
                not_sent = request_was_not_sent(exc)
                kind = type(exc).__name__
                if (idempotent or not_sent) and retries < max_retries:
                    wait = self._retry.backoff(retries)
                    self._log_retry(method, path, kind, retries, wait)
                    self._pause(wait)
                    retries += 1
                    continue
                logger.warning(
                    "%s %s: %s after %d attempt(s), giving up", method, path, kind, retries + 1
                )
                message = scrub(f"{kind}: {exc}", self._secrets(token))
                raise ZoomTransportError(
                    message,
                    operation,
                    method,
                    path,
                    attempts=retries + 1,
                    maybe_applied=not not_sent,
                ) from None

            status = response.status_code
            logger.debug(
                "%s %s -> %d (attempt %d, %.3fs)",
                method,
                path,
                status,
                retries + 1,
                self._clock() - started,
            )
            if 200 <= status < 300:
                return self._success(response, operation, method, path, token)

            code, message, errors = zoom_error(response, self._secrets(token))

            if status == 401 or code == INVALID_TOKEN_CODE:
                if not renewed:
                    renewed = True
                    self._auth.invalidate(token)
                    continue
                logger.warning("%s %s -> %d even with a renewed token", method, path, status)
                raise AuthenticationError(
                    status, code, message, operation, method, path, errors=errors
                )

            if status == 429:
                self._stats.bump("rate_limited")
                info = classify_rate_limit(response.headers, message, self._wall_clock())
                if info.daily:
                    self._stats.bump("daily_limited")
                    logger.warning("%s %s -> 429: daily rate limit reached", method, path)
                elif retries < max_retries:
                    self._pacer.defer(
                        label, PER_SECOND_WAIT if info.retry_after is None else info.retry_after
                    )
                    wait = self._retry.rate_limit_wait(info.retry_after)
                    self._log_retry(method, path, "HTTP 429", retries, wait)
                    self._pause(wait)
                    retries += 1
                    continue
                else:
                    logger.warning("%s %s -> 429 after %d attempt(s)", method, path, retries + 1)
                raise (DailyLimitError if info.daily else RateLimitError)(
                    status,
                    code,
                    message,
                    operation,
                    method,
                    path,
                    errors=errors,
                    retry_after=info.retry_after,
                    limit_type=info.limit_type,
                    reset_at=info.reset_at,
                )

            if status in RETRYABLE_STATUSES:
                self._stats.bump("server_errors")
                if idempotent and retries < max_retries:
                    retry_after = parse_retry_after(
                        response.headers.get("retry-after"), self._wall_clock()
                    )
                    wait = self._retry.server_error_wait(retries, retry_after)
                    self._log_retry(method, path, f"HTTP {status}", retries, wait)
                    self._pause(wait)
                    retries += 1
                    continue

            if means_not_found(status, code, not_found_codes):
                raise NotFoundError(status, code, message, operation, method, path, errors=errors)
            raise ZoomApiError(status, code, message, operation, method, path, errors=errors)

    def _secrets(self, token: AccessToken) -> tuple[str, ...]:
        return (*self._auth.secrets(), token.value)

    def _pause(self, seconds: float) -> None:
        self._stats.bump("retries")
        if seconds > 0:
            self.sleep(seconds)

    def _log_retry(self, method: str, path: str, why: str, retries: int, wait: float) -> None:
        logger.info(
            "%s %s: %s, retrying in %.2fs (retry %d of %d)",
            method,
            path,
            why,
            wait,
            retries + 1,
            self._retry.max_retries,
        )

    def base_url(self, token: AccessToken) -> str:
        """base_url, or `{api_url}/v2` for a regional account when base_url is a public default."""
        api_url = token.api_url
        if not api_url or not self._settings.follows_api_url:
            return self._settings.base_url
        api_url = api_url.rstrip("/")
        if urlsplit(api_url).scheme != "https":
            with self._warn_lock:
                if api_url not in self._warned_api_url:
                    self._warned_api_url.add(api_url)
                    logger.warning("ignoring non-https api_url from the token endpoint")
            return self._settings.base_url
        return api_url if api_url.endswith("/v2") else f"{api_url}/v2"

    def _success(
        self,
        response: httpx.Response,
        operation: str,
        method: str,
        path: str,
        token: AccessToken,
    ) -> Any:
        if response.status_code == 204 or not response.content.strip():
            return None
        try:
            return response.json()
        except ValueError:
            kind = response.headers.get("content-type", "unknown content type")
            raise ZoomApiError(
                response.status_code,
                None,
                scrub(f"the response is not JSON ({kind})", self._secrets(token)),
                operation,
                method,
                path,
            ) from None
