"""The native plugin (``pulumi-resource-zoomcc``) through its real gRPC servicer, against the
emulator: schema names in and out, no API call in a preview, a diff field by field, a read
by id alone that gives inputs (``pulumi import``), lookups as functions.

The rough parts of the pinned SDK surface are tested here: Diff gets the old state (outputs),
not the old inputs; Create and Update are called with ``preview=True`` during a preview.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import pulumi
import pytest
from pulumi.output import Unknown
from pulumi.runtime import rpc
from pulumi.runtime.proto import provider_pb2

from tests.support.grpc_plugin import PluginClient, plugin_process
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer
from zoomcc.plugin.provider import schema_text

SUPPORT = {"name": "Support", "channel": "voice", "maxWaitTime": 300}


@pytest.fixture()
def plugin(stack_config: dict[str, Any]) -> Iterator[PluginClient]:
    """The plugin process, configured as the engine does: the settings without namespace."""
    with plugin_process() as client:
        client.configure({k.removeprefix("zoomcc:"): v for k, v in stack_config.items()})
        yield client


def created(
    plugin: PluginClient, type_name: str, news: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    inputs, failures = plugin.check(type_name, news)
    assert failures == []
    return plugin.create(type_name, inputs)


def test_the_plugin_serves_the_schema_codegen_wrote_with_every_type(plugin: PluginClient) -> None:
    served = plugin.schema()
    assert served == schema_text()
    assert len(json.loads(served)["resources"]) == 51
    assert "zoomcc:index:getQueue" in json.loads(served)["functions"]


def test_a_previewed_create_and_update_make_no_api_call(
    plugin: PluginClient, emulator: EmulatorServer
) -> None:
    inputs, _ = plugin.check("Queue", SUPPORT)
    before = len(emulator.state.requests)
    object_id, outputs = plugin.create("Queue", inputs, preview=True)
    assert (object_id, outputs["maxWaitTime"]) == ("", 300)
    assert isinstance(outputs["ccQueueId"], Unknown)
    changed = plugin.update("Queue", "q1", outputs, {**inputs, "maxWaitTime": 200}, preview=True)
    assert changed["maxWaitTime"] == 200
    assert len(emulator.state.requests) == before


def test_check_fails_in_one_line_naming_the_resource_and_the_schema_field(
    plugin: PluginClient,
) -> None:
    _, failures = plugin.check("Queue", {**SUPPORT, "maxWaitTime": "soon", "channel": "fax"})
    # The engine names the resource before each line; a line names its field once.
    assert sorted(f.split(":")[0].strip() for f in failures) == ["'channel'", "'maxWaitTime'"]
    assert all(not f.startswith("Queue") and "\n" not in f for f in failures)


def test_nested_arguments_travel_in_camel_case_and_reach_the_api_in_its_names(
    plugin: PluginClient, emulator: EmulatorServer
) -> None:
    hours = {
        "hourType": 2,
        "customHours": [
            {
                "dayOfWeek": 1,
                "customHourType": 2,
                "customHourRanges": [{"startTime": "09:00", "endTime": "17:00"}],
            }
        ],
    }
    news = {"name": "Office", "timezone": "America/New_York", "hours": hours}
    object_id, outputs = created(plugin, "BusinessHours", news)
    assert outputs["hours"]["customHours"][0]["customHourRanges"][0]["startTime"] == "09:00"
    sent = [r for r in emulator.state.requests if r.method == "POST" and "hours" in r.path]
    assert "custom_hour_ranges" in json.dumps(sent[0].body)
    assert plugin.diff("BusinessHours", object_id, outputs, news).changes == (
        provider_pb2.DiffResponse.DIFF_NONE
    )


def test_diff_compares_the_new_inputs_with_the_old_state_not_old_inputs(
    plugin: PluginClient,
) -> None:
    object_id, outputs = created(plugin, "Queue", SUPPORT)
    assert set(outputs) > set(SUPPORT)  # the state holds what the API answered besides
    diff = plugin.diff("Queue", object_id, outputs, SUPPORT)
    assert diff.changes == provider_pb2.DiffResponse.DIFF_NONE


DIFFS = [
    # (type, declared, change, field, kind)
    ("Queue", SUPPORT, {"maxWaitTime": 120}, "maxWaitTime", provider_pb2.PropertyDiff.UPDATE),
    ("Queue", SUPPORT, {"description": "new"}, "description", provider_pb2.PropertyDiff.ADD),
    (
        "SkillCategory",
        {"name": "Languages", "skillType": "proficiency", "maxProficiencyLevel": 5},
        {"skillType": "text"},
        "skillType",
        provider_pb2.PropertyDiff.UPDATE_REPLACE,
    ),
]


@pytest.mark.parametrize(("type_name", "declared", "change", "field", "kind"), DIFFS)
def test_a_diff_names_each_changed_field_and_whether_it_replaces(
    plugin: PluginClient,
    type_name: str,
    declared: dict[str, Any],
    change: dict[str, Any],
    field: str,
    kind: provider_pb2.PropertyDiff.Kind.ValueType,
) -> None:
    object_id, outputs = created(plugin, type_name, declared)
    diff = plugin.diff(type_name, object_id, outputs, {**declared, **change})
    assert diff.changes == provider_pb2.DiffResponse.DIFF_SOME
    assert dict(diff.detailedDiff) == {field: provider_pb2.PropertyDiff(kind=kind, inputDiff=True)}
    replaces = kind == provider_pb2.PropertyDiff.UPDATE_REPLACE
    assert list(diff.replaces) == ([field] if replaces else [])


def test_a_read_by_id_alone_gives_inputs_that_preview_with_no_changes(
    plugin: PluginClient, emulator: EmulatorServer
) -> None:
    object_id, _ = created(plugin, "Queue", {**SUPPORT, "description": "Calls"})
    before = len(emulator.state.requests)
    found, outputs, inputs = plugin.read("Queue", object_id)
    assert found == object_id
    assert inputs == {**SUPPORT, "description": "Calls"}
    checked, failures = plugin.check("Queue", inputs)
    assert failures == []
    assert plugin.diff("Queue", object_id, outputs, checked).changes == (
        provider_pb2.DiffResponse.DIFF_NONE
    )
    assert [r.method for r in emulator.state.requests[before:]] == ["GET"]


def test_a_refresh_keeps_the_declared_inputs_and_reads_the_drift(
    plugin: PluginClient, api: Any
) -> None:
    object_id, outputs = created(plugin, "Queue", SUPPORT)
    api.request("PATCH", f"/contact_center/queues/{object_id}", json={"max_wait_time": 90})
    _, refreshed, inputs = plugin.read("Queue", object_id, outputs, SUPPORT)
    assert (refreshed["maxWaitTime"], inputs) == (90, SUPPORT)
    diff = plugin.diff("Queue", object_id, refreshed, SUPPORT)
    assert list(diff.detailedDiff) == ["maxWaitTime"]


def test_a_full_lifecycle_leaves_the_emulator_empty(
    plugin: PluginClient, emulator: EmulatorServer
) -> None:
    object_id, outputs = created(plugin, "Queue", SUPPORT)
    news = {**SUPPORT, "maxWaitTime": 200}
    updated = plugin.update("Queue", object_id, outputs, news)
    assert updated["maxWaitTime"] == 200
    assert emulator.state.requests[-2].body == {"max_wait_time": 200}
    plugin.delete("Queue", object_id, updated)
    assert emulator.state.object_count() == 0


def test_a_lookup_is_a_function_answering_in_schema_names(plugin: PluginClient) -> None:
    object_id, _ = created(plugin, "Queue", SUPPORT)
    found = plugin.invoke("zoomcc:index:getQueue", {"name": "Support"})
    assert (found["id"], found["ccQueueId"], found["maxWaitTime"]) == (object_id, object_id, 300)


def test_a_secret_input_stays_secret_in_the_outputs(plugin: PluginClient) -> None:
    secret = {rpc._special_sig_key: rpc._special_secret_sig, "value": "private"}
    inputs, _ = plugin.check("Queue", {**SUPPORT, "description": secret})
    assert inputs["description"] == secret
    _, outputs = plugin.create("Queue", inputs)
    assert (outputs["description"], outputs["name"]) == (secret, "Support")


def test_a_resource_of_an_account_profile_diffs_clean_and_moving_it_replaces(
    stack_config: dict[str, Any],
) -> None:
    profile = {k.removeprefix("zoomcc:"): v for k, v in stack_config.items()}
    with plugin_process() as plugin:
        plugin.configure({**profile, "accounts": {"sandbox": profile, "prod": profile}})
        declared = {**SUPPORT, "account": "sandbox"}
        object_id, outputs = created(plugin, "Queue", declared)
        assert outputs["account"] == "sandbox"
        same = plugin.diff("Queue", object_id, outputs, declared)
        assert same.changes == provider_pb2.DiffResponse.DIFF_NONE
        moved = plugin.diff("Queue", object_id, outputs, {**declared, "account": "prod"})
        assert list(moved.replaces) == ["account"]


def test_a_failing_call_reads_as_one_line_in_schema_names(plugin: PluginClient) -> None:
    created(plugin, "Queue", SUPPORT)
    with pytest.raises(grpc.RpcError) as failed:
        created(plugin, "Queue", SUPPORT)  # the name is taken: adopt instead, says the error
    message = failed.value.details()
    assert message.startswith("Queue named 'Support' already exists"), message
    assert "importId: '" in message and "import_id" not in message, message
    assert "\n" not in message and "Unexpected" not in message and "Traceback" not in message


def test_a_misspelt_setting_fails_configuration_naming_it(stack_config: dict[str, Any]) -> None:
    settings = {k.removeprefix("zoomcc:"): v for k, v in stack_config.items()}
    with plugin_process() as plugin, pytest.raises(grpc.RpcError) as failed:
        plugin.configure({**settings, "basUrl": "http://127.0.0.1:1/v2"})
    assert "zoomcc:basUrl: did you mean zoomcc:baseUrl?" in failed.value.details()


def test_the_accounts_own_rate_limits_are_a_map_and_a_wrong_label_fails_naming_it(
    stack_config: dict[str, Any],
) -> None:
    settings = {k.removeprefix("zoomcc:"): v for k, v in stack_config.items()}
    with plugin_process() as plugin:
        plugin.configure({**settings, "pacing": True, "rateLimits": {"LIGHT": 30, "MEDIUM": 15}})
        created(plugin, "Queue", SUPPORT)
    with plugin_process() as plugin, pytest.raises(grpc.RpcError) as failed:
        plugin.configure({**settings, "rateLimits": {"LITE": 30}})
    assert "zoomcc:rateLimits.LITE is not a rate-limit label" in failed.value.details()


def test_memberships_and_settings_import_by_their_parents_id_with_what_it_has_now(
    plugin: PluginClient,
) -> None:
    queue, _ = created(plugin, "Queue", SUPPORT)
    team, _ = created(plugin, "Team", {"name": "Tier 1", "parentTeamId": ROOT_TEAM_ID})
    hours: dict[str, Any] = {
        "name": "Office",
        "timezone": "America/New_York",
        "hours": {"hourType": 1},
    }
    office, _ = created(plugin, "BusinessHours", hours)
    relations: dict[str, dict[str, Any]] = {
        "QueueTeams": {"queueId": queue, "teamIds": [team]},
        "QueueOperatingHours": {"queueId": queue, "operatingHoursBusinessHourId": office},
    }
    for type_name, declared in relations.items():
        created(plugin, type_name, declared)
        found, outputs, inputs = plugin.read(type_name, queue)
        assert (found, inputs) == (queue, declared), type_name
        checked, _ = plugin.check(type_name, inputs)
        diff = plugin.diff(type_name, queue, outputs, checked)
        assert diff.changes == provider_pb2.DiffResponse.DIFF_NONE, type_name


def test_a_file_asset_uploads_and_a_preview_after_shows_no_change(
    plugin: PluginClient, tmp_path: Path
) -> None:
    greeting = tmp_path / "greeting.mp3"
    greeting.write_bytes(b"ID3 a greeting")
    category, _ = created(plugin, "AssetCategory", {"name": "IVR prompts", "scope": "system"})
    item = {"assetItemLanguage": "en-US", "isDefault": True}
    declared = {
        "name": "Greeting",
        "type": "audio",
        "categoryId": category,
        "items": [{**item, "uploadFile": pulumi.FileAsset(str(greeting))}],
    }
    inputs, failures = plugin.check("Asset", declared)
    assert failures == [] and len(inputs["contentHash"]) == 64
    object_id, outputs = plugin.create("Asset", inputs)
    assert outputs["items"][0]["assetItemFileUrl"].endswith("greeting.mp3")
    again, _ = plugin.check("Asset", declared)
    assert plugin.diff("Asset", object_id, outputs, again).changes == (
        provider_pb2.DiffResponse.DIFF_NONE
    )


def test_a_membership_kept_per_assign_type_imports_by_parent_and_value(
    plugin: PluginClient,
) -> None:
    queue, _ = created(plugin, "Queue", SUPPORT)
    sold, _ = created(plugin, "Disposition", {"name": "Sold", "status": "active"})
    declared = {"queueId": queue, "dispositionIds": [sold], "assignType": "outbound"}
    created(plugin, "QueueDispositions", declared)
    found, _, inputs = plugin.read("QueueDispositions", f"{queue}:outbound")
    assert (found, inputs) == (f"{queue}:outbound", declared)
    _, _, inbound = plugin.read("QueueDispositions", queue)
    # No inbound dispositions: the required list is declared empty (as the exporter writes
    # an empty required field), nothing else.
    assert inbound == {"queueId": queue, "dispositionIds": []}
