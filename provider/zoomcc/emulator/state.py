"""Everything the emulator remembers: objects, tokens, the request log, limits and faults.

One :class:`EmulatorState` per emulator; every public method takes its lock, so tests may
inspect and reconfigure it from another thread while uvicorn serves requests. Each part
has its own module (:mod:`~zoomcc.emulator.config`, :mod:`~zoomcc.emulator.tokens`,
:mod:`~zoomcc.emulator.rate_limits`, :mod:`~zoomcc.emulator.faults`,
:mod:`~zoomcc.emulator.request_log`, :mod:`~zoomcc.emulator.store`); this one holds them
together under the lock.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Final, Literal

from zoomcc.emulator.collection import Collection
from zoomcc.emulator.config import EmulatorConfig
from zoomcc.emulator.faults import FaultInjector, FaultPlan
from zoomcc.emulator.rate_limits import RateLimiter, RateLimitHit
from zoomcc.emulator.refusals import Json, Obj
from zoomcc.emulator.request_log import LoggedRequest, RequestLog
from zoomcc.emulator.snapshot import load_snapshot
from zoomcc.emulator.store import Store
from zoomcc.emulator.table import DEFAULT_COLLECTIONS
from zoomcc.emulator.tokens import TokenIssuer, credentials_match

ROOT_TEAM_ID: Final = "rootTeam0000000000000A"

# Objects every real account has before anyone configures it: the top-level team that new
# teams hang under (team creation requires a parent_team_id).
ACCOUNT_FIXTURES: Final[dict[str, tuple[Obj, ...]]] = {
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
        **options: Json,
    ) -> None:
        self.lock = threading.RLock()
        self.collections: tuple[Collection, ...] = tuple(collections)
        self.store = Store(self.collections, clock=clock)
        self._initial_options = dict(options)
        self.config = EmulatorConfig()
        self.config.apply(options)
        self._tokens = TokenIssuer()
        self._snapshot: Mapping[str, Json] | None = None
        self.not_loaded: list[str] = []
        """What the loaded snapshot held that the emulator has no collection for."""
        self._fresh_counters()

    def _fresh_counters(self) -> None:
        """The log, faults, limits and fixtures as they are right after start."""
        self._log = RequestLog(self.config.request_log_limit)
        self._faults = FaultInjector(self.config.fault_seed)
        self._limits = RateLimiter()
        self._fixture_ids: set[str] = set()
        if self._snapshot is not None:  # the snapshot is the account as it was found
            self.not_loaded = load_snapshot(self.store, self._snapshot)
            for name, held in self.store.dump().items():
                id_field = self.store.collection(name).id_field
                self._fixture_ids |= {str(o.get(id_field)) for o in held}
            return
        names = {c.name for c in self.collections}
        declared = {c.name: tuple(c.fixtures) for c in self.collections if c.fixtures}
        for collection, objects in {**ACCOUNT_FIXTURES, **declared}.items():
            if collection in names:
                coll = self.store.collection(collection)
                for made in self.store.seed(collection, objects):
                    self._fixture_ids.add(str(made[coll.id_field]))

    # -- configuration -----------------------------------------------------------------

    def configure(self, **options: Json) -> EmulatorConfig:
        """Change switches at run time (names as in :class:`EmulatorConfig`)."""
        with self.lock:
            self.config.apply(options)
            if "fault_seed" in options:
                self._faults.reseed(self.config.fault_seed)
            if "request_log_limit" in options:
                self._log.resize(self.config.request_log_limit)
            return copy.deepcopy(self.config)

    def load_snapshot(self, document: Mapping[str, Json]) -> list[str]:
        """Hold a real account's objects (``zoomcc snapshot``) instead of a fresh account's,
        ids kept; a reset goes back to them. Returns what could not be loaded."""
        with self.lock:
            self._snapshot = document
            self.store.clear()
            self._fresh_counters()
            return list(self.not_loaded)

    def reset(self) -> None:
        """Back to the state right after start: no objects (the snapshot's, if one was
        loaded), no log, the initial options
        (so faults and limits given later are switched off), counters at zero. Tokens stay
        valid, so a client's cached token survives a reset between tests."""
        with self.lock:
            self.store.clear()
            self.config = EmulatorConfig()
            self.config.apply(self._initial_options)
            self._fresh_counters()

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
        self, collection: str, objects: Sequence[Mapping[str, Json]], parent_id: str | None = None
    ) -> list[Obj]:
        """Insert objects directly, bypassing validation (objects "created by hand")."""
        with self.lock:
            return self.store.seed(collection, objects, parent_id)

    # -- OAuth ---------------------------------------------------------------------------

    def credentials_ok(self, account_id: str, client_id: str, client_secret: str) -> bool:
        """Constant-time check of the configured credentials."""
        with self.lock:
            return credentials_match(self.config, account_id, client_id, client_secret)

    def issue_token(self) -> tuple[str, int]:
        """A new bearer token and its lifetime in seconds."""
        with self.lock:
            return self._tokens.issue(self.config.token_lifetime)

    def token_status(self, token: str) -> Literal["valid", "expired", "unknown"]:
        """Whether a bearer token is usable."""
        with self.lock:
            return self._tokens.status(token)

    def issued_tokens(self) -> list[str]:
        """Every access token handed out (for tests proving none reaches the state)."""
        with self.lock:
            return self._tokens.issued()

    def expire_tokens(self) -> None:
        """Make every issued token expired now (clients must fetch a new one)."""
        with self.lock:
            self._tokens.expire_all()

    # -- rate limits and faults --------------------------------------------------------------

    def check_rate_limit(self, label: str | None) -> RateLimitHit | None:
        """Count one API request; a hit when it exceeds the per-second or daily limit."""
        with self.lock:
            return self._limits.check(self.config, label)

    def plan_faults(self, method: str, path: str) -> FaultPlan:
        """Draw this request's faults from the seeded RNG (same seed, same sequence)."""
        with self.lock:
            return self._faults.plan(self.config, method, path)

    @property
    def fault_counts(self) -> dict[str, int]:
        """How many faults of each kind were injected since the last reset."""
        with self.lock:
            return dict(self._faults.counts)

    def stats(self) -> Obj:
        """Counters for the admin endpoint."""
        with self.lock:
            return {
                "faults": dict(self._faults.counts),
                "rate_limited": self._limits.refused,
                "requests": len(self._log),
                "objects": self.object_count(),
            }

    # -- request log -----------------------------------------------------------------------

    def log_request(self, **entry: Json) -> LoggedRequest:
        """Append one request to the log."""
        with self.lock:
            return self._log.append(**entry)

    @property
    def requests(self) -> list[LoggedRequest]:
        """The request log, oldest first."""
        with self.lock:
            return self._log.entries()

    def clear_requests(self) -> None:
        """Empty the request log."""
        with self.lock:
            self._log.clear()
