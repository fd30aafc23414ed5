"""A flow's routes in a review: the deployed side is what the state holds of the deployed flow
(its ``flow_nodes``), the new side what the preview's step holds of the new file, so a route
the new file adds is drawn as added even though the file on disk already has it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_review_model import FLOW, RESOURCES, resource, urn
from zoomcc.review import make_review
from zoomcc.review.routing import Edge
from zoomcc.review.stack_state import read_state

SUPPORT_ONLY = {
    "start": {"type": "Start", "next": "support"},
    "support": {"type": "RouteTo", "queue_id": "q1"},
}
WITH_BILLING = {**SUPPORT_ONLY, "billing": {"type": "RouteTo", "queue_id": "q2"}}
FLOW_KEY = urn("Flow", "support-ivr")
SUPPORT, BILLING = urn("Queue", "support"), urn("Queue", "billing")


def deployed_flow(nodes: dict[str, Any]) -> dict[str, Any]:
    return resource(
        "Flow",
        "support-ivr",
        "f1",
        name="Support IVR",
        file="support-ivr.json",
        content_hash="old",
        flow_nodes=nodes,
    )


def state(nodes: dict[str, Any]) -> dict[str, Any]:
    others = [r for r in RESOURCES if r.get("urn") != FLOW_KEY]
    return {"version": 3, "deployment": {"resources": [*others, deployed_flow(nodes)]}}


def file_changed_to(nodes: dict[str, Any]) -> dict[str, Any]:
    """The preview of the flow's new file: an update whose new inputs hold its nodes."""
    old = deployed_flow(SUPPORT_ONLY)
    new = {**old, "inputs": {**old["inputs"], "content_hash": "new", "flow_nodes": nodes}}
    return {"steps": [{"op": "update", "urn": FLOW_KEY, "oldState": old, "newState": new}]}


@pytest.fixture()
def new_file_on_disk(tmp_path: Path) -> Path:
    """The flow's file as the program's folder holds it: already the new one (both queues)."""
    (tmp_path / "support-ivr.json").write_text(json.dumps(FLOW))
    return tmp_path


def test_a_route_the_new_file_adds_is_drawn_as_added(new_file_on_disk: Path) -> None:
    review = make_review(
        read_state(state(SUPPORT_ONLY)), file_changed_to(WITH_BILLING), [new_file_on_disk]
    )
    assert review.edge_status.get(Edge(FLOW_KEY, BILLING, "routes")) == "added"
    assert Edge(FLOW_KEY, SUPPORT, "routes") not in review.edge_status  # kept: not marked
    assert "Flow Support IVR: now sends callers to Queue Billing" in review.effects


def test_a_route_the_new_file_drops_is_drawn_as_removed(new_file_on_disk: Path) -> None:
    review = make_review(
        read_state(state(WITH_BILLING)), file_changed_to(SUPPORT_ONLY), [new_file_on_disk]
    )
    assert review.edge_status.get(Edge(FLOW_KEY, BILLING, "routes")) == "deleted"


def test_without_a_preview_the_state_alone_draws_the_deployed_routes(
    new_file_on_disk: Path,
) -> None:
    review = make_review(read_state(state(SUPPORT_ONLY)), None, [new_file_on_disk])
    routes = {e.dst for e in review.routing.edges if e.src == FLOW_KEY and e.kind == "routes"}
    assert routes == {SUPPORT}


def test_a_node_named_like_a_queue_is_not_taken_for_a_queue(new_file_on_disk: Path) -> None:
    nodes = {"queue_menu": {"type": "Menu", "next": "support"}, **SUPPORT_ONLY}
    review = make_review(read_state(state(nodes)), None, [new_file_on_disk])
    routes = {e.dst for e in review.routing.edges if e.src == FLOW_KEY and e.kind == "routes"}
    assert routes == {SUPPORT}
