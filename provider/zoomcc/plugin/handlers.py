"""The handlers the plugin serves: the very providers the dynamic front end calls
(``registry.provider_for``), one configured instance per resource type and account.

The provider's configuration arrives as Configure's arguments (``accountId``,
``clientSecret``...); it becomes the ``zoomcc:*`` stack config the dynamic front end reads,
checked by the same code (``config.config_problems``) before any API call.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from typing import Any

from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from zoomcc.dynamic.base import BaseProvider
from zoomcc.dynamic.config import CONFIG_NAMESPACE, ConfigurationError, config_problems
from zoomcc.dynamic.registry import provider_for
from zoomcc.resources import catalog
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.property_names import camel, names_in, resource_fields

PACKAGE = "zoomcc"
"""The package name: types read ``zoomcc:index:Queue``, config ``zoomcc:accountId``."""
_NOT_SETTINGS = ("version", "pluginDownloadURL")
"""Arguments the engine may hand an explicit provider that are no ``zoomcc:*`` setting."""
_QUOTED = re.compile(r"'([a-z][a-z0-9_]*(?:[.\[][a-z0-9_.\[\]]*)?)'")
_ASSIGNED = re.compile(r"\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)=")
"""``import_id='...'``: how a Python user would write an argument, in a message."""


def stack_config(args: Mapping[str, Any], variables: Mapping[str, str]) -> dict[str, Any]:
    """Configure's arguments (plain values), else its ``zoomcc:config:X`` variables, as the
    ``zoomcc:X`` stack config the handlers read."""
    found: dict[str, Any] = {
        key: value
        for key, value in args.items()
        if key not in _NOT_SETTINGS and not key.startswith("__") and value is not None
    }
    if not found:
        prefix = f"{CONFIG_NAMESPACE}:config:"
        found = {k.removeprefix(prefix): v for k, v in variables.items() if k.startswith(prefix)}
    return {f"{CONFIG_NAMESPACE}:{key}": value for key, value in found.items()}


def check_config(config: Mapping[str, Any]) -> None:
    """What is wrong with the settings, as one error naming each key (before any call)."""
    problems = config_problems(config)
    if problems:
        raise ConfigurationError("zoomcc: " + "; ".join(problems))


def spec_of(token: str) -> BaseSpec:
    """The spec of a type token (``zoomcc:index:Queue``, ``zoomcc:Queue``)."""
    return catalog.get(token.rsplit(":", 1)[-1])


class Handlers:
    """One configured handler per (type, account), shared by the plugin's threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._config: dict[str, Any] = {}
        self._handlers: dict[tuple[str, str | None], BaseProvider[Any]] = {}

    @property
    def config(self) -> dict[str, Any]:
        """The ``zoomcc:*`` stack config this plugin was configured with."""
        return dict(self._config)

    def configure(self, config: Mapping[str, Any]) -> None:
        check_config(config)
        with self._lock:
            self._config = dict(config)
            self._handlers.clear()

    def get(self, spec: BaseSpec, account: Any = None) -> BaseProvider[Any]:
        """The handler of ``spec`` in the account profile ``account`` (None: the stack's)."""
        profile = account if isinstance(account, str) and account else None
        key = (spec.name, profile)
        with self._lock:
            handler = self._handlers.get(key)
            if handler is None:
                handler = provider_for(spec.name, profile)
                handler.configure(ConfigureRequest(Config(self._config, PACKAGE)))
                self._handlers[key] = handler
            return handler


def readable(spec: BaseSpec, reason: str) -> str:
    """A handler's message with the fields it names in schema names (``'maxWaitTime'``,
    ``importId: '...'``)."""
    known = names_in(resource_fields(spec))

    def rename(match: re.Match[str]) -> str:
        parts = re.split(r"([.\[\]])", match.group(1))
        return "'" + "".join(camel(p) if p in known else p for p in parts) + "'"

    def assigned(match: re.Match[str]) -> str:
        name = match.group(1)
        return f"{camel(name)}: " if name in known else match.group(0)

    return _ASSIGNED.sub(assigned, _QUOTED.sub(rename, reason))
