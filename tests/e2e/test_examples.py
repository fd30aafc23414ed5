"""The example projects deploy through `pulumi up` on their directory (language host)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any, cast

import pytest

from tests.e2e.stacks import project_stack
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain

pytestmark = pytest.mark.e2e
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def resource_types(program: Path) -> set[str]:
    """The zoomcc classes a program instantiates."""
    found = set()
    for node in ast.walk(ast.parse(program.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "zoomcc"
            and node.func.attr[0].isupper()
        ):
            found.add(node.func.attr)
    return found


def test_contact_center_example(
    engine: EngineToolchain,
    backend: Path,
    emulator: EmulatorServer,
    stack_config: dict[str, Any],
) -> None:
    project = EXAMPLES / "contact-center"
    types = resource_types(project / "__main__.py")
    assert len(types) >= 20, sorted(types)
    config = {**stack_config, "rootTeamId": ROOT_TEAM_ID}
    stack = project_stack(project, backend, config, "example")
    try:
        up = stack.up()
        created = cast(dict[str, int], up.summary.resource_changes or {})
        assert set(created) == {"create"}
        assert emulator.state.object_count() == created["create"] - 1
        assert stack.preview().change_summary == {"same": created["create"]}
        stack.destroy()
        assert emulator.state.object_count() == 0
    finally:
        stack.workspace.remove_stack("example", force=True)
        (project / "Pulumi.example.yaml").unlink(missing_ok=True)
