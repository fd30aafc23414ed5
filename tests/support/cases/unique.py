"""Prerequisites with unique names: many cases' parents share one account, and names are
unique in Zoom."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from zoomcc.apispec import Operation
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer


class UniqueNames:
    """The client, with every ``*_name`` of what it creates tagged: two cases may make a
    parent of the same name."""

    def __init__(self, api: ZoomClient, tag: int) -> None:
        self._api, self._tag = api, tag

    def request(self, method: str, path: str, *, json: Any = None, **kwargs: Any) -> Any:
        if method == "POST" and isinstance(json, dict):
            json = {
                k: f"{v} {self._tag}" if k.endswith("_name") and isinstance(v, str) else v
                for k, v in json.items()
            }
        return self._api.request(method, path, json=json, **kwargs)

    def call(self, op: Operation, url: str, *, json: Any = None, **kwargs: Any) -> Any:
        """``ZoomClient.call``, its create bodies tagged like ``request``'s."""
        return self.request(
            op.method, url, json=json, rate_label=op.rate_label, operation=op.id, **kwargs
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._api, name)


class _UniqueSeeds:
    """The emulator's state, with seeded names and emails made unique per tag."""

    def __init__(self, emulator: EmulatorServer, tag: int) -> None:
        self._emulator, self._tag = emulator, tag

    def seed(self, collection: str, objects: Sequence[dict[str, Any]], *a: Any) -> Any:
        def tagged(k: str, v: Any) -> Any:
            if not isinstance(v, str):
                return v
            if k.endswith("_email"):
                user, _, domain = v.partition("@")
                return f"{user}.{self._tag}@{domain}"
            # status_name is a state ("Ready"), not a name
            named = k.endswith("_name") and k != "status_name"
            return f"{v} {self._tag}" if named else v

        return self._emulator.state.seed(
            collection, [{k: tagged(k, v) for k, v in o.items()} for o in objects], *a
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._emulator.state, name)


class UniqueSeeds:
    """The emulator, whose seeded names and emails are tagged like ``UniqueNames``'s."""

    def __init__(self, emulator: EmulatorServer, tag: int) -> None:
        self.state = _UniqueSeeds(emulator, tag)
