"""Pulumi YAML through the native plugin, with the real engine and Pulumi YAML's own language
host (``zoomcc engine --yaml``), against the emulator: ``examples/yaml`` as it is on disk is
deployed, previewed with no changes and no API call, drifted, changed (the preview names the
field), and destroyed; a queue made outside the stack is imported with ``pulumi import`` and
the YAML it generates previews with no changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, cast

import pytest
from pulumi import automation as auto

from tests.e2e.exports import run_export
from tests.e2e.stacks import EXAMPLES, Stacks
from tests.support.export_account import account
from zoomcc.client import ZoomClient
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain

pytestmark = pytest.mark.e2e

EXAMPLE = EXAMPLES / "yaml" / "Pulumi.yaml"
RESOURCES = 11
"""The example's resources (the stack comes on top; the default provider is not counted)."""


def yaml_copy(tmp_path: Path) -> Path:
    """A copy of ``examples/yaml`` for a test that edits it as a user would."""
    project = tmp_path / "yaml"
    project.mkdir()
    shutil.copy2(EXAMPLE, project / "Pulumi.yaml")
    return project


def edit(project: Path, old: str, new: str) -> None:
    text = (project / "Pulumi.yaml").read_text()
    assert text.count(old) == 1, f"{old!r} is not in the example exactly once"
    (project / "Pulumi.yaml").write_text(text.replace(old, new))


def queue_named(api: ZoomClient, name: str) -> dict[str, Any]:
    listed = api.request("GET", "/contact_center/queues", params={"page_size": 300})
    (found,) = [q for q in listed["queues"] if q["queue_name"] == name]
    return dict(api.request("GET", f"/contact_center/queues/{found['cc_queue_id']}"))


def test_the_yaml_example_deploys_previews_clean_names_changes_and_destroys(
    yaml_engine: EngineToolchain,
    stacks: Stacks,
    emulator: EmulatorServer,
    api: ZoomClient,
    tmp_path: Path,
) -> None:
    project = yaml_copy(tmp_path)
    stack = stacks.project(project, "dev", {"zoomcc-yaml:rootTeamId": ROOT_TEAM_ID})
    up = stack.up()
    assert up.summary.resource_changes == {"create": RESOURCES + 1}  # + the stack
    assert up.outputs["supportQueueId"].value == queue_named(api, "Support")["cc_queue_id"]

    before = len(emulator.state.requests)
    assert stack.preview().change_summary == {"same": RESOURCES + 1}
    assert emulator.state.requests[before:] == []  # a no-op preview calls no API

    queue = queue_named(api, "Support")["cc_queue_id"]
    api.request("PATCH", f"/contact_center/queues/{queue}", json={"wrap_up_time": 45})
    stack.refresh()
    drifted = stack.preview(diff=True)
    assert "wrapUpTime" in drifted.stdout, drifted.stdout
    assert cast(dict[str, int], drifted.change_summary).get("update") == 1

    edit(project, "maxWaitTime: 300", "maxWaitTime: 120")
    changed = stack.preview(diff=True)
    assert "maxWaitTime" in changed.stdout and "wrapUpTime" in changed.stdout, changed.stdout
    stack.up()
    live = queue_named(api, "Support")
    assert (live["max_wait_time"], live["wrap_up_time"]) == (120, 30)

    stack.destroy()
    assert emulator.state.object_count() == 0


def test_pulumi_import_of_a_queue_writes_yaml_that_previews_with_no_changes(
    yaml_engine: EngineToolchain,
    stacks: Stacks,
    emulator: EmulatorServer,
    api: ZoomClient,
    tmp_path: Path,
) -> None:
    made = api.request(
        "POST",
        "/contact_center/queues",
        json={"queue_name": "Walk-ins", "channel": "voice", "queue_description": "Made by hand"},
    )
    queue = made["cc_queue_id"]
    project = tmp_path / "imported"
    project.mkdir()
    (project / "Pulumi.yaml").write_text("name: zoomcc-import\nruntime: yaml\n")
    stack = stacks.project(project, "dev")
    imported = stack.import_resources(
        resources=[{"type": "zoomcc:index:Queue", "name": "walkIns", "id": queue}],
        generate_code=True,
        protect=False,
    )
    code = imported.generated_code
    assert "type: zoomcc:Queue" in code and "name: Walk-ins" in code, code
    assert "description: Made by hand" in code and "maxWaitTime" not in code, code  # no defaults
    (project / "Pulumi.yaml").write_text("name: zoomcc-import\nruntime: yaml\n" + code)
    before = len(emulator.state.requests)
    assert stack.preview().change_summary == {"same": 2}  # the stack, the queue
    assert emulator.state.requests[before:] == []
    stack.destroy()
    assert emulator.state.object_count() == 0


