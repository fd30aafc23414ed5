"""``zoomcc.flow_file`` puts managed objects' ids into a flow's JSON in place of the
``${<name>}`` placeholders ``zoomcc export`` writes (one implementation for both); a flow's
nodes are what a preview and a review read of it; flow.md's sample is the example's file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi
import pytest

import pulumi_zoomcc as zoomcc
from tests.support.pulumi_mocks import mocked_runtime
from tests.unit.test_export_flows import QUEUE, ROUTING, planned
from zoomcc.resources.flow_content import fill, nodes, placeholder

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = {"widgets": [{"id": "q", "type": "RouteTo", "queue_id": "${support}"}]}


class _Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], list[Any]]:
        return {}, []


@pytest.fixture()
def program_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    (tmp_path / "support.json").write_text(json.dumps(TEMPLATE))
    monkeypatch.chdir(tmp_path)
    with mocked_runtime(_Mocks()):
        yield tmp_path


def resolved(ids: dict[str, pulumi.Input[str | None]]) -> pulumi.Output[dict[str, Any]]:
    return zoomcc.flow_file("support.json", ids).apply(lambda p: json.loads(Path(p).read_text()))


@pulumi.runtime.test  # type: ignore[untyped-decorator]  # pulumi leaves it untyped
def test_a_placeholder_becomes_the_id_of_the_object_once_known(program_dir: Path) -> Any:
    queue = zoomcc.Queue("support", name="Support", channel="voice")

    def check(content: dict[str, Any]) -> None:
        assert content["widgets"][0]["queue_id"] == "support-id"
        assert json.loads((program_dir / "support.json").read_text()) == TEMPLATE  # untouched

    return resolved({"support": queue.id}).apply(check)


@pulumi.runtime.test  # type: ignore[untyped-decorator]  # pulumi leaves it untyped
def test_an_id_left_unset_leaves_its_placeholder(program_dir: Path) -> Any:
    def check(content: dict[str, Any]) -> None:
        assert content == TEMPLATE

    return resolved({"support": None}).apply(check)


def test_a_placeholder_name_a_program_cannot_mean_fails_in_the_program(program_dir: Path) -> None:
    with pytest.raises(ValueError, match="'support queue'"):
        zoomcc.flow_file("support.json", {"support queue": "q1"})


def test_a_missing_template_fails_in_the_program_with_its_path(program_dir: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nowhere\.json"):
        zoomcc.flow_file("nowhere.json", {"support": "q1"})


def test_what_the_export_writes_the_helper_fills_back_to_the_source_json() -> None:
    written = planned(ROUTING)["flow_hotline"].files["flows/flow_hotline.json"]
    assert placeholder("queue_billing") in written
    assert QUEUE in fill(written, {"queue_billing": QUEUE})
    assert "${" not in fill(written, {"queue_billing": QUEUE})


NODES: list[tuple[str, Any, dict[str, Any]]] = [
    (
        "objects-with-an-id-in-a-list-are-nodes",
        {"flow_name": "F", "widgets": [{"id": "a", "type": "Start"}, {"id": 2, "next": "a"}]},
        {"a": {"type": "Start"}, "2": {"next": "a"}},
    ),
    (
        "a-nodes-inner-nodes-stay-in-it",
        {"nodes": [{"id": "m", "options": [{"id": "o1", "to": "q"}]}]},
        {"m": {"options": [{"id": "o1", "to": "q"}]}},
    ),
    (
        "nodes-are-found-at-any-depth",
        {"flow": {"steps": [{"id": "s", "queue_id": "q1"}]}},
        {"s": {"queue_id": "q1"}},
    ),
    (
        "the-same-id-twice-keeps-both",
        {"w": [{"id": "a", "n": 1}, {"id": "a", "n": 2}]},
        {"a": {"n": 1}, "a (2)": {"n": 2}},
    ),
    ("a-file-without-nodes-is-its-top-level", {"x": 1, "y": [1, 2]}, {"x": 1, "y": [1, 2]}),
    (
        "an-object-outside-a-list-is-no-node",
        {"id": "top", "a": {"id": "b"}},
        {"id": "top", "a": {"id": "b"}},
    ),
]


@pytest.mark.parametrize(("content", "expected"), [c[1:] for c in NODES], ids=[c[0] for c in NODES])
def test_a_flows_nodes(content: Any, expected: dict[str, Any]) -> None:
    assert nodes(content) == expected


def test_the_flow_page_shows_the_examples_flow_file_as_it_is() -> None:
    sample = (ROOT / "examples" / "flow-routing" / "flows" / "support.json").read_text()
    page = (ROOT / "docs" / "resources" / "flow.md").read_text()
    assert f"```json\n{sample.strip()}\n```" in page
