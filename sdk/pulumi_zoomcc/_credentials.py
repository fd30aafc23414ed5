"""`pulumi up` without credentials fails once, in the program, before any resource is sent.

The provider would otherwise refuse each resource on its own, one error per resource with the
same text. Preview needs no credentials (offline review is a feature), so this runs only when
the engine applies changes.
"""

from __future__ import annotations

import os

import pulumi
from pulumi.runtime import get_config, is_dry_run
from pulumi.runtime.mocks import MockMonitor
from pulumi.runtime.settings import get_monitor

from zoomcc.dynamic.config import (
    CONFIG_NAMESPACE,
    SETTINGS,
    ConfigurationError,
    resolve_settings,
)


def require_credentials(account: str | None) -> None:
    """Raise the provider's own message (the missing keys, the host) once, at `up`. Under
    pulumi's mocks (a program's unit tests) nothing reaches Zoom, so nothing is needed."""
    if is_dry_run() or isinstance(get_monitor(), MockMonitor):
        return
    problem = _missing(account)
    if problem is not None:
        raise pulumi.RunError(problem)


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
