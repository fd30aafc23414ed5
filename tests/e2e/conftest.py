"""The end-to-end tier: the real Pulumi CLI, a local file backend, the emulator.

The CLI is found on PATH or built from the Go module proxy (``zoomcc engine``); when no
CLI can be had these tests fail with the reason. They are never skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.stacks import Stacks
from tests.support.cases import Declared, declare
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
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


@pytest.fixture(scope="session")
def yaml_engine(engine: EngineToolchain) -> EngineToolchain:
    """The engine with Pulumi YAML's language host beside it (built once, then cached)."""
    try:
        return ensure_engine(yaml=True)
    except EngineUnavailableError as exc:
        pytest.fail(f"Pulumi YAML needs its language host and none could be had: {exc}")


@pytest.fixture()
def backend(tmp_path: Path) -> Path:
    path = tmp_path / "state"
    path.mkdir()
    return path


@pytest.fixture()
def stacks(engine: EngineToolchain, backend: Path, stack_config: dict[str, Any]) -> Stacks:
    """This test's stacks: the CLI ready, its own backend, the emulator's account."""
    return Stacks(backend, stack_config)


@pytest.fixture()
def every_kind(api: ZoomClient, emulator: EmulatorServer) -> list[Declared]:
    """Every resource kind declared, its prerequisites made in the emulator; none skipped."""
    declared, skipped = declare(api, emulator)
    assert skipped == {}
    return declared
