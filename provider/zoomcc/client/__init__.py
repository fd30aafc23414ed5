"""The shared Zoom API client: OAuth, pacing, retries, errors, pagination.

One error type per failure kind: ZoomApiError (and NotFoundError, AuthenticationError,
RateLimitError, DailyLimitError) for HTTP error answers, ZoomTransportError for no answer,
UnexpectedAnswerError for a 2xx that is not what the operation documents, and
ContractViolation for a request refused before it was sent.

See ZoomClient. Everything a resource needs is importable from here.
"""

from zoomcc.apispec.contract import ContractViolation

from .auth import AccessToken, TokenProvider
from .client import ZoomClient
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
from .settings import (
    ZOOM_BASE_URL,
    ZOOM_OAUTH_URL,
    ZOOMGOV_BASE_URL,
    ZOOMGOV_OAUTH_URL,
    ClientSettings,
)
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
