"""Everything the emulator remembers: objects, tokens, the request log, limits and faults.

One :class:`EmulatorState` per emulator; every public method takes its lock, so tests may
inspect and reconfigure it from another thread while uvicorn serves requests.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import random
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final, Literal

from zoomcc.emulator.model import Collection, Obj
from zoomcc.emulator.store import Store
from zoomcc.emulator.table import DEFAULT_COLLECTIONS

DEFAULT_RATE_LIMITS: Final = {"LIGHT": 20, "MEDIUM": 10, "HEAVY": 5}
"""Requests per second per rate-limit label (Zoom's Pro plan)."""

FaultKind = Literal["error", "drop", "lost_response"]
FAULT_KINDS: Final[tuple[FaultKind, ...]] = ("drop", "error", "lost_response")

_REDACTED_QUERY_KEYS: Final = frozenset({"client_secret", "access_token", "token", "code"})


@dataclass
class EmulatorConfig:
    """Every switch of the emulator; ``EmulatorServer(**options)`` and POST /_emulator/config
    take these names.

    Faults: each kind has a probability (``*_rate``), an optional method filter
    (``*_methods``), an optional path filter (``*_path``, a regular expression searched in
    the request path) and an optional cap on how many times it fires (``*_limit``; with
    rate 1.0 and limit 1 it hits exactly the first matching request).
    """

    account_id: str = "emulator-account"
    client_id: str = "emulator-client"
    client_secret: str = "emulator-secret"
    token_lifetime: float = 3600.0
    token_failure_status: int | None = None

    rate_limits_enabled: bool = False
    rate_limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_RATE_LIMITS))
    rate_limit_code: int = 429
    daily_limit: int | None = None
    daily_limit_labels: list[str] | None = None
    daily_retry_after: Literal["datetime", "seconds"] = "datetime"

    fault_seed: int = 0
    error_rate: float = 0.0
    error_methods: list[str] | None = None
    error_path: str | None = None
    error_limit: int | None = None
    error_statuses: list[int] = field(default_factory=lambda: [500, 502, 503])
    drop_rate: float = 0.0
    drop_methods: list[str] | None = None
    drop_path: str | None = None
    drop_limit: int | None = None
    lost_response_rate: float = 0.0
    lost_response_methods: list[str] | None = None
    lost_response_path: str | None = None
    lost_response_limit: int | None = None
    lost_response_mode: Literal["drop", "502"] = "drop"

    latency: float = 0.0
    request_log_limit: int = 100_000

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready copy, without the client secret."""
        data = dataclasses.asdict(self)
        data["client_secret"] = "********"
        return data


_CONFIG_FIELDS: Final = {f.name for f in dataclasses.fields(EmulatorConfig)}


def _normalise(key: str, value: Any) -> Any:
    """Check and normalise one configuration value; ValueError names the problem."""
    if key == "rate_limits":
        if not isinstance(value, Mapping):
            raise ValueError("rate_limits must be a mapping of label to requests per second")
        merged = dict(DEFAULT_RATE_LIMITS)
        merged.update({str(k).upper(): int(v) for k, v in value.items()})
        return merged
    if key.endswith("_rate"):
        rate = float(value)
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"{key} must be between 0 and 1")
        return rate
    if key.endswith("_methods") and value is not None:
        return [str(m).upper() for m in value]
    if key.endswith("_path") and value is not None:
        re.compile(value)
        return str(value)
    if key == "daily_limit_labels" and value is not None:
        return [str(label).upper() for label in value]
    if key == "lost_response_mode" and value not in ("drop", "502"):
        raise ValueError("lost_response_mode must be 'drop' or '502'")
    if key == "daily_retry_after" and value not in ("datetime", "seconds"):
        raise ValueError("daily_retry_after must be 'datetime' or 'seconds'")
    return value


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
    body: Any = None
    """The parsed JSON body of an API request (never of the token request)."""
    operation_id: str | None = None
    """The API spec's operation, e.g. ``delete_a_region``; None outside the API."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready copy."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class FaultPlan:
    """The faults drawn for one request."""

    before: Literal["drop", "error"] | None = None
    error_status: int = 500
    lose_response: bool = False


