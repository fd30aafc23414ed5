"""Server-to-Server OAuth as the emulator plays it: credentials and bearer tokens."""

from __future__ import annotations

import math
import secrets
import time
from typing import Literal

from zoomcc.emulator.config import EmulatorConfig


def credentials_match(config: EmulatorConfig, account_id: str, client_id: str, secret: str) -> bool:
    """Constant-time check of the configured credentials."""
    return all(
        secrets.compare_digest(given.encode(), wanted.encode())
        for given, wanted in (
            (client_id, config.client_id),
            (secret, config.client_secret),
            (account_id, config.account_id),
        )
    )


class TokenIssuer:
    """The bearer tokens handed out and when each expires. Not thread-safe by itself:
    :class:`zoomcc.emulator.state.EmulatorState` holds its lock around it."""

    def __init__(self) -> None:
        self._expiry: dict[str, float] = {}

    def issue(self, lifetime: float) -> tuple[str, int]:
        """A new bearer token and its lifetime in whole seconds."""
        now = time.monotonic()
        for token in [t for t, exp in self._expiry.items() if exp < now - 3600]:
            del self._expiry[token]
        token = "emu." + secrets.token_urlsafe(32)
        self._expiry[token] = now + lifetime
        return token, max(0, math.ceil(lifetime))

    def status(self, token: str) -> Literal["valid", "expired", "unknown"]:
        """Whether a bearer token is usable."""
        expires = self._expiry.get(token)
        if expires is None:
            return "unknown"
        return "valid" if expires > time.monotonic() else "expired"

    def issued(self) -> list[str]:
        """Every token still remembered."""
        return list(self._expiry)

    def expire_all(self) -> None:
        """Make every issued token expired now."""
        for token in self._expiry:
            self._expiry[token] = 0.0
