"""The shared Zoom API client: OAuth, pacing, retries, errors, pagination.

One error type per failure kind: ZoomApiError (and NotFoundError, AuthenticationError,
RateLimitError, DailyLimitError) for HTTP error answers, ZoomTransportError for no answer,
UnexpectedAnswerError for a 2xx that is not what the operation documents, and
ContractViolation for a request refused before it was sent.

See ZoomClient. Everything a resource needs is importable from here.
"""

import sys

# httpx imports its command-line tool (``httpx._main``, with click, rich and pygments: 4.5 MiB
# of every provider process) whenever those are installed, as they are beside zoomcc's own
# CLI. The client has no use for it; should a program call ``httpx.main``, it says to install
# ``httpx[cli]``. Nothing changes where httpx was imported first.
if "httpx" not in sys.modules and "httpx._main" not in sys.modules:
    sys.modules["httpx._main"] = None  # type: ignore[assignment]

from zoomcc.apispec.contract import ContractViolation

from .auth import AccessToken, TokenProvider
from .client import ZoomClient
from .connection_settings import (
    ZOOM_BASE_URL,
    ZOOM_OAUTH_URL,
    ZOOMGOV_BASE_URL,
    ZOOMGOV_OAUTH_URL,
    ClientSettings,
)
from .errors import (
    AuthenticationError,
    DailyLimitError,
    NotFoundError,
    RateLimitError,
    UnexpectedAnswerError,
    ZoomApiError,
    ZoomError,
    ZoomTransportError,
)
from .pacing import RATE_LIMITS, Pacer
from .retry import RetryPolicy
from .stats import ClientStats

__all__ = [
    "RATE_LIMITS",
    "ZOOMGOV_BASE_URL",
    "ZOOMGOV_OAUTH_URL",
    "ZOOM_BASE_URL",
    "ZOOM_OAUTH_URL",
    "AccessToken",
    "AuthenticationError",
    "ClientSettings",
    "ClientStats",
    "ContractViolation",
    "DailyLimitError",
    "NotFoundError",
    "Pacer",
    "RateLimitError",
    "RetryPolicy",
    "TokenProvider",
    "UnexpectedAnswerError",
    "ZoomApiError",
    "ZoomClient",
    "ZoomError",
    "ZoomTransportError",
]
