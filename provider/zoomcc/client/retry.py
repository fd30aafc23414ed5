"""When to retry, how long to wait, and how to read Zoom's 429 answers.

Pure decisions, no I/O: the client asks this module and does the sleeping itself.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from .answers import parse_zoom_error
from .connection_settings import ClientSettings

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"})
RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})

# A per-second limit clears within a second; anything further away is a quota.
DAILY_THRESHOLD_SECONDS = 60.0
PER_SECOND_WAIT = 1.0

# These failures happen before a byte of the request left: safe to resend even a POST.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def request_was_not_sent(exc: httpx.TransportError) -> bool:
    """True when the request certainly never reached the server."""
    return isinstance(exc, _NOT_SENT)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries with exponential backoff and full jitter."""

    max_retries: int = 4
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    rng: random.Random = field(default_factory=random.Random, repr=False, compare=False)

    @classmethod
    def of(cls, settings: ClientSettings, rng: random.Random | None = None) -> RetryPolicy:
        """The policy `settings` ask for (`rng` draws the jitter; tests fix it)."""
        return cls(
            settings.max_retries,
            settings.backoff_base,
            settings.backoff_max,
            rng or random.Random(),
        )

    def backoff(self, retry: int) -> float:
        """Full-jitter delay before retry number `retry` (0 for the first retry)."""
        ceiling = min(self.backoff_max, self.backoff_base * (2.0 ** min(retry, 32)))
        return self.rng.uniform(0.0, ceiling)

    def rate_limit_wait(self, retry_after: float | None) -> float:
        """Wait after a per-second 429: Retry-After (or ~1 s) plus jitter to spread threads."""
        base = PER_SECOND_WAIT if retry_after is None else max(0.0, retry_after)
        return base + self.rng.uniform(0.0, 0.5)

    def server_error_wait(self, retry: int, retry_after: float | None) -> float:
        """Backoff after a 5xx, but never sooner than a (short) Retry-After asks."""
        wait = self.backoff(retry)
        if retry_after is not None and retry_after <= DAILY_THRESHOLD_SECONDS:
            wait = max(wait, retry_after)
        return wait


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds until `value` (delta-seconds, HTTP date or ISO-8601); None if unreadable."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    when: datetime | None = None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        when = None
    if when is None:
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now)


@dataclass(frozen=True)
class RateLimitInfo:
    """What a 429 told us."""

    daily: bool
    retry_after: float | None
    limit_type: str | None
    reset_at: datetime | None


def classify_rate_limit(headers: Mapping[str, str], message: str, now: float) -> RateLimitInfo:
    """Tell a per-second limit (wait and retry) from a daily one (fail now)."""
    retry_after = parse_retry_after(headers.get("retry-after"), now)
    limit_type = headers.get("x-ratelimit-type") or None
    daily = (
        (limit_type is not None and "daily" in limit_type.lower())
        or "daily" in message.lower()
        or (retry_after is not None and retry_after > DAILY_THRESHOLD_SECONDS)
    )
    reset_at = (
        datetime.fromtimestamp(now + retry_after, tz=UTC) if retry_after is not None else None
    )
    return RateLimitInfo(daily, retry_after, limit_type, reset_at)


def read_rate_limit(response: httpx.Response, now: float) -> RateLimitInfo:
    """What a 429 answer tells, from its headers and Zoom's message."""
    _, message, _ = parse_zoom_error(response, ())
    return classify_rate_limit(response.headers, message, now)
