"""Running a project's program in its own virtualenv, and its typechecker, as Pulumi's Python
host does (``Run`` in sdk/python/cmd/pulumi-language-python/main.go): the venv's ``python``
runs ``program_exec.py`` with the host's arguments, the venv activated in its environment."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from zoomcc.engine.program_exec import SHOWN
from zoomcc.engine.runtime_options import (
    PythonRuntime,
    RuntimeOptionError,
    activated_env,
    is_virtualenv,
)

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


def install_dependencies(runtime: PythonRuntime, program_dir: Path) -> Iterator[tuple[str, bytes]]:
    """`pulumi install` for pip (``InstallDependencies`` in sdk/python/toolchain/pip.go): the
    virtualenv created when it is missing, then ``requirements.txt`` installed into it; the
    output as ``("stdout", chunk)`` pairs. Raises ``RuntimeOptionError`` with the failing step.
    Unlike the official host it does not upgrade pip, setuptools and wheel first."""
    yield "stdout", b"Installing dependencies...\n\n"
    steps: list[tuple[str, list[str]]] = []
    venv = runtime.virtualenv
    if venv is not None and not is_virtualenv(venv):
        steps.append(
            (f"creating virtual environment at '{venv}'", [_base_python(), "-m", "venv", str(venv)])
        )
    requirements = program_dir / "requirements.txt"
    if requirements.is_file():
        steps.append(
            (
                "installing requirements.txt",
                [runtime.python, "-m", "pip", "install", "-r", str(requirements)],
            )
        )
    env = activated_env(os.environ, venv)
    for what, command in steps:
        yield "stdout", f"{what[0].upper()}{what[1:]}...\n".encode()
        with subprocess.Popen(
            command, cwd=program_dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        ) as process:
            assert process.stdout is not None
            for line in process.stdout:
                yield "stdout", line
        if process.returncode != 0:
            raise RuntimeOptionError(
                f"{what} via '{' '.join(command)}' failed with exit code {process.returncode}"
            )
    yield "stdout", b"Finished installing dependencies\n\n"


def _base_python() -> str:
    """The interpreter a new virtualenv is made from: ``python3`` on PATH, as the official host
    uses (``PULUMI_PYTHON_CMD`` when set), else this one."""
    return shutil.which(os.environ.get("PULUMI_PYTHON_CMD") or "python3") or sys.executable
