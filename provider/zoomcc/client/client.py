"""ZoomClient: the one HTTP client every resource shares.

It puts together the token cache, the per-label pacer and the retry policy around a
single httpx.Client. One instance is meant to be shared by all threads of the provider
process. It refuses to be pickled so credentials can never land in Pulumi state.

Providers call an operation of the API spec (``call``, ``list``): its method, rate label,
id and paging come from the ``Operation``, so a call cannot carry another's label.
``request`` and ``paginate`` take a method and path, for tests and tools.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Literal, NoReturn

import httpx

from zoomcc.apispec import ApiSpec, Operation, load_api_spec
from zoomcc.apispec.contract import check_request, match_operation

from .answers import relative_path
from .attempts import Attempts, Call, Pacing
from .auth import TokenProvider
from .connection_settings import ClientSettings
from .downloads import download
from .pacing import Pacer, normalize_label
from .pagination import MAX_PAGE_SIZE, iter_items, unpaged_items
from .retry import IDEMPOTENT_METHODS, RetryPolicy
from .sending import Sender
from .stats import ClientStats, StatsRecorder


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
        self._stats = StatsRecorder()
        self._pacer = pacer or _own_pacer(settings, clock, sleep)
        retry = RetryPolicy.of(settings, rng)
        self._http = _http_client(settings, transport, Pacing(self._pacer, self._stats))
        self._auth = TokenProvider(
            settings,
            http=self._http,
            clock=clock,
            sleep=sleep,
            wall_clock=wall_clock,
            retry=retry,
            stats=self._stats,
        )
        attempts = Attempts(self._http, self._pacer, retry, self._stats, clock, sleep, wall_clock)
        self._sender = Sender(settings, self._http, self._auth, attempts, wall_clock)
        self._closed = False
        self._writes = 0
        self._writes_lock = threading.Lock()

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

    def __exit__(self, *exc_info: object) -> None:
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

    @property
    def _sleep(self) -> Callable[[float], None]:
        """How retries wait (tests replace it on a live client)."""
        return self._sender.attempts.sleep

    @_sleep.setter
    def _sleep(self, sleep: Callable[[float], None]) -> None:
        self._sender.attempts.sleep = sleep

    @property
    def writes(self) -> int:
        """Counts each write (any method but GET) twice, as it starts and as it ends: a
        value that did not change over a read means no write of this client overlapped
        it (``dynamic.collection_reads`` keeps a listing only that long)."""
        return self._writes

    def _count_write(self) -> None:
        with self._writes_lock:
            self._writes += 1

    def api_base_url(self) -> str:
        """Where API calls go (after honouring the token's `api_url`); fetches a token."""
        return self._sender.base_url(self._auth.get())

    # -- operations of the API spec ---------------------------------------------------------

    def call(
        self,
        op: Operation,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        files: Any = None,
        not_found_codes: frozenset[int] = frozenset(),
        idempotent: bool | None = None,
    ) -> Any:
        """Call ``op`` at ``url`` (its path with the parameters filled in); returns parsed
        JSON, or None for 204 / an empty body.

        ``not_found_codes``: the codes that mean the addressed object is gone (a spec's
        read and delete operations' documented ones); those, and a 404 without a code of
        its own, raise NotFoundError. ``idempotent``: True for a call that, sent twice,
        leaves things as sent once (retried after a 5xx even if it is a POST).
        """
        return self.request(
            op.method,
            url,
            rate_label=op.rate_label,
            params=params,
            json=json,
            files=files,
            operation=op.id,
            idempotent=idempotent,
            not_found_codes=not_found_codes,
        )

    def list(
        self,
        op: Operation,
        url: str,
        items_key: str,
        params: Mapping[str, Any] | None = None,
        *,
        page_size: int = MAX_PAGE_SIZE,
        not_found_codes: frozenset[int] = frozenset(),
    ) -> Iterator[dict[str, Any]]:
        """Every item ``op`` lists under ``items_key``, page by page where it pages
        (``Operation.pages``), else from its one answer."""

        def fetch(query: Mapping[str, Any] | None) -> Any:
            return self.call(op, url, params=query, not_found_codes=not_found_codes)

        if not op.pages:
            return unpaged_items(fetch(params), items_key)
        return iter_items(fetch, items_key=items_key, params=params, page_size=page_size)

    # -- requests by method and path ----------------------------------------------------------

    def download(self, url: str) -> bytes | None:
        """The file at an http(s) ``url`` the API gave (an asset item's file), with the
        account's token where the API's or Zoom's host serves it; None if it does not
        answer with the file."""
        if self._closed:
            raise RuntimeError("ZoomClient is closed")
        return download(self._http, self._auth, self._stats, url, self._settings.base_url)

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
        path = relative_path(path)
        if self._contract is not None:
            checked = check_request(
                self._contract, method, path, params=params, json=json, operation=operation
            )
            params, json, operation = checked.params, checked.json, checked.operation.id
        call = Call(
            method,
            path,
            normalize_label(rate_label),
            operation or f"{method} {path}",
            method in IDEMPOTENT_METHODS if idempotent is None else idempotent,
            not_found_codes,
        )
        with self._counting_writes(method != "GET"):
            return self._sender.send(call, params=params, json=json, files=files, data=data)

    @contextmanager
    def _counting_writes(self, writes: bool) -> Iterator[None]:
        """A write counts as it starts and as it ends (``writes``)."""
        if writes:
            self._count_write()
        try:
            yield
        finally:
            if writes:
                self._count_write()

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
            match_operation(self._contract, "GET", relative_path(path))
            if self._contract is not None
            else None
        )

        def fetch(query: Mapping[str, Any] | None) -> Any:
            return self.request(
                "GET", path, rate_label=rate_label, params=query, operation=operation
            )

        if op is not None and not op.pages:
            return unpaged_items(fetch(params), items_key)
        return iter_items(fetch, items_key=items_key, params=params, page_size=page_size)


def _own_pacer(
    settings: ClientSettings, clock: Callable[[], float], sleep: Callable[[float], None]
) -> Pacer:
    """Pacing under the plan's limits, the account's own (``rate_limits``) winning."""
    return Pacer.for_plan(
        settings.plan,
        limits=settings.rate_limits,
        enabled=settings.pacing,
        clock=clock,
        sleep=sleep,
    )


def _http_client(
    settings: ClientSettings, transport: httpx.BaseTransport | None, pacing: Pacing
) -> httpx.Client:
    """The one connection pool: API calls, the token endpoint and file downloads."""
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(settings.timeout),
        headers={"User-Agent": settings.user_agent, "Accept": "application/json"},
        follow_redirects=False,
        event_hooks={"request": [pacing]},
    )
