"""`zoomcc export` finds its credentials where the provider does: the `zoomcc:*` config of
the stack `--stack` (secrets decrypted by the real `pulumi` CLI), an account profile of it
(`--account`), else the `ZOOM_*` environment; it says which one on stderr, never the
secret, and a missing credential's error says where it looked. `--plan` and
`--pacing/--no-pacing` set the client's pacing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pulumi import automation as auto

from tests.conftest import ACCOUNT_ID, CLIENT_ID, CLIENT_SECRET
from tests.e2e.stacks import PASSPHRASE, Stacks, run_zoomcc
from zoomcc.emulator import EmulatorServer

pytestmark = pytest.mark.e2e

def no_zoom() -> dict[str, str]:
    """The environment without any Zoom credential or setting, read when a test runs (after
    the engine fixture put the `pulumi` CLI on PATH)."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("ZOOM_", "ZOOMCC_"))}


def cli_env(stacks: Stacks) -> dict[str, str]:
    """What a user's shell has after `pulumi login file://...`: the backend and passphrase,
    no `ZOOM_*`."""
    return {
        **no_zoom(),
        "PULUMI_BACKEND_URL": f"file://{stacks.backend}",
        "PULUMI_HOME": str(stacks.backend / ".pulumi-home"),
        "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
    }


def a_project(tmp_path: Path) -> Path:
    project = tmp_path / "infra"
    project.mkdir()
    (project / "Pulumi.yaml").write_text("name: infra\nruntime: python\n")
    return project


def test_the_stacks_config_gives_the_credentials(
    stacks: Stacks, tmp_path: Path, emulator: EmulatorServer
) -> None:
    project = a_project(tmp_path)
    stacks.project(project, "acct")
    done = run_zoomcc(
        "export", "--out", str(tmp_path / "out"), "--include", "Team",
        "--project", str(project), "--stack", "acct", "--no-pacing",
        env=cli_env(stacks),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "credentials from stack acct's config (zoomcc:*)" in done.stderr
    assert CLIENT_SECRET not in done.stdout + done.stderr
    assert (tmp_path / "out" / "Pulumi.acct.yaml").is_file()


def test_an_account_profile_of_the_stack_gives_the_credentials(
    stacks: Stacks, tmp_path: Path, emulator: EmulatorServer
) -> None:
    project = a_project(tmp_path)
    stack = stacks.project(project, "acct", {})
    profile = {
        "accountId": ACCOUNT_ID,
        "clientId": CLIENT_ID,
        "clientSecret": CLIENT_SECRET,
        "baseUrl": emulator.api_base_url,
    }
    for key, value in profile.items():
        stack.set_config(
            f"zoomcc:accounts.sandbox.{key}",
            auto.ConfigValue(value, secret=key == "clientSecret"),
            path=True,
        )
    stack.remove_config("zoomcc:clientSecret")  # the stack's own credentials are not used
    done = run_zoomcc(
        "export", "--out", str(tmp_path / "out"), "--include", "Team",
        "--project", str(project), "--stack", "acct", "--account", "sandbox",
        env=cli_env(stacks),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "credentials from account profile 'sandbox' of stack acct" in done.stderr
    assert CLIENT_SECRET not in done.stdout + done.stderr


def test_the_environment_gives_them_where_no_stack_is_here(
    tmp_path: Path, emulator: EmulatorServer
) -> None:
    env = {
        **no_zoom(),
        "ZOOM_ACCOUNT_ID": ACCOUNT_ID,
        "ZOOM_CLIENT_ID": CLIENT_ID,
        "ZOOM_CLIENT_SECRET": CLIENT_SECRET,
        "ZOOM_BASE_URL": emulator.api_base_url,
    }
    done = run_zoomcc(
        "export", "--out", str(tmp_path / "out"), "--include", "Team", "--plan", "business",
        env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "credentials from the environment (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID)" in done.stderr


def test_missing_credentials_say_where_the_export_looked(tmp_path: Path) -> None:
    done = run_zoomcc("export", "--out", str(tmp_path / "out"), env=no_zoom())
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert "missing Zoom credentials" in line
    assert "(looked in the environment; no stack dev here)" in line


def test_an_unknown_plan_is_refused_in_one_line(tmp_path: Path) -> None:
    env = {**no_zoom(), "ZOOM_ACCOUNT_ID": "a", "ZOOM_CLIENT_ID": "b", "ZOOM_CLIENT_SECRET": "c"}
    done = run_zoomcc("export", "--out", str(tmp_path / "out"), "--plan", "gold", env=env)
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert "plan" in line and "gold" in line


def test_a_stack_found_here_that_cannot_be_read_leaves_them_to_the_environment(
    stacks: Stacks, tmp_path: Path, emulator: EmulatorServer
) -> None:
    project = a_project(tmp_path)
    (project / "Pulumi.dev.yaml").write_text("config: {}\n")  # no such stack in the backend
    env = {
        **cli_env(stacks),
        "ZOOM_ACCOUNT_ID": ACCOUNT_ID,
        "ZOOM_CLIENT_ID": CLIENT_ID,
        "ZOOM_CLIENT_SECRET": CLIENT_SECRET,
        "ZOOM_BASE_URL": emulator.api_base_url,
    }
    done = subprocess.run(
        [sys.executable, "-m", "zoomcc.cli", "export", "--out", "out", "--include", "Team"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "`pulumi config --stack dev`" in done.stderr
    assert "credentials from the environment" in done.stderr
