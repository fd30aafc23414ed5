"""Which names are taken, per collection, listed once per provider process.

Most types find a name in one call (``by_name``): GET by name, or a list filtered by it.
That is the cheapest check for one create, but N creates into one collection cost N
calls; one listing per collection per process, kept up to date with this process's own
creates and deletes, costs ⌈k/300⌉ pages for k objects. So the first create of a process
into a collection asks in one call, and the second loads this index for the rest; types
with no one-call look-up use the index from the first create. Objects someone else creates
during the same run are not seen; where Zoom enforces unique names, its own duplicate error
still stops those.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

Key = tuple[Any, ...]


class NameIndex:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loading: dict[str, threading.Lock] = {}
        self._names: dict[str, dict[Key, set[str]]] = {}
        self._checked: set[str] = set()

    def seen(self, collection: str) -> bool:
        """Whether names in ``collection`` were checked before in this process (and note
        that they now are)."""
        with self._lock:
            before = collection in self._checked
            self._checked.add(collection)
            return before

    def _ensure(self, collection: str, load: Callable[[], Iterable[tuple[Key, str]]]) -> None:
        with self._lock:
            if collection in self._names:
                return
            gate = self._loading.setdefault(collection, threading.Lock())
        with gate:  # one listing per collection, even with many threads creating at once
            with self._lock:
                if collection in self._names:
                    return
            table: dict[Key, set[str]] = {}
            for key, object_id in load():
                table.setdefault(key, set()).add(object_id)
            with self._lock:
                self._names[collection] = table

    def taken(
        self, collection: str, key: Key, load: Callable[[], Iterable[tuple[Key, str]]]
    ) -> str | None:
        """The id of an object already holding ``key``, if any."""
        self._ensure(collection, load)
        with self._lock:
            ids = self._names[collection].get(key)
            return next(iter(sorted(ids))) if ids else None

    def add(self, collection: str, key: Key, object_id: str) -> None:
        with self._lock:
            if collection in self._names:
                self._names[collection].setdefault(key, set()).add(object_id)

    def discard(self, object_id: str) -> None:
        with self._lock:
            for table in self._names.values():
                for ids in table.values():
                    ids.discard(object_id)

    def forget(self, collection: str) -> None:
        with self._lock:
            self._names.pop(collection, None)
            self._checked.discard(collection)


NAMES = NameIndex()
