"""Server-to-Server OAuth: one cached access token per client, renewed early, and the
httpx auth flow that puts it on each API call.

Zoom issues one-hour tokens and no refresh token; we ask for a new one shortly before
expiry (``TokenProvider``), or when the API rejects the current one (``BearerAuth``, an
``httpx.Auth`` as httpx's own Basic and Digest auth are). A lock makes many threads share
one token request. Tokens never appear in repr, logs or errors.
"""

from __future__ import annotations

import base64
import logging
import threading
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any, NoReturn
from urllib.parse import urlsplit

import httpx

from .answers import refuses_token
from .connection_settings import ClientSettings
from .errors import AuthenticationError, ZoomTransportError
from .redact import scrub
from .retry import RETRYABLE_STATUSES, RetryPolicy, parse_retry_after
from .stats import StatsRecorder

logger = logging.getLogger("zoomcc.client")

TOKEN_OPERATION = "fetch_access_token"
DEFAULT_EXPIRES_IN = 3600.0
MAX_RENEW_MARGIN = 300.0


def renew_margin(expires_in: float) -> float:
    """Renew 5 minutes early, or at 90% of the lifetime when the token is short-lived."""
    return min(MAX_RENEW_MARGIN, 0.1 * expires_in)


@dataclass(frozen=True, eq=False)
class AccessToken:
    """A bearer token and when to replace it (times on the client's monotonic clock)."""

    value: str = field(repr=False)
    expires_at: float
    renew_at: float
    api_url: str | None = None
    scope: str = field(default="", repr=False)

    def __getstate__(self) -> NoReturn:
        raise TypeError("AccessToken is not picklable")


