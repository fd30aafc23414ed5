"""Connection settings: credentials, endpoints, plan, pacing and retry knobs.

Settings are immutable and never print the client secret. They also refuse to be
pickled, so a secret cannot reach Pulumi state through a provider that keeps them.
"""

from __future__ import annotations

import os
from importlib import metadata
from typing import Any, Literal, NoReturn
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from .pacing import parse_rate_limits

ZOOM_BASE_URL = "https://api.zoom.us/v2"
ZOOM_OAUTH_URL = "https://zoom.us/oauth/token"
ZOOMGOV_BASE_URL = "https://api.zoomgov.com/v2"
ZOOMGOV_OAUTH_URL = "https://zoomgov.com/oauth/token"

# Only these base URLs defer to the token response's `api_url` (regional clusters).
# Any other base URL (an emulator, a proxy) was chosen on purpose and is kept.
PUBLIC_BASE_URLS = frozenset({ZOOM_BASE_URL, ZOOMGOV_BASE_URL})

ENV_VARS: dict[str, str] = {
    "account_id": "ZOOM_ACCOUNT_ID",
    "client_id": "ZOOM_CLIENT_ID",
    "client_secret": "ZOOM_CLIENT_SECRET",
    "base_url": "ZOOM_BASE_URL",
    "oauth_url": "ZOOM_OAUTH_URL",
    "plan": "ZOOMCC_PLAN",
    "rate_limits": "ZOOMCC_RATE_LIMITS",
}

Plan = Literal["pro", "business"]

# Zoom sells "Business Plus" and "Enterprise" too; they share the Business limits.
_PLAN_ALIASES = {
    "pro": "pro",
    "business": "business",
    "business+": "business",
    "business_plus": "business",
    "business-plus": "business",
    "businessplus": "business",
    "enterprise": "business",
}


def _default_user_agent() -> str:
    """Identify the provider version to Zoom (helps their support read logs)."""
    try:
        version = metadata.version("pulumi-zoomcc")
    except metadata.PackageNotFoundError:
        version = "0.0.0"
    return f"pulumi-zoomcc/{version}"


def _check_url(value: str, what: str) -> str:
    """Normalize a URL setting; refuse values that would send credentials nowhere sane."""
    value = value.strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{what} must be an absolute http(s) URL, got {value!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"{what} must not have a query string or fragment")
    return value


class ClientSettings(BaseModel):
    """Everything the API client needs; the secret is a SecretStr and never shown."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    account_id: str = Field(min_length=1)
    client_id: str = Field(min_length=1)
    client_secret: SecretStr
    base_url: str = ZOOM_BASE_URL
    oauth_url: str = ZOOM_OAUTH_URL
    plan: Plan = "pro"
    pacing: bool = True
    rate_limits: dict[str, float] = Field(default_factory=dict)
    """The account's own limits, requests per second by label, over the plan's:
    ``{"LIGHT": 30}`` (the client paces at 95% of them, like the plan's)."""
    timeout: float = Field(default=30.0, gt=0)
    max_retries: int = Field(default=4, ge=0, le=50)
    backoff_base: float = Field(default=0.5, ge=0)
    backoff_max: float = Field(default=8.0, ge=0)
    user_agent: str = Field(default_factory=_default_user_agent, min_length=1)

    @field_validator("client_secret", mode="before")
    @classmethod
    def _secret_not_empty(cls, value: Any) -> Any:
        raw = value.get_secret_value() if isinstance(value, SecretStr) else value
        if isinstance(raw, str):
            raw = raw.strip()
            if not raw:
                raise ValueError("client_secret must not be empty")
            return SecretStr(raw)
        return value

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        return _check_url(value, "base_url")

    @field_validator("oauth_url")
    @classmethod
    def _oauth_url(cls, value: str) -> str:
        return _check_url(value, "oauth_url")

    @field_validator("plan", mode="before")
    @classmethod
    def _plan(cls, value: Any) -> Any:
        if isinstance(value, str):
            key = value.strip().lower()
            if key in _PLAN_ALIASES:
                return _PLAN_ALIASES[key]
        return value

    @field_validator("rate_limits", mode="before")
    @classmethod
    def _rate_limits(cls, value: Any) -> Any:
        return parse_rate_limits(value)

    @property
    def follows_api_url(self) -> bool:
        """True when the token's `api_url` may replace base_url (public cloud defaults only)."""
        return self.base_url in PUBLIC_BASE_URLS

    @classmethod
    def from_env(cls, **overrides: Any) -> ClientSettings:
        """Read ZOOM_* / ZOOMCC_PLAN variables; non-None overrides win over the environment."""
        values: dict[str, Any] = {}
        for name, var in ENV_VARS.items():
            raw = os.environ.get(var, "").strip()
            if raw:
                values[name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        missing = [
            ENV_VARS[name]
            for name in ("account_id", "client_id", "client_secret")
            if not values.get(name)
        ]
        if missing:
            raise ValueError(
                "Zoom credentials are not configured: set "
                + ", ".join(missing)
                + " (or the zoomcc:accountId/clientId/clientSecret stack config)"
            )
        return cls(**values)

    @classmethod
    def zoomgov(cls, **values: Any) -> ClientSettings:
        """Settings for ZoomGov (api.zoomgov.com, zoomgov.com/oauth/token)."""
        values.setdefault("base_url", ZOOMGOV_BASE_URL)
        values.setdefault("oauth_url", ZOOMGOV_OAUTH_URL)
        return cls(**values)

    def __getstate__(self) -> NoReturn:
        raise TypeError("ClientSettings is not picklable (it holds the client secret)")
