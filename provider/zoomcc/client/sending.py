"""One API call: its request built, sent through the retry layer, its answer mapped.

``ZoomClient`` checks a request against the contract, then hands it to ``Sender.send``.
The token is ``auth.BearerAuth`` (an httpx auth flow), pacing and retries are ``attempts``,
and this module turns the final answer into parsed JSON or the error type it means
(``errors``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from .answers import materialize_files, parse_zoom_error, refuses_token
from .attempts import RATE_LABEL, Attempts, Call
from .auth import AccessToken, BearerAuth, TokenProvider
from .connection_settings import ClientSettings
from .errors import (
    AuthenticationError,
    DailyLimitError,
    NotFoundError,
    RateLimitError,
    ZoomApiError,
    means_not_found,
)
from .redact import scrub
from .retry import read_rate_limit

logger = logging.getLogger("zoomcc.client")


class Sender:
    """Sends checked requests; shared by every thread of the client that owns it."""

    def __init__(
        self,
        settings: ClientSettings,
        http: httpx.Client,
        tokens: TokenProvider,
        attempts: Attempts,
        wall_clock: Callable[[], float],
    ) -> None:
        self._settings = settings
        self._http = http
        self._tokens = tokens
        self.attempts = attempts
        self._wall_clock = wall_clock
        self._warn_lock = threading.Lock()
        self._warned_api_url: set[str] = set()

    def send(
        self,
        call: Call,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        files: Any = None,
        data: Any = None,
    ) -> Any:
        """Parsed JSON of a 2xx answer (None for 204 / an empty body), else a typed error."""
        files = materialize_files(files)

        def build() -> httpx.Request:
            return self._http.build_request(
                call.method,
                self.base_url(self._tokens.get()) + call.path,
                params=dict(params) if params else None,
                json=json,
                files=files,
                data=data,
                extensions={RATE_LABEL: call.label},
            )

        auth = BearerAuth(self._tokens)
        response = self.attempts.send(call, build, auth)
        if response.is_success:
            return self._success(response, call, auth.secrets())
        raise self._error(response, call, auth.secrets())

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

    def _error(
        self, response: httpx.Response, call: Call, secrets: tuple[str, ...]
    ) -> ZoomApiError:
        """The error type a final, unsuccessful answer means."""
        status = response.status_code
        code, message, errors = parse_zoom_error(response, secrets)
        where = (call.operation, call.method, call.path)
        if refuses_token(response):
            logger.warning("%s %s -> %d even with a renewed token", call.method, call.path, status)
            return AuthenticationError(status, code, message, *where, errors=errors)
        if status == 429:
            info = read_rate_limit(response, self._wall_clock())
            return (DailyLimitError if info.daily else RateLimitError)(
                status,
                code,
                message,
                *where,
                errors=errors,
                retry_after=info.retry_after,
                limit_type=info.limit_type,
                reset_at=info.reset_at,
            )
        if means_not_found(status, code, call.not_found_codes):
            return NotFoundError(status, code, message, *where, errors=errors)
        return ZoomApiError(status, code, message, *where, errors=errors)

    @staticmethod
    def _success(response: httpx.Response, call: Call, secrets: tuple[str, ...]) -> Any:
        if response.status_code == 204 or not response.content.strip():
            return None
        try:
            return response.json()
        except ValueError:
            kind = response.headers.get("content-type", "unknown content type")
            raise ZoomApiError(
                response.status_code,
                None,
                scrub(f"the response is not JSON ({kind})", secrets),
                call.operation,
                call.method,
                call.path,
            ) from None