EXPLICIT_PROVIDER = """name: zoomcc-accounts
runtime: yaml
config:
  sandboxUrl:
    type: string
  sandboxSecret:
    type: string
    secret: true
resources:
  sandbox:
    type: pulumi:providers:zoomcc
    properties:
      accountId: emulator-account
      clientId: emulator-client
      clientSecret: ${sandboxSecret}
      baseUrl: ${sandboxUrl}
      pacing: "false"
  support:
    type: zoomcc:Queue
    properties:
      name: Support
      channel: voice
    options:
      provider: ${sandbox}
"""


def test_an_explicit_provider_resource_reaches_its_own_account_and_keeps_the_secret(
    yaml_engine: EngineToolchain,
    stacks: Stacks,
    emulator: EmulatorServer,
    tmp_path: Path,
) -> None:
    project = tmp_path / "accounts"
    project.mkdir()
    (project / "Pulumi.yaml").write_text(EXPLICIT_PROVIDER)
    config = {
        "zoomcc:baseUrl": "http://127.0.0.1:9/v2",  # the stack's own account: unreachable
        "zoomcc-accounts:sandboxUrl": emulator.api_base_url,
        "zoomcc-accounts:sandboxSecret": "emulator-secret",
    }
    stack = stacks.project(project, "dev", config)
    stack.set_config("zoomcc-accounts:sandboxSecret", auto.ConfigValue("emulator-secret", True))
    stack.up()
    assert [q["queue_name"] for q in emulator.state.objects("queues")] == ["Support"]
    (state,) = stacks.backend.rglob("stacks/zoomcc-accounts/dev.json")  # as it is on disk
    assert "emulator-secret" not in state.read_text()
    assert '"ciphertext"' in state.read_text()
    stack.destroy()
    assert emulator.state.object_count() == 0


ACCOUNT_TYPES = ["Queue", "Disposition", "BusinessHours"]
ACCOUNT_RELATIONS = ["QueueTeams", "QueueDispositions", "QueueOperatingHours"]


def test_an_account_exported_as_an_import_file_imports_into_yaml_with_no_changes(
    yaml_engine: EngineToolchain,
    stacks: Stacks,
    emulator: EmulatorServer,
    api: ZoomClient,
    tmp_path: Path,
) -> None:
    made = account(api)  # a queue with teams, outbound dispositions and hours; another queue
    types = [arg for t in ACCOUNT_TYPES + ACCOUNT_RELATIONS for arg in ("--include", t)]
    import_file = tmp_path / "import.json"
    run_export(emulator, tmp_path / "python", *types, "--import-file", str(import_file))
    entries = json.loads(import_file.read_text())["resources"]
    assert {
        "type": "zoomcc:index:QueueDispositions",
        "name": "queueDispositionsSupportOutbound",
        "id": f"{made['queue']}:outbound",
    } in entries

    project = tmp_path / "imported"
    project.mkdir()
    (project / "Pulumi.yaml").write_text("name: zoomcc-account\nruntime: yaml\n")
    stack = stacks.project(project, "dev")
    imported = stack.import_resources(resources=entries, generate_code=True, protect=False)
    (project / "Pulumi.yaml").write_text(
        "name: zoomcc-account\nruntime: yaml\n" + imported.generated_code
    )
    before = len(emulator.state.requests)
    assert stack.preview().change_summary == {"same": len(entries) + 1}
    assert emulator.state.requests[before:] == []
    stack.destroy()
    assert emulator.state.object_count() == 1  # the team: not exported, not imported
