"""Named account profiles: several Zoom accounts managed from one program.

A profile is a map under the stack setting ``zoomcc:accounts``, set with ``--path``::

    pulumi config set --path 'zoomcc:accounts.sandbox.accountId' <account id>
    pulumi config set --path 'zoomcc:accounts.sandbox.clientId' <client id>
    pulumi config set --secret --path 'zoomcc:accounts.sandbox.clientSecret' <secret>
    pulumi config set --path 'zoomcc:accounts.sandbox.baseUrl' https://api.zoom.us/v2

A resource says which profile it belongs to with ``account="sandbox"``; without it, the
stack's own ``zoomcc:*`` settings (or the ``ZOOM_*`` environment) apply. A profile is
self-contained: nothing is inherited from the stack's own settings or the environment, so the
production credentials can never be sent with a sandbox's account id or to its host.

The profile's name is all a resource carries (in its inputs and its pickled provider); the
credentials stay in the stack configuration.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from typing import Any

ACCOUNT_KEY = "account"
"""Argument of every resource and lookup: the name of an account profile (``"sandbox"``)."""
ACCOUNTS_SETTING = "accounts"
"""The stack setting (``zoomcc:accounts``) that holds the profiles, by name."""
PROFILE_KEYS = (
    "accountId",
    "clientId",
    "clientSecret",
    "baseUrl",
    "oauthUrl",
    "plan",
    "pacing",
    "rateLimits",
)
"""What a profile may set; the same names as the stack's own ``zoomcc:*`` settings."""


class ConfigurationError(Exception):
    """Raised when the provider cannot tell how to reach Zoom; names the keys to set."""


class AccountProfileError(ConfigurationError):
    """The account a resource names is not among the stack's profiles, or is malformed."""


def profiles(stack_config: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The profiles in ``zoomcc:accounts`` (the engine hands an object setting over as JSON)."""
    raw = stack_config.get(f"zoomcc:{ACCOUNTS_SETTING}")
    if raw in (None, ""):
        return {}
    value = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(value, dict) or not all(isinstance(p, dict) for p in value.values()):
        raise AccountProfileError(
            "zoomcc:accounts must map each profile name to its settings, e.g. "
            "`pulumi config set --path 'zoomcc:accounts.sandbox.accountId' ...`"
        )
    return {str(name): dict(settings) for name, settings in value.items()}


def profile_problems(stack_config: Mapping[str, Any]) -> list[str]:
    """What is wrong with ``zoomcc:accounts``, each naming the profile and key."""
    try:
        found = profiles(stack_config)
    except (AccountProfileError, ValueError) as exc:
        return [str(exc) if isinstance(exc, AccountProfileError) else f"zoomcc:accounts: {exc}"]
    problems = []
    for name, settings in sorted(found.items()):
        for key in sorted(settings):
            if key not in PROFILE_KEYS:
                close = difflib.get_close_matches(key, PROFILE_KEYS, n=1)
                hint = f"did you mean {close[0]}? " if close else ""
                problems.append(
                    f"unknown setting zoomcc:accounts.{name}.{key}: {hint}a profile's settings "
                    "are " + ", ".join(PROFILE_KEYS)
                )
    return problems


def profile_config(stack_config: Mapping[str, Any], account: str) -> dict[str, Any]:
    """The profile ``account`` as flat ``zoomcc:*`` settings, read like the stack's own."""
    found = profiles(stack_config)
    if account not in found:
        raise AccountProfileError(unknown_account(account, found))
    return {f"zoomcc:{key}": value for key, value in found[account].items()}


def unknown_account(account: str, found: Mapping[str, Any]) -> str:
    """One line naming the missing profile, the closest one, and how to add it."""
    close = difflib.get_close_matches(account, list(found), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    known = ", ".join(repr(n) for n in sorted(found)) or "none"
    return (
        f"account {account!r} is not a profile in zoomcc:accounts: {hint}profiles: {known}; "
        f"add it with `pulumi config set --path 'zoomcc:accounts.{account}.accountId' ...`"
    )
