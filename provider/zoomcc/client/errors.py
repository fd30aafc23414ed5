"""Exceptions raised by the client.

They carry what a user needs to act (HTTP status, Zoom code and message, the operation)
and nothing that must stay private: no headers, no tokens, no secrets. They survive
pickling so they can cross process boundaries intact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any


def _rebuild(cls: type[ZoomError], state: dict[str, Any]) -> ZoomError:
    """Unpickle without calling __init__ (whose signature differs per class)."""
    err = cls.__new__(cls)
    err.__dict__.update(state)
    err.args = (str(err),)
    return err


class ZoomError(Exception):
    """Base of every error raised by zoomcc.client; catch this to catch them all."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), dict(self.__dict__)))


def _where(operation: str, method: str, path: str) -> str:
    request = f"{method} {path}"
    return request if operation == request else f"{operation} ({request})"


Answer = tuple[int, int | None, str, str | None, str, str]
"""What an API error is made from, as ``ZoomApiError`` takes it: HTTP status, Zoom code,
message, operation, method, path."""


class ZoomApiError(ZoomError):
    """Zoom answered with an error status."""

    def __init__(
        self,
        status: int,
        code: int | None,
        message: str,
        operation: str | None,
        method: str,
        path: str,
        *,
        errors: Sequence[Mapping[str, Any]] = (),
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.method = method.upper()
        self.path = path
        self.operation = operation or f"{self.method} {path}"
        # Zoom's validation failures (code 300) list the offending fields.
        self.errors: tuple[dict[str, Any], ...] = tuple(dict(e) for e in errors)
        super().__init__(str(self))

    def _detail(self) -> str:
        head = f"HTTP {self.status}"
        if self.code is not None:
            head += f", Zoom code {self.code}"
        text = f"{head}: {self.message}" if self.message else head
        fields = [f"{e.get('field')}: {e.get('message')}" for e in self.errors if e.get("field")]
        if fields:
            text += " (" + "; ".join(fields) + ")"
        return text

    def __str__(self) -> str:
        return f"{_where(self.operation, self.method, self.path)} failed: {self._detail()}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status}, code={self.code}, "
            f"message={self.message!r}, operation={self.operation!r}, "
            f"method={self.method!r}, path={self.path!r})"
        )


class NotFoundError(ZoomApiError):
    """The object does not exist: a code the operation documents as "not found", or a 404
    without a code of its own (see ``means_not_found``)."""


def means_not_found(status: int, code: int | None, not_found_codes: frozenset[int]) -> bool:
    """Whether an error answer says "the object does not exist".

    Only the operation's documented not-found codes (``not_found_codes``, at any status: some
    "does not exist" errors are a 400), or a 404 carrying no code of its own (none, or the
    status repeated). Any other 404 is a refusal: DELETE asset answers 404 with 10010
    "Unable to delete asset directly, archive it first." and 10002 "This asset is being
    used." (reference line 3623), and taking those for "gone" would drop the object
    from the state while it stays in Zoom.
    """
    if code is not None and code in not_found_codes:
        return True
    return status == 404 and code in (None, status)


class AuthenticationError(ZoomApiError):
    """Credentials were rejected, the token endpoint failed, or a renewed token was refused."""


class RateLimitError(ZoomApiError):
    """HTTP 429 that retries did not get past; ``reset_at`` is when the limit resets, where
    Zoom says so."""

    def __init__(
        self,
        *answer: *Answer,
        errors: Sequence[Mapping[str, Any]] = (),
        retry_after: float | None = None,
        limit_type: str | None = None,
        reset_at: datetime | None = None,
    ) -> None:
        self.retry_after = retry_after
        self.limit_type = limit_type
        self.reset_at = reset_at
        super().__init__(*answer, errors=errors)


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m {secs:02d}s"
    return f"{secs}s"


class DailyLimitError(RateLimitError):
    """A daily quota is spent: retrying now cannot succeed, so fail at once and say when."""

    def __str__(self) -> str:
        where = _where(self.operation, self.method, self.path)
        if self.reset_at is not None:
            stamp = self.reset_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            when = f"it resets at {stamp}"
            if self.retry_after is not None:
                when += f" (in {_duration(self.retry_after)})"
        elif self.retry_after is not None:
            when = f"it resets in {_duration(self.retry_after)}"
        else:
            when = "Zoom did not say when it resets (daily limits usually reset at 00:00 UTC)"
        return (
            f"{where} failed: Zoom daily API rate limit reached ({self._detail()}); "
            f"{when}. Retrying earlier will fail the same way."
        )


class ZoomTransportError(ZoomError):
    """No usable answer from Zoom: connection refused, timeout, broken connection."""

    def __init__(
        self,
        message: str,
        operation: str | None,
        method: str,
        path: str,
        *,
        attempts: int = 1,
        maybe_applied: bool = False,
    ) -> None:
        self.message = message
        self.method = method.upper()
        self.path = path
        self.operation = operation or f"{self.method} {path}"
        self.attempts = attempts
        # True when the request may have reached Zoom (the caller should look before redoing).
        self.maybe_applied = maybe_applied
        super().__init__(str(self))

    def __str__(self) -> str:
        tries = "1 attempt" if self.attempts == 1 else f"{self.attempts} attempts"
        text = f"{_where(self.operation, self.method, self.path)} failed after {tries}: "
        text += self.message
        if self.maybe_applied:
            text += " (the request may have been applied by Zoom)"
        return text

    def __repr__(self) -> str:
        return (
            f"ZoomTransportError(message={self.message!r}, operation={self.operation!r}, "
            f"method={self.method!r}, path={self.path!r}, attempts={self.attempts})"
        )


class UnexpectedAnswerError(ZoomError):
    """Zoom answered 2xx, but not what the operation documents (a batch create listing
    another count of items, an import that landed on another object): no HTTP error to
    report, yet the call did not do what was asked."""

    def __init__(self, message: str, operation: str, method: str, path: str) -> None:
        self.message = message
        self.method = method.upper()
        self.path = path
        self.operation = operation
        super().__init__(str(self))

    def __str__(self) -> str:
        where = _where(self.operation, self.method, self.path)
        return f"{where} answered unexpectedly: {self.message}"

    def __repr__(self) -> str:
        return (
            f"UnexpectedAnswerError(message={self.message!r}, operation={self.operation!r}, "
            f"method={self.method!r}, path={self.path!r})"
        )
