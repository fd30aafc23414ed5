"""A flow's JSON names the objects it routes to by their ids: the export writes them as
``${<resource>}`` beside the program and the program's ``zoomcc.flow_file`` puts back the ids of
the account it runs in, so a flow recreated elsewhere routes to that account's objects.
What was left out is named as the program names it, never by an id."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from zoomcc.exporter import ExportedObject, plan, render_program
from zoomcc.exporter.references import FilePath, FlowFile, Ref
from zoomcc.resources import catalog

QUEUE, ASSET, FLOW = "queue-id-0000000000001", "asset-id-0000000000001", "flow-id-00000000000001"


def obj(type_name: str, object_id: str, live: dict[str, Any]) -> ExportedObject:
    return ExportedObject(catalog.get(type_name), object_id, live)


def flow(widgets: list[dict[str, Any]], name: str = "Hotline") -> ExportedObject:
    made = obj("Flow", FLOW, {"flow_id": FLOW, "flow_name": name, "status": "published"})
    made.files["flow_file"] = json.dumps({"flow_name": name, "widgets": widgets}, sort_keys=True)
    return made


def account(widgets: list[dict[str, Any]]) -> list[ExportedObject]:
    return [
        obj("Queue", QUEUE, {"cc_queue_id": QUEUE, "queue_name": "Billing", "channel": "voice"}),
        obj("AssetCategory", "cat-id", {"category_id": "cat-id", "category_name": "S"}),
        flow(widgets),
    ]


ROUTING = [
    {"id": "hello", "type": "PlayMessage", "asset_id": "not-exported-asset"},
    {"id": "q", "type": "RouteTo", "queue_id": QUEUE, "fallback": f"queue:{QUEUE}"},
    {"id": "self", "type": "Loop", "flow_id": FLOW},
]


def planned(widgets: list[dict[str, Any]]) -> dict[str, ExportedObject]:
    return {o.name: o for o in plan(account(widgets)).objects}


def test_an_exported_id_in_a_flow_is_a_placeholder_wherever_it_is_in_the_json() -> None:
    text = planned(ROUTING)["flow_hotline"].files["flows/flow_hotline.json"]
    assert QUEUE not in text
    assert text.count("${queue_billing}") == 2


def test_ids_the_export_does_not_declare_stay_as_they_are() -> None:
    text = planned(ROUTING)["flow_hotline"].files["flows/flow_hotline.json"]
    assert "not-exported-asset" in text
    assert FLOW in text  # its own id: a flow cannot refer to itself


def test_the_flow_file_argument_refers_to_what_the_json_names() -> None:
    file = planned(ROUTING)["flow_hotline"].inputs["flow_file"]
    assert file == FlowFile("flows/flow_hotline.json", (("queue_billing", Ref("queue_billing")),))


def test_a_flow_naming_no_exported_object_is_a_plain_path() -> None:
    widgets = [{"id": "q", "type": "RouteTo", "queue_id": "elsewhere"}]
    assert planned(widgets)["flow_hotline"].inputs["flow_file"] == FilePath(
        "flows/flow_hotline.json"
    )


def test_the_flow_comes_after_what_its_json_names() -> None:
    names = [o.name for o in plan(account(ROUTING)).objects]
    assert names.index("queue_billing") < names.index("flow_hotline")


EXPECTED = [
    'file=zoomcc.flow_file(\n        "flows/flow_hotline.json",\n'
    '        {"queue_billing": queue_billing.id},\n    ),',
    "# flows/flow_hotline.json names what the flow routes to as ${<resource>}",
]


@pytest.mark.parametrize("text", EXPECTED)
def test_the_program_holds(text: str) -> None:
    assert text in render_program(plan(account(ROUTING)))


def test_a_program_without_such_flows_fills_no_placeholders() -> None:
    widgets = [{"id": "q", "type": "RouteTo", "queue_id": "elsewhere"}]
    assert "flow_file" not in render_program(plan(account(widgets)))


def test_the_program_fills_placeholders_with_the_sdk_helper_not_a_copy_of_its_own() -> None:
    program = render_program(plan(account(ROUTING)))
    assert "zoomcc.flow_file(" in program
    assert "def flow_file" not in program and "Path(" not in program


def test_the_program_with_the_helper_is_ruff_clean(tmp_path: Path) -> None:
    main = tmp_path / "__main__.py"
    main.write_text(render_program(plan(account(ROUTING))))
    lint = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "E,F,W", str(main)],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout


def test_what_was_left_out_on_an_object_is_named_by_the_program_not_by_its_id() -> None:
    result = plan(
        account(ROUTING),
        [("QueueInterruptSettings", QUEUE, "cannot read: only voice queues")],
    )
    program = render_program(result)
    assert "not exported: QueueInterruptSettings on queue_billing" in program
    assert QUEUE not in program


def test_a_flow_routing_to_a_queue_that_overflows_to_it_is_cut_and_still_runs() -> None:
    objects = account(ROUTING)
    objects[0].live["overflow_to_flow_id"] = FLOW
    result = plan(objects)
    program = render_program(result)
    assert FLOW not in program and QUEUE not in program
    names = [o.name for o in result.objects]
    assert len(names) == len(set(names))
    # Whichever reference closes the cycle is config left unset on a first run; the
    # helper then leaves that placeholder as it is rather than failing
    # (tests/unit/test_flow_file.py).
    assert "config.get(" in program
