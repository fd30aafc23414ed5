"""examples/flow-routing through the real engine: the flow's JSON names a queue of the stack as
``${support}`` and ``zoomcc.flow_file`` fills in its id, so the flow Zoom holds routes to the
real queue; a changed flow file previews (``pulumi preview --diff``) as the nodes it adds,
removes or changes, not only as a new content hash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.stacks import Stacks, working_copy
from zoomcc.client import ZoomClient
from zoomcc.resources import catalog
from zoomcc.resources.spec import ResourceSpec

pytestmark = pytest.mark.e2e
STACK = "flows"


def deployed_flow(api: ZoomClient, flow_id: str) -> dict[str, Any]:
    """The flow's newest version as Zoom's export operation gives it back."""
    spec = catalog.get("Flow")
    assert isinstance(spec, ResourceSpec)
    live = api.call(spec.read_op, spec.item_url(flow_id))
    newest = max(v["flow_version"] for v in live["flow_versions"])
    export = spec.api.op("GET", spec.item_path + "/export")
    found = api.call(export, spec.item_url(flow_id) + "/export", params={"flow_version": newest})
    assert isinstance(found, dict)
    return found


def route(widget_id: str, queue: str) -> dict[str, Any]:
    return {"id": widget_id, "type": "RouteTo", "queue_id": queue, "next": None}


def test_the_flow_routes_to_the_queues_real_id_and_a_change_previews_as_its_nodes(
    stacks: Stacks, api: ZoomClient, tmp_path: Path
) -> None:
    project = working_copy("flow-routing", tmp_path)
    stack = stacks.project(project, STACK)
    outputs = stack.up().outputs
    flow_id, queue_id = outputs["flow_id"].value, outputs["support_queue_id"].value
    deployed = deployed_flow(api, flow_id)
    assert route("support", queue_id) in deployed["widgets"]
    assert "${" not in json.dumps(deployed)

    file = project / "flows" / "support.json"
    content = json.loads(file.read_text())
    content["widgets"].append(route("billing", "${billing}"))
    content["widgets"][1]["next"] = "billing"
    file.write_text(json.dumps(content, indent=2))
    billing_id = outputs["billing_queue_id"].value
    shown = " ".join(stack.preview(diff=True).stdout.split())
    nodes = shown.partition("~ flow_nodes : {")[2].partition(" name ")[0]
    assert f'+ billing: {{ + next : <null> + queue_id: "{billing_id}"' in nodes
    assert '~ menu : { ~ next: "support" => "billing"' in nodes
    assert "- " not in nodes  # no node is removed

    stack.up()
    assert route("billing", billing_id) in deployed_flow(api, flow_id)["widgets"]
