"""The export's independent round trip: a program written apart from the shared test cases
(``programs/every_type_again.py``, every SDK type, several objects per type, references in
nested fields and lists) is deployed through the real engine into account A; A's export
names no exported object by its id; the export, run with a stack without import ids,
recreates A in an empty account B; B's export is A's apart from ids, and B holds A's objects
and links; with its import ids the export adopts A without creating anything."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.exports import (
    NOT_LISTABLE,
    flow_files,
    holdings,
    import_ids,
    in_an_empty_account,
    outside_config,
    resource_count,
    run_export,
    undeclared_arguments,
    without_ids,
)
from tests.e2e.stacks import Stacks
from zoomcc.emulator import EmulatorServer
from zoomcc.emulator.areas.users.objects import MAIN_REGION_ID
from zoomcc.emulator.state import ROOT_TEAM_ID
from zoomcc.resources import catalog

pytestmark = pytest.mark.e2e

PROGRAM = Path(__file__).parent / "programs" / "every_type_again.py"

OUTSIDE = {
    "topTeamId": ROOT_TEAM_ID,
    "sipZoneId": "SipZoneIberia000000001",
    "callerNumberId": "emulatorPhoneNumber01",
    "hotlineEntryId": "hotlineEntry0000000001",
    "readyAgentEmail": "rosa@example.org",
}
"""What the program cannot create: the account's top-level team, a SIP zone, a phone
number and a flow entry point (stack config of the program, as a user's would be)."""

AGENT_ROLE_ID = "builtin-agent"
"""The emulator's built-in Agent role."""

VOLATILE = ("_time", "modified_by", "total_", "_count", "_url")
"""Fields that differ between two accounts holding the same configuration: stamps, counts,
and where a file is served from."""

NOT_COMPARED = {"users": "status_name"}
"""Held by A but not carried over, each for a reason outside the export: a user's presence
(``Ready``, ``Offline``) is set by the agent's client, not configuration. (A contact's
custom field values, which its GET does not show, are compared: the export reads them
through "List a contact's custom fields".)"""

WELCOME_EN = b"ID3 welcome-en"
"""What the program uploads as its welcome asset's English item (``media/welcome-en.mp3``)."""

ID_LIKE = re.compile(r"[\w-]{22}")
"""An id the emulator made (22 characters), where it is a key (a user's inbox notification)."""


def all_ids(emu: EmulatorServer) -> dict[str, str]:
    """Every object's id in the account -> its collection."""
    found = {}
    for name, objects in emu.state.all_objects().items():
        id_field = emu.state.store.collection(name).id_field
        for obj in objects:
            if obj.get(id_field):
                found[str(obj[id_field])] = name
    return found


def stored(emu: EmulatorServer) -> dict[str, list[dict[str, Any]]]:
    """Every collection's objects as the emulator keeps them: with the memberships and
    settings each parent holds (a queue's agents, a user's skills, an inbox's queues...),
    which no GET view shows whole."""
    with emu.state.locked_store() as store:
        return {
            name: [dict(o) for o in store.items(name)]
            for name in emu.state.all_objects()
            if name not in NOT_LISTABLE
        }


def normalised(emu: EmulatorServer, names: dict[str, str]) -> dict[str, list[str]]:
    """Each collection's objects, links included, as JSON: ids replaced by the export's
    names for them (or a placeholder), volatile fields left out, in a stable order."""
    ids = all_ids(emu)

    def norm_key(key: str) -> str:
        if key in names:
            return f"<{names[key]}>"
        return "<id>" if key in ids or ID_LIKE.fullmatch(key) else key

    def norm(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {
                norm_key(k): norm(v, k)
                for k, v in sorted(value.items())
                if not any(m in k for m in VOLATILE)
            }
        if isinstance(value, list):
            return sorted((norm(v, key) for v in value), key=lambda v: json.dumps(v))
        if isinstance(value, str):
            if value in names:
                return f"<{names[value]}>"
            if value in ids or key == "id" or key.endswith("_id"):
                return "<id>"
        return value

    def shown(collection: str, obj: dict[str, Any]) -> str:
        kept = {k: v for k, v in obj.items() if k != NOT_COMPARED.get(collection)}
        return json.dumps(norm(kept), sort_keys=True)

    return {
        collection: sorted(shown(collection, o) for o in objects)
        for collection, objects in stored(emu).items()
        if objects
    }


def differences(
    a: dict[str, list[str]], b: dict[str, list[str]]
) -> dict[str, tuple[list[str], list[str]]]:
    """Per collection, the objects only A holds and those only B holds."""
    out = {}
    for name in sorted(set(a) | set(b)):
        only_a = [o for o in a.get(name, []) if o not in b.get(name, [])]
        only_b = [o for o in b.get(name, []) if o not in a.get(name, [])]
        if only_a or only_b:
            out[name] = (only_a, only_b)
    return out


def test_an_unseen_program_of_every_type_exports_without_ids_and_recreates_elsewhere(
    stacks: Stacks, tmp_path: Path, emulator: EmulatorServer
) -> None:
    project = tmp_path / "unseen"
    project.mkdir()
    (project / "Pulumi.yaml").write_text("name: unseen\nruntime: python\n")
    shutil.copy2(PROGRAM, project / "__main__.py")
    program_text = PROGRAM.read_text()
    declared = {name for name in catalog.BY_NAME if f"zoomcc.{name}(" in program_text}
    assert declared == set(catalog.BY_NAME)
    # A user added by hand: in the main region with the Agent role, as the server makes one.
    rosa = {"user_email": "rosa@example.org", "status_name": "Ready"}
    emulator.state.seed("users", [{**rosa, "region_id": MAIN_REGION_ID, "role_id": AGENT_ROLE_ID}])
    source = stacks.project(project, "account-a", {f"unseen:{k}": v for k, v in OUTSIDE.items()})
    assert source.up().summary.result == "succeeded"

    out_a = tmp_path / "export-a"
    first = run_export(emulator, out_a)
    ids_a = import_ids(out_a)
    # Every object the API can return is exported, a campaign with empty dialing settings
    # too: the program notes only what no call lists.
    assert re.findall(r"^# not exported: (\w+) (\S+)", first, re.M) == [
        ("CampaignDncListPhones", "*")
    ]
    assert "dialing_method_settings={}," in first
    # No argument its source never declared (a user made outside the program has none).
    assert undeclared_arguments(first, ids_a, source) == {"user_rosa": {"<no source>"}}
    # The assets' media came from the account, byte for byte.
    assert (out_a / "assets/asset_welcome/en_us.mp3").read_bytes() == WELCOME_EN
    # No id of an object the export declares is written anywhere in the program.
    exported_ids = {i: c for i, c in all_ids(emulator).items() if i in set(ids_a.values())}
    literal = {i: c for i, c in all_ids(emulator).items() if i in first}
    assert literal == {}
    # Nor does the stack's config name them (but for the import ids themselves).
    assert [k for k, v in outside_config(out_a).items() if v in exported_ids] == []
    assert len(exported_ids) == len(ids_a)
    # Nor does a flow's JSON beside it: the program gives it this account's ids.
    flows_a = json.dumps(flow_files(out_a))
    assert "${queue_billing}" in flows_a
    assert {i: c for i, c in all_ids(emulator).items() if i in flows_a} == {}

    with in_an_empty_account(stacks, out_a, first) as (empty, copy):
        assert copy.up().summary.result == "succeeded"
        assert copy.preview().change_summary == {"same": resource_count(first) + 1}
        out_b = tmp_path / "export-b"
        second = run_export(empty, out_b)
        ids_b = import_ids(out_b)
        assert without_ids(second, ids_b) == without_ids(first, ids_a)
        assert outside_config(out_b) == outside_config(out_a)
        # B's flow routes to B's queue: B's export names it by the same placeholder.
        assert flow_files(out_b) == flow_files(out_a)
        held_a, held_b = holdings(emulator), holdings(empty)
        for name in NOT_LISTABLE:
            held_a.pop(name, None)
        assert held_b == held_a
        names_a = {v: k for k, v in ids_a.items()}
        names_b = {v: k for k, v in ids_b.items()}
        assert differences(normalised(emulator, names_a), normalised(empty, names_b)) == {}

    # Account A again, with the import ids: adopted as it is, the flow's resolved JSON
    # being the one A holds; nothing is created.
    adopt = stacks.project(out_a, "dev")
    emulator.state.clear_requests()
    assert adopt.up().summary.result == "succeeded"
    posts = [r.path for r in emulator.state.requests if r.method == "POST"]
    assert [p for p in posts if "oauth" not in p] == []
    assert adopt.preview().change_summary == {"same": resource_count(first) + 1}