@dataclass(frozen=True)
class RateLimitHit:
    """Why a request was refused with 429."""

    kind: Literal["QPS", "Daily-limit"]
    label: str
    retry_after: str
    limit: int


def redact_query(query: str) -> str:
    """The query string with secret-looking values blanked."""
    if not query:
        return ""
    parts = []
    for part in query.split("&"):
        key, sep, _value = part.partition("=")
        parts.append(f"{key}=***" if sep and key.lower() in _REDACTED_QUERY_KEYS else part)
    return "&".join(parts)


ROOT_TEAM_ID = "rootTeam0000000000000A"

# Objects every real account has before anyone configures it: the top-level team that new
# teams hang under (team creation requires a parent_team_id).
ACCOUNT_FIXTURES: dict[str, tuple[dict[str, Any], ...]] = {
    "teams": (
        {
            "team_id": ROOT_TEAM_ID,
            "team_name": "All agents",
            "team_description": "The account's top-level team.",
        },
    ),
}


class EmulatorState:
    """The emulator's memory. Thread-safe: each public method holds ``self.lock``."""

    def __init__(
        self,
        collections: Sequence[Collection] = DEFAULT_COLLECTIONS,
        *,
        clock: Callable[[], float] = time.time,
        **options: Any,
    ) -> None:
        self.lock = threading.RLock()
        self.collections: tuple[Collection, ...] = tuple(collections)
        self.store = Store(self.collections, clock=clock)
        self._initial_options = dict(options)
        self.config = EmulatorConfig()
        self._apply(options)
        self._tokens: dict[str, float] = {}
        self._log: deque[LoggedRequest] = deque(maxlen=self.config.request_log_limit)
        self._log_seq = 0
        self._rng = random.Random(self.config.fault_seed)
        self._fault_counts: dict[str, int] = dict.fromkeys(FAULT_KINDS, 0)
        self._windows: dict[str, deque[float]] = {}
        self._daily: tuple[str, int] = ("", 0)
        self._rate_limited = 0
        self._fixture_ids: set[str] = set()
        self._seed_fixtures()

    def _seed_fixtures(self) -> None:
        names = {c.name for c in self.collections}
        self._fixture_ids = set()
        declared = {c.name: tuple(c.fixtures) for c in self.collections if c.fixtures}
        for collection, objects in {**ACCOUNT_FIXTURES, **declared}.items():
            if collection in names:
                coll = self.store.collection(collection)
                for made in self.store.seed(collection, objects):
                    self._fixture_ids.add(str(made[coll.id_field]))

    # -- configuration -----------------------------------------------------------------

    def _apply(self, options: Mapping[str, Any]) -> None:
        unknown = sorted(set(options) - _CONFIG_FIELDS)
        if unknown:
            raise ValueError(f"unknown emulator option(s): {', '.join(unknown)}")
        values = {key: _normalise(key, value) for key, value in options.items()}
        for key, value in values.items():
            setattr(self.config, key, value)

    def configure(self, **options: Any) -> EmulatorConfig:
        """Change switches at run time (names as in :class:`EmulatorConfig`)."""
        with self.lock:
            self._apply(options)
            if "fault_seed" in options:
                self._rng = random.Random(self.config.fault_seed)
            if "request_log_limit" in options:
                self._log = deque(self._log, maxlen=self.config.request_log_limit)
            return copy.deepcopy(self.config)

    def reset(self) -> None:
        """Back to the state right after start: no objects, no log, the initial options
        (so faults and limits given later are switched off), counters at zero. Tokens stay
        valid, so a client's cached token survives a reset between tests."""
        with self.lock:
            self.store.clear()
            self.config = EmulatorConfig()
            self._apply(self._initial_options)
            self._log = deque(maxlen=self.config.request_log_limit)
            self._log_seq = 0
            self._rng = random.Random(self.config.fault_seed)
            self._fault_counts = dict.fromkeys(FAULT_KINDS, 0)
            self._windows.clear()
            self._daily = ("", 0)
            self._rate_limited = 0
            self._seed_fixtures()

    # -- objects -------------------------------------------------------------------------

    @contextmanager
    def locked_store(self) -> Iterator[Store]:
        """The store, under the lock (for the HTTP handlers)."""
        with self.lock:
            yield self.store

    def objects(self, collection: str) -> list[Obj]:
        """One collection's objects as GET shows them."""
        with self.lock:
            self.store.collection(collection)
            return [self.store.render(collection, o) for o in self.store.items(collection)]

    def all_objects(self) -> dict[str, list[Obj]]:
        """Every collection (empty ones included) with its objects."""
        with self.lock:
            return self.store.dump()

    def object_count(self) -> int:
        """Objects held beyond the account's fixtures; 0 means "the emulator holds nothing"."""
        with self.lock:
            return sum(len(v) for v in self.user_objects().values())

    def user_objects(self) -> dict[str, list[Obj]]:
        """Every non-empty collection with the objects not present in a fresh account."""
        with self.lock:
            found: dict[str, list[Obj]] = {}
            for collection, objects in self.store.dump().items():
                id_field = self.store.collection(collection).id_field
                kept = [o for o in objects if str(o.get(id_field)) not in self._fixture_ids]
                if kept:
                    found[collection] = kept
            return found

    def seed(
        self, collection: str, objects: Sequence[Mapping[str, Any]], parent_id: str | None = None
    ) -> list[Obj]:
        """Insert objects directly, bypassing validation (objects "created by hand")."""
        with self.lock:
            return self.store.seed(collection, objects, parent_id)

    # -- OAuth ---------------------------------------------------------------------------

    def credentials_ok(self, account_id: str, client_id: str, client_secret: str) -> bool:
        """Constant-time check of the configured credentials."""
        with self.lock:
            cfg = self.config
            return all(
                secrets.compare_digest(given.encode(), wanted.encode())
                for given, wanted in (
                    (client_id, cfg.client_id),
                    (client_secret, cfg.client_secret),
                )
            ) and secrets.compare_digest(account_id.encode(), cfg.account_id.encode())

    def issue_token(self) -> tuple[str, int]:
        """A new bearer token and its lifetime in seconds."""
        with self.lock:
            now = time.monotonic()
            for token in [t for t, exp in self._tokens.items() if exp < now - 3600]:
                del self._tokens[token]
            token = "emu." + secrets.token_urlsafe(32)
            lifetime = self.config.token_lifetime
            self._tokens[token] = now + lifetime
            return token, max(0, math.ceil(lifetime))

    def token_status(self, token: str) -> Literal["valid", "expired", "unknown"]:
        """Whether a bearer token is usable."""
        with self.lock:
            expires = self._tokens.get(token)
            if expires is None:
                return "unknown"
            return "valid" if expires > time.monotonic() else "expired"

    def issued_tokens(self) -> list[str]:
        """Every access token handed out (for tests proving none reaches the state)."""
        with self.lock:
            return list(self._tokens)

    def expire_tokens(self) -> None:
        """Make every issued token expired now (clients must fetch a new one)."""
        with self.lock:
            for token in self._tokens:
                self._tokens[token] = 0.0

    # -- rate limits -----------------------------------------------------------------------

    def check_rate_limit(self, label: str | None) -> RateLimitHit | None:
        """Count one API request; a hit when it exceeds the per-second or daily limit."""
        with self.lock:
            cfg = self.config
            if label is None:
                return None
            label = label.upper()
            if cfg.daily_limit is not None and (
                cfg.daily_limit_labels is None or label in cfg.daily_limit_labels
            ):
                now = datetime.now(UTC)
                day = now.strftime("%Y-%m-%d")
                used = self._daily[1] if self._daily[0] == day else 0
                if used >= cfg.daily_limit:
                    self._rate_limited += 1
                    midnight = (now + timedelta(days=1)).replace(
                        hour=0, minute=0, second=0, microsecond=0
                    )
                    retry = (
                        midnight.strftime("%Y-%m-%dT%H:%M:%SZ")
                        if cfg.daily_retry_after == "datetime"
                        else str(math.ceil((midnight - now).total_seconds()))
                    )
                    return RateLimitHit("Daily-limit", label, retry, cfg.daily_limit)
            if cfg.rate_limits_enabled and label in cfg.rate_limits:
                limit = cfg.rate_limits[label]
                window = self._windows.setdefault(label, deque())
                now_m = time.monotonic()
                while window and window[0] <= now_m - 1.0:
                    window.popleft()
                if len(window) >= limit:
                    self._rate_limited += 1
                    wait = window[0] + 1.0 - now_m if window else 1.0
                    return RateLimitHit("QPS", label, str(max(1, math.ceil(wait))), limit)
                window.append(now_m)
            if cfg.daily_limit is not None and (
                cfg.daily_limit_labels is None or label in cfg.daily_limit_labels
            ):
                day = datetime.now(UTC).strftime("%Y-%m-%d")
                used = self._daily[1] if self._daily[0] == day else 0
                self._daily = (day, used + 1)
            return None

    # -- faults ----------------------------------------------------------------------------

    def _fault_fires(self, kind: FaultKind, method: str, path: str) -> bool:
        cfg = self.config
        rate: float = getattr(cfg, f"{kind}_rate")
        if rate <= 0.0:
            return False
        methods: list[str] | None = getattr(cfg, f"{kind}_methods")
        pattern: str | None = getattr(cfg, f"{kind}_path")
        limit: int | None = getattr(cfg, f"{kind}_limit")
        if methods is not None and method.upper() not in methods:
            return False
        if pattern is not None and re.search(pattern, path) is None:
            return False
        if limit is not None and self._fault_counts[kind] >= limit:
            return False
        return self._rng.random() < rate

    def plan_faults(self, method: str, path: str) -> FaultPlan:
        """Draw this request's faults from the seeded RNG (same seed, same sequence)."""
        with self.lock:
            for kind in ("drop", "error"):
                if self._fault_fires(kind, method, path):
                    self._fault_counts[kind] += 1
                    status = 500
                    if kind == "error":
                        status = self._rng.choice(self.config.error_statuses)
                    return FaultPlan(before=kind, error_status=status)
            if self._fault_fires("lost_response", method, path):
                self._fault_counts["lost_response"] += 1
                return FaultPlan(lose_response=True)
            return FaultPlan()

    @property
    def fault_counts(self) -> dict[str, int]:
        """How many faults of each kind were injected since the last reset."""
        with self.lock:
            return dict(self._fault_counts)

    def stats(self) -> dict[str, Any]:
        """Counters for the admin endpoint."""
        with self.lock:
            return {
                "faults": dict(self._fault_counts),
                "rate_limited": self._rate_limited,
                "requests": len(self._log),
                "objects": self.object_count(),
            }

    # -- request log -----------------------------------------------------------------------

    def log_request(self, **entry: Any) -> LoggedRequest:
        """Append one request to the log."""
        with self.lock:
            self._log_seq += 1
            record = LoggedRequest(seq=self._log_seq, **entry)
            self._log.append(record)
            return record

    @property
    def requests(self) -> list[LoggedRequest]:
        """The request log, oldest first."""
        with self.lock:
            return list(self._log)

    def clear_requests(self) -> None:
        """Empty the request log."""
        with self.lock:
            self._log.clear()
