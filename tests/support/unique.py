"""A client whose creates get unique names: many cases' parents share one account."""

from __future__ import annotations

from typing import Any

from zoomcc.client import ZoomClient


class UniqueNames:
    """The client, with every ``*_name`` of what it creates tagged: two cases may make a
    parent of the same name, and names are unique in Zoom."""

    def __init__(self, api: ZoomClient, tag: int) -> None:
        self._api, self._tag = api, tag

    def request(self, method: str, path: str, *, json: Any = None, **kwargs: Any) -> Any:
        if method == "POST" and isinstance(json, dict):
            json = {
                k: f"{v} {self._tag}" if k.endswith("_name") and isinstance(v, str) else v
                for k, v in json.items()
            }
        return self._api.request(method, path, json=json, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._api, name)
