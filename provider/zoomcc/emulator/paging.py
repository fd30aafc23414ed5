"""Zoom-style pagination: ``page_size`` up to 300 (default 30), ``next_page_token`` empty on
the last page, tokens that expire.

Collections page with opaque tokens that remember where the page ended (an object created
meanwhile does not shift the next page); lists computed on the fly (a queue's agents) page
by offset.
"""

from __future__ import annotations

import copy
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from zoomcc.emulator.refusals import Obj, validation_error

DEFAULT_PAGE_SIZE: Final = 30
MAX_PAGE_SIZE: Final = 300
PAGE_TOKEN_TTL: Final = 15 * 60.0
"""The reference: "This token's expiration period is 15 minutes"."""


def page_size(raw: str | None) -> int:
    """The ``page_size`` query parameter as the API applies it."""
    if raw is None or raw == "":
        return DEFAULT_PAGE_SIZE
    try:
        size = int(raw)
    except ValueError:
        raise validation_error("Invalid parameter: page_size.") from None
    if size < 1:
        return DEFAULT_PAGE_SIZE
    return min(size, MAX_PAGE_SIZE)


@dataclass(frozen=True)
class PagePosition:
    """What a page token stands for: the list it pages and the last object it showed."""

    collection: str
    parent_id: str | None
    filters: tuple[tuple[str, str], ...]
    last_seq: int
    expires: float = 0.0


class PageTokens:
    """The tokens handed out, each good for :data:`PAGE_TOKEN_TTL` seconds."""

    def __init__(self) -> None:
        self._positions: dict[str, PagePosition] = {}

    def issue(self, position: PagePosition) -> str:
        """A new token for ``position`` (expired tokens are forgotten on the way)."""
        now = time.monotonic()
        for token in [t for t, p in self._positions.items() if p.expires < now]:
            del self._positions[token]
        token = secrets.token_urlsafe(26)[:35]
        self._positions[token] = PagePosition(
            position.collection,
            position.parent_id,
            position.filters,
            position.last_seq,
            now + PAGE_TOKEN_TTL,
        )
        return token

    def resume(self, token: str, wanted: PagePosition) -> int:
        """The ``last_seq`` a token continues after; a code-300 refusal when it is unknown,
        expired, or issued for another list (another collection, parent or filter)."""
        found = self._positions.get(token)
        if (
            found is None
            or found.expires < time.monotonic()
            or (found.collection, found.parent_id, found.filters)
            != (wanted.collection, wanted.parent_id, wanted.filters)
        ):
            raise validation_error("Invalid parameter: next_page_token.")
        return found.last_seq

    def clear(self) -> None:
        """Forget every token."""
        self._positions.clear()


def paged(rows: list[Obj], query: Mapping[str, str], key: str) -> Obj:
    """One page of a list computed on the fly, the offset as its token."""
    size = page_size(query.get("page_size"))
    token = query.get("next_page_token") or "0"
    if not token.isdigit():  # not one this list issued: Zoom's code-300 refusal, never a 500
        raise validation_error("Invalid parameter: next_page_token.")
    start = int(token)
    more = start + size < len(rows)
    return {
        "next_page_token": str(start + size) if more else "",
        "page_size": size,
        "total_records": len(rows),
        key: copy.deepcopy(rows[start : start + size]),
    }
