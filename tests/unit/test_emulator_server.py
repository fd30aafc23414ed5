"""Extending and serving the emulator: a new collection is one table entry, the server
binds loopback, and serve() runs in the foreground."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx

from tests.support.emulator_calls import assert_error, created, get_token
from tests.support.emulator_calls import emu as emu  # fixture: this module's emulator
from tests.support.emulator_calls import fresh_state as fresh_state  # fixture: autouse reset
from tests.support.emulator_examples import QUEUE_CREATE
from zoomcc.emulator import (
    DEFAULT_COLLECTIONS,
    Collection,
    EmulatorServer,
    ErrorDef,
    FieldRule,
    ParentRef,
)

NOTES = Collection(
    name="queue_notes",
    path="/contact_center/queues/{queueId}/notes",
    id_field="note_id",
    list_key="notes",
    not_found=ErrorDef(404, 9999, "Note does not exist: {id}."),
    fields={"text": FieldRule("string")},
    create_fields=("text",),
    update_fields=("text",),
    required_on_create=("text",),
    create_view=("note_id", "text"),
    get_view=("note_id", "text"),
    list_view=("note_id", "text"),
    rate_labels={
        "list": "MEDIUM",
        "create": "LIGHT",
        "get": "LIGHT",
        "update": "LIGHT",
        "delete": "LIGHT",
    },
    parent=ParentRef("queues", "queueId"),
)


def test_a_new_collection_is_one_table_entry_including_sub_collections() -> None:
    with EmulatorServer(port=0, collections=(*DEFAULT_COLLECTIONS, NOTES)) as emu:
        headers = {"Authorization": f"Bearer {get_token(emu)}"}
        with httpx.Client(base_url=emu.api_base_url, headers=headers) as api:
            q1 = created(api.post("/contact_center/queues", json=QUEUE_CREATE))["cc_queue_id"]
            q2 = created(api.post("/contact_center/queues", json=QUEUE_CREATE))["cc_queue_id"]
            note = created(api.post(f"/contact_center/queues/{q1}/notes", json={"text": "hi"}))
            created(api.post(f"/contact_center/queues/{q2}/notes", json={"text": "other"}))
            listed = api.get(f"/contact_center/queues/{q1}/notes").json()
            assert listed["notes"] == [note] and listed["total_records"] == 1
            wrong_parent = api.get(f"/contact_center/queues/{q2}/notes/{note['note_id']}")
            assert_error(wrong_parent, 404, 9999)
            no_parent = api.get("/contact_center/queues/nope/notes")
            assert_error(no_parent, 404, 1201, "Queue does not exist: nope.")
            assert (
                api.patch(
                    f"/contact_center/queues/{q1}/notes/{note['note_id']}", json={"text": "x"}
                ).status_code
                == 204
            )
            assert emu.state.requests[-1].operation == "queue_notes.update"


def test_emulator_server_binds_loopback(emu: EmulatorServer) -> None:
    assert emu.url == f"http://127.0.0.1:{emu.port}" and emu.port > 0
    assert emu.api_base_url == emu.url + "/v2"
    assert emu.oauth_url == emu.url + "/oauth/token"


def test_serve_runs_in_the_foreground() -> None:
    with EmulatorServer(port=0) as probe:  # borrow a free port
        port = probe.port
    code = f"from zoomcc.emulator import serve; serve(port={port}, log_level='warning')"
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/_emulator/health", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert health.json() == {"status": "ok"}
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=20)
    assert b"Zoom Contact Center emulator on http://127.0.0.1:" in stderr
