"""Running a project's program in its own virtualenv, and its typechecker, as Pulumi's Python
host does (``Run`` in sdk/python/cmd/pulumi-language-python/main.go): the venv's ``python``
runs ``program_exec.py`` with the host's arguments, the venv activated in its environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from zoomcc.engine.program_exec import SHOWN
from zoomcc.engine.runtime_options import PythonRuntime, activated_env

EXEC = Path(__file__).with_name("program_exec.py")
"""Started by its path, so the venv needs ``pulumi`` but not ``zoomcc``."""


def exec_arguments(request: Any, engine_address: str) -> list[str]:
    """``constructArguments``: the flags the exec script reads, then the entry point and the
    program's own arguments."""
    info = request.info
    flags = {
        "monitor": request.monitor_address,
        "engine": engine_address,
        "project": request.project,
        "root_directory": info.root_directory,
        "stack": request.stack,
        "pwd": request.pwd,
        "dry_run": "true" if request.dryRun else "false",
        "parallel": str(request.parallel),
        "organization": request.organization,
    }
    arguments = [item for name, value in flags.items() if value for item in (f"--{name}", value)]
    return [*arguments, info.entry_point or ".", *request.args]


def run_in_virtualenv(
    runtime: PythonRuntime, request: Any, engine_address: str
) -> tuple[str, bool]:
    """Run the program with the venv's python; (error for the engine, whether to bail)."""
    env = activated_env(os.environ, runtime.virtualenv)
    env["PULUMI_CONFIG"] = json.dumps(dict(request.config))
    env["PULUMI_CONFIG_SECRET_KEYS"] = json.dumps(list(request.configSecretKeys))
    sys.stdout.flush()
    sys.stderr.flush()
    done = subprocess.run(
        [runtime.python, "-u", str(EXEC), *exec_arguments(request, engine_address)],
        env=env,
        cwd=request.pwd or None,
        check=False,
    )
    if done.returncode == 0:
        return "", False
    if done.returncode == SHOWN:
        return "", True
    return f"program exited with non-zero exit code: {done.returncode}", False


def typecheck(runtime: PythonRuntime, program_dir: Path) -> str:
    """Run the project's ``typechecker`` over its program folder, as the official host does
    before the program: the error for the engine (the checker's output), or ``""``."""
    checker = runtime.typechecker
    if checker is None:
        return ""
    env = activated_env(os.environ, runtime.virtualenv)
    probe = subprocess.run(
        [runtime.python, "-c", f"import {checker}"], env=env, capture_output=True, check=False
    )
    if probe.returncode != 0:
        return (
            f"The typechecker option is set to {checker}, but {checker} is not installed in "
            f"{runtime.virtualenv or sys.prefix}: run `{runtime.python} -m pip install {checker}`"
        )
    command = [runtime.python, "-m", checker]
    if checker == "mypy" and runtime.virtualenv is not None:
        command += ["--exclude", os.path.relpath(runtime.virtualenv, program_dir)]
    done = subprocess.run(
        [*command, str(program_dir)], env=env, cwd=program_dir, capture_output=True, text=True
    )
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip()
        return f"{checker} failed: exit status {done.returncode}\n{output}"
    return ""
