"""Zoom-style pagination: `page_size` + `next_page_token`, empty or missing on the last page."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

MAX_PAGE_SIZE = 300


def iter_items(
    fetch: Callable[[dict[str, Any]], Any],
    *,
    items_key: str,
    params: Mapping[str, Any] | None = None,
    page_size: int = MAX_PAGE_SIZE,
) -> Iterator[dict[str, Any]]:
    """Yield the items of every page; `fetch(params)` returns one parsed page."""
    size = max(1, min(int(page_size), MAX_PAGE_SIZE))
    base = {k: v for k, v in (params or {}).items() if k != "next_page_token"}
    base["page_size"] = size
    token = ""
    seen: set[str] = set()
    while True:
        query = dict(base)
        if token:
            query["next_page_token"] = token
        page = fetch(query)
        if not isinstance(page, dict):
            if token:  # a page was promised: stopping here would pass a part for the whole
                raise TypeError(f"expected a page under {items_key!r}, got {type(page).__name__}")
            return
        items = page.get(items_key) or []
        if not isinstance(items, list):
            raise TypeError(f"expected a list under {items_key!r}, got {type(items).__name__}")
        yield from items
        token = page.get("next_page_token") or ""
        if not token:
            return
        if token in seen:
            # A server that hands back an old token would loop forever.
            raise RuntimeError(
                f"pagination did not advance (repeated next_page_token under {items_key!r})"
            )
        seen.add(token)


def unpaged_items(page: Any, items_key: str) -> Iterator[dict[str, Any]]:
    """The items of a listing the API answers at once (no paging parameters)."""
    items = page.get(items_key) if isinstance(page, dict) else None
    if items is not None and not isinstance(items, list):
        raise TypeError(f"expected a list under {items_key!r}, got {type(items).__name__}")
    return iter(items or [])
