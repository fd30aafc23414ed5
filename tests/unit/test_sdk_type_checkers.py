"""pyright and mypy find the SDK and report a misspelled nested field, an out-of-range enum and
a wrong nested type, as an editor would: from this repository (whose setuptools editable
install is an import hook, so pyproject.toml names the package roots) and from a normal
install (the packages on the interpreter's path, found through their ``py.typed``)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

PROGRAM = """\
import pulumi_zoomcc as zoomcc
from pulumi_zoomcc import BusinessHours as Hours

RANGE: zoomcc.BusinessHoursHoursCustomHourCustomHourRangeArgsDict = {"start_time": "09:00"}
Hours("fine", name="A", timezone="UTC", hours={"hour_type": 2, "custom_hours": []})
zoomcc.Skill("fine", name="French", skill_category_id="c1")
Hours("typo", name="B", hours={"custom_hours": [{"custom_hour_range": [RANGE]}]})  # misspelled
Hours("enum", name="C", hours={"custom_hours": [{"day_of_week": 8}]})  # enum
zoomcc.Queue("nested-type", name="Q", short_abandon={"enable": "yes"})  # nested type
Hours("args", name="D", hours=zoomcc.BusinessHoursHoursArgs(hour_typ=2))  # misspelled
zoomcc.Skill("no-category", name="German")  # required
zoomcc.Team("adopted", import_id="t1")
zoomcc.Team("nameless", parent_team_id="t0")  # required
"""
_WRONG = ("# misspelled", "# enum", "# nested type", "# required")
EXPECTED = {n for n, line in enumerate(PROGRAM.splitlines(), 1) if line.endswith(_WRONG)}
"""The lines a checker must report, and no other."""
Checker = Callable[[Path, Path, dict[str, str]], set[int]]


def _installed(tmp: Path) -> dict[str, str]:
    """A normal install's layout: the packages copied to a directory on the interpreter's
    path (as a wheel would put them in site-packages), no repository configuration."""
    site = tmp / "site"
    for package in ("provider/zoomcc", "sdk/pulumi_zoomcc"):
        shutil.copytree(ROOT / package, site / Path(package).name)
    return {"PYTHONPATH": str(site)}


def _report(command: list[str], cwd: Path, env: dict[str, str], unresolved: str) -> str:
    """What the checker printed; it must have found the SDK (no ``unresolved`` in it)."""
    run = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert unresolved not in run.stdout, run.stdout
    return run.stdout


def _pyright(program: Path, cwd: Path, env: dict[str, str]) -> set[int]:
    command = [str(BIN / "pyright"), "--pythonpath", sys.executable, str(program)]
    report = _report(command, cwd, env, "could not be resolved")
    found = re.findall(rf"{re.escape(program.name)}:(\d+):\d+ - error", report)
    return {int(m) for m in found}


def _mypy(program: Path, cwd: Path, env: dict[str, str]) -> set[int]:
    config = ["--config-file", str(ROOT / "pyproject.toml")] if cwd == ROOT else []
    command = [
        *(str(BIN / "mypy"), "--python-executable", sys.executable, "--no-incremental"),
        *("--follow-imports=silent", *config, str(program)),
    ]
    report = _report(command, cwd, env, "Cannot find implementation")
    return {int(m) for m in re.findall(rf"{re.escape(program.name)}:(\d+): error", report)}


@pytest.mark.parametrize("checker", [_pyright, _mypy], ids=["pyright", "mypy"])
@pytest.mark.parametrize("install", ["repository", "installed"])
def test_type_checkers_report_each_wrong_nested_value(
    checker: Checker, install: str, tmp_path: Path
) -> None:
    program = tmp_path / "program.py"
    program.write_text(PROGRAM)
    if install == "repository":  # pyproject.toml's [tool.pyright] and [tool.mypy] apply
        cwd, env = ROOT, {}
    else:
        cwd, env = tmp_path, _installed(tmp_path)
    assert checker(program, cwd, env) == EXPECTED
