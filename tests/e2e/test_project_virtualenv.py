"""A project whose Pulumi.yaml names its own virtualenv runs in it through `zoomcc engine`'s
host: the program imports a module only that venv has, and the dynamic provider runs there too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.e2e.stacks import Stacks
from zoomcc.emulator import EmulatorServer

pytestmark = pytest.mark.e2e

CATEGORY = "Named in the project's venv"

PROGRAM = """\
import sys

import pulumi
import only_in_project_venv

import pulumi_zoomcc as zoomcc

zoomcc.SkillCategory("languages", name=only_in_project_venv.CATEGORY, skill_type="text")
pulumi.export("prefix", sys.prefix)
"""

RECORD = (
    "import os, sys; log = os.environ.get('ZOOMCC_TEST_VENV_LOG'); "
    "log and open(log, 'a').write(' '.join(sys.orig_argv) + chr(10))\n"
)
"""A .pth line: each interpreter started in the project's venv writes its command line."""


def project_venv(path: Path) -> Path:
    """A venv made in a blink: no pip; this clone's packages reached through a .pth (installing
    them would take minutes), and one module nothing else has."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    (site,) = path.glob("lib/python*/site-packages")
    clone = sysconfig.get_paths()["purelib"]
    (site / "zoomcc_clone.pth").write_text(f"import site; site.addsitedir({clone!r})\n" + RECORD)
    (site / "only_in_project_venv.py").write_text(f"CATEGORY = {CATEGORY!r}\n")
    return path


def test_a_project_runs_in_the_virtualenv_its_pulumi_yaml_names(
    stacks: Stacks, emulator: EmulatorServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    venv = project_venv(project / "venv")
    # With `main:`, the program's folder is below Pulumi.yaml's, which `virtualenv` is
    # relative to (the engine starts the dynamic provider in the program's folder).
    (project / "Pulumi.yaml").write_text(
        "name: venv-project\nmain: app\n"
        "runtime:\n  name: python\n  options:\n    virtualenv: venv\n"
    )
    (project / "app").mkdir()
    (project / "app" / "__main__.py").write_text(PROGRAM)
    log = tmp_path / "started-in-venv.log"
    monkeypatch.setenv("ZOOMCC_TEST_VENV_LOG", str(log))

    up = stacks.project(project, "venv").up()

    assert up.summary.result == "succeeded"
    assert Path(up.outputs["prefix"].value) == venv
    (category,) = emulator.state.user_objects()["skill_categories"]
    assert category["skill_category_name"] == CATEGORY
    started = log.read_text()
    assert "program_exec.py" in started  # the program, in the venv's python
    assert "zoomcc.engine.provider_host" in started  # the dynamic provider, there too


def test_pulumi_install_makes_the_virtualenv_pulumi_yaml_names(
    stacks: Stacks, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "Pulumi.yaml").write_text(
        "name: venv-project\nruntime:\n  name: python\n  options:\n    virtualenv: envs/cc\n"
    )
    (project / "__main__.py").write_text(PROGRAM)
    (project / "requirements.txt").write_text("# nothing to install from an index here\n")

    done = subprocess.run(
        ["pulumi", "install"],
        cwd=project,
        env={**os.environ, "PULUMI_BACKEND_URL": f"file://{stacks.backend}"},
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr
    assert f"Creating virtual environment at '{project / 'envs' / 'cc'}'" in done.stdout
    assert (project / "envs" / "cc" / "bin" / "python").is_file()
