"""Helpers for the reliability tier: stacks, what the emulator holds, what the state holds,
and a tapped provider plugin (its pid, stdout and stderr, with DEBUG logging on)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from tests.e2e.stacks import make_stack
from zoomcc.emulator import EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain
from zoomcc.resources import catalog

__all__ = [
    "EmulatorView",
    "Tap",
    "make_stack",
    "start_up",
    "state_ids",
    "tap_provider",
    "wait_for",
]

_PROVIDER_TYPE = "pulumi-python:dynamic"


class EmulatorView:
    """What the emulator holds, by resource type and natural key (fixtures excluded)."""

    def __init__(self, emulator: EmulatorServer) -> None:
        self.state = emulator.state
        by_path = {spec.collection_path: spec for spec in catalog.OBJECTS}
        self.specs = {c.name: by_path[c.path] for c in self.state.collections if c.path in by_path}
        self.id_fields = {c.name: c.id_field for c in self.state.collections}

    def names(self) -> Counter[tuple[str, str]]:
        """(type, natural key) -> how many objects carry it."""
        found: Counter[tuple[str, str]] = Counter()
        for collection, objects in self.state.user_objects().items():
            spec = self.specs.get(collection)
            for obj in objects:
                if spec is None or spec.natural_key_api is None:  # still counted as a stray
                    found[(collection, str(obj.get(self.id_fields[collection])))] += 1
                else:
                    found[(spec.name, str(obj.get(spec.natural_key_api)))] += 1
        return found

    def ids(self) -> set[str]:
        return {
            str(obj[self.id_fields[collection]])
            for collection, objects in self.state.user_objects().items()
            for obj in objects
        }

    def requests(self, *, method: str | None = None, operation_suffix: str | None = None) -> int:
        return sum(
            1
            for r in self.state.requests
            if (method is None or r.method == method)
            and (operation_suffix is None or (r.operation or "").endswith(operation_suffix))
        )


def state_ids(stack: auto.Stack) -> dict[str, str]:
    """Resource name -> id for every zoomcc resource in the stack's state."""
    deployment = stack.export_stack().deployment or {}
    found: dict[str, str] = {}
    for res in deployment.get("resources", []):
        if str(res.get("type", "")).startswith(_PROVIDER_TYPE) and res.get("id"):
            found[str(res["urn"]).rsplit("::", 1)[1]] = str(res["id"])
    return found


def pending_operations(stack: auto.Stack) -> list[dict[str, Any]]:
    return list((stack.export_stack().deployment or {}).get("pending_operations") or [])


def start_up(stack: auto.Stack) -> tuple[threading.Thread, dict[str, Any]]:
    """`up` started in a thread; once joined, the outcome holds its ``up`` result or the
    ``error`` it raised."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["up"] = stack.up()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.05)


@dataclass
class Tap:
    """A provider plugin shim that records its pid, stdout and stderr (DEBUG logging on)."""

    directory: Path

    @property
    def pids(self) -> list[int]:
        path = self.directory / "pids"
        return [int(p) for p in path.read_text().split()] if path.exists() else []

    def output(self) -> str:
        return "".join(
            (self.directory / n).read_text(errors="replace")
            for n in ("stdout", "stderr")
            if (self.directory / n).exists()
        )


_BOOT = (
    "import logging, runpy, sys; "
    "logging.basicConfig(level=logging.DEBUG, "
    "format='%(asctime)s %(levelname)s %(name)s %(message)s'); "
    "runpy.run_module('pulumi.dynamic', run_name='__main__')"
)


def tapped_engine(directory: Path, engine: EngineToolchain, command: str) -> Path:
    """``directory`` made a CLI + plugin directory (to put first on PATH) whose provider
    plugin appends its pid to ``pids``, then runs ``command`` (the rest of a bash line)."""
    directory.mkdir(exist_ok=True)
    os.link(engine.pulumi, directory / "pulumi")
    for entry in engine.path_entries:
        lang = entry / "pulumi-language-python"
        if lang.exists():
            (directory / lang.name).write_text(lang.read_text())
            (directory / lang.name).chmod(0o755)
    shim = directory / "pulumi-resource-pulumi-python"
    shim.write_text(f'#!/usr/bin/env bash\necho $$ >> "{directory}/pids"\nexec {command}\n')
    shim.chmod(0o755)
    return directory


def tap_provider(tmp_path: Path, engine: EngineToolchain, monkeypatch: pytest.MonkeyPatch) -> Tap:
    """Put a CLI + plugin directory first on PATH whose provider plugin is tapped."""
    directory = tmp_path / "tapped-engine"
    tapped_engine(
        directory,
        engine,
        f'"{sys.executable}" -u -c "{_BOOT}" "$@" '
        f'> >(tee -a "{directory}/stdout") 2> >(tee -a "{directory}/stderr" >&2)',
    )
    monkeypatch.setenv("PATH", f"{directory}{os.pathsep}{os.environ['PATH']}")
    return Tap(directory)


def pulumi_cli(stack: auto.Stack, backend: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI on the stack's workspace (for commands the Automation API lacks)."""
    return subprocess.run(
        ["pulumi", *args, "--stack", stack.name, "--non-interactive"],
        cwd=stack.workspace.work_dir,
        env={
            **os.environ,
            **stack.workspace.env_vars,
            "PULUMI_HOME": str(backend / ".pulumi-home"),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )


def backend_text(backend: Path) -> str:
    """Every file the file backend wrote (state, history, backups), as text."""
    return "".join(
        p.read_text(errors="replace")
        for p in backend.rglob("*")
        if p.is_file() and ".pulumi-home" not in p.parts
    )


def dump(value: Any) -> str:
    return json.dumps(value, default=str)


def assert_absent(secrets: Iterable[str], **texts: str) -> None:
    """No secret in any of ``texts`` (named in the failure, the secret itself never shown)."""
    for secret in secrets:
        assert secret, "an empty secret would match everything"
        for name, text in texts.items():
            assert secret not in text, f"a secret ({len(secret)} chars) leaked into {name}"
