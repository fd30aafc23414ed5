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

from rich.console import Console
from rich.table import Table

from zoomcc.engine.toolchain import EngineUnavailableError, engine_env, ensure_engine

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
    from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer

    if not (project_dir / "Pulumi.yaml").exists():
        console.print(f"[red]no Pulumi.yaml in {project_dir}[/]")
        return 2
    try:
        toolchain = ensure_engine()
    except EngineUnavailableError as exc:
        console.print(f"[red]zoomcc quickstart: {exc}[/]")
        return 1
    state = Path(tempfile.mkdtemp(prefix="zoomcc-quickstart-"))
    config_file = state / f"Pulumi.{STACK}.yaml"
    env = engine_env(toolchain)
    env.update(
        PULUMI_BACKEND_URL=f"file://{state}",
        PULUMI_CONFIG_PASSPHRASE="quickstart",
        PULUMI_HOME=str(state / ".pulumi-home"),
    )
    for var in ("ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "ZOOM_BASE_URL"):
        env.pop(var, None)
    with EmulatorServer(port=0) as emu:
        console.print(f"[green]emulator serving {emu.api_base_url}[/]")
        cfg = ["--config-file", str(config_file)]
        _pulumi(["stack", "init", STACK], cwd=project_dir, env=env)
        creds = emu.credentials
        settings = {
            "zoomcc:baseUrl": emu.api_base_url,
            "zoomcc:accountId": creds["account_id"],
            "zoomcc:clientId": creds["client_id"],
            "rootTeamId": ROOT_TEAM_ID,
        }
        for key, value in settings.items():
            _pulumi(["config", "set", key, value, *cfg], cwd=project_dir, env=env)
        _pulumi(
            ["config", "set", "--secret", "zoomcc:clientSecret", *cfg],
            cwd=project_dir,
            env=env,
            stdin=creds["client_secret"],
        )
        started = time.monotonic()
        _pulumi(["up", "--yes", *cfg], cwd=project_dir, env=env)
        elapsed = time.monotonic() - started
        outputs = json.loads(
            _pulumi(["stack", "output", "--json"], cwd=project_dir, env=env, capture=True)
        )
        table = Table(title=f"quickstart outputs (deployed in {elapsed:.1f}s)")
        table.add_column("output")
        table.add_column("value")
        for key, value in sorted(outputs.items()):
            table.add_row(key, json.dumps(value) if not isinstance(value, str) else value)
        console.print(table)
        _pulumi(["preview", "--expect-no-changes", *cfg], cwd=project_dir, env=env)
        if keep:
            console.print(
                f"[yellow]kept: backend {state}, emulator {emu.url}. Ctrl-C to stop.[/]\n"
                f"  export PULUMI_BACKEND_URL=file://{state} PULUMI_CONFIG_PASSPHRASE=quickstart"
            )
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return 0
        _pulumi(["destroy", "--yes", *cfg], cwd=project_dir, env=env)
        _pulumi(["stack", "rm", "--yes", STACK], cwd=project_dir, env=env)
        left = emu.state.object_count()
        console.print(f"[green]destroyed; objects left in the emulator: {left}[/]")
        if left:
            return 1
    console.print("To point the same stack at a real Zoom account, see the README.")
    return 0
