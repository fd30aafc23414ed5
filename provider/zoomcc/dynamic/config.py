"""Credentials and connection settings for the provider process, and the shared client.

Credentials come only from the stack configuration handed to ``configure()`` or from the
environment, never from resource inputs, so they never reach the state.
"""

from __future__ import annotations

import difflib
import os
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from zoomcc.client import ZOOM_BASE_URL, ClientSettings, ZoomClient
from zoomcc.client.pacing import parse_rate_limits
from zoomcc.dynamic.accounts import (
    ACCOUNTS_SETTING,
    AccountProfileError,
    profile_config,
    profile_problems,
    profiles,
)
from zoomcc.dynamic.accounts import (
    ConfigurationError as ConfigurationError,  # re-exported: raised here, caught by callers
)

CONFIG_NAMESPACE = "zoomcc"

# stack config key -> (environment variable, ClientSettings field)
_KEYS: dict[str, tuple[str, str]] = {
    "accountId": ("ZOOM_ACCOUNT_ID", "account_id"),
    "clientId": ("ZOOM_CLIENT_ID", "client_id"),
    "clientSecret": ("ZOOM_CLIENT_SECRET", "client_secret"),
    "baseUrl": ("ZOOM_BASE_URL", "base_url"),
    "oauthUrl": ("ZOOM_OAUTH_URL", "oauth_url"),
    "plan": ("ZOOMCC_PLAN", "plan"),
    "pacing": ("ZOOMCC_PACING", "pacing"),
    "rateLimits": ("ZOOMCC_RATE_LIMITS", "rate_limits"),
}
_REQUIRED = ("accountId", "clientId", "clientSecret")
# Read by the provider itself rather than by the client.
_PROVIDER_KEYS: dict[str, tuple[str, ...]] = {
    "adoptExisting": ("never", "matching"),
    ACCOUNTS_SETTING: (),  # named account profiles: see ``accounts``
}
SETTINGS: tuple[str, ...] = (*_KEYS, *_PROVIDER_KEYS)
"""Every ``zoomcc:*`` stack setting the provider knows (``accountId``, ..., ``accounts``)."""
_CHOICES: dict[str, tuple[str, ...]] = {
    "plan": ("pro", "business", "business+", "business_plus", "enterprise"),
    "pacing": ("true", "false"),
    **_PROVIDER_KEYS,
}
_ZOOM_HOSTS = ("zoom.us", "zoomgov.com")


def resolve_settings(
    stack_config: Mapping[str, Any],
    environ: Mapping[str, str] | None = None,
    account: str | None = None,
) -> ClientSettings:
    """Stack config wins over the environment; a missing credential is named, never shown.
    ``account`` names a profile in ``zoomcc:accounts``, read on its own (no environment)."""
    if account is not None:
        stack_config, env = profile_config(stack_config, account), {}
    else:
        env = dict(os.environ if environ is None else environ)
    values: dict[str, Any] = {}
    for key, (env_name, field) in _KEYS.items():
        value = stack_config.get(f"{CONFIG_NAMESPACE}:{key}")
        if value in (None, ""):
            value = env.get(env_name)
        if value not in (None, ""):
            values[field] = value if isinstance(value, Mapping) else str(value)
    missing = [key for key in _REQUIRED if _KEYS[key][1] not in values]
    if missing:
        host = values.get("base_url") or ZOOM_BASE_URL
        where = f"account {account!r}" if account else "the stack"
        raise ConfigurationError(
            f"zoomcc: missing Zoom credentials of {where} for {host}: set "
            + ", ".join(_setting_hint(k, account) for k in missing)
        )
    if "base_url" in values and "oauth_url" not in values:
        values["oauth_url"] = default_oauth_url(values["base_url"])
    return ClientSettings(**values)


def _setting_hint(key: str, account: str | None) -> str:
    secret = "--secret " if key == "clientSecret" else ""
    if account is not None:
        return f"`pulumi config set {secret}--path 'zoomcc:accounts.{account}.{key}' ...`"
    return f"`pulumi config set {secret}{CONFIG_NAMESPACE}:{key} ...` or ${_KEYS[key][0]}"


def config_problems(stack_config: Mapping[str, Any]) -> list[str]:
    """What is wrong with the ``zoomcc:*`` stack config, each naming the key; checked at
    preview, before any API call, so a typo such as ``zoomcc:basUrl`` is not silently ignored
    (the stack would otherwise go to Zoom's production host)."""
    known = list(SETTINGS)
    problems: list[str] = []
    for full_key, value in sorted(stack_config.items()):
        namespace, _, key = full_key.partition(":")
        if namespace != CONFIG_NAMESPACE:
            continue
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean {CONFIG_NAMESPACE}:{close[0]}? " if close else ""
            problems.append(
                f"unknown setting {full_key}: {hint}the settings are "
                + ", ".join(f"{CONFIG_NAMESPACE}:{k}" for k in known)
            )
            continue
        problems += _value_problems(key, full_key, value)
    problems += profile_problems(stack_config)
    try:
        found = profiles(stack_config)
    except (AccountProfileError, ValueError):
        found = {}  # reported by profile_problems
    for name, settings in sorted(found.items()):
        for key, value in sorted(settings.items()):
            problems += _value_problems(key, f"zoomcc:accounts.{name}.{key}", value)
    return problems


def _value_problems(key: str, label: str, value: Any) -> list[str]:
    """The allowed values of one setting (``label``: how the user wrote its key)."""
    choices = _CHOICES.get(key)
    if choices and str(value).strip().lower() not in choices:
        return [f"{label} is {str(value)!r}; it must be one of {', '.join(choices)}"]
    if key == "rateLimits":
        try:
            parse_rate_limits(value, label)
        except ValueError as exc:
            return [str(exc)]
    if key in ("baseUrl", "oauthUrl"):
        parts = urlsplit(str(value))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return [f"{label} is {str(value)!r}; it must be an http(s) URL"]
    return []


def default_oauth_url(base_url: str) -> str:
    """A self-hosted API (the emulator) serves its own token endpoint; Zoom's hosts use theirs."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    if host.endswith("zoomgov.com"):
        return "https://zoomgov.com/oauth/token"
    if any(host == h or host.endswith("." + h) for h in _ZOOM_HOSTS):
        return "https://zoom.us/oauth/token"
    return f"{parts.scheme}://{parts.netloc}/oauth/token"


class ClientRegistry:
    """One client per distinct settings in this process, shared by all provider threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: dict[tuple[Any, ...], ZoomClient] = {}

    def get(self, settings: ClientSettings) -> ZoomClient:
        key = (
            settings.account_id,
            settings.client_id,
            settings.client_secret.get_secret_value(),
            settings.base_url,
            settings.oauth_url,
            settings.plan,
            settings.pacing,
            tuple(sorted(settings.rate_limits.items())),
        )
        with self._lock:
            client = self._clients.get(key)
            if client is None:
                client = self._clients[key] = ZoomClient(settings)
            return client


CLIENTS = ClientRegistry()
