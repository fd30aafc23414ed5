"""Which names are taken, per collection, listed once per provider process.

Refusing a duplicate name needs the collection's list. Listing it before every create
costs O(N·k) list calls for N creates into a collection of k objects; one listing per
collection per process, kept up to date with this process's own creates and deletes,
costs one. Objects someone else creates during the same run are not seen; where Zoom
enforces unique names, its own duplicate error still stops those.
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


NAMES = NameIndex()
