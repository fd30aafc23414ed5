"""What is wrong with the stack's `zoomcc:*` settings fails the program once, before any
resource is sent.

The provider would otherwise refuse each resource on its own (one error per resource with the
same text), or report a stack setting on whichever resource it configured first. A setting's
typo is checked at preview and `up`; missing credentials only when the engine applies changes,
since preview needs none (offline review is a feature).
"""

from __future__ import annotations

import os
from typing import Any

import pulumi
from pulumi.runtime import get_config, is_dry_run
from pulumi.runtime.config import CONFIG, get_config_env
from pulumi.runtime.mocks import MockMonitor
from pulumi.runtime.settings import get_monitor

from zoomcc.dynamic.config import (
    CONFIG_NAMESPACE,
    SETTINGS,
    ConfigurationError,
    config_problems,
    resolve_settings,
)


def require_valid_config() -> None:
    """Raise the provider's own message for every `zoomcc:*` setting that is unknown or has a
    value it cannot take (``zoomcc:basUrl``, ``zoomcc:plan=gold``), as the stack's error."""
    problems = config_problems(_namespace_config())
    if problems:
        raise pulumi.RunError(f"{CONFIG_NAMESPACE}: " + "; ".join(problems))


def require_credentials(account: str | None) -> None:
    """Raise the provider's own message (the missing keys, the host) once, at `up`. Under
    pulumi's mocks (a program's unit tests) nothing reaches Zoom, so nothing is needed."""
    if is_dry_run() or isinstance(get_monitor(), MockMonitor):
        return
    problem = _missing(account)
    if problem is not None:
        raise pulumi.RunError(problem)


def _namespace_config() -> dict[str, Any]:
    """Every `zoomcc:*` setting the program was given, unknown keys included: where
    ``get_config`` looks (the process-wide config, then the engine's environment)."""
    given = {**get_config_env(), **CONFIG.get()}
    return {k: v for k, v in given.items() if k.startswith(f"{CONFIG_NAMESPACE}:")}


def _missing(account: str | None) -> str | None:
    # Not cached: one process may run several stacks (the Automation API's inline programs).
    stack_config = {
        f"{CONFIG_NAMESPACE}:{key}": value
        for key in SETTINGS
        if (value := get_config(f"{CONFIG_NAMESPACE}:{key}")) is not None
    }
    try:
        resolve_settings(stack_config, os.environ, account=account)
    except ConfigurationError as exc:
        return str(exc)
    return None
