"""The end-to-end tier: the real Pulumi CLI, a local file backend, the emulator.

The CLI is found on PATH or built from the Go module proxy (``zoomcc engine``); when no
CLI can be had these tests fail with the reason. They are never skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from zoomcc.engine.toolchain import (
    EngineToolchain,
    EngineUnavailableError,
    engine_env,
    ensure_engine,
)


@pytest.fixture(scope="session")
def engine() -> Iterator[EngineToolchain]:
    try:
        toolchain = ensure_engine()
    except EngineUnavailableError as exc:
        pytest.fail(f"the end-to-end tier needs a Pulumi CLI and none could be had: {exc}")
    saved = dict(os.environ)
    os.environ.update(engine_env(toolchain))
    yield toolchain
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture()
def backend(tmp_path: Path) -> Path:
    path = tmp_path / "state"
    path.mkdir()
    return path
