"""The example projects, as they are on disk, deploy through `pulumi up` on their directory
(language host), and `zoomcc review` draws each from its stack."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import cast

import pytest
from pulumi import automation as auto

from tests.e2e.stacks import EXAMPLES, Stacks, example_project
from tests.e2e.test_review import review
from tests.unit.test_review_drawing import svg_marks
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer
from zoomcc.resources import catalog
from zoomcc.resources.spec import ResourceSpec

pytestmark = pytest.mark.e2e
STACK = "example"


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


def objects_in(stack: auto.Stack) -> int:
    """How many of the stack's resources are objects of their own in Zoom (memberships and
    settings belong to one)."""
    resources = (stack.export_stack().deployment or {}).get("resources", [])
    types = [r["type"].rpartition(":")[2] for r in resources if "/zoomcc:" in r["type"]]
    return sum(isinstance(catalog.get(t), ResourceSpec) for t in types)


EXAMPLE_NODES = {
    "quickstart": {"queue Queue Support", "queue Queue Chat", "team Team Tier 1"},
    "contact-center": {
        "queue Queue Support",
        "campaign Campaign Spring campaign",
        "inbox Inbox After-hours voicemail",
        "team Team Tier 1",
        "queue Queue Billing",
        "flow Flow Support IVR",
        "entry +1 415 555 0100",
        "person ana@example.com",
    },
    "flow-routing": {
        "flow Flow Support menu",
        "queue Queue Menu support",
        "queue Queue Menu billing",
    },
}
"""What `zoomcc review` draws of each example, at least (node titles)."""


EXAMPLE_TYPES = [("quickstart", 8), ("contact-center", 37), ("flow-routing", 2)]
"""Each example, with how many resource types it declares at least."""


@pytest.mark.parametrize(("name", "min_types"), EXAMPLE_TYPES, ids=[n for n, _ in EXAMPLE_TYPES])
def test_example_deploys_shows_no_changes_is_drawn_and_destroys_to_nothing(
    name: str, min_types: int, stacks: Stacks, emulator: EmulatorServer, tmp_path: Path
) -> None:
    project = example_project(name)
    types = resource_types(EXAMPLES / name / "__main__.py")
    assert len(types) >= min_types, sorted(types)
    stack = stacks.project(project, STACK, {"rootTeamId": ROOT_TEAM_ID})
    try:
        up = stack.up()
        created = cast(dict[str, int], up.summary.resource_changes or {})
        assert set(created) == {"create"}
        assert emulator.state.object_count() == objects_in(stack)
        assert stack.preview().change_summary == {"same": created["create"]}
        review([STACK, "--project", str(project), "--out", str(tmp_path)], project, stacks.backend)
        stack.destroy()
        assert emulator.state.object_count() == 0
    finally:
        stack.workspace.remove_stack(STACK, force=True)
        (project / f"Pulumi.{STACK}.yaml").unlink(missing_ok=True)
    drawn = {title for kind, title in svg_marks(tmp_path / "routing.svg") if kind == "node"}
    assert EXAMPLE_NODES[name] <= drawn
    assert (tmp_path / "routing.png").read_bytes().startswith(b"\x89PNG")
    assert f"## Routing of {STACK}" in (tmp_path / "routing.md").read_text()
