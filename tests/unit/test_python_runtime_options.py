"""Pulumi.yaml's ``runtime.options`` for Python, read as Pulumi's own host reads them, or
refused in one line naming what this host does not support."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from zoomcc.engine.project_python import typecheck
from zoomcc.engine.runtime_options import (
    PythonRuntime,
    RuntimeOptionError,
    activated_env,
    check_virtualenv,
    parse_runtime_options,
)
from zoomcc.engine.toolchain import write_shims

ROOT = Path("/home/me/support-center")

READ = [
    ("no options run in this host's interpreter", {}, PythonRuntime()),
    (
        "a relative virtualenv is the project folder's",
        {"virtualenv": "venv"},
        PythonRuntime(virtualenv=ROOT / "venv", virtualenv_option="venv"),
    ),
    (
        "an absolute virtualenv is taken as it is",
        {"virtualenv": "/opt/envs/cc"},
        PythonRuntime(virtualenv=Path("/opt/envs/cc"), virtualenv_option="/opt/envs/cc"),
    ),
    (
        "toolchain pip is supported",
        {"toolchain": "pip", "virtualenv": "venv"},
        PythonRuntime(virtualenv=ROOT / "venv", virtualenv_option="venv"),
    ),
    ("typechecker mypy is run", {"typechecker": "mypy"}, PythonRuntime(typechecker="mypy")),
    (
        "typechecker pyright is run",
        {"typechecker": "pyright"},
        PythonRuntime(typechecker="pyright"),
    ),
]


@pytest.mark.parametrize(("case", "options", "runtime"), READ, ids=[c[0] for c in READ])
def test_runtime_options_are_read_as_pulumis_host_reads_them(
    case: str, options: dict[str, object], runtime: PythonRuntime
) -> None:
    assert parse_runtime_options(options, ROOT, ROOT) == runtime


REFUSED: list[tuple[str, dict[str, object], str | None, str]] = [
    (
        "toolchain poetry is refused",
        {"toolchain": "poetry"},
        None,
        "toolchain poetry is not supported by zoomcc engine's Python host (only pip is)",
    ),
    (
        "toolchain uv is refused",
        {"toolchain": "uv"},
        None,
        "toolchain uv is not supported by zoomcc engine's Python host (only pip is)",
    ),
    ("an unknown toolchain is refused", {"toolchain": "conda"}, None, "unsupported toolchain"),
    (
        "an unknown typechecker is refused",
        {"typechecker": "pylint"},
        None,
        "unsupported typechecker option: pylint",
    ),
    (
        "a virtualenv that is not text is refused",
        {"virtualenv": 3},
        None,
        "virtualenv option must be a string",
    ),
    (
        "a misspelt option is refused, not ignored",
        {"virtualEnv": "venv"},
        None,
        "unsupported runtime option virtualEnv in Pulumi.yaml",
    ),
    ("a uv.lock with no toolchain means uv", {}, "uv.lock", "would use uv"),
    (
        "a poetry.lock with no toolchain means poetry, refused",
        {},
        "poetry.lock",
        "would use poetry",
    ),
]


@pytest.mark.parametrize(
    ("case", "options", "lock", "message"), REFUSED, ids=[c[0] for c in REFUSED]
)
def test_what_the_host_cannot_honour_is_refused_in_one_line(
    case: str, options: dict[str, object], lock: str | None, message: str, tmp_path: Path
) -> None:
    program = tmp_path / "program"
    program.mkdir()
    if lock:
        (tmp_path / lock).write_text("")  # found by searching up, as the official host does
    with pytest.raises(RuntimeOptionError) as refused:
        parse_runtime_options(options, tmp_path, program)
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_virtualenv_that_is_missing_or_not_one_is_refused_in_one_line(tmp_path: Path) -> None:
    runtime = parse_runtime_options({"virtualenv": "venv"}, tmp_path, tmp_path)
    with pytest.raises(RuntimeOptionError, match=r"but '.*venv' doesn't exist; create it"):
        check_virtualenv(runtime)
    (tmp_path / "venv").mkdir()
    with pytest.raises(RuntimeOptionError, match="doesn't appear to be a virtual environment"):
        check_virtualenv(runtime)
    (tmp_path / "venv" / "bin").mkdir()
    (tmp_path / "venv" / "bin" / "python").write_text("")
    check_virtualenv(runtime)
    assert runtime.python == str(tmp_path / "venv" / "bin" / "python")


def test_activating_a_virtualenv_puts_its_bin_first_and_drops_pythonhome() -> None:
    env = activated_env({"PATH": "/usr/bin", "PYTHONHOME": "/x"}, Path("/p/venv"))
    assert env == {"PATH": "/p/venv/bin:/usr/bin", "VIRTUAL_ENV": "/p/venv"}


def test_the_dynamic_provider_shim_runs_in_the_named_virtualenv_or_says_why_not(
    tmp_path: Path,
) -> None:
    write_shims(tmp_path / "shims", sys.executable)
    shim = str(tmp_path / "shims" / "pulumi-resource-pulumi-python")
    venv_python = tmp_path / "venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.write_text('#!/bin/sh\necho "$VIRTUAL_ENV" "$@"\n')
    venv_python.chmod(0o755)

    def run(venv: str, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        env = {"PATH": "/usr/bin:/bin", "PULUMI_RUNTIME_VIRTUALENV": venv}
        return subprocess.run([shim, "engine:1"], cwd=cwd, env=env, capture_output=True, text=True)

    started = [str(tmp_path / "venv"), "-u", "-m", "zoomcc.engine.provider_host", "engine:1"]
    assert run("venv/").stdout.split() == started  # relative to the program's folder
    program = tmp_path / "examples" / "quickstart"  # `main:` below the folder of Pulumi.yaml
    program.mkdir(parents=True)
    (tmp_path / "Pulumi.yaml").write_text("name: p\nruntime: python\n")
    assert run("venv", cwd=program).stdout.split() == started
    assert run(str(tmp_path / "venv"), cwd=program).stdout.split() == started
    missing = run("missing")
    assert missing.returncode == 1
    assert missing.stderr.count("\n") == 1
    assert f'"{tmp_path / "missing"}" is not a virtual environment' in missing.stderr


def test_typechecker_mypy_runs_over_the_program_folder_before_the_program(
    tmp_path: Path,
) -> None:
    (tmp_path / "__main__.py").write_text('count: int = "three"\n')
    failed = typecheck(PythonRuntime(typechecker="mypy"), tmp_path)
    assert failed.startswith("mypy failed: exit status 1\n")
    assert "Incompatible types in assignment" in failed
    (tmp_path / "__main__.py").write_text("count: int = 3\n")
    assert typecheck(PythonRuntime(typechecker="mypy"), tmp_path) == ""


def test_a_typechecker_the_virtualenv_lacks_is_named_in_one_line(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    runtime = PythonRuntime(virtualenv=venv, virtualenv_option="venv", typechecker="pyright")
    failed = typecheck(runtime, tmp_path)
    assert failed == (
        f"The typechecker option is set to pyright, but pyright is not installed in {venv}: "
        f"run `{venv}/bin/python -m pip install pyright`"
    )
