"""`zoomcc quickstart`: the whole loop a new user should see, with no Zoom account.

Starts the emulator, deploys the project with the real Pulumi CLI (local file backend,
throwaway stack config), shows the outputs, proves a second preview has nothing to do,
and tears everything down again unless asked to keep it.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from zoomcc.engine.toolchain import EngineUnavailableError, engine_env, ensure_engine

if TYPE_CHECKING:
    from zoomcc.emulator import EmulatorServer
    from zoomcc.engine.toolchain import EngineToolchain

STACK = "quickstart"
console = Console()


def _pulumi(
    args: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    capture: bool = False,
    stdin: str | None = None,
) -> str:
    """Run the CLI; a secret goes in on stdin, so it is neither echoed nor in `ps`."""
    console.print(f"[bold cyan]$ pulumi {' '.join(args)}[/]")
    done = subprocess.run(
        ["pulumi", *args],
        cwd=cwd,
        env=env,
        text=True,
        input=stdin,
        stdout=subprocess.PIPE if capture else None,
    )
    if done.returncode != 0:
        raise RuntimeError(f"`pulumi {' '.join(args)}` exited {done.returncode}")
    return done.stdout or ""


def run_quickstart(project_dir: Path, *, keep: bool = False) -> int:
    from zoomcc.emulator import EmulatorServer

    if not (project_dir / "Pulumi.yaml").exists():
        console.print(f"[red]no Pulumi.yaml in {project_dir}[/]")
        return 2
    try:
        toolchain = ensure_engine()
    except EngineUnavailableError as exc:
        console.print(f"[red]zoomcc quickstart: {exc}[/]")
        return 1
    state = Path(tempfile.mkdtemp(prefix="zoomcc-quickstart-"))
    env = _quickstart_env(toolchain, state)
    cfg = ["--config-file", str(state / f"Pulumi.{STACK}.yaml")]
    with EmulatorServer(port=0) as emu:
        console.print(f"[green]emulator serving {emu.api_base_url}[/]")
        _pulumi(["stack", "init", STACK], cwd=project_dir, env=env)
        _configure_stack(emu, cfg, cwd=project_dir, env=env)
        _deploy_and_show_outputs(cfg, cwd=project_dir, env=env)
        _pulumi(["preview", "--expect-no-changes", *cfg], cwd=project_dir, env=env)
        if keep:
            return _keep_running(state, emu)
        _pulumi(["destroy", "--yes", *cfg], cwd=project_dir, env=env)
        _pulumi(["stack", "rm", "--yes", STACK], cwd=project_dir, env=env)
        left = emu.state.object_count()
        console.print(f"[green]destroyed; objects left in the emulator: {left}[/]")
        if left:
            return 1
    console.print("To point the same stack at a real Zoom account, see the README.")
    return 0


def _quickstart_env(toolchain: EngineToolchain, state: Path) -> dict[str, str]:
    """The engine's environment with a throwaway local backend in ``state``, and none of the
    ZOOM_* credentials of the shell: the quickstart must never reach a real account."""
    env = engine_env(toolchain)
    env.update(
        PULUMI_BACKEND_URL=f"file://{state}",
        PULUMI_CONFIG_PASSPHRASE="quickstart",
        PULUMI_HOME=str(state / ".pulumi-home"),
    )
    for var in ("ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "ZOOM_BASE_URL"):
        env.pop(var, None)
    return env


def _configure_stack(
    emu: EmulatorServer, cfg: list[str], *, cwd: Path, env: dict[str, str]
) -> None:
    """Point the stack at the emulator; the secret goes in on stdin."""
    from zoomcc.emulator import ROOT_TEAM_ID

    creds = emu.credentials
    settings = {
        "zoomcc:baseUrl": emu.api_base_url,
        "zoomcc:accountId": creds["account_id"],
        "zoomcc:clientId": creds["client_id"],
        "rootTeamId": ROOT_TEAM_ID,
    }
    for key, value in settings.items():
        _pulumi(["config", "set", key, value, *cfg], cwd=cwd, env=env)
    _pulumi(
        ["config", "set", "--secret", "zoomcc:clientSecret", *cfg],
        cwd=cwd,
        env=env,
        stdin=creds["client_secret"],
    )


def _deploy_and_show_outputs(cfg: list[str], *, cwd: Path, env: dict[str, str]) -> None:
    """`pulumi up`, then the stack's outputs as a table with the time the deploy took."""
    started = time.monotonic()
    _pulumi(["up", "--yes", *cfg], cwd=cwd, env=env)
    elapsed = time.monotonic() - started
    outputs = json.loads(_pulumi(["stack", "output", "--json"], cwd=cwd, env=env, capture=True))
    table = Table(title=f"quickstart outputs (deployed in {elapsed:.1f}s)")
    table.add_column("output")
    table.add_column("value")
    for key, value in sorted(outputs.items()):
        table.add_row(key, json.dumps(value) if not isinstance(value, str) else value)
    console.print(table)


def _keep_running(state: Path, emu: EmulatorServer) -> int:
    """``--keep``: say where the backend and emulator are, and serve until Ctrl-C."""
    console.print(
        f"[yellow]kept: backend {state}, emulator {emu.url}. Ctrl-C to stop.[/]\n"
        f"  export PULUMI_BACKEND_URL=file://{state} PULUMI_CONFIG_PASSPHRASE=quickstart"
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
