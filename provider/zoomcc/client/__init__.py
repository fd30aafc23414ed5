"""The shared Zoom API client: OAuth, pacing, retries, errors, pagination.

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
    "ZoomApiError",
    "ZoomClient",
    "ZoomError",
    "ZoomTransportError",
]
