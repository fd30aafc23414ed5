"""Refresh by collection: one listing answers the reads of every object in it.

`pulumi refresh` reads each resource; one GET each costs N calls for N objects. Where the
list items carry every field the GET returns (``completeness.list_complete``, derived from
the API spec), the collection is listed once per page (300 items) and every read of that
type in the same engine operation is answered from it:

* The first read of a collection asks its object alone (one GET: a refresh of one resource
  costs one call, whatever the account holds). A second read within ``WINDOW_S`` means many
  are coming, and lists the collection, once, however many threads ask at the same moment
  (single flight).
* A listing is kept only while it can be trusted: for ``WINDOW_S`` after it was taken, only
  while this client wrote nothing (``ZoomClient.writes``; a write overlapping the listing
  discards it, any write since invalidates it), and for each object once (a second read of
  the same object is a new engine operation, or someone wanting it fresh: it lists again).
* An object the listing lacks is asked for alone: a GET answering not-found says it is
  gone; so a listing that is partial, filtered or behind never drops anything. A listing
  that fails is not kept and the reads fall back to one GET each.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from zoomcc.client import ZoomClient
from zoomcc.dynamic.completeness import list_complete, live_from_item
from zoomcc.resources.spec import ResourceSpec

log = logging.getLogger("zoomcc.provider")

WINDOW_S = 5.0
"""How long a listing answers reads; longer than the engine takes to send every read of one
refresh (500 reads arrive within about a second), short enough to be that one operation's."""

Live = dict[str, Any]
GetOne = Callable[[], Live | None]
"""The object's own GET; None when it is gone."""
Key = tuple[int, str]


@dataclass
class _Listing:
    items: dict[str, Live]
    writes: int
    taken_at: float
    served: set[str] = field(default_factory=set)


class CollectionReads:
    """Listings per (client, collection URL with its parent filters), shared by threads."""

    def __init__(
        self, window: float = WINDOW_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._window = window
        self._clock = clock
        self._lock = threading.Lock()
        self._listings: dict[Key, _Listing] = {}
        self._gates: dict[Key, threading.Lock] = {}
        self._lone: dict[Key, float] = {}
        self._failed: dict[Key, float] = {}

    def read(
        self,
        client: ZoomClient,
        spec: ResourceSpec,
        object_id: str,
        inputs: Mapping[str, Any],
        get_one: GetOne,
    ) -> Live | None:
        """The object as its GET answers it (GET names), None when it is gone."""
        if not list_complete(spec):
            return get_one()
        try:
            params = spec.list_params(inputs)
            url = spec.collection_url(inputs)
        except ValueError:  # a parent the listing needs is not in the inputs (a bare get)
            return get_one()
        key: Key = (id(client), url + "?" + "&".join(f"{k}={v}" for k, v in sorted(params.items())))
        now = self._clock()
        with self._lock:
            listing = self._usable(key, object_id, client.writes, now)
            if listing is None and not self._recent(self._lone, key, now):
                self._lone[key] = now
                alone = True
            else:
                alone = listing is None and self._recent(self._failed, key, now)
        if listing is None and not alone:
            listing = self._load(key, object_id, client, lambda: _items(client, spec, url, params))
        if listing is None:
            return get_one()
        found = listing.items.get(object_id)
        return dict(found) if found is not None else get_one()  # absent: ask it alone

    def forget(self) -> None:
        """Drop every listing (tests)."""
        with self._lock:
            self._listings.clear()
            self._lone.clear()
            self._failed.clear()

    def _recent(self, table: dict[Key, float], key: Key, now: float) -> bool:
        at = table.get(key)
        return at is not None and now - at <= self._window

    def _usable(self, key: Key, object_id: str, writes: int, now: float) -> _Listing | None:
        """The listing if it may answer ``object_id`` now (marked served); under the lock."""
        listing = self._listings.get(key)
        if (
            listing is None
            or listing.writes != writes
            or now - listing.taken_at > self._window
            or object_id in listing.served
        ):
            return None
        listing.served.add(object_id)
        return listing

    def _load(
        self,
        key: Key,
        object_id: str,
        client: ZoomClient,
        fetch: Callable[[], Iterable[tuple[str, Live]]],
    ) -> _Listing | None:
        """List the collection once however many ask at once; None if it failed or a
        write overlapped it."""
        with self._lock:
            gate = self._gates.setdefault(key, threading.Lock())
        with gate:
            with self._lock:  # another thread may have listed while this one waited
                listing = self._usable(key, object_id, client.writes, self._clock())
                if listing is not None or self._recent(self._failed, key, self._clock()):
                    return listing
            before = client.writes
            try:
                items = dict(fetch())
            except Exception as exc:  # never trust a part: each read asks alone instead
                log.info("listing %s failed (%s); reading objects one by one", key[1], exc)
                with self._lock:
                    self._failed[key] = self._clock()
                return None
            if client.writes != before:
                return None
            listing = _Listing(items, before, self._clock(), {object_id})
            with self._lock:
                self._listings[key] = listing
                self._failed.pop(key, None)
            return listing


def _items(
    client: ZoomClient, spec: ResourceSpec, url: str, params: Mapping[str, Any]
) -> Iterable[tuple[str, Live]]:
    id_key = spec.list_field(spec.id_field)
    for item in client.list(spec.list_op, url, spec.list_key, params or None):
        if item.get(id_key) not in (None, ""):
            yield str(item[id_key]), live_from_item(spec, item)


READS = CollectionReads()
"""The provider process's listings."""
