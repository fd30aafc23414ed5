"""Keep secrets out of text that leaves the client (error messages, log lines).

Zoom's messages should never echo credentials, but a proxy or a debug server might;
server-provided text is scrubbed and truncated before it is shown.
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_MESSAGE = 500
REDACTED = "[REDACTED]"


def scrub(text: str, secrets: Iterable[str], limit: int = MAX_MESSAGE) -> str:
    """Replace every secret in `text` and cap its length."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text
