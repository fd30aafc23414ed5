"""The request log: what the emulator saw of each request, for tests and benchmarks."""

from __future__ import annotations

import dataclasses
from collections import deque
from dataclasses import dataclass
from typing import Final

from zoomcc.emulator.faults import FaultKind
from zoomcc.emulator.refusals import Json, Obj

_REDACTED_QUERY_KEYS: Final = frozenset({"client_secret", "access_token", "token", "code"})


@dataclass(frozen=True)
class LoggedRequest:
    """One request as the emulator saw it. Headers and OAuth bodies are never kept."""

    seq: int
    time: float
    method: str
    path: str
    query: str
    status: int | None
    """What the client received; None when the connection was dropped."""
    duration_ms: float
    operation: str | None
    """``<collection>.<list|create|get|update|delete>``, ``oauth.token`` or None."""
    rate_label: str | None
    fault: FaultKind | None
    applied_status: int | None = None
    """For a lost response: the status the server produced before the response was lost."""
    rate_limited: str | None = None
    """``QPS`` or ``Daily-limit`` when the emulator answered 429."""
    body: Json = None
    """The parsed JSON body of an API request (never of the token request)."""
    operation_id: str | None = None
    """The API spec's operation, e.g. ``delete_a_region``; None outside the API."""
    error: str | None = None
    """An error answer's Zoom code and message, ``1201 Queue does not exist: abc.``."""

    def to_dict(self) -> Obj:
        """JSON-ready copy."""
        return dataclasses.asdict(self)


def redact_query(query: str) -> str:
    """The query string with secret-looking values blanked."""
    if not query:
        return ""
    parts = []
    for part in query.split("&"):
        key, sep, _value = part.partition("=")
        parts.append(f"{key}=***" if sep and key.lower() in _REDACTED_QUERY_KEYS else part)
    return "&".join(parts)


class RequestLog:
    """The newest ``limit`` requests, numbered from 1 since the last reset. Not thread-safe
    by itself: :class:`zoomcc.emulator.state.EmulatorState` holds its lock around it."""

    def __init__(self, limit: int) -> None:
        self._entries: deque[LoggedRequest] = deque(maxlen=limit)
        self._seq = 0

    def append(self, **entry: Json) -> LoggedRequest:
        """Number and keep one request (fields as :class:`LoggedRequest`'s)."""
        self._seq += 1
        record = LoggedRequest(seq=self._seq, **entry)
        self._entries.append(record)
        return record

    def entries(self) -> list[LoggedRequest]:
        """Oldest first."""
        return list(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        """Forget the entries; numbering goes on."""
        self._entries.clear()

    def resize(self, limit: int) -> None:
        """Keep at most ``limit`` entries from now on (the newest survive)."""
        self._entries = deque(self._entries, maxlen=limit)