class TokenProvider:
    """Fetches and caches the account's access token; thread-safe."""

    def __init__(
        self,
        settings: ClientSettings,
        *,
        transport: httpx.BaseTransport | None = None,
        http: httpx.Client | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        wall_clock: Callable[[], float] = time.time,
        retry: RetryPolicy | None = None,
        stats: StatsRecorder | None = None,
    ) -> None:
        self._settings = settings
        self._owns_http = http is None
        self._http = http or httpx.Client(
            transport=transport,
            timeout=settings.timeout,
            headers={"User-Agent": settings.user_agent, "Accept": "application/json"},
        )
        self._clock = clock
        self._sleep = sleep
        self._wall_clock = wall_clock
        self._retry = retry or RetryPolicy.of(settings)
        self._stats = stats or StatsRecorder()
        self._lock = threading.Lock()
        self._token: AccessToken | None = None
        self._path = urlsplit(settings.oauth_url).path or "/"

    def __repr__(self) -> str:
        return f"TokenProvider(oauth_url={self._settings.oauth_url!r})"

    def __getstate__(self) -> NoReturn:
        raise TypeError("TokenProvider is not picklable")

    def get(self) -> AccessToken:
        """A token valid for a while yet; fetches one (once, for all threads) if needed."""
        token = self._token
        if token is not None and self._clock() < token.renew_at:
            return token
        with self._lock:
            token = self._token
            if token is not None and self._clock() < token.renew_at:
                return token
            self._token = None
            token = self._fetch()
            self._token = token
            return token

    def invalidate(self, token: AccessToken) -> bool:
        """Drop `token` after the API refused it; False if another thread already did."""
        with self._lock:
            if self._token is token:
                self._token = None
                self._stats.bump("token_renewals")
                logger.info("access token rejected by the API; renewing")
                return True
            return False

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def secrets(self) -> tuple[str, ...]:
        """Strings never to show: the secret and the Basic credential built from it."""
        secret = self._settings.client_secret.get_secret_value()
        basic = base64.b64encode(f"{self._settings.client_id}:{secret}".encode()).decode()
        return (secret, basic)

    def _fetch(self) -> AccessToken:
        """POST the token endpoint, retrying outages; callers hold the lock."""
        attempt = 0
        while True:
            started = self._clock()
            self._stats.bump("token_requests")
            try:
                response = self._post()
            except httpx.TransportError as exc:
                wait = self._unreachable(exc, attempt)
            else:
                logger.debug(
                    "POST %s -> %d (token attempt %d, %.3fs)",
                    self._path,
                    response.status_code,
                    attempt + 1,
                    self._clock() - started,
                )
                if response.status_code == 200:
                    return self._parse(response, started)
                wait = self._outage_wait(response, attempt)
            self._sleep(wait)
            attempt += 1

    def _post(self) -> httpx.Response:
        settings = self._settings
        return self._http.post(
            settings.oauth_url,
            data={"grant_type": "account_credentials", "account_id": settings.account_id},
            auth=(settings.client_id, settings.client_secret.get_secret_value()),
        )

    def _unreachable(self, exc: httpx.TransportError, attempt: int) -> float:
        """The wait before trying again, or a ZoomTransportError after the last try."""
        kind = type(exc).__name__
        logger.info("POST %s: %s (token attempt %d)", self._path, kind, attempt + 1)
        if attempt < self._retry.max_retries:
            return self._retry.backoff(attempt)
        message = scrub(f"cannot reach the Zoom token endpoint: {kind}: {exc}", self.secrets())
        raise ZoomTransportError(
            message, TOKEN_OPERATION, "POST", self._path, attempts=attempt + 1
        ) from None

    def _outage_wait(self, response: httpx.Response, attempt: int) -> float:
        """The wait before asking again after a 429 or 5xx; any other refusal is final."""
        status = response.status_code
        retryable = status == 429 or status in RETRYABLE_STATUSES
        if not retryable or attempt >= self._retry.max_retries:
            raise self._error(response, status)
        retry_after = parse_retry_after(response.headers.get("retry-after"), self._wall_clock())
        if status == 429:
            return self._retry.rate_limit_wait(retry_after)
        return self._retry.server_error_wait(attempt, retry_after)

    def _parse(self, response: httpx.Response, started: float) -> AccessToken:
        try:
            body: Any = response.json()
        except ValueError:
            body = None
        value = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(value, str) or not value:
            raise AuthenticationError(
                response.status_code,
                None,
                "the token endpoint's answer has no access_token",
                TOKEN_OPERATION,
                "POST",
                self._path,
            )
        assert isinstance(body, dict)
        try:
            expires_in = float(body.get("expires_in") or DEFAULT_EXPIRES_IN)
        except (TypeError, ValueError):
            expires_in = DEFAULT_EXPIRES_IN
        expires_in = max(expires_in, 1.0)
        api_url = body.get("api_url")
        scope = body.get("scope")
        token = AccessToken(
            value=value,
            expires_at=started + expires_in,
            renew_at=started + expires_in - renew_margin(expires_in),
            api_url=api_url if isinstance(api_url, str) and api_url else None,
            scope=scope if isinstance(scope, str) else "",
        )
        logger.info(
            "fetched access token (expires in %.0fs%s)",
            expires_in,
            f", api_url {token.api_url}" if token.api_url else "",
        )
        return token

    def _error(self, response: httpx.Response, status: int) -> AuthenticationError:
        """Zoom's reason for refusing, without anything we sent."""
        try:
            body: Any = response.json()
        except ValueError:
            body = None
        code: int | None = None
        parts: list[str] = []
        if isinstance(body, dict):
            reason = body.get("reason") or body.get("message")
            error = body.get("error")
            if isinstance(reason, str) and reason:
                parts.append(reason)
            if isinstance(error, str) and error and error != reason:
                parts.append(f"({error})")
            raw_code = body.get("code")
            if isinstance(raw_code, int) and not isinstance(raw_code, bool):
                code = raw_code
        message = " ".join(parts) or response.reason_phrase or "token request refused"
        message = scrub(message, self.secrets())
        logger.warning("POST %s -> %d: %s", self._path, status, message)
        return AuthenticationError(status, code, message, TOKEN_OPERATION, "POST", self._path)


class BearerAuth(httpx.Auth):
    """One API call's bearer token: the cached one on each request, and once per call a
    renewed one after the API refused it (HTTP 401 or Zoom code 124). One instance per
    call, so "once" spans the call's retries, as the thread that sends it is its only user.
    """

    requires_response_body = True  # code 124 is in the body

    def __init__(self, tokens: TokenProvider) -> None:
        self._tokens = tokens
        self._renewed = False
        self._sent: list[str] = []

    def __repr__(self) -> str:
        return f"BearerAuth(renewed={self._renewed})"

    def secrets(self) -> tuple[str, ...]:
        """What this call must never show: the client secret and every token it sent."""
        return (*self._tokens.secrets(), *self._sent)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._sign(request)
        response = yield request
        if self._renewed or not refuses_token(response):
            return
        self._renewed = True
        self._tokens.invalidate(token)
        self._sign(request)
        yield request

    def _sign(self, request: httpx.Request) -> AccessToken:
        token = self._tokens.get()
        self._sent.append(token.value)
        request.headers["Authorization"] = f"Bearer {token.value}"
        return token
