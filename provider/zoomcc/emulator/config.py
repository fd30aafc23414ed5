"""Every switch of the emulator, and how a switch's value is checked when it is set."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

from zoomcc.emulator.refusals import Json, Obj

DEFAULT_RATE_LIMITS: Final = {"LIGHT": 20, "MEDIUM": 10, "HEAVY": 5}
"""Requests per second per rate-limit label: Zoom's Pro plan as the "Zoom Contact Center
APIs" table of developers.zoom.us/docs/api/rate-limits/ gave it before the November 2026
release (changelog 2026-12-03 raised Light and Medium; the new table is not to hand). A test
wanting other limits sets them: ``EmulatorServer(rate_limits={"LIGHT": 30})``."""


@dataclass
class EmulatorConfig:
    """Every switch of the emulator; ``EmulatorServer(**options)`` and POST /_emulator/config
    take these names.

    Faults: each kind has a probability (``*_rate``), an optional method filter
    (``*_methods``), an optional path filter (``*_path``, a regular expression searched in
    the request path) and an optional cap on how many times it fires (``*_limit``; with
    rate 1.0 and limit 1 it hits exactly the first matching request).
    """

    account_id: str = "emulator-account"
    client_id: str = "emulator-client"
    client_secret: str = "emulator-secret"
    token_lifetime: float = 3600.0
    token_failure_status: int | None = None

    rate_limits_enabled: bool = False
    rate_limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_RATE_LIMITS))
    rate_limit_code: int = 429
    daily_limit: int | None = None
    daily_limit_labels: list[str] | None = None
    daily_retry_after: Literal["datetime", "seconds"] = "datetime"

    fault_seed: int = 0
    error_rate: float = 0.0
    error_methods: list[str] | None = None
    error_path: str | None = None
    error_limit: int | None = None
    error_statuses: list[int] = field(default_factory=lambda: [500, 502, 503])
    drop_rate: float = 0.0
    drop_methods: list[str] | None = None
    drop_path: str | None = None
    drop_limit: int | None = None
    lost_response_rate: float = 0.0
    lost_response_methods: list[str] | None = None
    lost_response_path: str | None = None
    lost_response_limit: int | None = None
    lost_response_mode: Literal["drop", "502"] = "drop"

    latency: float = 0.0
    request_log_limit: int = 100_000

    def to_dict(self) -> Obj:
        """JSON-ready copy, without the client secret."""
        data = dataclasses.asdict(self)
        data["client_secret"] = "********"
        return data

    def apply(self, options: Mapping[str, Json]) -> None:
        """Set switches by name; ValueError names an unknown switch or a bad value (and
        nothing is changed then)."""
        unknown = sorted(set(options) - _CONFIG_FIELDS)
        if unknown:
            raise ValueError(f"unknown emulator option(s): {', '.join(unknown)}")
        values = {key: _normalise(key, value) for key, value in options.items()}
        for key, value in values.items():
            setattr(self, key, value)


_CONFIG_FIELDS: Final = {f.name for f in dataclasses.fields(EmulatorConfig)}


def _normalise(key: str, value: Json) -> Json:
    """Check and normalise one configuration value; ValueError names the problem."""
    if key == "rate_limits":
        if not isinstance(value, Mapping):
            raise ValueError("rate_limits must be a mapping of label to requests per second")
        merged = dict(DEFAULT_RATE_LIMITS)
        merged.update({str(k).upper(): int(v) for k, v in value.items()})
        return merged
    if key.endswith("_rate"):
        rate = float(value)
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"{key} must be between 0 and 1")
        return rate
    if key.endswith("_methods") and value is not None:
        return [str(m).upper() for m in value]
    if key.endswith("_path") and value is not None:
        re.compile(value)
        return str(value)
    if key == "daily_limit_labels" and value is not None:
        return [str(label).upper() for label in value]
    if key == "lost_response_mode" and value not in ("drop", "502"):
        raise ValueError("lost_response_mode must be 'drop' or '502'")
    if key == "daily_retry_after" and value not in ("datetime", "seconds"):
        raise ValueError("daily_retry_after must be 'datetime' or 'seconds'")
    return value
