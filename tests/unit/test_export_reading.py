"""What the export reads from an account (the emulator, over HTTP): memberships per
``assign_type``, a queue's teams from the queue it already read, settings only where they
say something (and only from parents that can have them), and progress per type with the
requests made so far."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cases import make_queue
from tests.support.export_account import account
from zoomcc.client import ZoomClient
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.emulator import EmulatorServer
from zoomcc.exporter import plan, read_account, selected_specs
from zoomcc.exporter.import_file import write_import_file
from zoomcc.exporter.references import Ref
from zoomcc.resources import catalog

TYPES = ["Queue", "Team", "Disposition", "BusinessHours"]
RELATIONS = ["QueueTeams", "QueueDispositions", "QueueOperatingHours"]


def test_memberships_and_settings_are_read_for_every_exported_parent(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    made = account(api)
    found = read_account(api, selected_specs(TYPES + RELATIONS))
    relations = {(o.spec.name, o.parent_id): o.live for o in found if not o.has_own_id}
    assert relations[("QueueTeams", made["queue"])]["team_ids"] == [made["team"]]
    outbound = [
        live
        for (name, parent), live in relations.items()
        if name == "QueueDispositions" and parent == made["queue"]
    ]
    assert [(d["assign_type"], d["disposition_ids"]) for d in outbound] == [
        ("outbound", [made["sold"]])
    ]
    # The queue without teams or dispositions has no membership resource.
    assert ("QueueTeams", made["idle"]) not in relations


def test_a_queues_teams_come_from_the_queue_already_read(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    account(api)
    emulator.state.clear_requests()
    read_account(api, selected_specs(["Queue", "QueueTeams"]))
    paths = [r.path for r in emulator.state.requests if r.operation != "oauth.token"]
    assert not any(p.endswith("/teams") for p in paths)


def test_settings_equal_to_a_new_queues_are_not_written(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    account(api)
    result = plan(read_account(api, selected_specs(TYPES + RELATIONS)))
    hours = [o for o in result.objects if o.spec.name == "QueueOperatingHours"]
    assert [o.name for o in hours] == ["queue_operating_hours_support"]


def test_progress_counts_objects_and_requests_per_type(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    account(api)
    seen: list[tuple[str, int, int]] = []

    def progress(type_name: str, read: int, requests: int) -> None:
        seen.append((type_name, read, requests))

    read_account(api, selected_specs(["Queue"]), progress)
    assert [read for name, read, _ in seen if name == "Queue"][-1] == 2
    requests = [r for _, _, r in seen]
    assert requests[-1] >= 3  # the list and a GET per queue
    assert max(requests) == api.stats.total_requests


def test_a_queue_that_cannot_have_interrupts_is_not_asked_for_them(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    voice = make_queue(api, name="Voice")
    chat = ResourceApi(catalog.get_object("Queue"), api).create(
        {"queue_name": "Chat", "channel": "messaging"}
    )["cc_queue_id"]
    emulator.state.clear_requests()
    unread: list[tuple[str, str, str]] = []
    read_account(api, selected_specs(["Queue", "QueueInterruptSettings"]), unreadable=unread)
    asked = [r.path for r in emulator.state.requests if r.path.endswith("/interrupt")]
    assert [p for p in asked if chat in p] == []
    assert [p for p in asked if voice in p] != []
    assert unread == []


def a_book_contact_with_a_tier(api: ZoomClient) -> dict[str, str]:
    """A contact whose custom field value its GET does not show."""
    unit = api.request("POST", "/contact_center/address_books/units", json={"unit_name": "Sales"})
    book = api.request(
        "POST",
        "/contact_center/address_books",
        json={"address_book_name": "Customers", "unit_id": unit["unit_id"]},
    )["address_book_id"]
    tier = api.request(
        "POST",
        "/contact_center/address_books/custom_fields",
        json={
            "custom_field_name": "Tier",
            "data_type": "pick_list",
            "pick_list_values": ["gold", "silver"],
            "address_book_ids": [book],
        },
    )["custom_field_id"]
    contact = {
        "display_name": "Ada",
        "phones": [{"phone_number": "+14155550100", "phone_type": "main"}],
        "phone_numbers": ["+14155550100"],
        "custom_fields": [{"custom_field_id": tier, "custom_field_value": "gold"}],
    }
    api.request("POST", f"/contact_center/address_books/{book}/contacts", json=contact)
    return {"tier": str(tier)}


def test_a_contacts_custom_field_values_are_read_and_point_at_their_fields(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    made = a_book_contact_with_a_tier(api)
    types = ["AddressBookUnit", "AddressBook", "AddressBookCustomField", "AddressBookContact"]
    result = plan(read_account(api, selected_specs(types)))
    names = {o.object_id: o.name for o in result.objects}
    (contact,) = [o for o in result.objects if o.spec.name == "AddressBookContact"]
    assert contact.inputs["custom_fields"] == [
        {"custom_field_id": Ref(names[made["tier"]]), "custom_field_value": "gold"}
    ]
    assert contact.notes == []


def test_the_import_file_names_objects_by_id_and_relations_by_their_parents_id(
    api: ZoomClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    made = account(api)
    result = plan(read_account(api, selected_specs(TYPES + RELATIONS)))
    path = tmp_path / "import.json"
    assert write_import_file(result, path) == []
    entries = {(e["type"], e["id"]) for e in json.loads(path.read_text())["resources"]}
    assert {
        ("zoomcc:index:Queue", made["queue"]),
        ("zoomcc:index:QueueTeams", made["queue"]),
        ("zoomcc:index:QueueDispositions", f"{made['queue']}:outbound"),
        ("zoomcc:index:QueueOperatingHours", made["queue"]),
    } <= entries
