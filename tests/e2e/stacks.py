"""Stack plumbing for the end-to-end tests: inline programs, and the example projects as they
are on disk (never copies of their programs)."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pulumi import automation as auto
from pulumi.automation._stack import StackInitMode

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PROJECT = "zoomcc-e2e"
PASSPHRASE = "e2e-passphrase"


def example_project(name: str) -> Path:
    """The project directory of ``examples/<name>`` on disk: the quickstart's is the
    repository's root (its ``Pulumi.yaml`` points at ``examples/quickstart``)."""
    return ROOT if name == "quickstart" else EXAMPLES / name


def working_copy(name: str, dest: Path) -> Path:
    """A copy of the example's project (``Pulumi.yaml`` and program, as they are on disk) in
    ``dest``, for a test that then edits the program as a user would."""
    project = example_project(name)
    program = EXAMPLES / name
    shutil.copy2(project / "Pulumi.yaml", dest / "Pulumi.yaml")
    shutil.copytree(program, dest / program.relative_to(project), dirs_exist_ok=True)
    return dest


def edit_program(project: Path, edits: Sequence[tuple[str, str]]) -> None:
    """Apply each ``(old, new)`` text edit to the project's program; each ``old`` must occur
    exactly once, so an example that drifted fails the test instead of changing less."""
    (main,) = project.rglob("__main__.py")
    text = main.read_text()
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} is not in {main} exactly once"
        text = text.replace(old, new)
    main.write_text(text)


SECRET = "[secret]"
"""What `pulumi stack output --json` shows in place of a secret value."""


@functools.cache
def _pulumi_command(path: str) -> auto.PulumiCommand:
    """One handle on the CLI of ``PATH``: each new one runs `pulumi version` first."""
    return auto.PulumiCommand()


class Workspace(auto.LocalWorkspace):
    """The Automation API's workspace, reading a stack's outputs in one CLI run where none is
    secret: the second run (``--show-secrets``) derives the passphrase's key, a third of a
    second of CPU after every ``up``, to show the same values."""

    def stack_outputs(self, stack_name: str) -> auto.OutputMap:
        masked = self._run_pulumi_cmd_sync(["stack", "output", "--json", "--stack", stack_name])
        if SECRET in masked.stdout:
            return super().stack_outputs(stack_name)
        values: dict[str, Any] = json.loads(masked.stdout)
        return {key: auto.OutputValue(value=value, secret=False) for key, value in values.items()}


class Stack(auto.Stack):
    """The Automation API's stack, its operations' summaries read without unmasking the
    stack's secret config: no test reads that config from a summary (its counts and result
    are the same), and unmasking it derives the passphrase's key once more per operation."""

    def info(self, show_secrets: bool = True) -> auto.UpdateSummary | None:
        """The last operation's summary, its secret config masked whatever is asked."""
        return super().info(show_secrets=False)


def _open(name: str, opts: auto.LocalWorkspaceOptions) -> Stack:
    """The stack ``name`` of a workspace with ``opts``: created (a test's backend starts
    empty, so trying to select it first is one CLI run lost), else selected."""
    workspace = Workspace(**opts.__dict__)
    try:
        return Stack(name, workspace, StackInitMode.CREATE)
    except auto.StackAlreadyExistsError:
        return Stack(name, workspace, StackInitMode.SELECT)


def _options(backend: Path, **extra: Any) -> auto.LocalWorkspaceOptions:
    return auto.LocalWorkspaceOptions(
        pulumi_home=str(backend / ".pulumi-home"),
        secrets_provider="passphrase",
        pulumi_command=_pulumi_command(os.environ.get("PATH", "")),
        **extra,
    )


def _configure(stack: Stack, config: dict[str, Any]) -> Stack:
    stack.set_all_config(
        {
            key: auto.ConfigValue(value=str(value), secret=key.endswith("clientSecret"))
            for key, value in config.items()
        }
    )
    return stack


def make_stack(
    backend: Path, program: Callable[[], None], config: dict[str, Any], name: str = "e2e"
) -> Stack:
    """An inline-program stack (Automation API language server), its project's ``main`` the
    working directory as ``auto.create_or_select_stack`` sets it."""
    opts = _options(
        backend,
        project_settings=auto.ProjectSettings(
            name=PROJECT,
            runtime="python",
            main=os.getcwd(),
            backend=auto.ProjectBackend(url=f"file://{backend}"),
        ),
        env_vars={"PULUMI_CONFIG_PASSPHRASE": PASSPHRASE},
        program=program,
    )
    return _configure(_open(name, opts), config)


def program_stack(
    tmp_path: Path, backend: Path, program: str, config: dict[str, Any], name: str
) -> Stack:
    """A stack of a new project directory holding ``program`` as its ``__main__.py``, run by
    `pulumi` through the language host as a user's project would be."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "Pulumi.yaml").write_text(f"name: {name}\nruntime: python\n")
    (project / "__main__.py").write_text(program)
    return project_stack(project, backend, config, name)


def project_stack(work_dir: Path, backend: Path, config: dict[str, Any], name: str) -> Stack:
    """A stack of a project directory, run by `pulumi` through the language host."""
    opts = _options(
        backend,
        work_dir=str(work_dir),
        env_vars={
            "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
            "PULUMI_BACKEND_URL": f"file://{backend}",
        },
    )
    return _configure(_open(name, opts), config)


@dataclass(frozen=True)
class Stacks:
    """A test's stacks: its own file backend, and the config of the emulator's account,
    which a stack may extend or override (``config``)."""

    backend: Path
    config: dict[str, Any]

    def _with(self, config: Mapping[str, Any] | None) -> dict[str, Any]:
        return {**self.config, **(config or {})}

    def inline(
        self, program: Callable[[], None], name: str, config: Mapping[str, Any] | None = None
    ) -> Stack:
        """An inline-program stack (:func:`make_stack`)."""
        return make_stack(self.backend, program, self._with(config), name)

    def project(self, work_dir: Path, name: str, config: Mapping[str, Any] | None = None) -> Stack:
        """A stack of a project directory (:func:`project_stack`)."""
        return project_stack(work_dir, self.backend, self._with(config), name)

    def program(self, program: str, name: str, config: Mapping[str, Any] | None = None) -> Stack:
        """A stack of a new project holding ``program`` beside the backend
        (:func:`program_stack`)."""
        return program_stack(self.backend.parent, self.backend, program, self._with(config), name)


def run_zoomcc(*args: str, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """The ``zoomcc`` command as a user runs it, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "zoomcc.cli", *args],
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=600,
    )
