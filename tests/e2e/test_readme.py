"""The README's snippets run as written: each block marked ``<!-- readme-test: NAME -->`` is
extracted and run (shell blocks by bash in a copy of the project, with the same `.venv`;
Python blocks as a Pulumi program against the emulator), with
only the emulator's port changed to a free one."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.stacks import Stacks
from zoomcc.emulator import EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
MARKED = re.compile(r"<!-- readme-test: ([\w-]+) -->\n```(bash|python)\n(.*?)```", re.S)
RUN = {"offline-stack", "emulator-curl", "using-it", "from-yaml"}
"""Every block the README marks as runnable, each run by a test below."""


def readme_blocks() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {name: body for name, _language, body in MARKED.findall(text)}


def test_every_block_the_readme_marks_as_runnable_is_run_here() -> None:
    assert set(readme_blocks()) == RUN


def test_the_emulator_curl_block_gets_a_token_and_lists_skill_categories(
    emulator: EmulatorServer,
) -> None:
    script = readme_blocks()["emulator-curl"].replace("8765", str(emulator.port))
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert '"skill_categories"' in run.stdout, run.stdout
    assert emulator.state.requests[-1].status == 200


def test_the_using_it_program_deploys_as_written(stacks: Stacks, emulator: EmulatorServer) -> None:
    program = readme_blocks()["using-it"]
    stack = stacks.program(program, "readme")
    up = stack.up()
    assert up.summary.resource_changes == {"create": 4}
    assert emulator.state.object_count() == 3
    stack.destroy()
    assert emulator.state.object_count() == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_the_readme_marks_its_offline_stack_block() -> None:
    assert "offline-stack" in readme_blocks()


def run_block(name: str, project: Path) -> str:
    """Run the README's block ``name`` in ``project`` as a user would (a free port for the
    emulator), then ``pulumi destroy``; its output, after asserting it succeeded."""
    script = readme_blocks()[name].replace("8765", str(free_port()))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULUMI_")}
    env["PULUMI_SKIP_UPDATE_CHECK"] = "true"
    env["PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION"] = "true"
    run = subprocess.Popen(
        ["bash", "-euo", "pipefail", "-c", script + "\npulumi destroy --yes\n"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        out, _ = run.communicate(timeout=480)
    finally:
        os.killpg(run.pid, signal.SIGTERM)  # the emulator the block left running
    assert run.returncode == 0, out
    return out


def user_project(tmp_path: Path) -> Path:
    """A copy of the repository's root project and examples, with this interpreter as .venv."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "Pulumi.yaml", project)
    shutil.copytree(ROOT / "examples", project / "examples")
    (project / ".venv").symlink_to(Path(sys.prefix))
    return project


def test_the_from_yaml_block_deploys_the_yaml_example_and_previews_no_changes(
    yaml_engine: EngineToolchain, tmp_path: Path
) -> None:
    project = user_project(tmp_path)
    out = run_block("from-yaml", project)
    assert "12 created" in out and "12 unchanged" in out, out  # 11 resources, the stack
    assert "12 deleted" in out, out


def test_the_offline_stack_block_deploys_the_quickstart(
    engine: EngineToolchain, tmp_path: Path
) -> None:
    project = user_project(tmp_path)
    out = run_block("offline-stack", project)
    assert "Resources:" in out and "created" in out, out
    assert (project / ".pulumi-state").is_dir()
