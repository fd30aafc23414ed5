"""`zoomcc export` of an account holding every type, through the real engine: deploy the
program of every type into account A, export A, run the export into an empty account B
with a stack without import ids, export B: the two exports are the same apart from ids,
and so are the accounts; then the export adopts A with its import ids, sending no POST."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.exports import (
    NOT_LISTABLE,
    holdings,
    import_ids,
    in_an_empty_account,
    outside_config,
    run_export,
    undeclared_arguments,
    without_ids,
)
from tests.e2e.stacks import Stacks
from tests.support.cases import Declared, program
from zoomcc.emulator import EmulatorServer

pytestmark = pytest.mark.e2e


def test_export_recreates_every_type_and_adopts_the_source(
    stacks: Stacks, tmp_path: Path, emulator: EmulatorServer, every_kind: list[Declared]
) -> None:
    source = stacks.inline(program(every_kind, 1), "account-a")
    source.up()

    out_a = tmp_path / "export-a"
    first = run_export(emulator, out_a)
    assert run_export(emulator, tmp_path / "export-a-again") == first  # deterministic
    ids_a = import_ids(out_a)
    # Every object the API can return is exported (a campaign with empty dialing settings
    # too): the program notes only what no call lists.
    assert re.findall(r"^# not exported: (\w+) (\S+)", first, re.M) == [
        ("CampaignDncListPhones", "*")
    ]
    # No resource has an argument its source never declared (the prerequisites the cases
    # make through the API have no source resource: nothing to compare them with).
    undeclared = undeclared_arguments(first, ids_a, source)
    assert {k: v for k, v in undeclared.items() if v != {"<no source>"}} == {}
    # No id of an exported object is written in the program: they are all references.
    assert [i for i in ids_a.values() if i in first] == []
    lint = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", str(out_a / "__main__.py")],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout

    # Account B, empty: the export without import ids recreates the configuration.
    with in_an_empty_account(stacks, out_a, first) as (empty, copy):
        up = copy.up()
        assert up.summary.result == "succeeded"
        assert copy.preview().change_summary == {"same": len(ids_a) + _relations(first) + 1}
        out_b = tmp_path / "export-b"
        second = run_export(empty, out_b)
        assert without_ids(second, import_ids(out_b)) == without_ids(first, ids_a)
        assert second == first
        assert outside_config(out_b) == outside_config(out_a)
        assert sorted(p.name for p in (out_b / "flows").iterdir()) == sorted(
            p.name for p in (out_a / "flows").iterdir()
        )
        for flow in (out_a / "flows").iterdir():
            assert json.loads((out_b / "flows" / flow.name).read_text()) == json.loads(
                flow.read_text()
            )
        held_a, held_b = holdings(emulator), holdings(empty)
        for name in NOT_LISTABLE:
            held_a.pop(name, None)
        assert held_b == held_a

    # Account A again, with the import ids: everything adopted, nothing created.
    adopt = stacks.project(out_a, "dev")
    emulator.state.clear_requests()
    adopt.up()
    posts = [
        r for r in emulator.state.requests if r.method == "POST" and r.operation != "oauth.token"
    ]
    assert posts == []
    assert adopt.preview().change_summary == {"same": len(ids_a) + _relations(first) + 1}


def _relations(program_text: str) -> int:
    """Membership and settings resources of the program (they have no import id)."""
    resources = len(re.findall(r"^\w+ = zoomcc\.\w+\($", program_text, re.M))
    return resources - len(re.findall(r"import_id=import_ids", program_text))
