"""ZoomClient: the one HTTP client every resource shares.

It puts together the token cache, the per-label pacer and the retry policy around a
single httpx.Client. One instance is meant to be shared by all threads of the provider
process. It refuses to be pickled so credentials can never land in Pulumi state.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, Literal, NoReturn
from urllib.parse import urlsplit

import httpx

from zoomcc.apispec import ApiSpec, load_api_spec
from zoomcc.apispec.contract import check_request, match_operation

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
from .pacing import Pacer, normalize_label
from .pagination import MAX_PAGE_SIZE, iter_items
from .redact import scrub
from .retry import (
    IDEMPOTENT_METHODS,
    PER_SECOND_WAIT,
    RETRYABLE_STATUSES,
    RetryPolicy,
    classify_rate_limit,
    parse_retry_after,
    request_was_not_sent,
)
from .settings import ClientSettings
from .stats import ClientStats, StatsRecorder

logger = logging.getLogger("zoomcc.client")

INVALID_TOKEN_CODE = 124


class ZoomClient:
    """Thread-safe Zoom API client: auth, pacing, retries, error mapping, pagination."""

    def __init__(
        self,
        settings: ClientSettings,
        transport: httpx.BaseTransport | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        wall_clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        pacer: Pacer | None = None,
        contract: ApiSpec | Literal["default"] | None = "default",
    ) -> None:
        """`clock`, `sleep`, `wall_clock`, `rng` are for tests; `pacer` shares pacing.

        `contract` is the API spec every request is checked against before it is sent
        (the packaged spec by default); None only for tests of transport mechanics.
        """
        self._settings = settings
        self._contract = load_api_spec() if contract == "default" else contract
        self._clock = clock
        self._sleep = sleep
        self._wall_clock = wall_clock
        self._retry = RetryPolicy(
            settings.max_retries,
            settings.backoff_base,
            settings.backoff_max,
            rng or random.Random(),
        )
        self._stats = StatsRecorder()
        self._http = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": settings.user_agent, "Accept": "application/json"},
            follow_redirects=False,
        )
        self._auth = TokenProvider(
            settings,
            http=self._http,
            clock=clock,
            sleep=sleep,
            wall_clock=wall_clock,
            retry=self._retry,
            stats=self._stats,
        )
        self._pacer = pacer or Pacer.for_plan(
            settings.plan, enabled=settings.pacing, clock=clock, sleep=sleep
        )
        self._closed = False
        self._warn_lock = threading.Lock()
        self._warned_api_url: set[str] = set()

    # -- safety ---------------------------------------------------------------------------

    def __repr__(self) -> str:
        s = self._settings
        return f"ZoomClient(base_url={s.base_url!r}, plan={s.plan!r}, pacing={s.pacing})"

    def __getstate__(self) -> NoReturn:
        raise TypeError("ZoomClient is not picklable")

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Release connections; the client cannot be used afterwards."""
        self._closed = True
        self._http.close()

    def __enter__(self) -> ZoomClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- introspection --------------------------------------------------------------------

    @property
    def settings(self) -> ClientSettings:
        return self._settings

    @property
    def stats(self) -> ClientStats:
        """A snapshot of request counts (per method), retries, 429s, token requests."""
        return self._stats.snapshot()

    def reset_stats(self) -> None:
        self._stats.reset()

    @property
    def pacer(self) -> Pacer:
        return self._pacer

    def api_base_url(self) -> str:
        """Where API calls go (after honouring the token's `api_url`); fetches a token."""
        return self._base_url(self._auth.get())

    # -- requests -------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        rate_label: str = "LIGHT",
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        files: Any = None,
        data: Any = None,
        operation: str | None = None,
        idempotent: bool | None = None,
        not_found_codes: frozenset[int] = frozenset(),
    ) -> Any:
        """Send one API call; returns parsed JSON, or None for 204 / an empty body."""
        if self._closed:
            raise RuntimeError("ZoomClient is closed")
        method = method.upper()
        path = _relative_path(path)
        label = normalize_label(rate_label)
        if idempotent is None:
            idempotent = method in IDEMPOTENT_METHODS
        if self._contract is not None:
            checked = check_request(
                self._contract, method, path, params=params, json=json, operation=operation
            )
            params, json = checked.params, checked.json
            operation = checked.operation.id
        operation = operation or f"{method} {path}"
        files = _materialize_files(files)
        max_retries = self._retry.max_retries
        retries = 0
        renewed = False
        while True:
            token = self._auth.get()
            url = self._base_url(token) + path
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

            code, message, errors = _zoom_error(response, self._secrets(token))

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
                    raise DailyLimitError(
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
                if retries < max_retries:
                    self._pacer.defer(
                        label, PER_SECOND_WAIT if info.retry_after is None else info.retry_after
                    )
                    wait = self._retry.rate_limit_wait(info.retry_after)
                    self._log_retry(method, path, "HTTP 429", retries, wait)
                    self._pause(wait)
                    retries += 1
                    continue
                logger.warning("%s %s -> 429 after %d attempt(s)", method, path, retries + 1)
                raise RateLimitError(
                    status,
                    code,
                    message,
                    operation,
                    method,
                    path,
                    errors=errors,
                    retry_after=info.retry_after,
                    limit_type=info.limit_type,
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

    def paginate(
        self,
        path: str,
        *,
        items_key: str,
        rate_label: str = "MEDIUM",
        params: Mapping[str, Any] | None = None,
        page_size: int = MAX_PAGE_SIZE,
        operation: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Every item of a listing, fetching pages lazily (`page_size` ≤ 300).

        A listing the API does not page (no `page_size` in its query contract, e.g.
        `GET /inboxes/{id}/queues`) is fetched once, without paging parameters.
        """
        normalize_label(rate_label)
        op = (
            match_operation(self._contract, "GET", _relative_path(path))
            if self._contract is not None
            else None
        )
        if op is not None and not op.pages:
            page = self.request(
                "GET", path, rate_label=rate_label, params=params, operation=operation
            )
            items = page.get(items_key) if isinstance(page, dict) else None
            if items is not None and not isinstance(items, list):
                raise TypeError(f"expected a list under {items_key!r}, got {type(items).__name__}")
            return iter(items or [])

        def fetch(query: dict[str, Any]) -> Any:
            return self.request(
                "GET", path, rate_label=rate_label, params=query, operation=operation
            )

        return iter_items(fetch, items_key=items_key, params=params, page_size=page_size)

    # -- internals ------------------------------------------------------------------------

    def _secrets(self, token: AccessToken) -> tuple[str, ...]:
        return (*self._auth.secrets(), token.value)

    def _pause(self, seconds: float) -> None:
        self._stats.bump("retries")
        if seconds > 0:
            self._sleep(seconds)

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

    def _base_url(self, token: AccessToken) -> str:
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


def _relative_path(path: str) -> str:
    """Only paths under base_url: an absolute URL would carry our token elsewhere."""
    if "://" in path or path.startswith("//"):
        raise ValueError(f"path must be relative to base_url, got {path!r}")
    return path if path.startswith("/") else "/" + path


def _zoom_error(
    response: httpx.Response, secrets: tuple[str, ...]
) -> tuple[int | None, str, list[dict[str, Any]]]:
    """Zoom's `{"code", "message", "errors"}` body, or the best description available."""
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    code: int | None = None
    message = ""
    errors: list[dict[str, Any]] = []
    if isinstance(body, dict):
        raw_code = body.get("code")
        if isinstance(raw_code, int) and not isinstance(raw_code, bool):
            code = raw_code
        elif isinstance(raw_code, str) and raw_code.strip().isdigit():
            code = int(raw_code)
        raw_message = body.get("message") or body.get("reason") or body.get("error")
        if isinstance(raw_message, str):
            message = raw_message
        raw_errors = body.get("errors")
        if isinstance(raw_errors, list):
            errors = [
                {k: scrub(str(v), secrets) for k, v in e.items()}
                for e in raw_errors
                if isinstance(e, dict)
            ]
    if not message:
        text = response.text.strip() if body is None else ""
        message = text or response.reason_phrase or ""
    return code, scrub(" ".join(message.split()), secrets), errors


def _materialize_files(files: Any) -> Any:
    """Read file objects once so a retried multipart upload resends the same bytes."""
    if files is None:
        return None
    items = files.items() if isinstance(files, Mapping) else files
    out: list[tuple[str, Any]] = []
    for name, value in items:
        if isinstance(value, tuple) and len(value) >= 2 and hasattr(value[1], "read"):
            value = (value[0], value[1].read(), *value[2:])
        elif hasattr(value, "read"):
            filename = os.path.basename(str(getattr(value, "name", None) or "upload"))
            value = (filename, value.read())
        out.append((name, value))
    return out
