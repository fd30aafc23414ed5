"""Shared plumbing for the benchmarks: emulator, engine, stacks, RSS sampling, output."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import psutil
from pulumi import automation as auto
from pydantic import SecretStr
from rich.console import Console
from rich.table import Table

from zoomcc.client import ClientSettings, ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.engine.toolchain import engine_env, ensure_engine

REPO = Path(__file__).resolve().parent.parent
ACCOUNT_ID = "emulator-account"
CLIENT_ID = "emulator-client"
CLIENT_SECRET = "emulator-secret"
PROJECT = "zoomcc-bench"
PASSPHRASE = "bench-passphrase"

console = Console(width=170)


# -- command line and output --------------------------------------------------------------


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--quick", action="store_true", help="a small run (under ~3 minutes)")
    p.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    return p


def machine() -> dict[str, Any]:
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    t = Table(title=title)
    for i, c in enumerate(columns):
        t.add_column(c, justify="left" if i == 0 else "right")
    for r in rows:
        t.add_row(*(fmt(v) for v in r))
    console.print(t)


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return "-" if value is None else str(value)


def write_json(path: Path | None, data: dict[str, Any]) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"machine": machine(), **data}, indent=2, default=str) + "\n")
    console.print(f"wrote {path}")


# -- emulator ------------------------------------------------------------------------------


def client_settings(base_url: str, **overrides: Any) -> ClientSettings:
    return ClientSettings(
        account_id=ACCOUNT_ID,
        client_id=CLIENT_ID,
        client_secret=SecretStr(CLIENT_SECRET),
        base_url=base_url,
        oauth_url=base_url.rsplit("/v2", 1)[0] + "/oauth/token",
        **overrides,
    )


def api_client(base_url: str, **overrides: Any) -> ZoomClient:
    return ZoomClient(client_settings(base_url, **overrides))


def _serve(conn: Connection, options: dict[str, Any]) -> None:
    with EmulatorServer(port=0, **options) as emu:
        conn.send(emu.api_base_url)
        conn.recv()  # until the parent says stop (or goes away)


@dataclass
class EmulatorProcess:
    """The emulator in a process of its own: its CPU and memory stay out of our figures."""

    api_base_url: str
    pid: int


@contextmanager
def emulator_process(**options: Any) -> Iterator[EmulatorProcess]:
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_serve, args=(child, options), daemon=True)
    proc.start()
    try:
        if not parent.poll(60):
            raise RuntimeError("the emulator process did not start")
        url = parent.recv()
        assert proc.pid is not None
        yield EmulatorProcess(api_base_url=str(url), pid=proc.pid)
    finally:
        with suppress(OSError):
            parent.send("stop")
        proc.join(10)
        if proc.is_alive():
            proc.kill()
            proc.join(5)


# -- engine --------------------------------------------------------------------------------


def engine_environ(*, pythonpath: Sequence[str] = ()) -> None:
    """Make the Pulumi CLI and the plugin shims usable by the Automation API, in-process.

    ``pythonpath`` is prepended to PYTHONPATH so the provider process can import modules
    that dill pickled by reference (bench.noop_provider)."""
    os.environ.update(engine_env(ensure_engine()))
    paths = [str(REPO), *pythonpath]
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([*paths, *([old] if old else [])])


UNPACED_DIR = Path(__file__).resolve().parent / "unpaced"


def unpaced_env() -> dict[str, str]:
    """PYTHONPATH for a provider process whose client never paces (bench/unpaced)."""
    return {"PYTHONPATH": os.pathsep.join([str(UNPACED_DIR), os.environ.get("PYTHONPATH", "")])}


def stack_config(base_url: str, **extra: str) -> dict[str, str]:
    return {
        "zoomcc:accountId": ACCOUNT_ID,
        "zoomcc:clientId": CLIENT_ID,
        "zoomcc:clientSecret": CLIENT_SECRET,
        "zoomcc:baseUrl": base_url,
        **{f"zoomcc:{k}": v for k, v in extra.items()},
    }


def make_stack(
    workdir: Path,
    program: Callable[[], None],
    config: dict[str, str] | None = None,
    name: str = "bench",
    env: dict[str, str] | None = None,
) -> auto.Stack:
    workdir.mkdir(parents=True, exist_ok=True)
    opts = auto.LocalWorkspaceOptions(
        pulumi_home=str(workdir / ".pulumi-home"),
        project_settings=auto.ProjectSettings(
            name=PROJECT, runtime="python", backend=auto.ProjectBackend(url=f"file://{workdir}")
        ),
        env_vars={"PULUMI_CONFIG_PASSPHRASE": PASSPHRASE, **(env or {})},
        secrets_provider="passphrase",
    )
    stack = auto.create_or_select_stack(
        stack_name=name, project_name=PROJECT, program=program, opts=opts
    )
    if config:
        stack.set_all_config(
            {
                k: auto.ConfigValue(value=v, secret=k.endswith("clientSecret"))
                for k, v in config.items()
            }
        )
    return stack


@contextmanager
def scratch_dir(prefix: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix=prefix) as d:
        yield Path(d)


# -- memory ----------------------------------------------------------------------------------


def _role(proc: psutil.Process) -> str:
    try:
        name = proc.name()
        cmd = " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return "other"
    if "pulumi.dynamic" in cmd:
        return "provider"
    if name.startswith("pulumi"):
        return "engine"
    return "other"


@dataclass
class RssSampler:
    """Samples the summed RSS of this process (the inline program) and its descendants.

    ``exclude`` holds pids (with their children) left out: the emulator's process."""

    exclude: set[int] = field(default_factory=set)
    interval: float = 0.05
    peak_total: int = 0
    peak_by_role: dict[str, int] = field(default_factory=dict)
    samples: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def _sample(self) -> None:
        me = psutil.Process()
        skip: set[int] = set()
        for pid in self.exclude:
            try:
                p = psutil.Process(pid)
                skip |= {pid, *(c.pid for c in p.children(recursive=True))}
            except psutil.NoSuchProcess:
                skip.add(pid)
        by_role: dict[str, int] = {"program": me.memory_info().rss}
        for child in me.children(recursive=True):
            if child.pid in skip:
                continue
            try:
                rss = child.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            role = _role(child)
            by_role[role] = by_role.get(role, 0) + rss
        total = sum(by_role.values())
        self.samples += 1
        if total > self.peak_total:
            self.peak_total = total
        for role, rss in by_role.items():
            self.peak_by_role[role] = max(self.peak_by_role.get(role, 0), rss)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def mib(n: int) -> float:
    return n / 2**20


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start
